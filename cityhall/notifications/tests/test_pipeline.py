"""The delivery pipeline against a real SMTP server: one e-mail per recipient, however often the
sending is asked for or retried; a server that is down is retried with backoff."""

from __future__ import annotations

import datetime as dt
import socket

from django.utils import timezone
from freezegun import freeze_time

from cityhall.notifications import services
from cityhall.notifications.models import Delivery

PEOPLE = ["a@example.jp", "b@example.jp", "c@example.jp"]


def _recipients(addresses: list[str]) -> list[services.Recipient]:
    return [
        services.Recipient(
            "email",
            address,
            manage_url=f"https://city.example.jp/news/subscription/{n}/",
            unsubscribe_url=f"https://city.example.jp/news/unsubscribe/{n}/",
        )
        for n, address in enumerate(addresses)
    ]


def _send(addresses: list[str], capture) -> None:
    with capture(execute=True):
        services.message_send(
            key="test.notice:1",
            subject="【大田原市】断水のお知らせ",
            body="12月10日（水）9時〜12時、金田北地区で断水します。",
            link="https://city.example.jp/news/1/",
            recipients=_recipients(addresses),
        )


def test_each_recipient_gets_one_mail_with_its_own_unsubscribe_link(
    db, smtp_server, django_capture_on_commit_callbacks
):
    _send(PEOPLE, django_capture_on_commit_callbacks)
    assert sorted(rcpt[0] for _f, rcpt, _m in smtp_server.messages) == PEOPLE
    for _sender, (address,), message in smtp_server.messages:
        n = PEOPLE.index(address)
        assert message["List-Unsubscribe"] == f"<https://city.example.jp/news/unsubscribe/{n}/>"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        body = message.get_body(preferencelist=("plain",)).get_content()
        assert "金田北地区で断水します" in body and "https://city.example.jp/news/1/" in body
        assert f"https://city.example.jp/news/subscription/{n}/" in body
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_asking_again_sends_only_to_new_recipients(db, smtp_server, django_capture_on_commit_callbacks):
    _send(PEOPLE, django_capture_on_commit_callbacks)
    _send(PEOPLE, django_capture_on_commit_callbacks)
    assert len(smtp_server.messages) == 3
    _send([*PEOPLE, "d@example.jp"], django_capture_on_commit_callbacks)
    assert [rcpt for _f, rcpt, _m in smtp_server.messages[3:]] == [["d@example.jp"]]
    assert Delivery.objects.count() == 4
    first = Delivery.objects.get(recipient="a@example.jp")
    for delivery in Delivery.objects.all():  # running a batch's task again sends nothing more
        services.delivery_batch_send(message_id=delivery.message_id, channel="email", batch=delivery.batch)
    assert len(smtp_server.messages) == 4 and Delivery.objects.get(pk=first.pk).attempts == 1


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_mail_server_that_is_down_is_retried_with_backoff(
    db, smtp_server, settings, django_capture_on_commit_callbacks
):
    working_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = _closed_port()
    _send(PEOPLE[:2], django_capture_on_commit_callbacks)
    failed = list(Delivery.objects.all())
    assert {d.status for d in failed} == {Delivery.Status.TEMPORARY_FAILURE}
    assert all(d.next_attempt_at and d.next_attempt_at > timezone.now() for d in failed)
    assert services.delivery_retry_stuck() == 0, "not due yet"
    settings.EMAIL_PORT = working_port
    with freeze_time(timezone.now() + dt.timedelta(minutes=2)):
        assert services.delivery_retry_stuck() == 1, "one batch is due"
    assert sorted(rcpt[0] for _f, rcpt, _m in smtp_server.messages) == PEOPLE[:2]
    assert {d.attempts for d in Delivery.objects.all()} == {2}


def test_a_batch_left_by_a_dead_worker_is_sent_again_with_the_same_message_id(
    db, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # queued, but no worker ran
        services.message_send(key="test.notice:2", subject="件名", body="本文", recipients=_recipients(PEOPLE[:1]))
    delivery = Delivery.objects.get()
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.SENDING, claimed_at=timezone.now() - services.CLAIM_TIMEOUT - dt.timedelta(seconds=1)
    )
    assert services.delivery_retry_stuck() == 1
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    (_sender, _rcpt, message) = smtp_server.messages[0]
    assert message["Message-ID"].startswith(f"<delivery-{delivery.pk}.")
