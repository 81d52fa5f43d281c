"""Demo content of the portal: 77 procedures, 9 life events and their rules, synonyms, department pages.

The content is data, in `data/procedures.yaml`, `data/life_events.yaml`, `data/synonyms.yaml`
and `data/department_pages.yaml`; the shapes below check it when it is read (`read_data`),
so a typo fails before anything is written. `load` (registered in apps.py) writes it to the
database, idempotently. What the text is and is not (placeholder text, generic national
rules, an invented floor layout) is described at the top of `data/procedures.yaml`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from django.db import transaction
from django.utils import timezone
from pydantic import BaseModel, ConfigDict

from cityhall.core import selectors as core_selectors
from cityhall.core.data_files import read_data
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

PACKAGE = "cityhall.procedures"
CategoryCode = Literal[
    "resident_records",
    "certificates",
    "tax",
    "insurance_pension",
    "childcare",
    "welfare",
    "elderly_care",
    "waste",
    "facilities",
    "other",
]
ChannelKind = Literal["online", "counter", "mail", "konbini", "phone"]


class _Shape(BaseModel):
    # A misspelt key is an error, not a field silently left at its default.
    model_config = ConfigDict(frozen=True, extra="forbid")


class ChannelSeed(_Shape):
    kind: ChannelKind
    note: str


class ProcedureSeed(_Shape):
    """One procedure page (becomes a Procedure with its first, published ProcedureVersion)."""

    slug: str
    department_code: str
    category: CategoryCode
    title: str
    title_kana: str  # hiragana reading, words separated by spaces
    summary: str
    eligibility: str
    documents: tuple[str, ...]  # one item per line of ProcedureVersion.documents
    fee: str
    deadline: str
    processing_time: str
    counter: str
    channels: tuple[ChannelSeed, ...]  # recommended first
    keywords: str  # comma-separated words residents type
    related: tuple[str, ...] = ()


class QuestionSeed(_Shape):
    key: str
    text: str
    choices: tuple[tuple[str, str], ...]  # (value, label)


class RuleSeed(_Shape):
    """Adds `procedure` to the checklist when every condition holds; no conditions = always."""

    procedure: str
    conditions: dict[str, tuple[str, ...]] = {}
    note: str = ""


class LifeEventSeed(_Shape):
    slug: str
    title: str
    description: str
    questions: tuple[QuestionSeed, ...]
    rules: tuple[RuleSeed, ...]


class DepartmentPageSeed(_Shape):
    introduction: str
    hours_note: str = ""


def procedures() -> list[ProcedureSeed]:
    return read_data(PACKAGE, "procedures.yaml", list[ProcedureSeed])


def life_events() -> list[LifeEventSeed]:
    return read_data(PACKAGE, "life_events.yaml", list[LifeEventSeed])


def synonyms() -> list[tuple[str, ...]]:
    return read_data(PACKAGE, "synonyms.yaml", list[tuple[str, ...]])


def department_pages() -> dict[str, DepartmentPageSeed]:
    """Department code → its page."""
    return read_data(PACKAGE, "department_pages.yaml", dict[str, DepartmentPageSeed])


# Where the online way of a demo procedure leads; マイナポータル unless named here.
_ONLINE_URLS = {
    "mynumber-card": "https://www.kojinbango-card.go.jp/",
    "bosai-mail": "https://www.city.ohtawara.tochigi.jp/",
}
_MYNAPORTAL = "https://myna.go.jp/"


def _content(seed: ProcedureSeed) -> dict[str, Any]:
    """The ProcedureVersion fields of a procedure seed."""
    online = any(c.kind == "online" for c in seed.channels)
    return {
        "title": seed.title,
        "title_kana": seed.title_kana,
        "summary": seed.summary,
        "eligibility": seed.eligibility,
        "documents": "\n".join(seed.documents),
        "fee": seed.fee,
        "deadline": seed.deadline,
        "processing_time": seed.processing_time,
        "counter": seed.counter,
        "channels": [{"kind": c.kind, "note": c.note} for c in seed.channels],
        "online_form_url": _ONLINE_URLS.get(seed.slug, _MYNAPORTAL) if online else "",
        "keywords": seed.keywords,
    }


def _procedures(seeds: list[ProcedureSeed], departments: Mapping[str, Any]) -> dict[str, Procedure]:
    now = timezone.now()
    loaded: dict[str, Procedure] = {}
    for seed in seeds:
        department = departments.get(seed.department_code)
        if department is None:
            continue
        procedure, _created = Procedure.objects.update_or_create(
            slug=seed.slug, defaults={"department": department, "category": seed.category}
        )
        version, _created = ProcedureVersion.objects.update_or_create(
            procedure=procedure,
            number=1,
            defaults={**_content(seed), "status": ProcedureVersion.Status.PUBLISHED, "published_at": now},
        )
        if procedure.published_id != version.pk:
            procedure.published = version
            procedure.save(update_fields=["published"])
        loaded[seed.slug] = procedure
    for seed in seeds:
        if seed.slug in loaded:
            loaded[seed.slug].related.set([loaded[s] for s in seed.related if s in loaded])
    return loaded


def _life_event(order: int, seed: LifeEventSeed, procedures: dict[str, Procedure]) -> int:
    """Write one life event with its questions; its rules are replaced. Returns how many rules."""
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
    rules = 0
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
    """Write the demo content (after the accounts loader made the departments); moves the catalogue token."""
    # Read (and so check) every file before writing anything.
    procedure_seeds, event_seeds, synonym_groups, pages = procedures(), life_events(), synonyms(), department_pages()
    departments = {d.code: d for d in core_selectors.department_list()}
    loaded = _procedures(procedure_seeds, departments)
    rules = sum(_life_event(order, seed, loaded) for order, seed in enumerate(event_seeds))
    if not Synonym.objects.exists():
        Synonym.objects.bulk_create([Synonym(words=";".join(group)) for group in synonym_groups])
    for code, page in pages.items():
        if code in departments:
            DepartmentPage.objects.update_or_create(
                department=departments[code],
                defaults={"introduction": page.introduction, "hours_note": page.hours_note},
            )
    catalog_changed()
    return [
        f"手続き案内：{len(loaded)}件の手続き、{len(event_seeds)}のライフイベント（{rules}ルール）を読み込みました。"
    ]
