from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from cityhall.core.selectors import municipality_find


def site(request: HttpRequest) -> dict[str, Any]:
    municipality = municipality_find()
    name = settings.CITYHALL_SITE_NAME or (municipality.name if municipality else "cityhall")
    return {"site_name": name, "municipality": municipality, "is_demo": settings.CITYHALL_DEMO}
