"""The LINE channel, through LINE's own SDK, against a local server speaking LINE's API: batches of
500, a retry key per batch, 409 as "already sent", never a message twice to anyone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from freezegun import freeze_time

from cityhall.notifications import services
from cityhall.notifications.models import Delivery, Message
from tests.line_api import LineApi


@pytest.fixture
def line(settings):
    with LineApi() as api:
        settings.CITYHALL_LINE_CHANNEL_ACCESS_TOKEN = api.token
        settings.CITYHALL_LINE_API_BASE = api.url
        yield api


def _send(count: int, capture, key: str = "test.notice:1") -> Message:
    recipients = [services.Recipient("line", f"U{n:032x}") for n in range(count)]
    with capture(execute=True):
        return services.message_send(
            key=key,
            subject="【大田原市】避難指示",
            body="直ちに避難してください。",
            link="https://city.example.jp/news/9/",
            recipients=recipients,
        )


def test_recipients_go_in_multicasts_of_500_each_with_its_own_retry_key(db, line, django_capture_on_commit_callbacks):
    message = _send(1200, django_capture_on_commit_callbacks)
    assert sorted(len(body["to"]) for body in line.accepted.values()) == [200, 500, 500]
    assert set(line.accepted) == {services.retry_key(message, batch) for batch in range(3)}
    assert set(line.received_per_user().values()) == {1}
    text = next(iter(line.accepted.values()))["messages"][0]["text"]
    assert text.startswith("【大田原市】避難指示") and text.endswith("https://city.example.jp/news/9/")
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 1200


def test_a_failed_call_is_retried_with_the_same_key(db, line, django_capture_on_commit_callbacks):
    line.fail_next = [500]
    _send(3, django_capture_on_commit_callbacks)
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.TEMPORARY_FAILURE}
    assert line.accepted == {}
    with freeze_time(timezone.now() + dt.timedelta(minutes=2)):
        assert services.delivery_retry_stuck() == 1
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}
    assert [status for _path, status in line.calls] == [500, 200]


def test_a_worker_killed_after_line_accepted_sends_nobody_a_second_message(
    db, line, django_capture_on_commit_callbacks
):
    _send(3, django_capture_on_commit_callbacks)
    # The worker died after LINE accepted the batch and before it recorded that: the claim is left.
    stale = timezone.now() - services.CLAIM_TIMEOUT - dt.timedelta(seconds=1)
    Delivery.objects.update(status=Delivery.Status.SENDING, claimed_at=stale, sent_at=None)
    assert services.delivery_retry_stuck() == 1
    assert [status for _path, status in line.calls] == [200, 409]
    assert set(line.received_per_user().values()) == {1}
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_a_refused_request_is_a_failure_not_a_retry(db, line, settings, django_capture_on_commit_callbacks):
    settings.CITYHALL_LINE_CHANNEL_ACCESS_TOKEN = "wrong-token"
    _send(2, django_capture_on_commit_callbacks)
    failed = list(Delivery.objects.all())
    assert {d.status for d in failed} == {Delivery.Status.FAILED}
    assert failed[0].last_error.startswith("LINE 401")


def test_without_a_token_it_says_what_is_missing(db, settings, django_capture_on_commit_callbacks):
    settings.CITYHALL_LINE_CHANNEL_ACCESS_TOKEN = ""
    _send(1, django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED and "LINE_CHANNEL_ACCESS_TOKEN" in delivery.last_error


def test_a_long_notice_is_cut_for_line_and_keeps_its_link():
    message = Message(pk=1, subject="件名", body="あ" * 6000 + "🙂" * 10, link="https://city.example.jp/news/1/")
    text = services.line_text(message)
    assert len(text.encode("utf-16-le")) // 2 <= 5000
    assert text.endswith("https://city.example.jp/news/1/") and "続きはホームページ" in text
    short = Message(pk=2, subject="件名", body="本文", link="")
    assert services.line_text(short) == "件名\n\n本文"
