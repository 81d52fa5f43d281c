from django.urls import path

from cityhall.plans.console import decisions, downloads, initiative, meetings, overview, score_rule

app_name = "plans"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("gantt/", overview.gantt, name="gantt"),
    path("dashboard/", overview.dashboard, name="dashboard"),
    path("ranking/", overview.ranking, name="ranking"),
    path("ranking/rule/", score_rule.score_rule, name="score_rule"),
    path("initiatives/<int:initiative_id>/", initiative.initiative_detail, name="initiative"),
    path("initiatives/<int:initiative_id>/edit/", initiative.initiative_edit, name="initiative_edit"),
    path("initiatives/<int:initiative_id>/schedule/", initiative.schedule_add, name="schedule_add"),
    path("initiatives/<int:initiative_id>/schedule/<int:bar_id>/", initiative.schedule_edit, name="schedule_edit"),
    path(
        "initiatives/<int:initiative_id>/schedule/<int:bar_id>/delete/",
        initiative.schedule_delete,
        name="schedule_delete",
    ),
    path("initiatives/<int:initiative_id>/score/", initiative.score, name="score"),
    path("initiatives/<int:initiative_id>/progress/", initiative.progress, name="progress"),
    path("initiatives/<int:initiative_id>/annual-plan/", initiative.annual_plan, name="annual_plan"),
    path("initiatives/<int:initiative_id>/tasks/", initiative.task, name="task"),
    path("initiatives/<int:initiative_id>/tasks/<int:task_id>/status/", initiative.task_status, name="task_status"),
    path("initiatives/<int:initiative_id>/evaluation/", initiative.evaluation, name="evaluation"),
    path("evidence/<int:report_id>/", downloads.evidence, name="evidence"),
    path("decisions/", decisions.decisions, name="decisions"),
    path("meetings/", meetings.meetings, name="meetings"),
    path("meetings/<int:meeting_id>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:meeting_id>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("export/<str:dataset>.csv", downloads.csv_export, name="export_csv"),
    path("export/plan.xlsx", downloads.xlsx_export, name="export_xlsx"),
    path("export/meeting-pack.pdf", downloads.meeting_pack, name="meeting_pack"),
]
