from __future__ import annotations

import base64
import secrets
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from cityhall.accounts.selectors import city_site
from cityhall.core.permissions import is_staff_member

# Fixed TOTP secrets printed by `manage.py demo`. They are public, so outside
# demo settings they must never validate a code.
DEMO_TOTP_SECRETS = {
    "administrator": "CITYHALLDEMOADMINISTRATORTOTP234",
    "ict_policy": "CITYHALLDEMOICTPOLICYOFFICER2345",
    "department_clerk": "CITYHALLDEMODEPARTMENTCLERK23456",
    "section_chief": "CITYHALLDEMOSECTIONCHIEFTOTP2345",
    "resident": "CITYHALLDEMORESIDENTTOTPKEY23456",
}


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return True

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Staff land on the console, residents on マイページ (a `next` address still wins)."""
        if is_staff_member(request.user):
            return reverse("console:home")
        return str(super().get_login_redirect_url(request))

    def format_email_subject(self, subject: str) -> str:
        return f"【{city_site().name}】{subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        super().send_mail(template_prefix, email, {"current_site": city_site(), **context})

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        # Self-registered accounts are always residents; staff are created in the console.
        user.is_staff = False
        user.is_superuser = False
        return super().save_user(request, user, form, commit)


class MfaAdapter(DefaultMFAAdapter):
    def get_totp_issuer(self) -> str:
        return "cityhall"

    def decrypt(self, encrypted_text: str) -> str:
        secret = super().decrypt(encrypted_text)
        if secret in DEMO_TOTP_SECRETS.values() and not settings.CITYHALL_DEMO:
            # A random secret no authenticator app holds: every code fails.
            return base64.b32encode(secrets.token_bytes(20)).decode()
        return str(secret)
