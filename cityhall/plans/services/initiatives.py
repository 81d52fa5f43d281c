"""The plan's initiatives and their 実施スケジュール: describing an initiative, adding, changing and removing bars."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_save, snapshot
from cityhall.core.errors import InvalidInputError
from cityhall.plans.models import Initiative, ScheduleBar
from cityhall.plans.services.plan_rules import check_half, check_year, plan_of, require_editor

_INITIATIVE_FIELDS = ("title", "description", "caption", "national", "prefectural", "department")


@transaction.atomic
def initiative_update(
    *, actor: Actor, initiative: Initiative, data: dict[str, Any], request: HttpRequest | None = None
) -> Initiative:
    """Change the description of an initiative (title, texts, 国/県 flags, department in charge).

    Keys of `data` other than those fields are ignored. Writes one audit entry.
    Raises PermissionDeniedError, InvalidInputError.
    """
    require_editor(actor)
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
    audited_save(
        actor=actor,
        action="plans.initiative_update",
        target=initiative,
        before=before,
        department_id=initiative.department_id,
        request=request,
    )
    return initiative


def _check_bar(
    *,
    initiative: Initiative,
    bar: ScheduleBar | None,
    row: int,
    label: str,
    start: tuple[int, int],
    end: tuple[int, int],
) -> None:
    """A bar lies inside the plan period, starts no later than it ends, has a label and overlaps no bar of its row."""
    if bar is not None and bar.initiative_id != initiative.pk:
        raise InvalidInputError("この取組項目の実施スケジュールではありません。")
    if row < 1:
        raise InvalidInputError("行は1以上の番号で指定してください。")
    plan = plan_of(initiative)
    for year, half in (start, end):
        check_year(plan, year)
        check_half(half)
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
    require_editor(actor)
    _check_bar(initiative=initiative, bar=bar, row=row, label=label, start=start, end=end)
    before = snapshot(bar) if bar else None
    target = bar or ScheduleBar(initiative=initiative)
    target.row, target.label = row, label.strip()
    (target.start_year, target.start_half), (target.end_year, target.end_half) = start, end
    audited_save(
        actor=actor,
        action="plans.schedule_save",
        target=target,
        before=before,
        department_id=initiative.department_id,
        request=request,
    )
    return target


@transaction.atomic
def schedule_bar_delete(*, actor: Actor, bar: ScheduleBar, request: HttpRequest | None = None) -> None:
    """Remove a schedule bar; the audit entry keeps what it was. Raises PermissionDeniedError."""
    require_editor(actor)
    audit_record(
        actor=actor,
        action="plans.schedule_delete",
        target=bar,
        before=snapshot(bar),
        department_id=bar.initiative.department_id,
        request=request,
    )
    bar.delete()
