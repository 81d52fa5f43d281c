from django.urls import path

from cityhall.opendata import console_views as views

app_name = "opendata"
urlpatterns = [
    path("", views.dataset_list, name="list"),
    path("new/", views.dataset_create, name="create"),
    path("datasets/<uuid:dataset_id>/", views.dataset_detail, name="detail"),
    path("datasets/<uuid:dataset_id>/edit/", views.dataset_edit, name="edit"),
    path("datasets/<uuid:dataset_id>/state/", views.dataset_state, name="state"),
    path("datasets/<uuid:dataset_id>/upload/", views.upload, name="upload"),
    path("versions/<int:version_id>/withdraw/", views.version_withdraw, name="version_withdraw"),
    path("uploads/<uuid:upload_id>/", views.upload_detail, name="upload_detail"),
    path("uploads/<uuid:upload_id>/fix/", views.upload_fix, name="upload_fix"),
    path("uploads/<uuid:upload_id>/publish/", views.upload_publish, name="upload_publish"),
    path("uploads/<uuid:upload_id>/discard/", views.upload_discard, name="upload_discard"),
    path("uploads/<uuid:upload_id>/file.csv", views.upload_work, name="upload_work"),
    path("demo/toilets-messy.csv", views.demo_messy_file, name="demo_messy_file"),
    path("requests/", views.request_list, name="requests"),
    path("requests/<int:pk>/", views.request_answer, name="request_answer"),
    path("usage/", views.usage, name="usage"),
    path("usage/daily.csv", views.usage_csv, name="usage_csv"),
    path("usage/fy<int:year>.csv", views.usage_year_csv, name="usage_year_csv"),
    path("schemas/", views.schema_list, name="schemas"),
    path("schemas/new/", views.schema_edit, name="schema_new"),
    path("schemas/<slug:key>/", views.schema_edit, name="schema_edit"),
    path("settings/", views.settings_edit, name="settings"),
]
