"""The CKAN-compatible Action API, mounted at /api/3/action/ (outside the language prefixes)."""

from django.urls import path

from cityhall.opendata import ckan

app_name = "ckan"
urlpatterns = [
    path("<str:name>", ckan.action, name="action"),
]
