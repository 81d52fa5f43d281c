from django.urls import path

from cityhall.procedures.console import portal, procedures, review

app_name = "procedures"
urlpatterns = [
    path("", procedures.staff_list, name="list"),
    path("new/", procedures.create, name="create"),
    path("<int:procedure_id>/", procedures.edit, name="edit"),
    path("<int:procedure_id>/submit/", procedures.submit, name="submit"),
    path("<int:procedure_id>/files/", procedures.file_upload, name="file_upload"),
    path("<int:procedure_id>/files/<int:stored_id>/remove/", procedures.file_remove, name="file_remove"),
    path("review/", review.review, name="review"),
    path("versions/<int:version_id>/", review.version, name="version"),
    path("versions/<int:version_id>/files/<int:stored_id>/", review.version_file, name="version_file"),
    path("gaps/", portal.gaps, name="gaps"),
    path("synonyms/", portal.synonyms, name="synonyms"),
    path("synonyms/<int:synonym_id>/delete/", portal.synonym_delete, name="synonym_delete"),
    path("life-events/", portal.rules_index, name="rules_index"),
    path("life-events/<slug:slug>/rules/", portal.rules, name="rules"),
    path("rules/<int:rule_id>/delete/", portal.rule_delete, name="rule_delete"),
]
