"""What the plan's audit entries mean: labels of its actions and object types, and the pages that show them."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cityhall.core.audit_display import LinkResolver, ObjectType, link_all, link_each
from cityhall.plans.models import (
    ActionTask,
    AnnualPlan,
    Evaluation,
    MeetingDecision,
    PriorityScore,
    ProgressReport,
    ScheduleBar,
)
from cityhall.plans.permissions import can_read_plan

ACTIONS = {
    "plans.score_set": _("優先度を評価"),
    "plans.score_rule_set": _("優先度の算定式と基準点を変更"),
    "plans.score_rerank": _("優先度を新しい基準で再計算"),
    "plans.initiative_update": _("取組項目を変更"),
    "plans.schedule_save": _("実施スケジュールを保存"),
    "plans.schedule_delete": _("実施スケジュールから削除"),
    "plans.annual_plan_save": _("年次計画を保存"),
    "plans.task_save": _("実施計画のタスクを保存"),
    "plans.progress_report": _("進捗を報告"),
    "plans.evaluation_save": _("年度評価を保存"),
    "plans.decision_record": _("判断記録を登録"),
    "plans.meeting_save": _("会議を保存"),
    "plans.meeting_decision_add": _("会議の決定事項を追加"),
}


def _numbers(ids: Collection[str]) -> list[int]:
    return [int(i) for i in ids if i.isascii() and i.isdigit()]


def _via(model: type[models.Model], parent: str, url_name: str, anchor: str = "") -> LinkResolver:
    """Links for records shown on their parent's page (a score on its initiative's page, say)."""
    kwarg = f"{parent}_id"

    def resolve(ids: Collection[str], viewer: Any) -> dict[str, str]:
        if not can_read_plan(viewer):
            return {}
        rows = model._default_manager.filter(pk__in=_numbers(ids)).values_list("pk", f"{parent}_id")
        return {str(pk): reverse(url_name, kwargs={kwarg: parent_id}) + anchor for pk, parent_id in rows}

    return resolve


def _page(url_name: str, kwarg: str) -> LinkResolver:
    return link_each(url_name, kwarg, may_open=can_read_plan)


INITIATIVE = "console:plans:initiative"
OBJECT_TYPES = {
    "plans.plan": ObjectType(_("計画"), link_all("console:plans:ranking", may_open=can_read_plan)),
    "plans.pillar": ObjectType(_("施策の柱")),
    "plans.field": ObjectType(_("取組分野")),
    "plans.previousplanreview": ObjectType(_("前計画の振り返り")),
    "plans.initiative": ObjectType(_("取組項目"), _page(INITIATIVE, "initiative_id")),
    "plans.schedulebar": ObjectType(_("実施スケジュール"), _via(ScheduleBar, "initiative", INITIATIVE, "#schedule")),
    "plans.priorityscore": ObjectType(_("優先度評価"), _via(PriorityScore, "initiative", INITIATIVE, "#scores")),
    "plans.annualplan": ObjectType(_("年次計画"), _via(AnnualPlan, "initiative", INITIATIVE)),
    "plans.actiontask": ObjectType(_("実施計画のタスク"), _via(ActionTask, "initiative", INITIATIVE)),
    "plans.progressreport": ObjectType(_("進捗報告"), _via(ProgressReport, "initiative", INITIATIVE, "#progress")),
    "plans.evaluation": ObjectType(_("年度評価"), _via(Evaluation, "initiative", INITIATIVE)),
    "plans.decisionrecord": ObjectType(_("判断記録"), link_all("console:plans:decisions", may_open=can_read_plan)),
    "plans.meeting": ObjectType(_("会議"), _page("console:plans:meeting", "meeting_id")),
    "plans.meetingdecision": ObjectType(_("会議の決定事項"), _via(MeetingDecision, "meeting", "console:plans:meeting")),
}
