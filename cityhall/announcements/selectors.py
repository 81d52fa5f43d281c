"""Reads of お知らせ: what the public sees, what staff work on, and the channel a rule picks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from cityhall.announcements import permissions
from cityhall.announcements.models import (
    Area,
    Category,
    Channel,
    ChannelRule,
    EmergencyState,
    Notice,
    Subscriber,
    Urgency,
)

# --- public ---------------------------------------------------------------------------------


def live_notices(*, now: dt.datetime | None = None, category: str = "", area: str = "") -> QuerySet[Notice]:
    """Approved notices inside their publish window, newest first; `category`/`area` by key/code
    (a notice for the whole city shows under every area)."""
    now = now or timezone.now()
    found = (
        Notice.objects.filter(status=Notice.Status.APPROVED, publish_at__lte=now)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .select_related("category", "department")
        .prefetch_related("areas")
    )
    if category:
        found = found.filter(category__key=category)
    if area:
        found = found.filter(Q(areas__code=area) | Q(areas__isnull=True)).distinct()
    return found.order_by("-publish_at", "-id")


def live_notice_get(*, notice_id: int, now: dt.datetime | None = None) -> Notice | None:
    return live_notices(now=now).filter(pk=notice_id).first()


def categories() -> QuerySet[Category]:
    return Category.objects.all()


def areas() -> QuerySet[Area]:
    return Area.objects.all()


@dataclass(frozen=True)
class Emergency:
    """Emergency mode is on when staff switched it on or an emergency notice is live."""

    active: bool
    message: str
    notices: list[Notice] = field(default_factory=list)


def emergency(*, now: dt.datetime | None = None) -> Emergency:
    notices = list(live_notices(now=now).filter(urgency=Urgency.EMERGENCY))
    state = EmergencyState.objects.filter(pk=1).first()
    switched = bool(state and state.on)
    return Emergency(switched or bool(notices), state.message if state and switched else "", notices)


# --- channels -------------------------------------------------------------------------------


def channel_rules() -> QuerySet[ChannelRule]:
    return ChannelRule.objects.select_related("category")


def channels_by_rule(*, urgency: str, category_id: int | None) -> tuple[list[str], ChannelRule | None]:
    """The channels 媒体の選択基準 gives a notice of this urgency and category, and the rule that gave
    them; with no matching rule, the web only."""
    for rule in channel_rules():
        if rule.matches(urgency=urgency, category_id=category_id):
            return [c for c in Channel.values if c in rule.channels], rule
    return [Channel.WEB.value], None


def channel_rules_with_labels() -> list[tuple[ChannelRule, list[str]]]:
    """Each rule with the names of its channels, for the pages that show the rules."""
    return [(rule, channel_labels(list(rule.channels))) for rule in channel_rules()]


def channel_labels(keys: list[str]) -> list[str]:
    labels = dict(Channel.choices)
    return [str(labels[k]) for k in Channel.values if k in keys]


# --- staff ----------------------------------------------------------------------------------


def notices_for_staff(user: Any, *, status: str = "") -> QuerySet[Notice]:
    """The notices `user` may work on: every one for the ICT policy division, else their department's."""
    found = Notice.objects.select_related("category", "department", "created_by")
    if not permissions.is_admin(user):
        found = found.filter(department_id=user.department_id)
    if status:
        found = found.filter(status=status)
    return found.order_by("-created_at", "-id")


def notice_for_staff(user: Any, *, notice_id: int) -> Notice | None:
    return notices_for_staff(user).filter(pk=notice_id).first()


def awaiting_approval(user: Any) -> QuerySet[Notice]:
    """Notices `user` may approve now (not their own)."""
    found = notices_for_staff(user, status=Notice.Status.PENDING).exclude(created_by=user)
    return found if permissions.is_admin(user) or permissions.can_approve(user, user.department_id) else found.none()


# --- subscribers ----------------------------------------------------------------------------


def subscribers_for(notice: Notice) -> QuerySet[Subscriber]:
    """Active subscribers a notice is for: its category among theirs (or they chose none; an
    emergency goes to everyone) and a district in common (or either side names none)."""
    found = Subscriber.objects.filter(status=Subscriber.Status.ACTIVE)
    if notice.urgency != Urgency.EMERGENCY:
        found = found.filter(Q(categories=notice.category) | Q(categories__isnull=True))
    area_ids = [a.pk for a in notice.areas.all()]
    if area_ids:
        found = found.filter(Q(areas__in=area_ids) | Q(areas__isnull=True))
    return Subscriber.objects.filter(pk__in=found.values("pk")).order_by("id")


def subscriber_counts() -> dict[str, dict[str, int]]:
    """Subscribers per kind and status: {"email": {"active": 12, ...}, ...}."""
    counts: dict[str, dict[str, int]] = {k: dict.fromkeys(Subscriber.Status.values, 0) for k in Subscriber.Kind.values}
    for row in Subscriber.objects.values("kind", "status").annotate(n=Count("id")):
        counts[row["kind"]][row["status"]] = row["n"]
    return counts


def paper_subscribers() -> QuerySet[Subscriber]:
    return (
        Subscriber.objects.filter(kind=Subscriber.Kind.PAPER, status=Subscriber.Status.ACTIVE)
        .prefetch_related("categories", "areas")
        .order_by("name", "id")
    )


def paper_subscriber_find(*, subscriber_id: int) -> Subscriber | None:
    return Subscriber.objects.filter(kind=Subscriber.Kind.PAPER, pk=subscriber_id).first()
