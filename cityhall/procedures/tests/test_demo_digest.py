"""The demo loader puts exactly the same rows in the database as before its content moved to data/.

The digest covers every loaded procedure and version (all content fields), the related
procedures, life events with their questions and rules, synonyms and department pages,
keyed by slugs and codes so database ids do not matter. It was computed on the code
before the move (seed_data.py); a change to the demo content changes it on purpose.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from cityhall.core.demo import loaders
from cityhall.procedures.models import (
    DepartmentPage,
    LifeEvent,
    LifeEventRule,
    Procedure,
    ProcedureVersion,
    Synonym,
)

EXPECTED_DIGEST = "2ca7db497db36553af4b05f5ecd6fea5770f46499e19620bd344a865132cca3b"
VERSION_FIELDS = (
    "number",
    "status",
    "title",
    "title_kana",
    "summary",
    "eligibility",
    "documents",
    "fee",
    "deadline",
    "processing_time",
    "counter",
    "channels",
    "online_form_url",
    "keywords",
    "editors",
    "review_comment",
)


def _procedures() -> list[Any]:
    rows = []
    for p in Procedure.objects.select_related("department", "published").order_by("slug"):
        versions = [
            {name: getattr(v, name) for name in VERSION_FIELDS}
            | {"published": v.published_at is not None, "created_by": v.created_by_id, "publish_at": v.publish_at}
            for v in ProcedureVersion.objects.filter(procedure=p).order_by("number")
        ]
        rows.append(
            {
                "slug": p.slug,
                "department": p.department.code,
                "category": p.category,
                "published": p.published.number if p.published else None,
                "related": sorted(r.slug for r in p.related.all()),
                "versions": versions,
            }
        )
    return rows


def _life_events() -> list[Any]:
    return [
        {
            "slug": e.slug,
            "title": e.title,
            "description": e.description,
            "order": e.order,
            "questions": [[q.key, q.text, q.choices, q.order] for q in e.questions.order_by("order", "id")],
            "rules": [
                [r.procedure.slug, r.conditions, r.note, r.order]
                for r in LifeEventRule.objects.filter(event=e).select_related("procedure").order_by("order", "id")
            ],
        }
        for e in LifeEvent.objects.order_by("order", "id")
    ]


def demo_content() -> dict[str, Any]:
    """Everything the procedures demo loader wrote, without ids or load-time timestamps."""
    pages = DepartmentPage.objects.select_related("department").order_by("department__code")
    return {
        "procedures": _procedures(),
        "life_events": _life_events(),
        "synonyms": list(Synonym.objects.order_by("id").values_list("words", flat=True)),
        "department_pages": [
            [p.department.code, p.introduction, str(p.opens_at), str(p.closes_at), p.hours_note] for p in pages
        ],
    }


def digest(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


@pytest.mark.django_db
def test_the_demo_loads_the_same_content_as_before():
    for loader in loaders():
        if loader.name in {"accounts", "procedures"}:  # the departments, then the guide
            loader.load()
    content = demo_content()
    assert len(content["procedures"]) == 77
    assert len(content["life_events"]) == 9
    assert sum(len(e["rules"]) for e in content["life_events"]) == 132
    assert len(content["synonyms"]) == 41
    assert len(content["department_pages"]) == 19
    assert digest(content) == EXPECTED_DIGEST
