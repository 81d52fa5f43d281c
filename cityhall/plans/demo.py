"""Demo state of the plan: departments in charge, a year of scores and progress, one meeting.

The content is data/demo.yaml (and plan.yaml's department codes); what depends on the day of
loading (the 年度 and half-year reported on) is worked out here. Everything goes through the
services as the demo policy officer, so it is audited, and a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from django.utils import timezone
from pydantic import BaseModel, ConfigDict, Strict

from cityhall.accounts import selectors as account_selectors
from cityhall.core import selectors as core_selectors
from cityhall.core.actors import Actor
from cityhall.core.data_files import read_data
from cityhall.core.models import Department
from cityhall.plans import services
from cityhall.plans.models import Initiative, Meeting, Plan, PriorityScore, ProgressReport
from cityhall.plans.seed import plan_seed
from cityhall.plans.selectors import reference_half

Text = Annotated[str, Strict()]
Mark = Literal[1, 2, 3]  # △ ○ ◎
Status = Literal["not_started", "in_progress", "done", "delayed"]


class _Shape(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DemoMeeting(_Shape):
    committee: Text
    title: Text
    month: Annotated[int, Strict()]
    day: Annotated[int, Strict()]
    agenda: Text
    minutes: Text


class PlanDemo(_Shape):
    """The whole of data/demo.yaml."""

    officer: Text
    marks: list[tuple[Mark, Mark, Mark, Mark]]
    score_comment: Text
    statuses: list[Status]
    progress_comment: Text
    delayed_comment: Text
    meeting: DemoMeeting


def load() -> list[str]:
    """Through the services, as the demo policy officer: every change is audited; a second run adds nothing."""
    plan = Plan.objects.filter(name=plan_seed().name).first()
    if plan is None:
        return ["（ICT推進計画が見つからないため、計画のデモデータは読み込みませんでした）"]
    demo: PlanDemo = read_data("cityhall.plans", "demo.yaml", PlanDemo)
    initiatives = list(Initiative.objects.filter(field__pillar__plan=plan).select_related("field__pillar"))
    initiatives.sort(key=lambda i: (i.field.pillar.number, i.field.number, i.number))
    officer = account_selectors.staff_list().filter(email=demo.officer).first()
    if officer is None:
        return []
    reported = reference_half(plan, timezone.localdate())
    year, half = reported.fiscal_year.year, int(reported.half)
    departments = _departments_in_charge()
    for n, initiative in enumerate(initiatives):
        _assign_department(officer, initiative, departments)
        _score(officer, demo, initiative, year, demo.marks[n % len(demo.marks)])
        _report(officer, demo, initiative, (year, half), demo.statuses[n % len(demo.statuses)])
    _meeting(officer, demo.meeting, year)
    return [f"ICT推進計画（{len(initiatives)}取組項目）のデモの評価・進捗を読み込みました。"]


def _departments_in_charge() -> dict[tuple[int, int, int], Department]:
    """(pillar, field, initiative) → the department plan.yaml assumes in charge, where the demo city has it."""
    departments = {d.code: d for d in core_selectors.department_list()}
    return {
        (p.number, f.number, i.number): departments[i.department_code]
        for p in plan_seed().pillars
        for f in p.fields
        for i in f.initiatives
        if i.department_code in departments
    }


def _assign_department(
    officer: Actor, initiative: Initiative, departments: dict[tuple[int, int, int], Department]
) -> None:
    department = departments.get((initiative.field.pillar.number, initiative.field.number, initiative.number))
    if department is not None and initiative.department_id is None:
        services.initiative_update(actor=officer, initiative=initiative, data={"department": department})
        initiative.department = department


def _score(officer: Actor, demo: PlanDemo, initiative: Initiative, year: int, marks: tuple[int, int, int, int]) -> None:
    if PriorityScore.objects.filter(initiative=initiative, fiscal_year=year).exists():
        return
    g, q, c, d = marks
    services.score_set(
        actor=officer,
        initiative=initiative,
        fiscal_year=year,
        government=g,
        quality=q,
        cost=c,
        delivery=d,
        comment=demo.score_comment,
    )


def _report(officer: Actor, demo: PlanDemo, initiative: Initiative, period: tuple[int, int], status: str) -> None:
    year, half = period
    if ProgressReport.objects.filter(initiative=initiative, fiscal_year=year, half=half).exists():
        return
    services.progress_report(
        actor=officer,
        initiative=initiative,
        fiscal_year=year,
        half=half,
        status=status,
        comment=demo.delayed_comment if status == "delayed" else demo.progress_comment,
    )


def _meeting(officer: Actor, meeting: DemoMeeting, year: int) -> None:
    held_on = dt.date(year, meeting.month, meeting.day)
    if Meeting.objects.filter(committee=meeting.committee, title=meeting.title, held_on=held_on).exists():
        return
    services.meeting_save(
        actor=officer,
        meeting=None,
        committee=meeting.committee,
        held_on=held_on,
        title=meeting.title,
        agenda=meeting.agenda,
        minutes=meeting.minutes,
        committees=[value for value, _label in account_selectors.committee_choices()],
    )
