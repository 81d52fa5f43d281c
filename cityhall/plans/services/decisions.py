"""Decisions: quick decisions (判断記録, OODA) and committee meetings with what they decided."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.http import HttpRequest

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_save, snapshot
from cityhall.core.errors import InvalidInputError
from cityhall.plans.models import DecisionRecord, Initiative, Meeting, MeetingDecision
from cityhall.plans.services.plan_rules import require_editor


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
    """Record an OODA-style quick decision (判断記録), about one initiative or none.

    Writes one audit entry. Raises PermissionDeniedError, InvalidInputError.
    """
    require_editor(actor)
    if not all(part.strip() for part in (observe, orient, decide, act)):
        raise InvalidInputError("Observe・Orient・Decide・Act のすべてを記入してください。")
    record = DecisionRecord(
        initiative=initiative,
        decided_on=decided_on,
        observe=observe,
        orient=orient,
        decide=decide,
        act=act,
        decided_by=actor,
    )
    department_id = initiative.department_id if initiative is not None else None
    audited_save(
        actor=actor, action="plans.decision_record", target=record, department_id=department_id, request=request
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
    """Create or update a committee meeting (agenda, minutes). `committees` lists the valid values.

    Writes one audit entry. Raises PermissionDeniedError, InvalidInputError.
    """
    require_editor(actor)
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
    audited_save(actor=actor, action="plans.meeting_save", target=target, before=before, request=request)
    return target


@transaction.atomic
def meeting_decision_add(
    *, actor: Actor, meeting: Meeting, text: str, initiatives: list[Initiative], request: HttpRequest | None = None
) -> MeetingDecision:
    """Add a decision of a meeting, naming the initiatives it concerns.

    Writes one audit entry (with the initiatives). Raises PermissionDeniedError, InvalidInputError.
    """
    require_editor(actor)
    if not text.strip():
        raise InvalidInputError("決定事項を入力してください。")
    decision = MeetingDecision.objects.create(meeting=meeting, text=text.strip())
    decision.initiatives.set(initiatives)
    after = snapshot(decision) | {"initiatives": [i.pk for i in initiatives]}
    audit_record(actor=actor, action="plans.meeting_decision_add", target=decision, after=after, request=request)
    return decision
