"""Error pages speak Japanese and change nothing."""

from django.test import Client
from django.urls import reverse

from cityhall.accounts.models import User


def test_unknown_page_is_a_japanese_404(db):
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "ページが見つかりません" in response.content.decode()


def test_oversized_request_body_is_a_japanese_400(db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = Client().post(reverse("account_signup"), {"email": "a@example.jp", "password1": "x" * 5000})
    assert response.status_code == 400
    assert "大きすぎる" in response.content.decode()
    assert not User.objects.exists()


def test_missing_csrf_token_is_refused_in_japanese(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_signup"), {"email": "a@example.jp"})
    assert response.status_code == 403
    assert "送信を受け付けられませんでした" in response.content.decode()
    assert not User.objects.exists()


def test_security_headers_are_set(db):
    response = Client().get(reverse("portal:home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_english_is_one_switch_away(db):
    client = Client()
    response = client.post(reverse("set_language"), {"language": "en", "next": "/terms/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/terms/"
    page = client.get("/en/terms/")
    assert '<html lang="en">' in page.content.decode()


def test_a_wrong_method_gets_a_japanese_405_page_with_the_allow_header(db):
    response = Client().get(reverse("console:audit_verify"))
    assert response.status_code == 405
    assert "この操作はできません" in response.content.decode()
    assert response["Allow"] == "POST"


def test_a_403_is_logged_without_a_traceback(clerk, as_user, caplog):
    with caplog.at_level("WARNING", logger="django.request"):
        response = as_user(clerk).get(reverse("console:audit_list"))
    assert response.status_code == 403
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage().startswith("Forbidden")
    assert record.exc_info is None


def test_the_run_command_serves_without_debug_pages(monkeypatch):
    """bin/run uses the dev settings: Django's debug page (every URL pattern) only with DEBUG=1."""
    import importlib

    from config.settings import dev

    monkeypatch.delenv("DEBUG", raising=False)
    assert importlib.reload(dev).DEBUG is False
    monkeypatch.setenv("DEBUG", "1")
    assert importlib.reload(dev).DEBUG is True
    monkeypatch.delenv("DEBUG")
    importlib.reload(dev)
