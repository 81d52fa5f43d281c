"""Write use cases of the ICT plan. Every change is audited; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, snapshot
from cityhall.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from cityhall.core.fiscal_year import FiscalYear
from cityhall.core.uploads import MB, UploadPolicy, stored_file_create
from cityhall.plans.models import (
    ActionTask,
    AnnualPlan,
    DecisionRecord,
    Evaluation,
    HalfChoices,
    Initiative,
    Meeting,
    MeetingDecision,
    Plan,
    PriorityScore,
    ProgressReport,
    ProgressStatus,
    ScheduleBar,
)
from cityhall.plans.permissions import can_edit_plan, can_report_on
from cityhall.plans.scoring import CENT, ScoreRule

EVIDENCE_FILES = UploadPolicy(
    purpose="plans.evidence",
    what=gettext_lazy("根拠資料"),
    kinds=("pdf", "xlsx", "docx", "xls", "doc", "csv", "text", "png", "jpeg"),
    max_bytes=10 * MB,
)
PROGRESS_REPORTERS_ONLY = "この取組項目の進捗は、担当課または情報政策課のみ報告できます。"


def _require_editor(actor: Actor) -> None:
    if not can_edit_plan(actor):
        raise PermissionDeniedError("計画の編集は情報政策課の担当者のみ行えます。")


def _plan_of(initiative: Initiative) -> Plan:
    return initiative.field.pillar.plan


def _check_year(plan: Plan, fiscal_year: int) -> None:
    if not plan.covers(fiscal_year):
        raise InvalidInputError(
            f"計画期間外の年度です。{plan.first_fiscal_year}〜{plan.last_fiscal_year}年度（西暦）の範囲で指定してください。"
        )


def _check_half(half: int) -> None:
    if half not in HalfChoices.values:
        raise InvalidInputError("期は上期（1）または下期（2）で指定してください。")


M = TypeVar("M", bound=models.Model)


def _per_period(model: type[M], **key: Any) -> tuple[M, dict[str, Any] | None]:
    """The record of this initiative and period, locked, or a new one; with its 'before' snapshot."""
    existing = model._default_manager.select_for_update().filter(**key).first()
    return (existing, snapshot(existing)) if existing else (model(**key), None)


def _save_once_per_period(target: models.Model, *, what: str) -> None:
    """Save a record that is unique per initiative and period.

    Two first-time writes for the same period can both find no existing row; the
    second then breaks the unique constraint (PostgreSQL). The savepoint keeps the
    outer transaction usable, and the user is asked to reload instead of seeing a 500.
    """
    try:
        with transaction.atomic():
            target.save()
    except IntegrityError as exc:
        raise ConflictError(
            f"{what}が他の操作と同時に登録されました。画面を更新して内容を確かめてから、もう一度保存してください。"
        ) from exc


def _audit(
    *,
    actor: Actor,
    action: str,
    target: Any,
    before: dict[str, Any] | None,
    request: HttpRequest | None,
    initiative: Initiative | None = None,
) -> None:
    department_id = initiative.department_id if initiative is not None else None
    audit_record(
        actor=actor,
        action=action,
        target=target,
        before=before,
        after=snapshot(target),
        department_id=department_id,
        request=request,
    )


@transaction.atomic
def score_set(
    *,
    actor: Actor,
    initiative: Initiative,
    fiscal_year: int,
    government: int,
    quality: int,
    cost: int,
    delivery: int,
    comment: str = "",
    request: HttpRequest | None = None,
) -> PriorityScore:
    """Score an initiative for a 年度 (G・Q・C・D each 1–3). Re-scoring the same year replaces it.

    Writes one audit entry. Raises PermissionDeniedError, InvalidInputError, ConflictError.
    """
    _require_editor(actor)
    values = {"G": government, "Q": quality, "C": cost, "D": delivery}
    wrong = [k for k, v in values.items() if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 3]
    if wrong:
        raise InvalidInputError(f"{'・'.join(wrong)} は ◎（3）・○（2）・△（1）のいずれかで評価してください。")
    # The plan's row lock orders this against a change of the rule (score_rule_set), so no score
    # is computed under a rule that has just been replaced.
    plan = Plan.objects.select_for_update().get(pk=_plan_of(initiative).pk)
    _check_year(plan, fiscal_year)
    score, rank = plan.score_rule.scored(government, quality, cost, delivery)
    target, before = _per_period(PriorityScore, initiative=initiative, fiscal_year=fiscal_year)
    target.government, target.quality, target.cost, target.delivery = government, quality, cost, delivery
    target.score, target.rank, target.comment, target.scored_by = score, rank, comment, actor
    target.scored_at = timezone.now()
    _save_once_per_period(target, what="この年度の優先度評価")
    _audit(actor=actor, action="plans.score_set", target=target, before=before, request=request, initiative=initiative)
    return target


_SCORE_RULE_FIELDS = ("score_divisor", "rank_a_from", "rank_b_from", "score_rule_note", "score_rule_changed_at")


@transaction.atomic
def score_rule_set(
    *,
    actor: Actor,
    plan: Plan,
    divisor: Decimal,
    rank_a_from: Decimal,
    rank_b_from: Decimal,
    note: str,
    request: HttpRequest | None = None,
) -> int:
    """Change the priority score's divisor and rank thresholds, and re-rank every score of the plan.

    The rule must give each rank to some set of marks (A reachable, B < A, C possible) and `note`
    (the reason) is required. Writes one audit entry for the rule and one for each score whose
    score or rank changes, in this transaction. Returns how many scores changed.
    Raises PermissionDeniedError, InvalidInputError.
    """
    _require_editor(actor)
    rule = ScoreRule(divisor=divisor, rank_a_from=rank_a_from, rank_b_from=rank_b_from)
    if not note.strip():
        raise InvalidInputError(_("変更の理由を入力してください。"))
    problems = rule.problems()
    if problems:
        raise InvalidInputError(" ".join(problems))
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.score_rule == rule:
        raise InvalidInputError(_("算定式と基準点が今と同じです。変更する値を入力してください。"))
    before = snapshot(plan, _SCORE_RULE_FIELDS)
    # Stored as the columns hold them (4 → 4.00), so the audit entry's "after" reads like its "before".
    plan.score_divisor, plan.rank_a_from, plan.rank_b_from = (
        v.quantize(CENT) for v in (divisor, rank_a_from, rank_b_from)
    )
    plan.score_rule_note, plan.score_rule_changed_at = note.strip(), timezone.now()
    plan.save(update_fields=list(_SCORE_RULE_FIELDS))
    after = snapshot(plan, _SCORE_RULE_FIELDS)
    audit_record(actor=actor, action="plans.score_rule_set", target=plan, before=before, after=after, request=request)
    return _rerank(actor=actor, plan=plan, request=request)


def _rerank(*, actor: Actor, plan: Plan, request: HttpRequest | None) -> int:
    """Recompute the stored score and rank of every score of the plan under its current rule.

    The marks (G・Q・C・D) and who scored them stay; each score that changes gets an audit entry
    with its earlier score and rank, under the initiative's department.
    """
    rule, changed = plan.score_rule, 0
    scores = PriorityScore.objects.select_for_update().filter(initiative__field__pillar__plan=plan)
    for item in scores.select_related("initiative").order_by("pk"):
        score, rank = rule.scored(item.government, item.quality, item.cost, item.delivery)
        if (score, rank) == (item.score, item.rank):
            continue
        before = snapshot(item, ("score", "rank"))
        item.score, item.rank = score, rank
        item.save(update_fields=["score", "rank"])
        audit_record(
            actor=actor,
            action="plans.score_rerank",
            target=item,
            before=before,
            after=snapshot(item, ("score", "rank")),
            department_id=item.initiative.department_id,
            request=request,
        )
        changed += 1
    return changed


_INITIATIVE_FIELDS = ("title", "description", "caption", "national", "prefectural", "department")


@transaction.atomic
def initiative_update(
    *, actor: Actor, initiative: Initiative, data: dict[str, Any], request: HttpRequest | None = None
) -> Initiative:
    """Change the description of an initiative (title, texts, 国/県 flags, department in charge).

    Keys of `data` other than those fields are ignored. Writes one audit entry.
    Raises PermissionDeniedError, InvalidInputError.
    """
    _require_editor(actor)
    initiative = Initiative.objects.select_for_update().select_related("field__pillar").get(pk=initiative.pk)
    before = snapshot(initiative)
    for name, value in data.items():
        if name in _INITIATIVE_FIELDS:
            setattr(initiative, name, value.strip() if isinstance(value, str) else value)
    if not initiative.title:
        raise InvalidInputError("取組項目の名称を入力してください。")
    department = initiative.department
    if department is not None and department.pk != before["department_id"] and not department.is_active:
        raise InvalidInputError("担当課には現在の組織の課を選んでください。")
    initiative.save()
    _audit(
        actor=actor,
        action="plans.initiative_update",
        target=initiative,
        before=before,
        request=request,
        initiative=initiative,
    )
    return initiative


@transaction.atomic
def schedule_bar_save(
    *,
    actor: Actor,
    initiative: Initiative,
    bar: ScheduleBar | None,
    row: int,
    label: str,
    start: tuple[int, int],
    end: tuple[int, int],
    request: HttpRequest | None = None,
) -> ScheduleBar:
    """Add or change a schedule bar; both ends must lie inside the plan period, start ≤ end.

    Bars of one row may not overlap. Writes one audit entry.
    Raises PermissionDeniedError, InvalidInputError.
    """
    _require_editor(actor)
    if bar is not None and bar.initiative_id != initiative.pk:
        raise InvalidInputError("この取組項目の実施スケジュールではありません。")
    if row < 1:
        raise InvalidInputError("行は1以上の番号で指定してください。")
    plan = _plan_of(initiative)
    for year, half in (start, end):
        _check_year(plan, year)
        _check_half(half)
    if end < start:
        raise InvalidInputError("終了時期は開始時期以降にしてください。")
    if not label.strip():
        raise InvalidInputError("実施内容を入力してください。")
    overlapping = ScheduleBar.objects.filter(initiative=initiative, row=row)
    if bar is not None:
        overlapping = overlapping.exclude(pk=bar.pk)
    for other in overlapping:
        if not ((other.end_year, other.end_half) < start or end < (other.start_year, other.start_half)):
            raise InvalidInputError(f"同じ行の「{other.label}」と期間が重なっています。別の行にしてください。")
    before = snapshot(bar) if bar else None
    target = bar or ScheduleBar(initiative=initiative)
    target.row, target.label = row, label.strip()
    (target.start_year, target.start_half), (target.end_year, target.end_half) = start, end
    target.save()
    _audit(
        actor=actor, action="plans.schedule_save", target=target, before=before, request=request, initiative=initiative
    )
    return target


@transaction.atomic
def schedule_bar_delete(*, actor: Actor, bar: ScheduleBar, request: HttpRequest | None = None) -> None:
    """Remove a schedule bar; the audit entry keeps what it was. Raises PermissionDeniedError."""
    _require_editor(actor)
    audit_record(
        actor=actor,
        action="plans.schedule_delete",
        target=bar,
        before=snapshot(bar),
        department_id=bar.initiative.department_id,
        request=request,
    )
    bar.delete()


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
    """Write the 年次計画 of an initiative for one 年度."""
    _require_editor(actor)
    _check_year(_plan_of(initiative), fiscal_year)
    if not goal.strip():
        raise InvalidInputError("年度の目標を入力してください。")
    target, before = _per_period(AnnualPlan, initiative=initiative, fiscal_year=fiscal_year)
    target.goal, target.master_schedule = goal, master_schedule
    _save_once_per_period(target, what="この年度の年次計画")
    _audit(
        actor=actor,
        action="plans.annual_plan_save",
        target=target,
        before=before,
        request=request,
        initiative=initiative,
    )
    return target


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
    _require_editor(actor)
    if task is not None and task.initiative_id != initiative.pk:
        raise InvalidInputError("この取組項目のタスクではありません。")
    plan = _plan_of(initiative)
    _check_year(plan, fiscal_year)
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
    before = snapshot(task) if task else None
    target = task or ActionTask(initiative=initiative)
    target.fiscal_year, target.title, target.owner, target.due_on, target.status = (
        fiscal_year,
        title.strip(),
        owner,
        due_on,
        status,
    )
    target.save()
    _audit(actor=actor, action="plans.task_save", target=target, before=before, request=request, initiative=initiative)
    return target


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
    Writes one audit entry. Raises PermissionDeniedError, InvalidInputError, ConflictError.
    """
    if not can_report_on(actor, initiative.department_id):
        raise PermissionDeniedError(PROGRESS_REPORTERS_ONLY)
    _check_year(_plan_of(initiative), fiscal_year)
    _check_half(half)
    if status not in ProgressStatus.values:
        raise InvalidInputError("進捗は 未着手・実施中・完了・遅延 のいずれかを選んでください。")
    if status == ProgressStatus.DELAYED and not comment.strip():
        raise InvalidInputError("遅延の場合は、理由と今後の見通しをコメントに記入してください。")
    stored = stored_file_create(upload=evidence, policy=EVIDENCE_FILES, actor=actor) if evidence is not None else None
    target, before = _per_period(ProgressReport, initiative=initiative, fiscal_year=fiscal_year, half=half)
    target.status, target.comment, target.reported_by = status, comment, actor
    target.reported_at = timezone.now()
    if stored is not None:
        target.evidence = stored
    _save_once_per_period(target, what="この期の進捗報告")
    _audit(
        actor=actor,
        action="plans.progress_report",
        target=target,
        before=before,
        request=request,
        initiative=initiative,
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
    """The yearly PDCA review of one initiative."""
    _require_editor(actor)
    _check_year(_plan_of(initiative), fiscal_year)
    if achievement not in Evaluation.Achievement.values:
        raise InvalidInputError("達成度を選んでください。")
    target, before = _per_period(Evaluation, initiative=initiative, fiscal_year=fiscal_year)
    target.achievement, target.results, target.issues, target.next_actions = achievement, results, issues, next_actions
    target.evaluated_by, target.evaluated_at = actor, timezone.now()
    _save_once_per_period(target, what="この年度の年度評価")
    _audit(
        actor=actor,
        action="plans.evaluation_save",
        target=target,
        before=before,
        request=request,
        initiative=initiative,
    )
    return target


@transaction.atomic
def decision_record(
    *,
    actor: Actor,
    initiative: Initiative | None,
    decided_on: dt.date,
    observe: str,
    orient: str,
    decide: str,
    act: str,
    request: HttpRequest | None = None,
) -> DecisionRecord:
    """Record an OODA-style quick decision (判断記録)."""
    _require_editor(actor)
    if not all(part.strip() for part in (observe, orient, decide, act)):
        raise InvalidInputError("Observe・Orient・Decide・Act のすべてを記入してください。")
    record = DecisionRecord.objects.create(
        initiative=initiative,
        decided_on=decided_on,
        observe=observe,
        orient=orient,
        decide=decide,
        act=act,
        decided_by=actor,
    )
    _audit(
        actor=actor, action="plans.decision_record", target=record, before=None, request=request, initiative=initiative
    )
    return record


@transaction.atomic
def meeting_save(
    *,
    actor: Actor,
    meeting: Meeting | None,
    committee: str,
    held_on: dt.date,
    title: str,
    agenda: str = "",
    minutes: str = "",
    committees: list[str],
    request: HttpRequest | None = None,
) -> Meeting:
    """Create or update a committee meeting (agenda, minutes). `committees` lists the valid values."""
    _require_editor(actor)
    if committee not in committees:
        raise InvalidInputError("会議体の指定が正しくありません。")
    if not title.strip():
        raise InvalidInputError("会議名を入力してください。")
    before = snapshot(meeting) if meeting else None
    target = meeting or Meeting(created_by=actor)
    target.committee, target.held_on, target.title, target.agenda, target.minutes = (
        committee,
        held_on,
        title.strip(),
        agenda,
        minutes,
    )
    target.save()
    _audit(actor=actor, action="plans.meeting_save", target=target, before=before, request=request)
    return target


@transaction.atomic
def meeting_decision_add(
    *, actor: Actor, meeting: Meeting, text: str, initiatives: list[Initiative], request: HttpRequest | None = None
) -> MeetingDecision:
    _require_editor(actor)
    if not text.strip():
        raise InvalidInputError("決定事項を入力してください。")
    decision = MeetingDecision.objects.create(meeting=meeting, text=text.strip())
    decision.initiatives.set(initiatives)
    after = snapshot(decision) | {"initiatives": [i.pk for i in initiatives]}
    audit_record(actor=actor, action="plans.meeting_decision_add", target=decision, after=after, request=request)
    return decision
