from __future__ import annotations

import base64
import secrets
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.http import HttpRequest

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
