"""View decorators for the staff console. Staff MFA is enforced by middleware."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import patch_cache_control

from cityhall.core.permissions import can_use_module, is_staff_member

View = Callable[..., HttpResponseBase]


def staff_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_staff_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def module_required(key: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @staff_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not can_use_module(request.user, key):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def public_when_anonymous(max_age: int) -> Callable[[View], View]:
    """Mark the page cacheable by shared caches (CDN, EdgeCache) only for visitors without a session.

    A signed-in visitor's copy shows their account menu, so it must stay private.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not request.user.is_authenticated:
                patch_cache_control(response, public=True, max_age=max_age)
            else:
                patch_cache_control(response, private=True)
            return response

        return wrapped

    return decorator
