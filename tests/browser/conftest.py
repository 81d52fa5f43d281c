"""Fixtures for the browser suite: one headless Chromium per session, a fresh context per test.

The module is skipped when CITYHALL_SKIP_BROWSER=1, or when Chromium is missing
outside CI; in CI (CI=true) a missing browser is an error, not a skip.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings
from django.test import Client

from cityhall.accounts.models import User
from conftest import login, restore_migration_data

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Error, Page, ViewportSize
    from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path(os.environ.get("CITYHALL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium tries to reach Google services and fails on a closed network.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
SCREENSHOT_DIR = Path(settings.BASE_DIR) / "var" / "screenshots"


def browser_skip_reason() -> str | None:
    """Why the browser suite cannot run here, or None when it must run."""
    if os.environ.get("CITYHALL_SKIP_BROWSER") == "1":
        return "CITYHALL_SKIP_BROWSER=1"
    if not CHROMIUM.exists() and os.environ.get("CI") != "true":
        return f"{CHROMIUM} is not installed (in CI this is an error)"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop in the main thread; Django then
    # refuses ORM calls from fixtures and tests unless this is set.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _migration_data(transactional_db: None) -> None:
    """Put back what data migrations created (the built-in roles).

    The live server only sees committed rows, so these tests run in transactional
    mode, and every transactional test ends by flushing the database. (Django's
    serialized_rollback is no help here: after the flush of an ordinary
    transactional test, re-inserting the serialized content types collides.)
    """
    restore_migration_data()


@pytest.fixture
def context(browser: Browser, live_server: LiveServer) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, locale="ja-JP")
    context.set_default_timeout(30_000)  # the suite shares two cores with servers of the process-level tests
    yield context
    context.close()


@dataclass
class BrowserErrors:
    """Console errors and uncaught exceptions seen by a page (CSP violations included)."""

    messages: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.messages.append(f"console: {message.text} ({message.location.get('url', '')})")

    def on_pageerror(self, error: Error) -> None:
        self.messages.append(f"pageerror: {error}")


@pytest.fixture
def page_errors() -> BrowserErrors:
    return BrowserErrors()


@pytest.fixture
def page(context: BrowserContext, page_errors: BrowserErrors) -> Page:
    page = context.new_page()
    page.on("console", page_errors.on_console)
    page.on("pageerror", page_errors.on_pageerror)
    return page


@pytest.fixture
def sign_in(context: BrowserContext, live_server: LiveServer) -> Callable[[User], None]:
    """sign_in(user) → the browser context carries a session of that user (with MFA passed)."""

    def _sign_in(user: User) -> None:
        client = login(Client(), user)
        cookie: Any = {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url,
            "httpOnly": True,
            "sameSite": "Lax",
        }
        context.add_cookies([cookie])

    return _sign_in
