"""The demo city's districts and notices (data/demo.yaml), loaded by `manage.py demo`.

Shapes are checked before anything is written; loading twice changes nothing (notices are found
by title). Notices of 市民課 are written by its clerk and approved by its chief; the others by the
ICT policy officer and approved by the administrator, as the demo accounts allow.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.db import transaction
from django.utils import timezone
from pydantic import BaseModel, ConfigDict

from cityhall.accounts import selectors as account_selectors
from cityhall.announcements import selectors
from cityhall.announcements.models import Area, Category, Notice, Subscriber
from cityhall.core import selectors as core_selectors
from cityhall.core.actors import Actor
from cityhall.core.data_files import read_data
from cityhall.core.edge_cache import edge_cache_purge


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class AreaSeed(_Strict):
    code: str
    name: str


class NoticeSeed(_Strict):
    title: str
    body: str
    category: str
    department: str
    areas: list[str] = []
    urgency: Literal["normal", "important", "emergency"] = "normal"
    status: Literal["approved", "pending"] = "approved"
    days_ago: int = 0


class SubscriberSeed(_Strict):
    email: str
    categories: list[str] = []
    areas: list[str] = []


class DemoSeed(_Strict):
    areas: list[AreaSeed]
    notices: list[NoticeSeed]
    subscribers: list[SubscriberSeed]


def demo_seed() -> DemoSeed:
    data: DemoSeed = read_data("cityhall.announcements", "demo.yaml", DemoSeed)
    return data


def _people(department: str) -> tuple[Actor, Actor]:
    """The demo staff who wrote and approved a department's notice (the accounts loader made them)."""
    author, approver = (
        ("clerk@demo.ohtawara.example.jp", "citizens-chief@demo.ohtawara.example.jp")
        if department == "citizens"
        else ("policy@demo.ohtawara.example.jp", "admin@demo.ohtawara.example.jp")
    )
    staff = account_selectors.staff_list()
    return staff.get(email=author), staff.get(email=approver)


@transaction.atomic
def load() -> list[str]:
    data = demo_seed()
    areas: dict[str, Area] = {}
    for order, place in enumerate(data.areas, start=1):
        areas[place.code], _created = Area.objects.get_or_create(
            code=place.code, defaults={"name": place.name, "order": order * 10}
        )
    categories = {c.key: c for c in Category.objects.all()}
    departments = {d.code: d for d in core_selectors.department_list()}
    now = timezone.now().replace(second=0, microsecond=0)
    added = 0
    for seed in data.notices:
        if Notice.objects.filter(title=seed.title).exists():
            continue
        author, approver = _people(seed.department)
        category = categories[seed.category]
        channels, _rule = selectors.channels_by_rule(urgency=seed.urgency, category_id=category.pk)
        start = now - dt.timedelta(days=seed.days_ago, hours=1)
        approved = seed.status == "approved"
        notice = Notice.objects.create(
            title=seed.title,
            body=seed.body,
            category=category,
            urgency=seed.urgency,
            publish_at=start,
            channels=channels,
            status=Notice.Status.APPROVED if approved else Notice.Status.PENDING,
            department=departments[seed.department],
            created_by=author,
            created_at=start,
            submitted_at=start,
            decided_by=approver if approved else None,
            decided_at=start if approved else None,
            delivered_at=start if approved else None,  # sent when they were published, before the demo
        )
        notice.areas.set([areas[code] for code in seed.areas])
        added += 1
    for person in data.subscribers:
        subscriber, created = Subscriber.objects.get_or_create(
            kind=Subscriber.Kind.EMAIL,
            address=person.email,
            defaults={"status": Subscriber.Status.ACTIVE, "confirmed_at": now},
        )
        if created:
            subscriber.categories.set([categories[key] for key in person.categories])
            subscriber.areas.set([areas[code] for code in person.areas])
    edge_cache_purge()
    return [
        f"お知らせ：{len(areas)}の地区、{added}件のお知らせ、{len(data.subscribers)}人のメール購読者を読み込みました。"
    ]
