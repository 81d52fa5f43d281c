from django.urls import path

from cityhall.opendata.console import data_requests, datasets, schemas, uploads, usage

app_name = "opendata"
urlpatterns = [
    path("", datasets.dataset_list, name="list"),
    path("new/", datasets.dataset_create, name="create"),
    path("datasets/<uuid:dataset_id>/", datasets.dataset_detail, name="detail"),
    path("datasets/<uuid:dataset_id>/edit/", datasets.dataset_edit, name="edit"),
    path("datasets/<uuid:dataset_id>/state/", datasets.dataset_state, name="state"),
    path("datasets/<uuid:dataset_id>/upload/", uploads.upload, name="upload"),
    path("versions/<int:version_id>/withdraw/", datasets.version_withdraw, name="version_withdraw"),
    path("uploads/<uuid:upload_id>/", uploads.upload_detail, name="upload_detail"),
    path("uploads/<uuid:upload_id>/fix/", uploads.upload_fix, name="upload_fix"),
    path("uploads/<uuid:upload_id>/confirm/", uploads.upload_confirm, name="upload_confirm"),
    path("uploads/<uuid:upload_id>/publish/", uploads.upload_publish, name="upload_publish"),
    path("uploads/<uuid:upload_id>/discard/", uploads.upload_discard, name="upload_discard"),
    path("uploads/<uuid:upload_id>/file.csv", uploads.upload_work, name="upload_work"),
    path("demo/toilets-messy.csv", uploads.demo_messy_file, name="demo_messy_file"),
    path("requests/", data_requests.request_list, name="requests"),
    path("requests/<int:pk>/", data_requests.request_answer, name="request_answer"),
    path("usage/", usage.usage, name="usage"),
    path("usage/daily.csv", usage.usage_csv, name="usage_csv"),
    path("usage/fy<int:year>.csv", usage.usage_year_csv, name="usage_year_csv"),
    path("schemas/", schemas.schema_list, name="schemas"),
    path("schemas/new/", schemas.schema_edit, name="schema_new"),
    path("schemas/<slug:key>/", schemas.schema_edit, name="schema_edit"),
    path("settings/", schemas.settings_edit, name="settings"),
]
