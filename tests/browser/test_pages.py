"""Every page, in a real browser: axe-core (WCAG 2.1 A/AA), landmarks, skip link, console and CSP errors.

Screenshots of the main pages at phone and desktop widths go to var/screenshots/
for a human to look at; the tests check the layout does not overflow sideways.
"""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from typing import TYPE_CHECKING, Any

import pytest
from django.core.management import call_command

from cityhall.accounts.models import User
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOT_DIR, BrowserErrors, browser_skip_reason

if TYPE_CHECKING:
    from playwright.sync_api import Page

_skip_reason = browser_skip_reason()
if _skip_reason:
    pytest.skip(_skip_reason, allow_module_level=True)

from axe_playwright_python.sync_playwright import Axe  # noqa: E402

# The live server only sees committed data (conftest's _migration_data restores the built-in roles).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

PUBLIC_PAGES = ["/", "/terms/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
RESIDENT_PAGES = ["/mypage/", "/accounts/2fa/"]
CONSOLE_PAGES = [
    "/console/",
    "/console/departments/",
    "/console/org/",
    "/console/org/staff/",
    "/console/org/staff/new/",
    "/console/org/roles/",
    "/console/org/committees/",
    "/console/org/assignments/",
    "/console/org/tokens/",
    "/console/audit/",
    "/console/plans/",
    "/console/plans/gantt/",
    "/console/plans/dashboard/",
    "/console/plans/ranking/",
    "/console/plans/ranking/rule/",
    "/console/plans/decisions/",
    "/console/plans/meetings/",
    "/console/notifications/outbox/",
]


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(str(t) for t in node['target'])}")
            summary = node.get("failureSummary") or ""
            lines.extend(f"        {line}" for line in summary.splitlines())
    return "\n".join(lines)


def open_page(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None
    assert response.status == 200, f"{path}: HTTP {response.status} (ended at {page.url})"
    assert page.url.endswith(path), f"{path} redirected to {page.url}"
    page.wait_for_load_state("load")


def assert_accessible(page: Page, errors: BrowserErrors, *, lang: str = "ja") -> None:
    """The checks every page must pass, on the page as it is now (freshly loaded, nothing focused)."""
    where = page.url
    assert page.locator("html").get_attribute("lang") == lang, where
    assert page.locator("main").count() == 1, f"{where}: expected exactly one <main>"
    assert page.locator("[role=main]").count() == 0, f"{where}: extra role=main landmark"

    # The skip link is the first thing the keyboard reaches; it shows up and takes focus to <main>.
    page.keyboard.press("Tab")
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert href is not None and href.endswith("#main"), f"{where}: first Tab stop is {href!r}, not the skip link"
    box = page.locator(":focus").bounding_box()
    assert box is not None and box["y"] >= 0, f"{where}: the focused skip link is off screen: {box}"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.tagName") == "MAIN", f"{where}: skip link does not reach main"

    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        at = f"{where} at {viewport['width']}px"
        violations = AXE.run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, f"{at}: axe found {len(violations)} violation(s):\n{format_violations(violations)}"
        assert_no_horizontal_overflow(page, at)

    assert not errors.messages, f"{where}: browser errors:\n" + "\n".join(errors.messages)


def assert_no_horizontal_overflow(page: Page, where: str) -> None:
    sizes = page.evaluate("() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth})")
    assert sizes["scrollWidth"] <= sizes["innerWidth"], f"{where} overflows sideways: {sizes}"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page(page: Page, page_errors: BrowserErrors, municipality: Any, path: str) -> None:
    open_page(page, path)
    assert_accessible(page, page_errors)


def test_english_home(page: Page, page_errors: BrowserErrors, municipality: Any) -> None:
    open_page(page, "/en/")
    assert_accessible(page, page_errors, lang="en")


@pytest.mark.parametrize("path", RESIDENT_PAGES)
def test_resident_page(
    page: Page, page_errors: BrowserErrors, sign_in: Callable[[User], None], resident: User, path: str
) -> None:
    sign_in(resident)
    open_page(page, path)
    assert_accessible(page, page_errors)


@pytest.mark.parametrize("path", CONSOLE_PAGES)
def test_console_page(
    page: Page, page_errors: BrowserErrors, sign_in: Callable[[User], None], admin_user: User, path: str
) -> None:
    sign_in(admin_user)
    open_page(page, path)
    assert_accessible(page, page_errors)


def test_signup_errors_are_accessible(page: Page, page_errors: BrowserErrors, municipality: Any) -> None:
    """The empty signup form comes back with errors that assistive technology can find."""
    open_page(page, "/accounts/signup/")
    form = page.locator("main form").filter(has=page.locator("input[type=password]"))
    # Turn off the browser's own validation so the server renders its error messages.
    form.evaluate("form => { form.noValidate = true; }")
    form.locator("[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/accounts/signup/")

    fields = page.evaluate(
        """() => [...document.querySelectorAll('main [aria-invalid="true"]')].map(field => {
            const ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
            return {
                name: field.name,
                missing: ids.filter(id => !document.getElementById(id)),
                description: ids.map(id => document.getElementById(id)?.textContent || '').join(' ').trim(),
            };
        })"""
    )
    assert {field["name"] for field in fields} >= {"email", "password1", "password2"}, fields
    for field in fields:
        assert not field["missing"], f"{field['name']}: aria-describedby points to missing ids {field['missing']}"
        assert field["description"], f"{field['name']}: no error message is tied to the field"
    assert_accessible(page, page_errors)


SCREENSHOT_PAGES = [
    ("home", "/", None),
    ("login", "/accounts/login/", None),
    ("mypage", "/mypage/", "resident"),
    ("console", "/console/", "admin_user"),
]


@pytest.mark.parametrize(("name", "path", "persona"), SCREENSHOT_PAGES, ids=[p[0] for p in SCREENSHOT_PAGES])
def test_screenshots(
    request: pytest.FixtureRequest,
    page: Page,
    page_errors: BrowserErrors,
    sign_in: Callable[[User], None],
    municipality: Any,
    name: str,
    path: str,
    persona: str | None,
) -> None:
    if persona:
        sign_in(request.getfixturevalue(persona))
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        open_page(page, path)
        width = viewport["width"]
        page.screenshot(path=SCREENSHOT_DIR / f"{name}-{width}.png", full_page=True)

        assert_no_horizontal_overflow(page, f"{name} at {width}px")

        heading = page.locator("main h1")
        assert heading.count() == 1, f"{name} at {width}px: expected one h1 in <main>"
        assert heading.is_visible(), f"{name} at {width}px: h1 is hidden"
        box = heading.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{name} at {width}px: h1 is cut off: {box}"
    assert not page_errors.messages, "\n".join(page_errors.messages)


def test_console_with_demo_data(page: Page, page_errors: BrowserErrors, sign_in: Callable[[User], None]) -> None:
    """The console's lists filled with the demo city: long names and full tables still fit a phone."""
    call_command("demo", stdout=StringIO())
    sign_in(User.objects.get(email="admin@demo.ohtawara.example.jp"))
    for path in CONSOLE_PAGES:
        open_page(page, path)
        assert_accessible(page, page_errors)


PLAN_SCREENSHOTS = [
    ("plan-gantt", "/console/plans/gantt/"),
    ("plan-dashboard", "/console/plans/dashboard/"),
    ("plan-ranking", "/console/plans/ranking/"),
    ("plan-score-rule", "/console/plans/ranking/rule/"),
]


def test_plan_pages_with_demo_data(page: Page, page_errors: BrowserErrors, sign_in: Callable[[User], None]) -> None:
    """The ICT plan with the demo year of scores and progress: Gantt, dashboard, an initiative."""
    call_command("demo", stdout=StringIO())
    sign_in(User.objects.get(email="policy@demo.ohtawara.example.jp"))
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for name, path in PLAN_SCREENSHOTS:
        for viewport in (PHONE, DESKTOP):
            page.set_viewport_size(viewport)
            open_page(page, path)
            page.screenshot(path=SCREENSHOT_DIR / f"{name}-{viewport['width']}.png", full_page=True)
            assert_no_horizontal_overflow(page, f"{name} at {viewport['width']}px")
        assert_accessible(page, page_errors)
    page.set_viewport_size(DESKTOP)
    open_page(page, "/console/plans/")
    page.get_by_role("link", name="I-(3)④ 市民窓口の利便性向上").first.click()
    page.wait_for_load_state()
    assert page.locator("main h1").inner_text() == "I-(3)④ 市民窓口の利便性向上"
    page.screenshot(path=SCREENSHOT_DIR / "plan-initiative-1280.png", full_page=True)
    assert_accessible(page, page_errors)


PORTAL_PAGES = [
    ("portal-home", "/"),
    (
        "portal-search",
        "/procedures/search/?q=%EF%BD%BC%EF%BE%9E%EF%BD%AD%EF%BD%B3%EF%BE%90%EF%BE%9D%EF%BE%8B%EF%BD%AE%EF%BD%B3",
    ),
    ("portal-procedure", "/procedures/juminhyo-copy/"),
    ("portal-index", "/procedures/"),
    ("portal-departments", "/departments/"),
    ("portal-department", "/departments/citizens/"),
    ("portal-life", "/life/"),
    ("news", "/news/"),
    ("news-subscribe", "/news/subscribe/"),
]


def test_news_with_demo_data(page: Page, page_errors: BrowserErrors, sign_in: Callable[[User], None]) -> None:
    """A resident narrows the news to their district and opens a notice; the chief sees it waiting."""
    call_command("demo", stdout=StringIO())
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(PHONE)
    open_page(page, "/news/")
    page.get_by_label("地区").select_option(label="親園地区")
    page.get_by_role("button", name="絞り込む").click()
    page.wait_for_load_state()
    titles = page.locator("main .notice-list a").all_inner_texts()
    assert "親子ふれあい教室の参加者を募集します" in titles
    assert "与一まつり花火大会の交通規制" not in titles
    page.screenshot(path=SCREENSHOT_DIR / "news-chikazono-390.png", full_page=True)
    assert_no_horizontal_overflow(page, "news at 390px")
    assert_accessible(page, page_errors)
    page.get_by_role("link", name="親子ふれあい教室の参加者を募集します").click()
    page.wait_for_load_state()
    assert "親園公民館" in page.locator("main").inner_text()
    page.screenshot(path=SCREENSHOT_DIR / "news-notice-390.png", full_page=True)
    assert_accessible(page, page_errors)
    page.set_viewport_size(DESKTOP)
    sign_in(User.objects.get(email="admin@demo.ohtawara.example.jp"))
    open_page(page, "/console/announcements/")
    page.get_by_role("link", name="冬季の水道管凍結にご注意ください").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="承認する").is_visible()
    page.screenshot(path=SCREENSHOT_DIR / "console-notice-1280.png", full_page=True)
    assert_accessible(page, page_errors)


def test_portal_with_demo_data(page: Page, page_errors: BrowserErrors) -> None:
    """A resident finds 住民票 by half-width kana and runs the 転入 navigator to a printable checklist."""
    call_command("demo", stdout=StringIO())
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for name, path in PORTAL_PAGES:
        for viewport in (PHONE, DESKTOP):
            page.set_viewport_size(viewport)
            open_page(page, path)
            page.screenshot(path=SCREENSHOT_DIR / f"{name}-{viewport['width']}.png", full_page=True)
            assert_no_horizontal_overflow(page, f"{name} at {viewport['width']}px")
        assert_accessible(page, page_errors)
    open_page(
        page, "/procedures/search/?q=%EF%BD%BC%EF%BE%9E%EF%BD%AD%EF%BD%B3%EF%BE%90%EF%BE%9D%EF%BE%8B%EF%BD%AE%EF%BD%B3"
    )
    assert "住民票の写し" in page.locator("main ol.link-list li").first.inner_text()

    page.set_viewport_size(PHONE)
    open_page(page, "/life/moving-in/")
    for group in page.locator("main fieldset").all():
        group.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="必要な手続きを表示する").click()
    page.wait_for_load_state()
    assert "/life/moving-in/checklist/?" in page.url
    assert page.locator("main .checklist > li").count() >= 5
    assert "転入届" in page.locator("main .checklist h3").first.inner_text(), "the rules start with 転入届"
    page.screenshot(path=SCREENSHOT_DIR / "portal-checklist-390.png", full_page=True)
    assert_accessible(page, page_errors)
    with page.expect_download() as download:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = 'x.pdf';"
            " document.body.appendChild(a); a.click(); }",
            page.get_by_role("link", name="印刷用PDF").get_attribute("href"),
        )
    assert download.value.path().read_bytes().startswith(b"%PDF")


def test_procedure_console_with_demo_data(
    page: Page, page_errors: BrowserErrors, sign_in: Callable[[User], None]
) -> None:
    call_command("demo", stdout=StringIO())
    sign_in(User.objects.get(email="policy@demo.ohtawara.example.jp"))
    for path in [
        "/console/procedures/",
        "/console/procedures/review/",
        "/console/procedures/gaps/",
        "/console/procedures/synonyms/",
        "/console/procedures/life-events/moving-in/rules/",
        "/console/announcements/",
        "/console/announcements/emergency/",
        "/console/announcements/subscribers/",
        "/console/announcements/rules/",
        "/news/",
        "/console/procedures/new/",
    ]:
        open_page(page, path)
        assert_accessible(page, page_errors)
    open_page(page, "/console/procedures/")
    page.get_by_role("link", name="住民票の写し", exact=True).first.click()
    page.wait_for_load_state()
    page.screenshot(path=SCREENSHOT_DIR / "console-procedure-edit-1280.png", full_page=True)
    assert_accessible(page, page_errors)


def test_outbox_shows_the_caught_mail(
    page: Page, page_errors: BrowserErrors, sign_in: Callable[[User], None], settings: Any
) -> None:
    """The demo without a mail relay: a sign-up mail is caught and read in the console, with its link."""
    import time

    from aiosmtpd.controller import Controller
    from django.core.mail import send_mail

    from cityhall.notifications.management.commands.mailcatcher import _Keeper
    from cityhall.notifications.models import CaughtEmail, OutboundEmail
    from conftest import _free_port

    call_command("demo", stdout=StringIO())
    port = _free_port()
    catcher = Controller(_Keeper(), hostname="127.0.0.1", port=port)
    catcher.start()
    settings.CITYHALL_EMAIL_TRANSPORT = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    try:
        body = "大田原市 電子市役所からのお知らせです。\n\n次のリンクを開いて確認してください。\nhttp://127.0.0.1:8000/accounts/confirm-email/abc/\n"
        send_mail("【大田原市 電子市役所】メールアドレスの確認", body, None, ["hajime@example.jp"])
        deadline = time.monotonic() + 10
        while not CaughtEmail.objects.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        catcher.stop()
    email = OutboundEmail.objects.get(to=["hajime@example.jp"])
    sign_in(User.objects.get(email="policy@demo.ohtawara.example.jp"))
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for name, path in (
        ("console-outbox", "/console/notifications/outbox/"),
        ("console-outbox-mail", f"/console/notifications/outbox/{email.pk}/"),
    ):
        for viewport in (PHONE, DESKTOP):
            page.set_viewport_size(viewport)
            open_page(page, path)
            page.screenshot(path=SCREENSHOT_DIR / f"{name}-{viewport['width']}.png", full_page=True)
        assert_accessible(page, page_errors)
    assert page.get_by_role("link", name="http://127.0.0.1:8000/accounts/confirm-email/abc/").count() == 1


def test_bereavement_checklist_on_a_desktop(page: Page, page_errors: BrowserErrors) -> None:
    call_command("demo", stdout=StringIO())
    page.set_viewport_size(DESKTOP)
    open_page(page, "/life/bereavement/checklist/?insurance=kokuho")
    assert page.locator("main h2").first.inner_text() == "市民課"
    assert "死亡届" in page.locator("main .checklist h3").first.inner_text()
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOT_DIR / "portal-checklist-bereavement-1280.png", full_page=True)
    assert_accessible(page, page_errors)


def test_subscription_pages_and_the_notice_form(
    page: Page, page_errors: BrowserErrors, sign_in: Callable[[User], None]
) -> None:
    """Every page of subscribing by e-mail, the clerk's notice form, and the portal in emergency mode."""
    from cityhall.announcements import services as announcement_services
    from cityhall.announcements.models import Subscriber

    call_command("demo", stdout=StringIO())
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(PHONE)
    open_page(page, "/news/subscribe/")
    page.get_by_label("メールアドレス").fill("nasu@example.jp")
    page.get_by_label("防災・安全").check()
    page.get_by_role("button", name="確認メールを送る").click()
    page.wait_for_load_state()
    assert "確認メールを送りました" in page.locator("main").inner_text()
    assert_accessible(page, page_errors)
    subscriber = Subscriber.objects.get(address="nasu@example.jp")
    confirm = f"/news/subscribe/confirm/{announcement_services.token_for(subscriber, 'confirm')}/"
    open_page(page, confirm)
    assert_accessible(page, page_errors)
    open_page(page, confirm)  # afresh: the check above followed the skip link to #main
    page.get_by_role("button", name="登録する").click()
    page.wait_for_load_state()
    assert "登録しました" in page.locator("h1").inner_text()
    page.screenshot(path=SCREENSHOT_DIR / "news-confirmed-390.png", full_page=True)
    assert_accessible(page, page_errors)
    token = announcement_services.token_for(subscriber, "manage")
    open_page(page, f"/news/subscription/{token}/")
    page.screenshot(path=SCREENSHOT_DIR / "news-manage-390.png", full_page=True)
    assert_accessible(page, page_errors)
    open_page(page, f"/news/unsubscribe/{token}/")
    assert_accessible(page, page_errors)
    open_page(page, f"/news/unsubscribe/{token}/")
    page.get_by_role("button", name="配信を停止する").click()
    page.wait_for_load_state()
    assert "配信を停止しました" in page.locator("h1").inner_text()
    assert_accessible(page, page_errors)
    response = page.goto("/news/subscription/not-a-token/")
    assert response is not None and response.status == 400
    # Chromium logs the page's own 400 status as a console error; that one is expected here.
    page_errors.messages[:] = [m for m in page_errors.messages if "status of 400" not in m]
    page.screenshot(path=SCREENSHOT_DIR / "news-link-error-390.png", full_page=True)
    assert_accessible(page, page_errors)

    page.set_viewport_size(DESKTOP)
    sign_in(User.objects.get(email="clerk@demo.ohtawara.example.jp"))
    open_page(page, "/console/announcements/new/")
    page.screenshot(path=SCREENSHOT_DIR / "console-notice-new-1280.png", full_page=True)
    assert_accessible(page, page_errors)

    announcement_services.emergency_mode_set(
        actor=User.objects.get(email="policy@demo.ohtawara.example.jp"),
        on=True,
        message="大雨のため避難指示が出ています",
    )
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    open_page(page, "/")
    assert "大雨のため避難指示が出ています" in page.locator("main").inner_text()
    page.screenshot(path=SCREENSHOT_DIR / "portal-emergency-390.png", full_page=True)
    assert_accessible(page, page_errors)
