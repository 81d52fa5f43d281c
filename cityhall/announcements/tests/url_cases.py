"""The URLs of お知らせ: public news pages for everyone; the console by module (collected by the
URL permission matrix). The clerk works in 市民課, where the notices below belong."""

from __future__ import annotations

from typing import Any

from cityhall.core.tests.url_matrix import (
    LOGIN,
    POLICY,
    POLICY_POST,
    PUBLIC,
    STAFF,
    STAFF_POST,
    Case,
    UrlContext,
)

EMPTY_FORM_POST = (LOGIN, 403, 403, 400, 400)  # past the check; the empty form is refused

CASES = {
    "announcements:index": Case("get", None, PUBLIC),
    "announcements:detail": Case("get", "live", PUBLIC),
    "announcements:feed": Case("get", None, PUBLIC),
    "console:announcements:notices": Case("get", None, STAFF),
    "console:announcements:notice_new": Case("get", None, STAFF),
    "console:announcements:notice": Case("get", "draft", STAFF),
    "console:announcements:notice_edit": Case("get", "draft", STAFF),
    "console:announcements:notice_submit": Case("post", "draft", STAFF_POST),
    "console:announcements:notice_approve": Case("post", "pending", POLICY_POST),
    "console:announcements:notice_return": Case("post", "pending", POLICY_POST),
    "console:announcements:notice_withdraw": Case("post", "live", POLICY_POST),
    "console:announcements:emergency": Case("get", None, POLICY),
    "console:announcements:emergency_switch": Case("post", None, POLICY_POST),
    "console:announcements:emergency_publish": Case("post", None, EMPTY_FORM_POST),
    "console:announcements:rules": Case("get", None, POLICY),
    "console:announcements:rule_delete": Case("post", "rule", POLICY_POST),
    "console:announcements:subscribers": Case("get", None, POLICY),
    "console:announcements:paper_subscriber_end": Case("post", "paper", POLICY_POST),
    "announcements:subscribe": Case("get", None, PUBLIC),
    "announcements:confirm": Case("get", "confirm", PUBLIC),
    "announcements:manage": Case("get", "manage", PUBLIC),
    "announcements:unsubscribe": Case("get", "manage", PUBLIC),
    "announcements:line_webhook": Case("post", None, (400, 400, 400, 400, 400)),  # unsigned: refused
}


def objects(ctx: UrlContext) -> dict[str, dict[str, Any]]:
    from django.utils import timezone

    from cityhall.announcements.models import Category, ChannelRule, Notice, Subscriber
    from cityhall.announcements.services import token_for

    category = Category.objects.get(key="gyousei")
    common = {"category": category, "department": ctx.departments["citizens"], "created_by": ctx.clerk}
    draft = Notice.objects.create(title="下書き", channels=["web"], **common)
    pending = Notice.objects.create(title="承認待ち", channels=["web"], status=Notice.Status.PENDING, **common)
    live = Notice.objects.create(
        title="掲載中", channels=["web"], status=Notice.Status.APPROVED, publish_at=timezone.now(), **common
    )
    rule = ChannelRule.objects.create(order=999, channels=["web"], note="テスト")
    paper = Subscriber.objects.create(kind=Subscriber.Kind.PAPER, name="紙 太郎", status=Subscriber.Status.ACTIVE)
    unconfirmed = Subscriber.objects.create(kind=Subscriber.Kind.EMAIL, address="a@example.jp")
    active = Subscriber.objects.create(kind=Subscriber.Kind.EMAIL, address="b@example.jp", status="active")
    return {
        "paper": {"subscriber_id": paper.pk},
        "confirm": {"token": token_for(unconfirmed, "confirm")},
        "manage": {"token": token_for(active, "manage")},
        "draft": {"notice_id": draft.pk},
        "pending": {"notice_id": pending.pk},
        "live": {"notice_id": live.pk},
        "rule": {"rule_id": rule.pk},
    }
