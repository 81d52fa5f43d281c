from django.urls import include, path

from cityhall.console import views

app_name = "console"
urlpatterns = [
    path("", views.home, name="home"),
    path("departments/", views.departments, name="departments"),
    path("audit/", views.audit_list, name="audit_list"),
    path("audit/verify/", views.audit_check, name="audit_verify"),
    path("org/", include("cityhall.accounts.console.urls")),
    path("plans/", include("cityhall.plans.console.urls")),
    path("procedures/", include("cityhall.procedures.console.urls")),
    path("opendata/", include("cityhall.opendata.console.urls")),
    path("announcements/", include("cityhall.announcements.console.urls")),
    path("notifications/", include("cityhall.notifications.console.urls")),
]
