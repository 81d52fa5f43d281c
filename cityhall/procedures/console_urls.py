from django.urls import path

from cityhall.procedures import console_views as views

app_name = "procedures"
urlpatterns = [
    path("", views.staff_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:procedure_id>/", views.edit, name="edit"),
    path("<int:procedure_id>/submit/", views.submit, name="submit"),
    path("<int:procedure_id>/files/", views.file_upload, name="file_upload"),
    path("<int:procedure_id>/files/<int:stored_id>/remove/", views.file_remove, name="file_remove"),
    path("review/", views.review, name="review"),
    path("versions/<int:version_id>/", views.version, name="version"),
    path("versions/<int:version_id>/files/<int:stored_id>/", views.version_file, name="version_file"),
    path("gaps/", views.gaps, name="gaps"),
    path("synonyms/", views.synonyms, name="synonyms"),
    path("synonyms/<int:synonym_id>/delete/", views.synonym_delete, name="synonym_delete"),
    path("life-events/", views.rules_index, name="rules_index"),
    path("life-events/<slug:slug>/rules/", views.rules, name="rules"),
    path("rules/<int:rule_id>/delete/", views.rule_delete, name="rule_delete"),
    path("notices/", views.notices, name="notices"),
    path("notices/<int:notice_id>/withdraw/", views.notice_withdraw, name="notice_withdraw"),
    path("emergency/", views.emergency, name="emergency"),
]
