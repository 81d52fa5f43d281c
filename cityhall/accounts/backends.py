"""Answers "module.<key>" permissions from the staff member's roles."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

ALL_MODULES = "*"


def granted_modules(user: Any) -> frozenset[str]:
    if not (getattr(user, "is_authenticated", False) and user.is_active and user.is_staff):
        return frozenset()
    cached = getattr(user, "_cityhall_modules", None)
    if cached is None:
        keys: set[str] = set()
        for modules in user.roles.values_list("modules", flat=True):
            keys.update(str(m) for m in modules or [])
        cached = frozenset(keys)
        user._cityhall_modules = cached
    return cached


class RolePermissionBackend(BaseBackend):
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        app, _sep, key = perm.partition(".")
        if app != "module" or not key:
            return False
        modules = granted_modules(user_obj)
        return ALL_MODULES in modules or key in modules
