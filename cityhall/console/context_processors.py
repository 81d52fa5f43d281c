from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from cityhall.accounts.selectors import modules_for_user


def console(request: HttpRequest) -> dict[str, Any]:
    match = request.resolver_match
    if match is None or "console" not in match.namespaces or not request.user.is_authenticated:
        return {}
    return {"console_modules": modules_for_user(request.user)}
