from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from cityhall.core.selectors import municipality_find


def site(request: HttpRequest) -> dict[str, Any]:
    municipality = municipality_find()
    local_name = municipality.name if municipality else "cityhall"
    if municipality and municipality.name_en and get_language().startswith("en"):
        local_name = municipality.name_en
    name = settings.CITYHALL_SITE_NAME or local_name
    other = "ja" if get_language().startswith("en") else "en"
    return {
        "site_name": name,
        "municipality": municipality,
        "is_demo": settings.CITYHALL_DEMO,
        # A plain link (no form, no CSRF token) keeps anonymous pages cacheable.
        "alternate_language_url": translate_url(request.get_full_path(), other),
    }
