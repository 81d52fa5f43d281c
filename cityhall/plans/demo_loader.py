"""Demo state of the plan: departments in charge, a year of scores and progress, one meeting."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cityhall.accounts import selectors as account_selectors
from cityhall.core import selectors as core_selectors
from cityhall.plans import seed_data, services
from cityhall.plans.models import Initiative, Meeting, Plan, PriorityScore, ProgressReport
from cityhall.plans.selectors import reference_half

# (G, Q, C, D) per initiative position, fictional but plausible.
_DEMO_MARKS = [
    (3, 3, 2, 3),
    (3, 3, 3, 2),
    (3, 2, 2, 2),
    (3, 3, 3, 3),
    (3, 3, 2, 2),
    (3, 3, 2, 3),
    (2, 3, 2, 2),
    (2, 2, 2, 2),
    (2, 3, 1, 2),
    (2, 2, 2, 3),
    (3, 2, 2, 3),
    (3, 2, 3, 3),
    (3, 3, 3, 2),
    (2, 2, 3, 2),
    (2, 3, 2, 3),
    (2, 2, 1, 2),
    (3, 2, 2, 2),
    (3, 3, 2, 3),
]
_DEMO_STATUS = [
    "done",
    "in_progress",
    "in_progress",
    "delayed",
    "in_progress",
    "in_progress",
    "not_started",
    "in_progress",
    "done",
    "in_progress",
    "in_progress",
    "in_progress",
    "delayed",
    "in_progress",
    "not_started",
    "in_progress",
    "done",
    "in_progress",
]


def load() -> list[str]:
    """Through the services, as the demo policy officer: every change is audited; a second run adds nothing."""
    plan = Plan.objects.filter(name=seed_data.PLAN_NAME).first()
    if plan is None:
        return ["（ICT推進計画が見つからないため、計画のデモデータは読み込みませんでした）"]
    departments = {d.code: d for d in core_selectors.department_list()}
    codes = {
        (p.number, f.number, i.number): i.department_code
        for p in seed_data.PILLARS
        for f in p.fields
        for i in f.initiatives
    }
    initiatives = list(Initiative.objects.filter(field__pillar__plan=plan).select_related("field__pillar"))
    initiatives.sort(key=lambda i: (i.field.pillar.number, i.field.number, i.number))
    officer = account_selectors.staff_list().filter(email="policy@demo.ohtawara.example.jp").first()
    if officer is None:
        return []
    reported = reference_half(plan, timezone.localdate())
    year, half = reported.fiscal_year.year, int(reported.half)
    for n, initiative in enumerate(initiatives):
        code = codes.get((initiative.field.pillar.number, initiative.field.number, initiative.number))
        if code in departments and initiative.department_id is None:
            department = departments[code]
            services.initiative_update(actor=officer, initiative=initiative, data={"department": department})
            initiative.department = department
        if not PriorityScore.objects.filter(initiative=initiative, fiscal_year=year).exists():
            g, q, c, d = _DEMO_MARKS[n % len(_DEMO_MARKS)]
            services.score_set(
                actor=officer,
                initiative=initiative,
                fiscal_year=year,
                government=g,
                quality=q,
                cost=c,
                delivery=d,
                comment="デモ用の評価",
            )
        if not ProgressReport.objects.filter(initiative=initiative, fiscal_year=year, half=half).exists():
            status = _DEMO_STATUS[n % len(_DEMO_STATUS)]
            delayed = status == "delayed"
            services.progress_report(
                actor=officer,
                initiative=initiative,
                fiscal_year=year,
                half=half,
                status=status,
                comment="調達仕様の確定が遅れている（デモ）" if delayed else "計画どおり（デモ）",
            )
    title, held_on = "電子市役所推進本部会議（デモ）", dt.date(year, 5, 20)
    if not Meeting.objects.filter(committee="headquarters", title=title, held_on=held_on).exists():
        services.meeting_save(
            actor=officer,
            meeting=None,
            committee="headquarters",
            held_on=held_on,
            title=title,
            agenda="1. 計画の進捗\n2. 優先度評価",
            minutes="各取組の進捗を確認した（デモ）。",
            committees=[value for value, _label in account_selectors.committee_choices()],
        )
    return [f"ICT推進計画（{len(initiatives)}取組項目）のデモの評価・進捗を読み込みました。"]
