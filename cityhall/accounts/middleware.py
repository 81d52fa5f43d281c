from __future__ import annotations

from collections.abc import Callable

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

_PROTECTED = ("/console/", "/django-admin/")


def _protected(path: str) -> bool:
    """Console and admin paths, with or without a language prefix (/en/console/…)."""
    prefixes = {f"/{code}" for code, _name in settings.LANGUAGES} | {""}
    return any(path.startswith(prefix + area) for prefix in prefixes for area in _PROTECTED)


def staff_session_has_mfa(request: HttpRequest) -> bool:
    return any(r.get("method") == "mfa" for r in get_authentication_records(request, request.user))


class StaffMfaRequiredMiddleware:
    """Staff reach the console only in a session that passed a second factor.

    Staff without an authenticator are sent to set up TOTP first.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and (user.is_staff or user.is_superuser)
            and _protected(request.path)
            and not staff_session_has_mfa(request)
        ):
            if not Authenticator.objects.filter(user=user).exists():
                messages.warning(request, _("職員は二段階認証の設定が必要です。認証アプリを登録してください。"))
                return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
            return redirect(f"{reverse('mfa_reauthenticate')}?next={request.path}")
        return self.get_response(request)
