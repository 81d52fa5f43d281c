"""The outbox page, retries, and the demo mail catcher a newcomer reads sign-up mail from."""

from __future__ import annotations

import time

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import send_mail
from django.urls import reverse

from cityhall.core.models import AuditEntry
from cityhall.notifications import selectors
from cityhall.notifications.management.commands.mailcatcher import _Keeper
from cityhall.notifications.models import CaughtEmail, OutboundEmail
from conftest import _free_port


@pytest.fixture
def mail_catcher(settings):
    """The demo catcher's own handler on a real SMTP port; delivery goes to it over SMTP."""
    port = _free_port()
    controller = Controller(_Keeper(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.CITYHALL_EMAIL_TRANSPORT = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    try:
        yield
    finally:
        controller.stop()


def _caught(count: int) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if CaughtEmail.objects.count() >= count:
            return True
        time.sleep(0.05)
    return False


def _failed(**fields):
    values = {
        "message_id": "<failed@city.example.jp>",
        "from_email": "noreply@city.example.jp",
        "to": ["resident@example.jp"],
        "subject": "【大田原市】お知らせ",
        "body": "本文",
        "status": OutboundEmail.Status.PERMANENT_FAILURE,
        "attempts": 6,
        "last_error": "[Errno 111] Connection refused",
    }
    return OutboundEmail.objects.create(**(values | fields))


@pytest.mark.django_db(transaction=True)
def test_the_catcher_keeps_what_the_worker_delivered_and_the_console_shows_it(mail_catcher, policy_officer, as_user):
    send_mail(
        "【大田原市】登録のご案内",
        "次のリンクを開いてください。\nhttp://127.0.0.1:8000/confirm/abc/",
        None,
        ["new@example.jp"],
    )
    assert _caught(1), "the catcher received nothing"
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.SENT
    caught = selectors.caught_message(email)
    assert caught is not None
    assert ("Subject", "【大田原市】登録のご案内") in caught.headers
    page = as_user(policy_officer).get(reverse("console:notifications:outbox_detail", args=[email.pk])).content.decode()
    assert "受け取ったメール（デモ）" in page
    assert '<a href="http://127.0.0.1:8000/confirm/abc/"' in page, "the link in the mail can be followed"


def test_the_outbox_lists_every_message_with_its_state_in_japanese(policy_officer, as_user):
    _failed()
    _failed(message_id="<sent@x>", status=OutboundEmail.Status.SENT, subject="送れたメール", last_error="")
    client = as_user(policy_officer)
    page = client.get(reverse("console:notifications:outbox")).content.decode()
    assert "送信失敗" in page and "送信済み" in page and "Connection refused" in page
    only_failed = client.get(reverse("console:notifications:outbox"), {"status": "permanent_failure"}).content.decode()
    assert "【大田原市】お知らせ" in only_failed and "送れたメール" not in only_failed


def test_a_failed_message_is_retried_and_the_retry_is_audited_without_the_message(
    policy_officer, as_user, django_capture_on_commit_callbacks
):
    email = _failed()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(policy_officer).post(reverse("console:notifications:outbox_retry", args=[email.pk]))
    assert response.status_code == 302
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT and email.attempts == 1
    entry = AuditEntry.objects.get(action="notifications.email_retry")
    assert entry.before["status"] == "permanent_failure" and entry.after["status"] == "queued"
    assert "resident@example.jp" not in str(entry.before) + str(entry.after) + entry.object_label
    assert "本文" not in str(entry.after)


def test_a_sent_message_is_not_sent_again(policy_officer, as_user):
    email = _failed(status=OutboundEmail.Status.SENT, last_error="")
    client = as_user(policy_officer)
    response = client.post(reverse("console:notifications:outbox_retry", args=[email.pk]), follow=True)
    assert "送信に失敗したメールだけを再送できます（現在：送信済み）" in response.content.decode()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert not AuditEntry.objects.filter(action="notifications.email_retry").exists()
