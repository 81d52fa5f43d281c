"""Permission vocabulary shared by every app.

Console modules are granted to staff through roles; a module grant is checked
as the Django permission "module.<key>", answered by the accounts app's
authentication backend, so core never imports accounts.
"""

from __future__ import annotations

from typing import Any

from cityhall.core.errors import PermissionDeniedError

# Module keys defined by the platform itself; each domain module adds its own.
ORGANISATION = "organisation"
AUDIT = "audit"
API_TOKENS = "api_tokens"


def module_perm(key: str) -> str:
    return f"module.{key}"


def is_staff_member(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_staff)


def can_use_module(user: Any, key: str) -> bool:
    return is_staff_member(user) and bool(user.has_perm(module_perm(key)))


def require_module(user: Any, key: str) -> None:
    """Raise PermissionDeniedError unless `user` is active staff holding module `key`."""
    if not can_use_module(user, key):
        raise PermissionDeniedError()
