"""The plan loaded by the data migration, as the division sees it."""

from cityhall.core.fiscal_year import Half
from cityhall.plans import selectors
from cityhall.plans.models import Initiative, PreviousPlanReview, ScheduleBar


def test_migration_loads_the_plan_of_the_document(db):
    plan = selectors.plan_get()
    assert plan.name == "第4次大田原市地域ICT総合推進計画"
    assert [fy.label for fy in plan.fiscal_years()] == ["令和5年度", "令和6年度", "令和7年度"]
    counts = [sum(f.initiatives.count() for f in p.fields.all()) for p in plan.pillars.all()]
    assert counts == [10, 8]
    assert ScheduleBar.objects.filter(initiative__field__pillar__plan=plan).count() == 73
    assert "20" in plan.note and "18" in plan.note
    assert PreviousPlanReview.objects.filter(plan=plan).count() == 23
    sns = Initiative.objects.get(field__pillar__number=1, field__number=1, number=1)
    assert sns.code == "I-(1)①"
    assert (sns.national, sns.prefectural) == (False, True)


def test_gantt_rows_span_the_half_years(db):
    plan = selectors.plan_get()
    sns = Initiative.objects.get(field__pillar__plan=plan, field__pillar__number=1, field__number=1, number=1)
    rows = selectors.gantt_rows(plan, [sns])
    assert [[(c.span, c.bar.label if c.bar else None) for c in r.cells] for r in rows] == [
        [(6, "SNS等による情報発信の拡充 画像や動画等による魅力発信の強化")],
        [(2, "LINE等による情報発信の拡充方法を検討"), (2, "サービス導入"), (2, "効果検証と見直し")],
    ]
    assert rows[0].first and rows[0].rows_of_initiative == 2 and not rows[1].first
    every = selectors.gantt_rows(plan)
    assert all(sum(c.span for c in r.cells) == 6 for r in every)
    assert every[0].cells[0].bar.start.half is Half.FIRST


def test_dashboard_reference_half_is_clamped_into_the_plan(db):
    import datetime as dt

    plan = selectors.plan_get()
    after = selectors.dashboard(plan, today=dt.date(2026, 11, 25))
    assert (after.current.label, after.outside_plan) == ("令和7年度下期", True)
    during = selectors.dashboard(plan, today=dt.date(2024, 6, 1))
    assert (during.current.label, during.outside_plan) == ("令和6年度上期", False)
    assert during.total == 18
    assert len(during.unreported) == 18
    assert [p.total for p in during.by_pillar] == [10, 8]
    assert sum(f.total for f in during.by_field) == 18
    # Bars starting or ending in 令和6年度上期 or 下期 are the upcoming milestones.
    assert during.upcoming
    assert all(
        {(b.start_year, b.start_half), (b.end_year, b.end_half)} & {(2024, 1), (2024, 2)} for b in during.upcoming
    )


def test_gantt_survives_bars_outside_the_plan_and_overlaps(db, departments):
    from cityhall.plans.models import Field, Pillar, Plan

    plan = Plan.objects.create(name="短い計画", first_fiscal_year=2024, last_fiscal_year=2024)
    field = Field.objects.create(
        pillar=Pillar.objects.create(plan=plan, number=1, roman="I", title="柱"), number=1, title="分野"
    )
    initiative = Initiative.objects.create(field=field, number=1, title="取組")
    for label, start, end in [
        ("前", (2022, 1), (2023, 2)),
        ("跨ぐ", (2023, 2), (2024, 1)),
        ("重なる", (2024, 1), (2024, 2)),
        ("後", (2025, 1), (2025, 2)),
    ]:
        ScheduleBar.objects.create(
            initiative=initiative,
            row=1,
            label=label,
            start_year=start[0],
            start_half=start[1],
            end_year=end[0],
            end_half=end[1],
        )
    rows = selectors.gantt_rows(plan, [initiative])
    assert [[(c.span, c.bar.label if c.bar else None) for c in r.cells] for r in rows] == [
        [(1, "跨ぐ"), (1, None)],
        [(2, "重なる")],
    ]


def test_reversing_the_seed_migration_leaves_the_plan_and_what_users_entered(db):
    from importlib import import_module

    from django.apps import apps

    from cityhall.plans.models import Plan

    seed = import_module("cityhall.plans.migrations.0003_seed_plan")
    (operation,) = seed.Migration.operations
    assert operation.reversible
    before = (Plan.objects.count(), Initiative.objects.count(), ScheduleBar.objects.count())
    operation.reverse_code(apps, None)
    assert (Plan.objects.count(), Initiative.objects.count(), ScheduleBar.objects.count()) == before
    assert before[0] >= 1
