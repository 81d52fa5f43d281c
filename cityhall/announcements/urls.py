from django.urls import path

from cityhall.announcements import views

app_name = "announcements"
urlpatterns = [
    path("", views.index, name="index"),
    path("feed.atom", views.feed, name="feed"),
    path("<int:notice_id>/", views.detail, name="detail"),
]
