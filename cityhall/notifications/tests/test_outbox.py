"""The e-mail outbox against a real SMTP server: delivery, idempotency, failures."""

import pytest
from django.core.mail import EmailMultiAlternatives, send_mail

from cityhall.notifications import services
from cityhall.notifications.models import OutboundEmail


def _queue(**overrides):
    fields = {
        "from_email": "大田原市 <noreply@city.example.jp>",
        "to": ["resident@example.jp"],
        "cc": [],
        "bcc": [],
        "reply_to": [],
        "subject": "【大田原市】お知らせ",
        "body": "本文です。",
    } | overrides
    return services.outbound_email_queue(**fields)


def test_django_send_mail_goes_through_the_outbox_to_smtp(db, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("件名", "日本語の本文", None, ["a@example.jp"])
        message = EmailMultiAlternatives("HTML付き", "テキスト", None, ["b@example.jp"])
        message.attach_alternative("<p>HTML</p>", "text/html")
        message.send()
    assert [m["Subject"] for _f, _t, m in smtp_server.messages] == ["件名", "HTML付き"]
    assert smtp_server.bodies()[0].strip() == "日本語の本文"
    html = smtp_server.messages[1][2].get_body(preferencelist=("html",)).get_content()
    assert "<p>HTML</p>" in html
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"sent"}
    # The Message-ID is ours and stable, so a resend after a crash can be recognised downstream.
    ids = {m["Message-ID"] for _f, _t, m in smtp_server.messages}
    assert ids == set(OutboundEmail.objects.values_list("message_id", flat=True))


def test_nothing_is_queued_when_the_transaction_rolls_back(db, smtp_server, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        send_mail("件名", "本文", None, ["a@example.jp"])
        raise RuntimeError
    assert not OutboundEmail.objects.exists()
    assert smtp_server.messages == []


def test_server_down_is_a_temporary_failure_then_a_retry_succeeds(db, smtp_server, settings):
    email = _queue()
    real_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1  # nothing listens there
    assert services.outbound_email_deliver(email_id=email.pk) == OutboundEmail.Status.TEMPORARY_FAILURE
    email.refresh_from_db()
    assert (email.attempts, email.sent_at) == (1, None)
    assert email.last_error
    settings.EMAIL_PORT = real_port
    assert services.outbound_email_deliver(email_id=email.pk) == OutboundEmail.Status.SENT
    assert len(smtp_server.messages) == 1


def test_gives_up_after_the_last_attempt(db, settings):
    settings.CITYHALL_EMAIL_TRANSPORT = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1
    email = _queue()
    statuses = [services.outbound_email_deliver(email_id=email.pk) for _ in range(services.MAX_ATTEMPTS + 1)]
    assert statuses[-2:] == [OutboundEmail.Status.PERMANENT_FAILURE] * 2
    email.refresh_from_db()
    assert email.attempts == services.MAX_ATTEMPTS


def test_refused_recipient_is_a_permanent_failure(db, smtp_server):
    async def refuse(server, session, envelope, address, rcpt_options):
        return "550 5.1.1 no such user"

    smtp_server.handle_RCPT = refuse
    email = _queue(to=["nobody@example.jp"])
    assert services.outbound_email_deliver(email_id=email.pk) == OutboundEmail.Status.PERMANENT_FAILURE
    assert "550" in OutboundEmail.objects.get().last_error


def test_a_fresh_claim_by_another_worker_is_respected(db, smtp_server):
    import datetime as dt

    from django.utils import timezone

    email = _queue()
    OutboundEmail.objects.filter(pk=email.pk).update(status="sending", claimed_at=timezone.now())
    assert services.outbound_email_deliver(email_id=email.pk) == OutboundEmail.Status.SENDING
    assert smtp_server.messages == []
    # A claim older than CLAIM_TIMEOUT belongs to a dead worker: the retry job hands it out again.
    stale = timezone.now() - services.CLAIM_TIMEOUT - dt.timedelta(seconds=1)
    OutboundEmail.objects.filter(pk=email.pk).update(claimed_at=stale)
    assert services.outbound_email_retry_stuck() == 1  # immediate backend: delivered right away
    assert len(smtp_server.messages) == 1
    assert OutboundEmail.objects.get().status == "sent"


def test_retry_job_picks_up_lost_and_due_mail_only(db, smtp_server):
    import datetime as dt

    from django.utils import timezone

    lost = _queue(subject="lost")
    fresh = _queue(subject="fresh")
    due = _queue(subject="due")
    later = _queue(subject="later")
    old = timezone.now() - dt.timedelta(minutes=6)
    OutboundEmail.objects.filter(pk=lost.pk).update(created_at=old)
    OutboundEmail.objects.filter(pk=due.pk).update(status="temporary_failure", next_attempt_at=timezone.now())
    OutboundEmail.objects.filter(pk=later.pk).update(
        status="temporary_failure", next_attempt_at=timezone.now() + dt.timedelta(hours=1)
    )
    assert services.outbound_email_retry_stuck() == 2
    assert sorted(m["Subject"] for _f, _t, m in smtp_server.messages) == ["due", "lost"]
    assert OutboundEmail.objects.get(pk=fresh.pk).status == "queued"
