"""Demo state of the plan: departments in charge, a year of scores and progress, one meeting."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cityhall.accounts import selectors as account_selectors
from cityhall.core import selectors as core_selectors
from cityhall.plans import seed_data
from cityhall.plans.models import Initiative, Meeting, Plan, PriorityScore, ProgressReport, priority_score
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
    admin = account_selectors.staff_list().filter(email="policy@demo.ohtawara.example.jp").first()
    if admin is None:
        return []
    reported = reference_half(plan, timezone.localdate())
    year = reported.fiscal_year.year
    for n, initiative in enumerate(initiatives):
        code = codes.get((initiative.field.pillar.number, initiative.field.number, initiative.number))
        if code in departments and initiative.department_id is None:
            initiative.department = departments[code]
            initiative.save(update_fields=["department"])
        g, q, c, d = _DEMO_MARKS[n % len(_DEMO_MARKS)]
        score, rank = priority_score(g, q, c, d)
        PriorityScore.objects.get_or_create(
            initiative=initiative,
            fiscal_year=year,
            defaults={
                "government": g,
                "quality": q,
                "cost": c,
                "delivery": d,
                "score": score,
                "rank": rank,
                "scored_by": admin,
                "comment": "デモ用の評価",
            },
        )
        status = _DEMO_STATUS[n % len(_DEMO_STATUS)]
        ProgressReport.objects.get_or_create(
            initiative=initiative,
            fiscal_year=year,
            half=int(reported.half),
            defaults={
                "status": status,
                "reported_by": admin,
                "comment": "調達仕様の確定が遅れている（デモ）" if status == "delayed" else "計画どおり（デモ）",
            },
        )
    Meeting.objects.get_or_create(
        committee="headquarters",
        title="電子市役所推進本部会議（デモ）",
        held_on=dt.date(year, 5, 20),
        defaults={
            "agenda": "1. 計画の進捗\n2. 優先度評価",
            "minutes": "各取組の進捗を確認した（デモ）。",
            "created_by": admin,
        },
    )
    return [f"ICT推進計画（{len(initiatives)}取組項目）のデモの評価・進捗を読み込みました。"]
