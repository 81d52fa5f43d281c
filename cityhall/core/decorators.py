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


def staff_passes(test: Callable[[Any], bool]) -> Callable[[View], View]:
    """Active staff for whom `test(user)` holds (anonymous visitors go to the login page, others get 403)."""

    def decorator(view: View) -> View:
        @staff_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def module_required(key: str) -> Callable[[View], View]:
    return staff_passes(lambda user: can_use_module(user, key))


def _nothing_personal(request: HttpRequest, response: HttpResponseBase) -> bool:
    """No session, no cookie being set and no one-time message shown: the page is the same for everyone."""
    from django.contrib.messages import get_messages

    session = getattr(request, "session", None)
    return (
        not request.user.is_authenticated
        and not response.cookies
        and not getattr(get_messages(request), "used", False)
        and not (session is not None and (session.modified or not session.is_empty()))
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def public_when_anonymous(max_age: int) -> Callable[[View], View]:
    """Mark the page cacheable by shared caches (CDN, EdgeCache) only for visitors without a session.

    A signed-in visitor's copy shows their account menu, so it must stay private.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and _nothing_personal(request, response):
                patch_cache_control(response, public=True, max_age=max_age)
            else:
                patch_cache_control(response, private=True)
            return response

        return wrapped

    return decorator
