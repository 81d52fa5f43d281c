from django.urls import path

from cityhall.plans import exports, views

app_name = "plans"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("gantt/", views.gantt, name="gantt"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("ranking/", views.ranking, name="ranking"),
    path("ranking/rule/", views.score_rule, name="score_rule"),
    path("initiatives/<int:initiative_id>/", views.initiative_detail, name="initiative"),
    path("initiatives/<int:initiative_id>/edit/", views.initiative_edit, name="initiative_edit"),
    path("initiatives/<int:initiative_id>/schedule/", views.schedule_add, name="schedule_add"),
    path("initiatives/<int:initiative_id>/schedule/<int:bar_id>/", views.schedule_edit, name="schedule_edit"),
    path(
        "initiatives/<int:initiative_id>/schedule/<int:bar_id>/delete/",
        views.schedule_delete,
        name="schedule_delete",
    ),
    path("initiatives/<int:initiative_id>/score/", views.score, name="score"),
    path("initiatives/<int:initiative_id>/progress/", views.progress, name="progress"),
    path("initiatives/<int:initiative_id>/annual-plan/", views.annual_plan, name="annual_plan"),
    path("initiatives/<int:initiative_id>/tasks/", views.task, name="task"),
    path("initiatives/<int:initiative_id>/tasks/<int:task_id>/status/", views.task_status, name="task_status"),
    path("initiatives/<int:initiative_id>/evaluation/", views.evaluation, name="evaluation"),
    path("evidence/<int:report_id>/", views.evidence, name="evidence"),
    path("decisions/", views.decisions, name="decisions"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/<int:meeting_id>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:meeting_id>/edit/", views.meeting_edit, name="meeting_edit"),
    path("export/<str:dataset>.csv", exports.csv_export, name="export_csv"),
    path("export/plan.xlsx", exports.xlsx_export, name="export_xlsx"),
    path("export/meeting-pack.pdf", exports.meeting_pack, name="meeting_pack"),
]
