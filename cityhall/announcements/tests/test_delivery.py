"""A notice reaches its e-mail subscribers through the pipeline when it goes live, once."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from freezegun import freeze_time

from cityhall.announcements import services
from cityhall.announcements.models import Area, Subscriber
from cityhall.announcements.tests.conftest import draft_fields


def _subscriber(address: str, status: str = "active", categories=(), areas=()) -> Subscriber:
    s = Subscriber.objects.create(kind="email", address=address, status=status)
    s.categories.set(list(categories))
    s.areas.set(list(areas))
    return s


def test_an_approved_notice_is_mailed_to_its_subscribers_once(
    municipality, clerk, chief, categories, smtp_server, django_capture_on_commit_callbacks
):
    kaneda = Area.objects.create(code="kaneda-kita", name="金田北地区")
    _subscriber("all@example.jp")
    _subscriber("kurashi@example.jp", categories=[categories["kurashi"]])
    _subscriber("event@example.jp", categories=[categories["event"]])
    _subscriber("pending@example.jp", status="pending")
    _subscriber("other-area@example.jp", areas=[Area.objects.create(code="kurobane", name="黒羽地区")])
    fields = draft_fields(categories, category=categories["kurashi"], areas=[kaneda])
    with django_capture_on_commit_callbacks(execute=True):
        notice = services.notice_save(actor=clerk, notice=None, **fields)
        services.notice_submit(actor=clerk, notice=notice)
    assert smtp_server.messages == [], "nothing is sent before approval"
    with django_capture_on_commit_callbacks(execute=True):
        services.notice_approve(actor=chief, notice=notice)
    received = sorted(rcpt[0] for _f, rcpt, _m in smtp_server.messages)
    assert received == ["all@example.jp", "kurashi@example.jp"]
    (_sender, _rcpt, message) = smtp_server.messages[0]
    assert message["Subject"].endswith(notice.title)
    assert "/news/unsubscribe/" in message["List-Unsubscribe"]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notice_deliver(notice_id=notice.pk) == 0
        assert services.notices_deliver_due() == 0
    assert len(smtp_server.messages) == 2


def test_web_only_notices_send_no_mail(
    municipality, clerk, chief, categories, smtp_server, django_capture_on_commit_callbacks
):
    _subscriber("all@example.jp")
    fields = draft_fields(categories, category=categories["nyusatsu"], channels=["web"])
    with django_capture_on_commit_callbacks(execute=True):
        notice = services.notice_save(actor=clerk, notice=None, **fields)
        services.notice_submit(actor=clerk, notice=notice)
        services.notice_approve(actor=chief, notice=notice)
    assert smtp_server.messages == []


def test_a_scheduled_notice_is_mailed_when_its_time_comes(
    municipality, clerk, chief, categories, smtp_server, django_capture_on_commit_callbacks
):
    _subscriber("all@example.jp")
    later = timezone.now() + dt.timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        notice = services.notice_save(actor=clerk, notice=None, **draft_fields(categories, publish_at=later))
        services.notice_submit(actor=clerk, notice=notice)
        services.notice_approve(actor=chief, notice=notice)
        assert services.notices_deliver_due() == 0
    assert smtp_server.messages == []
    with freeze_time(later + dt.timedelta(minutes=1)), django_capture_on_commit_callbacks(execute=True):
        assert services.notices_deliver_due() == 1
    assert [rcpt for _f, rcpt, _m in smtp_server.messages] == [["all@example.jp"]]


def test_an_emergency_reaches_every_subscriber_whatever_their_topics(
    municipality, crisis_officer, categories, smtp_server, django_capture_on_commit_callbacks
):
    _subscriber("event@example.jp", categories=[categories["event"]])
    _subscriber("stopped@example.jp", status="ended")
    with django_capture_on_commit_callbacks(execute=True):
        services.notice_publish_emergency(
            actor=crisis_officer, title="避難指示", body="直ちに避難してください。", category=categories["bousai"]
        )
    assert [rcpt for _f, rcpt, _m in smtp_server.messages] == [["event@example.jp"]]
    assert "【緊急】避難指示" in smtp_server.messages[0][2]["Subject"]
