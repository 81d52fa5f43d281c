"""Load the 第4次大田原市地域ICT総合推進計画 from data/plan.yaml (transcribed from the plan document), read by seed.py.

Departments in charge are not part of the document; the demo loader assigns them
once the organisation exists.
"""

from typing import Any

from django.db import migrations

from cityhall.plans.seed import plan_seed


def load(apps: Any, schema_editor: Any) -> None:
    seed = plan_seed()
    Plan = apps.get_model("plans", "Plan")
    if Plan.objects.filter(name=seed.name).exists():
        return
    Pillar = apps.get_model("plans", "Pillar")
    Field = apps.get_model("plans", "Field")
    Initiative = apps.get_model("plans", "Initiative")
    ScheduleBar = apps.get_model("plans", "ScheduleBar")
    Review = apps.get_model("plans", "PreviousPlanReview")
    plan = Plan.objects.create(
        name=seed.name,
        first_fiscal_year=seed.first_fiscal_year,
        last_fiscal_year=seed.last_fiscal_year,
        note=seed.note,
    )
    refs = {}
    for p in seed.pillars:
        pillar = Pillar.objects.create(plan=plan, number=p.number, roman=p.roman, title=p.title)
        for f in p.fields:
            field = Field.objects.create(pillar=pillar, number=f.number, title=f.title, description=f.description)
            for i in f.initiatives:
                initiative = Initiative.objects.create(
                    field=field,
                    number=i.number,
                    title=i.title,
                    description=i.description,
                    caption=i.caption,
                    national=i.national,
                    prefectural=i.prefectural,
                )
                refs[(p.number, f.number, i.number)] = initiative
                for row, bars in enumerate(i.schedule, start=1):
                    for bar in bars:
                        ScheduleBar.objects.create(
                            initiative=initiative,
                            row=row,
                            label=bar.label,
                            start_year=bar.start[0],
                            start_half=bar.start[1],
                            end_year=bar.end[0],
                            end_half=bar.end[1],
                        )
    for order, entry in enumerate(seed.previous_plan_review):
        Review.objects.create(
            plan=plan,
            pillar_number=entry.pillar,
            field_title=entry.field,
            item=entry.item,
            continued=entry.continued,
            note=entry.note,
            order=order,
            successor=refs.get(entry.successor) if entry.successor else None,
        )


def unload(apps: Any, schema_editor: Any) -> None:
    """Leave the plan in place: by now it carries scores, progress and evidence that users entered.

    Deleting it would cascade to all of that. Migrating forward again finds the plan and loads nothing.
    """


class Migration(migrations.Migration):
    dependencies = [("plans", "0002_role_grants")]

    operations = [migrations.RunPython(load, unload)]
