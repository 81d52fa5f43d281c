from __future__ import annotations

from typing import Any

import pytest

from cityhall.accounts.models import Role
from cityhall.procedures import services
from conftest import make_user

CONTENT = {
    "title": "住民票の写しの交付",
    "title_kana": "じゅうみんひょうのうつしのこうふ",
    "summary": "住民票の写しを交付します。",
    "documents": "本人確認書類\n手数料",
    "fee": "1通300円",
    "channels": [{"kind": "counter", "note": "本庁舎1階 市民課"}, {"kind": "konbini", "note": "マイナンバーカードで"}],
    "keywords": "住民票",
}


@pytest.fixture
def chief(departments: dict[str, Any]) -> Any:
    """市民課長: approves the division's procedure pages."""
    user = make_user("chief@example.jp", role="section_chief", department=departments["citizens"])
    assert Role.objects.filter(code="section_chief").exists()
    return user


@pytest.fixture
def draft(clerk: Any, departments: dict[str, Any]) -> Any:
    return services.procedure_create(
        actor=clerk, department=departments["citizens"], category="certificates", slug="juminhyo-copy", content=CONTENT
    )
