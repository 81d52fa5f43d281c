"""django-axes glue: which username a login attempt was for.

allauth authenticates with `email=`; other entry points post `login`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def axes_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    for source in (credentials or {}, request.POST):
        for key in ("email", "login", "username"):
            value = source.get(key)
            if value:
                return str(value).strip().lower()
    return None
