"""Demo content of the portal: 60+ procedures, life events and their rules, synonyms, department pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from cityhall.core import selectors as core_selectors
from cityhall.procedures import seed_data
from cityhall.procedures.models import (
    DepartmentPage,
    LifeEvent,
    LifeEventQuestion,
    LifeEventRule,
    Procedure,
    ProcedureVersion,
    Synonym,
)
from cityhall.procedures.services import catalog_changed

# Where the online way of a demo procedure leads; マイナポータル unless named here.
_ONLINE_URLS = {
    "mynumber-card": "https://www.kojinbango-card.go.jp/",
    "bosai-mail": "https://www.city.ohtawara.tochigi.jp/",
}
_MYNAPORTAL = "https://myna.go.jp/"


def _procedures(departments: Mapping[str, Any]) -> dict[str, Procedure]:
    now = timezone.now()
    procedures: dict[str, Procedure] = {}
    for seed in seed_data.PROCEDURES:
        department = departments.get(seed.department_code)
        if department is None:
            continue
        procedure, _created = Procedure.objects.update_or_create(
            slug=seed.slug, defaults={"department": department, "category": seed.category}
        )
        content = {
            "title": seed.title,
            "title_kana": seed.title_kana,
            "summary": seed.summary,
            "eligibility": seed.eligibility,
            "documents": "\n".join(seed.documents),
            "fee": seed.fee,
            "deadline": seed.deadline,
            "processing_time": seed.processing_time,
            "counter": seed.counter,
            "channels": [{"kind": kind, "note": note} for kind, note in seed.channels],
            "online_form_url": _ONLINE_URLS.get(seed.slug, _MYNAPORTAL)
            if any(k == "online" for k, _n in seed.channels)
            else "",
            "keywords": seed.keywords,
        }
        version, _created = ProcedureVersion.objects.update_or_create(
            procedure=procedure,
            number=1,
            defaults={**content, "status": ProcedureVersion.Status.PUBLISHED, "published_at": now},
        )
        if procedure.published_id != version.pk:
            procedure.published = version
            procedure.save(update_fields=["published"])
        procedures[seed.slug] = procedure
    for seed in seed_data.PROCEDURES:
        if seed.slug in procedures:
            procedures[seed.slug].related.set([procedures[s] for s in seed.related if s in procedures])
    return procedures


def _life_events(procedures: dict[str, Procedure]) -> int:
    rules = 0
    for order, seed in enumerate(seed_data.LIFE_EVENTS):
        event, _created = LifeEvent.objects.update_or_create(
            slug=seed.slug, defaults={"title": seed.title, "description": seed.description, "order": order}
        )
        for q_order, question in enumerate(seed.questions):
            LifeEventQuestion.objects.update_or_create(
                event=event,
                key=question.key,
                defaults={"text": question.text, "choices": [list(c) for c in question.choices], "order": q_order},
            )
        event.rules.all().delete()
        for r_order, rule in enumerate(seed.rules):
            if rule.procedure in procedures:
                LifeEventRule.objects.create(
                    event=event,
                    procedure=procedures[rule.procedure],
                    order=r_order,
                    note=rule.note,
                    conditions={k: list(v) for k, v in rule.conditions.items()},
                )
                rules += 1
    return rules


@transaction.atomic
def load() -> list[str]:
    departments = {d.code: d for d in core_selectors.department_list()}
    procedures = _procedures(departments)
    rules = _life_events(procedures)
    if not Synonym.objects.exists():
        Synonym.objects.bulk_create([Synonym(words=";".join(group)) for group in seed_data.SYNONYMS])
    for code, page in seed_data.DEPARTMENT_PAGES.items():
        if code in departments:
            DepartmentPage.objects.update_or_create(
                department=departments[code],
                defaults={"introduction": page.introduction, "hours_note": page.hours_note},
            )
    catalog_changed()
    return [
        f"手続き案内：{len(procedures)}件の手続き、{len(seed_data.LIFE_EVENTS)}のライフイベント（{rules}ルール）を読み込みました。"
    ]
