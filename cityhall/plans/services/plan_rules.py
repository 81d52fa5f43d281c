"""What every write to the plan checks first: an editor acts, a year and half lie in the plan
period, and records kept once per initiative and period are found (locked) or made new."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from cityhall.core.actors import Actor
from cityhall.core.audit import snapshot
from cityhall.core.errors import InvalidInputError, PermissionDeniedError
from cityhall.plans.models import HalfChoices, Initiative, Plan
from cityhall.plans.permissions import can_edit_plan

M = TypeVar("M", bound=models.Model)


def require_editor(actor: Actor) -> None:
    if not can_edit_plan(actor):
        raise PermissionDeniedError("計画の編集は情報政策課の担当者のみ行えます。")


def plan_of(initiative: Initiative) -> Plan:
    return initiative.field.pillar.plan


def check_year(plan: Plan, fiscal_year: int) -> None:
    if not plan.covers(fiscal_year):
        raise InvalidInputError(
            f"計画期間外の年度です。{plan.first_fiscal_year}〜{plan.last_fiscal_year}年度（西暦）の範囲で指定してください。"
        )


def check_half(half: int) -> None:
    if half not in HalfChoices.values:
        raise InvalidInputError("期は上期（1）または下期（2）で指定してください。")


def per_period(model: type[M], **key: Any) -> tuple[M, dict[str, Any] | None]:
    """The record of this initiative and period, locked, or a new one; with its 'before' snapshot."""
    existing = model._default_manager.select_for_update().filter(**key).first()
    return (existing, snapshot(existing)) if existing else (model(**key), None)


def saved_at_once(what: str) -> str:
    """The conflict message for a record that is unique per initiative and period (for audited_save).

    Two first-time writes for the same period can both find no existing row; the
    second then breaks the unique constraint (PostgreSQL). save_unique's savepoint keeps
    the outer transaction usable, and the user is asked to reload instead of seeing a 500.
    """
    return f"{what}が他の操作と同時に登録されました。画面を更新して内容を確かめてから、もう一度保存してください。"
