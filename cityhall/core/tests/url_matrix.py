"""The vocabulary of the URL permission matrix, and how it collects each app's cases.

Each app declares its URLs in `cityhall/<app>/tests/url_cases.py`:

    CASES = {"console:<app>:name": Case("get", "kwargs-key", STAFF), …}
    def objects(ctx: UrlContext) -> dict[str, dict[str, Any]]: …   # kwargs per key, built on demand

`tests/integration/test_url_permissions.py` runs every case for every persona and fails
for a URL of ours (its view lives in `cityhall`) that no app declares.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.apps import apps

PERSONAS = ("anonymous", "resident", "clerk", "policy_officer", "admin_user")
LOGIN = "login"  # redirected to the login page
Expected = tuple[int | str, int | str, int | str, int | str, int | str]  # per persona, in PERSONAS order
PUBLIC: Expected = (200, 200, 200, 200, 200)
SIGNED_IN: Expected = (LOGIN, 200, 200, 200, 200)
STAFF: Expected = (LOGIN, 403, 200, 200, 200)
STAFF_POST: Expected = (LOGIN, 403, 302, 302, 302)
POLICY: Expected = (LOGIN, 403, 403, 200, 200)  # the ICT policy division (and the administrator)
POLICY_POST: Expected = (LOGIN, 403, 403, 302, 302)
ADMIN: Expected = (LOGIN, 403, 403, 403, 200)
ADMIN_POST: Expected = (LOGIN, 403, 403, 403, 302)


class Case(NamedTuple):
    method: str  # "get" or "post"
    objects: str | None  # key of the URL's kwargs in the app's objects(), None for none
    expected: Expected


@dataclass(frozen=True)
class UrlContext:
    """The personas and departments of the root conftest, for an app's objects()."""

    resident: Any
    clerk: Any
    policy_officer: Any
    admin_user: Any
    departments: dict[str, Any]


@dataclass(frozen=True)
class AppCases:
    app: str
    cases: dict[str, Case]
    objects: Callable[[UrlContext], dict[str, dict[str, Any]]]


def collect() -> dict[str, AppCases]:
    """Every URL name declared by an app, with the app that declares it."""
    found: dict[str, AppCases] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("cityhall."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.url_cases")
        except ModuleNotFoundError:
            continue
        declared = AppCases(config.label, module.CASES, getattr(module, "objects", lambda ctx: {}))
        for name in declared.cases:
            assert name not in found, f"{name} is declared by {found[name].app} and {config.label}"
            found[name] = declared
    return found
