from django.urls import path

from cityhall.opendata import dcat, views

app_name = "opendata"
urlpatterns = [
    path("opendata/", views.index, name="index"),
    path("opendata/api/", views.api_guide, name="api_guide"),
    path("opendata/catalog.jsonld", dcat.catalog_view, {"fmt": "jsonld"}, name="catalog_jsonld"),
    path("opendata/catalog.ttl", dcat.catalog_view, {"fmt": "ttl"}, name="catalog_ttl"),
    path("opendata/dataset/<slug:slug>/", views.dataset, name="dataset"),
    path("opendata/dataset/<slug:slug>.jsonld", dcat.dataset_view, {"fmt": "jsonld"}, name="dataset_jsonld"),
    path("opendata/dataset/<slug:slug>.ttl", dcat.dataset_view, {"fmt": "ttl"}, name="dataset_ttl"),
    path("opendata/download/<uuid:resource_id>/<str:filename>", views.download, name="download"),
    path("opendata/requests/", views.requests_list, name="requests"),
    path("opendata/requests/new/", views.request_new, name="request_new"),
    path("opendata/requests/<int:pk>/", views.request_detail, name="request"),
]
