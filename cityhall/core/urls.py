from django.urls import path

from cityhall.core import views

urlpatterns = [path("", views.healthz, name="healthz")]
