"""Subscribing by e-mail through the real SMTP path: confirm by link, change, stop in one step; the
same page for a known address; who a notice is for; staff's printed/phone list."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from cityhall.announcements import selectors, services
from cityhall.announcements.models import Area, Notice, Subscriber
from cityhall.announcements.services.subscriptions import CONFIRM_DAYS
from cityhall.announcements.tests.conftest import draft_fields
from cityhall.core.errors import InvalidInputError, PermissionDeniedError
from conftest import login


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_subscribe_confirm_change_and_stop(municipality, categories, smtp_server, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("announcements:subscribe"),
            {"email": "Nasu.Midori@Example.JP", "categories": [categories["bousai"].pk, categories["event"].pk]},
        )
    assert response.status_code == 200 and "確認メールを送りました" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.address == "Nasu.Midori@example.jp", "the domain is folded, the local part kept"
    assert subscriber.status == Subscriber.Status.PENDING
    (_sender, rcpts, message) = smtp_server.messages[0]
    assert rcpts == ["Nasu.Midori@example.jp"] and "メール配信の登録確認" in message["Subject"]

    confirm = _path(re.search(r"https?://\S+", smtp_server.bodies()[0]).group(0))
    assert client.get(confirm).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING, "opening the link (a mail scanner) is not consent"
    page = client.post(confirm)
    subscriber.refresh_from_db()
    assert page.status_code == 200 and subscriber.status == Subscriber.Status.ACTIVE
    manage = re.search(r'href="([^"]+/subscription/[^"]+)"', page.content.decode()).group(1)

    chikazono = Area.objects.create(code="chikazono", name="親園地区")
    saved = client.post(manage, {"categories": [categories["kosodate"].pk], "areas": [chikazono.pk]})
    assert saved.status_code == 200 and "設定を保存しました" in saved.content.decode()
    assert list(subscriber.categories.values_list("key", flat=True)) == ["kosodate"]

    stop = manage.replace("/subscription/", "/unsubscribe/")
    assert "配信を停止する" in client.get(stop).content.decode()
    one_click = Client(enforce_csrf_checks=True).post(stop, {"List-Unsubscribe": "One-Click"})
    subscriber.refresh_from_db()
    assert one_click.status_code == 200 and subscriber.status == Subscriber.Status.ENDED
    assert client.post(stop).status_code == 200, "stopping twice is harmless"


def test_a_known_address_gets_a_manage_link_and_nothing_changes(
    municipality, categories, smtp_server, django_capture_on_commit_callbacks
):
    subscriber = Subscriber.objects.create(kind="email", address="known@example.jp", status="active")
    subscriber.categories.set([categories["bousai"]])
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            reverse("announcements:subscribe"), {"email": "known@example.jp", "categories": [categories["event"].pk]}
        )
    assert "確認メールを送りました" in response.content.decode(), "the same page: it tells no one who subscribes"
    assert list(subscriber.categories.values_list("key", flat=True)) == ["bousai"]
    assert "すでにお知らせをお送りしています" in smtp_server.bodies()[0]
    assert "/news/subscription/" in smtp_server.bodies()[0]


@pytest.mark.parametrize(
    "token",
    ["abc", "x:y:z", signing.dumps({"id": 1, "for": "manage"}, salt="other")],
    ids=["garbage", "unsigned", "signed-by-another-salt"],  # the signed one changes every second
)
def test_a_bad_link_says_so_and_changes_nothing(municipality, token):
    for name in ("announcements:confirm", "announcements:manage", "announcements:unsubscribe"):
        response = Client().post(reverse(name, args=[token]))
        assert response.status_code == 400 and "リンクが正しくありません" in response.content.decode()


def test_a_confirmation_link_expires(municipality):
    subscriber = Subscriber.objects.create(kind="email", address="late@example.jp")
    token = services.token_for(subscriber, "confirm")
    later = timezone.now() + dt.timedelta(days=CONFIRM_DAYS, minutes=1)
    with freeze_time(later), pytest.raises(InvalidInputError, match="有効期限"):
        services.subscription_confirm(token=token)
    with pytest.raises(InvalidInputError, match="リンクが正しくありません"):
        services.subscription_end(token=token)  # a confirmation link cannot stop delivery


def test_bad_address_is_refused(municipality):
    response = Client().post(reverse("announcements:subscribe"), {"email": "nasu@"})
    assert response.status_code == 400 and not Subscriber.objects.exists()


def test_who_a_notice_is_for(clerk, categories):
    kurobane = Area.objects.create(code="kurobane", name="黒羽地区")
    chikazono = Area.objects.create(code="chikazono", name="親園地区")

    def subscriber(address: str, cats=(), areas=()):
        s = Subscriber.objects.create(kind="email", address=address, status="active")
        s.categories.set(list(cats))
        s.areas.set(list(areas))
        return s

    everything = subscriber("all@example.jp")
    events_kurobane = subscriber("ev-k@example.jp", [categories["event"]], [kurobane])
    bousai_only = subscriber("bousai@example.jp", [categories["bousai"]])
    chikazono_any = subscriber("chika@example.jp", [], [chikazono])
    Subscriber.objects.create(kind="email", address="pending@example.jp")
    event = services.notice_save(
        actor=clerk,
        notice=None,
        **draft_fields(categories, category=categories["event"], channels=["web", "line", "x"], areas=[kurobane]),
    )
    assert set(selectors.subscribers_for(event)) == {everything, events_kurobane}
    citywide = Notice.objects.create(
        title="全域", category=categories["bousai"], urgency="emergency", channels=["web"], created_by=clerk
    )
    assert set(selectors.subscribers_for(citywide)) == {everything, events_kurobane, bousai_only, chikazono_any}


def test_staff_keep_a_printed_list(policy_officer, clerk, categories):
    with pytest.raises(PermissionDeniedError):
        services.paper_subscriber_add(actor=clerk, name="佐藤 花", phone="", note="", categories=[], areas=[])
    officer = login(Client(), policy_officer)
    response = officer.post(
        reverse("console:announcements:subscribers"),
        {
            "name": "佐藤　花",
            "phone": "０２８７－２３－１１１１",
            "note": "民生委員が印刷して届ける",
            "categories": [categories["bousai"].pk],
        },
    )
    assert response.status_code == 302
    paper = Subscriber.objects.get(kind="paper")
    assert paper.name == "佐藤　花" and paper.phone == "0287-23-1111" and paper.status == "active"
    page = officer.get(reverse("console:announcements:subscribers")).content.decode()
    assert "佐藤　花" in page and "民生委員が印刷して届ける" in page
    officer.post(reverse("console:announcements:paper_subscriber_end", args=[paper.pk]))
    paper.refresh_from_db()
    assert paper.status == "ended"
