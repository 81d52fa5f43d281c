"""The open data catalogue in a real browser, with the demo city's datasets.

A clerk uploads the messy 公衆トイレ一覧 (Shift_JIS, odd headers, missing check digits, swapped
coordinates), fixes it with the offered one-click fixes and publishes it; a resident finds it, sees the
preview, the map and the usage chart, and downloads it. Every page passes axe-core (WCAG 2.1 AA).
"""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command

from cityhall.accounts.models import User
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOT_DIR, BrowserErrors, browser_skip_reason

if TYPE_CHECKING:
    from playwright.sync_api import FilePayload, Page

_skip_reason = browser_skip_reason()
if _skip_reason:
    pytest.skip(_skip_reason, allow_module_level=True)

from tests.browser.test_pages import assert_accessible, assert_no_horizontal_overflow, open_page  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC = [
    ("opendata-index", "/opendata/"),
    ("opendata-dataset", "/opendata/dataset/evacuation-sites/"),
    ("opendata-api", "/opendata/api/"),
    ("opendata-requests", "/opendata/requests/"),
    ("opendata-request-new", "/opendata/requests/new/"),
]
CONSOLE = [
    "/console/opendata/",
    "/console/opendata/new/",
    "/console/opendata/requests/",
    "/console/opendata/usage/",
    "/console/opendata/schemas/",
    "/console/opendata/schemas/public_toilets/",
    "/console/opendata/settings/",
]


def _fresh(page: Page) -> None:
    """Load the current address again, without a #fragment, so the keyboard checks start from the top."""
    page.goto(page.url.split("#", 1)[0])
    page.wait_for_load_state("load")


def _screens(page: Page, name: str, path: str) -> None:
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        open_page(page, path)
        page.screenshot(path=SCREENSHOT_DIR / f"{name}-{viewport['width']}.png", full_page=True)
        assert_no_horizontal_overflow(page, f"{name} at {viewport['width']}px")


def test_public_catalogue(page: Page, page_errors: BrowserErrors) -> None:
    call_command("demo", stdout=StringIO())
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for name, path in PUBLIC:
        _screens(page, name, path)
        assert_accessible(page, page_errors)
    open_page(page, "/opendata/")
    page.get_by_label("データを探す").fill("ﾄｲﾚ")
    page.get_by_role("button", name="検索").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="公衆トイレ一覧").count() == 1
    page.get_by_role("link", name="公衆トイレ一覧").click()
    page.wait_for_load_state()
    assert page.locator("main .point-map__dot").count() == 40
    assert page.locator("main table tbody tr").first.is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    assert download.value.path().read_bytes().startswith(b"\xef\xbb\xbf")


def test_clerk_fixes_a_messy_file_and_publishes_it(
    page: Page, page_errors: BrowserErrors, sign_in: Callable[[User], None]
) -> None:
    from cityhall.opendata.demo import messy as demo_messy
    from cityhall.opendata.models import Dataset

    call_command("demo", stdout=StringIO())
    sign_in(User.objects.get(email="policy@demo.ohtawara.example.jp"))
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for path in CONSOLE:
        page.set_viewport_size(DESKTOP)
        open_page(page, path)
        name = "opendata-console-" + (path.strip("/").split("/", 2)[2:] or ["list"])[0].replace("/", "-")
        page.screenshot(path=SCREENSHOT_DIR / f"{name}-1280.png", full_page=True)
        assert_accessible(page, page_errors)

    dataset = Dataset.objects.get(slug="public-toilets")
    page.set_viewport_size(DESKTOP)
    open_page(page, f"/console/opendata/datasets/{dataset.pk}/upload/")
    assert_accessible(page, page_errors)
    messy: FilePayload = {"name": "トイレ一覧.csv", "mimeType": "text/csv", "buffer": demo_messy.messy_upload()}
    page.set_input_files("input[type=file]", files=[messy])
    page.get_by_role("button", name="アップロードして検査する").click()
    page.wait_for_load_state()
    assert "問題が" in page.locator("main .notice--warning").inner_text()
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SCREENSHOT_DIR / "opendata-upload-problems-1280.png", full_page=True)
    _fresh(page)
    assert_accessible(page, page_errors)

    # One kind first (the check digit), then everything that is left.
    page.get_by_role("row", name="団体コード").first.get_by_role("button").click()
    page.wait_for_load_state()
    assert "自動修正を適用" in page.locator("main").inner_text()
    page.get_by_role("button", name="自動で直せる問題をすべて直す").click()
    page.wait_for_load_state()
    assert "問題は見つかりませんでした" in page.locator("main").inner_text()
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SCREENSHOT_DIR / "opendata-upload-clean-1280.png", full_page=True)
    _fresh(page)
    assert_accessible(page, page_errors)
    page.get_by_label("変更内容のメモ（公開されます）").fill("整っていない書き出しファイルを修正して公開")
    page.get_by_role("button", name="公開する").click()
    page.wait_for_load_state()
    assert "公開しました" in page.locator("main").inner_text()
    dataset.refresh_from_db()
    assert dataset.current is not None and dataset.current.number == 2
    # The fixed messy file holds exactly the published data: nothing added, removed or changed.
    assert (
        dataset.current.changes["added"],
        dataset.current.changes["removed"],
        dataset.current.changes["changed"],
    ) == (0, 0, 0)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SCREENSHOT_DIR / "opendata-console-detail-1280.png", full_page=True)
    _fresh(page)
    assert_accessible(page, page_errors)
    open_page(page, "/opendata/dataset/public-toilets/")
    assert "整っていない書き出しファイルを修正して公開" in page.locator("main").inner_text()
