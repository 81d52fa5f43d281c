import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

@pytest.mark.parametrize("path,persona", [("/accounts/signup/", None), ("/en/", None), ("/accounts/2fa/", "resident"),
    ("/console/org/staff/new/", "admin_user"), ("/console/audit/", "admin_user"), ("/console/org/", "admin_user"), ("/console/org/staff/", "admin_user"), ("/accounts/password/reset/", None)])
def test_probe(request, page, sign_in, municipality, path, persona):
    if persona:
        sign_in(request.getfixturevalue(persona))
    for w in (390, 1280):
        page.set_viewport_size({"width": w, "height": 844})
        page.goto(path)
        if path == "/accounts/signup/":
            f = page.locator("main form").filter(has=page.locator("input[type=password]"))
            f.evaluate("f => f.noValidate = true")
            f.locator("[type=submit]").first.click()
            page.wait_for_load_state("load")
        name = path.strip("/").replace("/", "_") or "root"
        page.screenshot(path=f"/tmp/shots/{name}-{w}.png", full_page=True)
