"""The audit log in a real browser, filled by the demo city: Japanese actions, staff names, links, whole words.

Screenshots at phone and desktop widths go to var/screenshots/console-audit-*.png.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from io import StringIO
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command

from cityhall.accounts.models import User
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOT_DIR, BrowserErrors, browser_skip_reason

if TYPE_CHECKING:
    from playwright.sync_api import Page

_skip_reason = browser_skip_reason()
if _skip_reason:
    pytest.skip(_skip_reason, allow_module_level=True)

from tests.browser.test_pages import assert_accessible, assert_no_horizontal_overflow, open_page  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")  # plans.score_set, opendata.version.publish
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _column(page: Page, n: int) -> list[str]:
    return page.locator(f"main table.audit-table tbody tr > td:nth-child({n})").all_inner_texts()


def _broken_words(page: Page) -> list[str]:
    """Texts that must stay on one line (names, dates, times) but take more than one."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('main .audit-table .nowrap')]
                .filter(el => el.getClientRects().length > 1 || el.offsetHeight > 1.6 * parseFloat(getComputedStyle(el).lineHeight))
                .map(el => el.textContent)"""
        )
    )


def test_the_audit_log_reads_in_japanese(
    page: Page, page_errors: BrowserErrors, sign_in: Callable[[User], None]
) -> None:
    call_command("demo", stdout=StringIO())
    sign_in(User.objects.get(email="admin@demo.ohtawara.example.jp"))
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        open_page(page, "/console/audit/")
        width = viewport["width"]
        page.screenshot(path=SCREENSHOT_DIR / f"console-audit-{width}.png", full_page=True)
        assert_no_horizontal_overflow(page, f"audit log at {width}px")
        assert not _broken_words(page), f"broken across lines at {width}px: {_broken_words(page)}"

    actions = _column(page, 4)
    assert len(actions) >= 20
    assert not [a for a in actions if CODE.match(a) or not JAPANESE.search(a)], actions
    staff = _column(page, 3)
    assert not [s for s in staff if "@" in s], staff  # names, not e-mail addresses
    assert page.locator("main table.audit-table tbody td:nth-child(5) a").count() >= 10

    record = page.locator("main table.audit-table details").first
    assert not record.locator("code").first.is_visible()
    record.locator("summary").click()
    assert CODE.match(record.locator("code").first.inner_text())  # the exact record is one click away
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOT_DIR / "console-audit-record-390.png", full_page=True)

    open_page(page, "/console/audit/")
    assert_accessible(page, page_errors)
