"""A resident adds a passkey and signs in with it (Chromium's virtual authenticator, WebAuthn over CDP)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import BrowserContext, Page

from cityhall.accounts.models import User
from conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_adds_a_passkey_and_signs_in_with_it(
    context: BrowserContext, page: Page, sign_in: Callable[[User], None], resident: User
) -> None:
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    sign_in(resident)
    page.goto("/accounts/2fa/webauthn/add/")
    if "/reauthenticate/" in page.url:  # adding a key asks for the password again
        page.locator("#id_password").fill(PASSWORD)
        page.locator("main button[type=submit]").click()
        page.wait_for_url("**/webauthn/add/")
    page.locator("main input[type=text]").first.fill("ノートPC")
    passwordless = page.locator("main input[type=checkbox]")
    if passwordless.count():
        passwordless.first.check()
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_load_state()
    page.wait_for_function("() => !location.pathname.endsWith('/add/')", timeout=30_000)
    assert Authenticator.objects.filter(user=resident, type=Authenticator.Type.WEBAUTHN).count() == 1

    context.clear_cookies()
    page.goto("/accounts/login/")
    page.locator("#passkey_login").click()
    page.wait_for_url("**/mypage/", timeout=30_000)
    assert resident.email in page.locator("main").inner_text()
