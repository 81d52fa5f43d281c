"""LINE: following the city's account subscribes (signed webhooks only), and a live notice goes to
LINE followers by multicast through the pipeline, against a local server speaking LINE's API."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from cityhall.announcements import services
from cityhall.announcements.models import Subscriber
from cityhall.announcements.tests.conftest import draft_fields
from tests.line_api import LineApi

SECRET = "test-channel-secret"
USER = "U4af4980629e0c11a1a1c8b1d1f0e9a00"


@pytest.fixture
def line(settings):
    settings.CITYHALL_LINE_CHANNEL_SECRET = SECRET
    with LineApi() as api:
        settings.CITYHALL_LINE_CHANNEL_ACCESS_TOKEN = api.token
        settings.CITYHALL_LINE_API_BASE = api.url
        yield api


def _event(kind: str, user: str = USER) -> dict[str, Any]:
    event = {
        "type": kind,
        "timestamp": 1765152000000,
        "source": {"type": "user", "userId": user},
        "mode": "active",
        "webhookEventId": "01JEXAMPLE0000000000000000",
        "deliveryContext": {"isRedelivery": False},
    }
    if kind == "follow":
        event |= {"replyToken": "85cbe770fa8b4f45bbe077b1d4be4a36", "follow": {"isUnblocked": False}}
    return event


def _post(events: list[dict[str, Any]], secret: str = SECRET) -> Any:
    body = json.dumps({"destination": "U" + "0" * 32, "events": events}).encode()
    signature = base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()
    return Client().post(
        reverse("announcements:line_webhook"),
        body,
        content_type="application/json",
        headers={"x-line-signature": signature},
    )


def test_follow_and_unfollow(db, line):
    assert _post([_event("follow")]).status_code == 200
    subscriber = Subscriber.objects.get(kind="line")
    assert subscriber.address == USER and subscriber.status == "active"
    assert not subscriber.name and not subscriber.phone, "only LINE's user ID is kept"
    assert _post([_event("follow")]).status_code == 200, "a redelivered event is harmless"
    assert Subscriber.objects.filter(kind="line").count() == 1
    _post([_event("unfollow")])
    subscriber.refresh_from_db()
    assert subscriber.status == "ended"
    _post([_event("follow")])
    subscriber.refresh_from_db()
    assert subscriber.status == "active", "unblocking subscribes again"


def test_an_unsigned_or_forged_webhook_changes_nothing(db, line):
    assert _post([_event("follow")], secret="someone-else").status_code == 400
    response = Client().post(reverse("announcements:line_webhook"), b"{}", content_type="application/json")
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_a_live_notice_reaches_line_followers(
    municipality, clerk, chief, categories, line, smtp_server, django_capture_on_commit_callbacks
):
    for n in range(3):
        _post([_event("follow", user=f"U{n:032x}")])
    _post([_event("unfollow", user=f"U{2:032x}")])
    fields = draft_fields(categories, category=categories["event"], channels=["web", "line", "x"])
    with django_capture_on_commit_callbacks(execute=True):
        notice = services.notice_save(actor=clerk, notice=None, **fields)
        services.notice_submit(actor=clerk, notice=notice)
        services.notice_approve(actor=chief, notice=notice)
    (body,) = line.accepted.values()
    assert sorted(body["to"]) == [f"U{0:032x}", f"U{1:032x}"]
    assert notice.title in body["messages"][0]["text"]
    assert smtp_server.messages == [], "no e-mail: the notice's channels do not include it"
