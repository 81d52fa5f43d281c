from django.urls import path

from cityhall.procedures import views

app_name = "procedures"
urlpatterns = [
    path("procedures/", views.index, name="index"),
    path("procedures/search/", views.search, name="search"),
    path("procedures/category/<str:category>/", views.category, name="category"),
    path("procedures/<slug:slug>/", views.detail, name="detail"),
    path("procedures/<slug:slug>/files/<int:stored_id>/", views.download, name="download"),
    path("life/", views.life_events, name="life_events"),
    path("life/<slug:slug>/", views.life_event, name="life_event"),
    path("life/<slug:slug>/checklist/", views.checklist, name="checklist"),
    path("life/<slug:slug>/checklist.pdf", views.checklist_download, name="checklist_pdf"),
    path("departments/", views.departments, name="departments"),
    path("departments/<slug:code>/", views.department, name="department"),
]
