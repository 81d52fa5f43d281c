"""Following the plan through the year: progress reports with evidence, 年次計画, the 実施計画's tasks
and the yearly PDCA evaluation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy

from cityhall.core.actors import Actor
from cityhall.core.audit import audited_save, snapshot
from cityhall.core.errors import InvalidInputError, PermissionDeniedError
from cityhall.core.fiscal_year import FiscalYear
from cityhall.core.uploads import MB, UploadPolicy, stored_file_create
from cityhall.plans.models import ActionTask, AnnualPlan, Evaluation, Initiative, ProgressReport, ProgressStatus
from cityhall.plans.permissions import can_report_on
from cityhall.plans.services.plan_rules import (
    check_half,
    check_year,
    per_period,
    plan_of,
    require_editor,
    saved_at_once,
)

EVIDENCE_FILES = UploadPolicy(
    purpose="plans.evidence",
    what=gettext_lazy("根拠資料"),
    kinds=("pdf", "xlsx", "docx", "xls", "doc", "csv", "text", "png", "jpeg"),
    max_bytes=10 * MB,
)
PROGRESS_REPORTERS_ONLY = "この取組項目の進捗は、担当課または情報政策課のみ報告できます。"


@transaction.atomic
def progress_report(
    *,
    actor: Actor,
    initiative: Initiative,
    fiscal_year: int,
    half: int,
    status: str,
    comment: str = "",
    evidence: UploadedFile | None = None,
    request: HttpRequest | None = None,
) -> ProgressReport:
    """Report progress for one half-year. Departments report only on their own initiatives.

    Reporting the same half-year again replaces the report (the audit log keeps the earlier one).
    An evidence file is stored through the upload gate. Writes one audit entry.
    Raises PermissionDeniedError, InvalidInputError, ConflictError.
    """
    if not can_report_on(actor, initiative.department_id):
        raise PermissionDeniedError(PROGRESS_REPORTERS_ONLY)
    check_year(plan_of(initiative), fiscal_year)
    check_half(half)
    if status not in ProgressStatus.values:
        raise InvalidInputError("進捗は 未着手・実施中・完了・遅延 のいずれかを選んでください。")
    if status == ProgressStatus.DELAYED and not comment.strip():
        raise InvalidInputError("遅延の場合は、理由と今後の見通しをコメントに記入してください。")
    stored = stored_file_create(upload=evidence, policy=EVIDENCE_FILES, actor=actor) if evidence is not None else None
    target, before = per_period(ProgressReport, initiative=initiative, fiscal_year=fiscal_year, half=half)
    target.status, target.comment, target.reported_by = status, comment, actor
    target.reported_at = timezone.now()
    if stored is not None:
        target.evidence = stored
    audited_save(
        actor=actor,
        action="plans.progress_report",
        target=target,
        before=before,
        conflict=saved_at_once("この期の進捗報告"),
        department_id=initiative.department_id,
        request=request,
    )
    return target


@transaction.atomic
def annual_plan_save(
    *,
    actor: Actor,
    initiative: Initiative,
    fiscal_year: int,
    goal: str,
    master_schedule: str = "",
    request: HttpRequest | None = None,
) -> AnnualPlan:
    """Write the 年次計画 of an initiative for one 年度; writing the same year again replaces it.

    Writes one audit entry. Raises PermissionDeniedError, InvalidInputError, ConflictError.
    """
    require_editor(actor)
    check_year(plan_of(initiative), fiscal_year)
    if not goal.strip():
        raise InvalidInputError("年度の目標を入力してください。")
    target, before = per_period(AnnualPlan, initiative=initiative, fiscal_year=fiscal_year)
    target.goal, target.master_schedule = goal, master_schedule
    audited_save(
        actor=actor,
        action="plans.annual_plan_save",
        target=target,
        before=before,
        conflict=saved_at_once("この年度の年次計画"),
        department_id=initiative.department_id,
        request=request,
    )
    return target


def _check_task(
    *,
    initiative: Initiative,
    task: ActionTask | None,
    fiscal_year: int,
    title: str,
    owner: Any,
    due_on: dt.date,
    status: str,
) -> None:
    if task is not None and task.initiative_id != initiative.pk:
        raise InvalidInputError("この取組項目のタスクではありません。")
    plan = plan_of(initiative)
    check_year(plan, fiscal_year)
    if not title.strip():
        raise InvalidInputError("タスクの内容を入力してください。")
    if status not in ActionTask.Status.values:
        raise InvalidInputError("状態の指定が正しくありません。")
    if not FiscalYear(plan.first_fiscal_year).starts_on <= due_on <= FiscalYear(plan.last_fiscal_year).ends_on:
        raise InvalidInputError("期限は計画期間内の日付にしてください。")
    # An owner who has since left does not stop the task from being closed; a new owner must be current.
    owner_changed = task is None or getattr(owner, "pk", None) != task.owner_id
    if owner is not None and owner_changed and not (owner.is_staff and owner.is_active):
        raise InvalidInputError("担当者には有効な職員を指定してください。")


@transaction.atomic
def task_save(
    *,
    actor: Actor,
    initiative: Initiative,
    task: ActionTask | None,
    fiscal_year: int,
    title: str,
    owner: Any,
    due_on: dt.date,
    status: str = ActionTask.Status.OPEN,
    request: HttpRequest | None = None,
) -> ActionTask:
    """Add or change a task of the 実施計画 (action plan); the due date lies inside the plan period.

    Writes one audit entry. Raises PermissionDeniedError, InvalidInputError.
    """
    require_editor(actor)
    _check_task(
        initiative=initiative,
        task=task,
        fiscal_year=fiscal_year,
        title=title,
        owner=owner,
        due_on=due_on,
        status=status,
    )
    before = snapshot(task) if task else None
    target = task or ActionTask(initiative=initiative)
    target.fiscal_year, target.title, target.owner, target.due_on, target.status = (
        fiscal_year,
        title.strip(),
        owner,
        due_on,
        status,
    )
    audited_save(
        actor=actor,
        action="plans.task_save",
        target=target,
        before=before,
        department_id=initiative.department_id,
        request=request,
    )
    return target


@transaction.atomic
def evaluation_save(
    *,
    actor: Actor,
    initiative: Initiative,
    fiscal_year: int,
    achievement: str,
    results: str = "",
    issues: str = "",
    next_actions: str = "",
    request: HttpRequest | None = None,
) -> Evaluation:
    """The yearly PDCA review of one initiative; reviewing the same year again replaces it.

    Writes one audit entry. Raises PermissionDeniedError, InvalidInputError, ConflictError.
    """
    require_editor(actor)
    check_year(plan_of(initiative), fiscal_year)
    if achievement not in Evaluation.Achievement.values:
        raise InvalidInputError("達成度を選んでください。")
    target, before = per_period(Evaluation, initiative=initiative, fiscal_year=fiscal_year)
    target.achievement, target.results, target.issues, target.next_actions = achievement, results, issues, next_actions
    target.evaluated_by, target.evaluated_at = actor, timezone.now()
    audited_save(
        actor=actor,
        action="plans.evaluation_save",
        target=target,
        before=before,
        conflict=saved_at_once("この年度の年度評価"),
        department_id=initiative.department_id,
        request=request,
    )
    return target
