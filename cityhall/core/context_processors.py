from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from cityhall.core.selectors import municipality_find, site_name


def site(request: HttpRequest) -> dict[str, Any]:
    municipality = municipality_find()
    name = site_name(language=get_language())
    other = "ja" if get_language().startswith("en") else "en"
    return {
        "site_name": name,
        "municipality": municipality,
        "is_demo": settings.CITYHALL_DEMO,
        # A plain link (no form, no CSRF token) keeps anonymous pages cacheable.
        "alternate_language_url": translate_url(request.get_full_path(), other),
    }
