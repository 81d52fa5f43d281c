from __future__ import annotations

from typing import Any

import pytest

from cityhall.announcements.models import Category
from conftest import make_user


@pytest.fixture
def chief(departments: dict[str, Any]) -> Any:
    """市民課長: approves the division's notices."""
    return make_user("chief@example.jp", role="section_chief", department=departments["citizens"])


@pytest.fixture
def crisis_officer(departments: dict[str, Any]) -> Any:
    """危機管理課: may publish an emergency notice at once."""
    return make_user("crisis@example.jp", role="crisis_management", department=departments["citizens"])


@pytest.fixture
def categories(db: Any) -> dict[str, Category]:
    return {c.key: c for c in Category.objects.all()}


def draft_fields(categories: dict[str, Category], **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": "住民票の写しのコンビニ交付を休止します",
        "body": "システム更新のため、2月1日（日）は終日ご利用いただけません。",
        "category": categories["gyousei"],
        "areas": [],
        "urgency": "normal",
        "video_url": "",
        "publish_at": None,
        "expires_at": None,
        "channels": ["web", "email"],
        "channels_reason": "",
    }
    fields.update(changes)
    return fields
