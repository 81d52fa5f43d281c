"""Console pages of the ICT plan. Thin: parse, call one service or selector, render."""

from cityhall.plans.views.access import editor_required, reader_required
from cityhall.plans.views.initiative import (
    annual_plan,
    evaluation,
    initiative_detail,
    initiative_edit,
    progress,
    schedule_add,
    schedule_delete,
    schedule_edit,
    score,
    task,
    task_status,
)
from cityhall.plans.views.meetings import meeting_detail, meeting_edit, meetings
from cityhall.plans.views.pages import dashboard, decisions, evidence, gantt, overview, ranking
from cityhall.plans.views.score_rule import score_rule

__all__ = [
    "annual_plan",
    "dashboard",
    "decisions",
    "editor_required",
    "evaluation",
    "evidence",
    "gantt",
    "initiative_detail",
    "initiative_edit",
    "meeting_detail",
    "meeting_edit",
    "meetings",
    "overview",
    "progress",
    "ranking",
    "reader_required",
    "schedule_add",
    "schedule_delete",
    "schedule_edit",
    "score",
    "score_rule",
    "task",
    "task_status",
]
