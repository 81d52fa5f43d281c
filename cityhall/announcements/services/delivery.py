"""Handing a live notice to the notification pipeline for its subscribers (once).

Channels the pipeline can deliver today: e-mail and LINE. X, Facebook and webhooks are chosen and
recorded on the notice and join here as their senders are registered in notifications.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cityhall.announcements import selectors
from cityhall.announcements.models import Notice, Subscriber
from cityhall.announcements.services.subscriptions import absolute_url, subscriber_links
from cityhall.core import selectors as core_selectors
from cityhall.core.background import enqueue
from cityhall.notifications import services as notifications

DELIVER = "announcements.deliver_notice"  # the background task (announcements/tasks.py)


def _recipients(notice: Notice) -> list[notifications.Recipient]:
    audience = selectors.subscribers_for(notice)
    recipients = []
    if "line" in notice.channels:
        for user_id in audience.filter(kind=Subscriber.Kind.LINE).values_list("address", flat=True):
            recipients.append(notifications.Recipient("line", user_id))
    if "email" not in notice.channels:
        return recipients
    for subscriber in audience.filter(kind=Subscriber.Kind.EMAIL):
        manage_url, unsubscribe_url = subscriber_links(subscriber)
        recipients.append(
            notifications.Recipient("email", subscriber.address, manage_url=manage_url, unsubscribe_url=unsubscribe_url)
        )
    return recipients


@transaction.atomic
def notice_deliver(*, notice_id: int) -> int:
    """Send a live notice to its subscribers; returns how many deliveries were asked for. Safe to
    call again: a delivered notice is not sent twice, and the pipeline sends a message once."""
    notice = Notice.objects.select_for_update().select_related("category").get(pk=notice_id)
    if notice.delivered_at is not None or not notice.is_live():
        return 0
    recipients = _recipients(notice)
    urgent = "【緊急】" if notice.urgency == "emergency" else ""
    notifications.message_send(
        key=f"announcements.notice:{notice.pk}",
        subject=f"【{core_selectors.site_name()}】{urgent}{notice.title}",
        body=notice.body,
        link=absolute_url(reverse("announcements:detail", args=[notice.pk])),
        recipients=recipients,
    )
    notice.delivered_at = timezone.now()
    notice.save(update_fields=["delivered_at"])
    return len(recipients)


def notices_deliver_due() -> int:
    """Queue the live notices not yet handed over (scheduled ones whose time came, or a lost
    enqueue); returns how many. Runs every minute."""
    due = selectors.live_notices().filter(delivered_at__isnull=True).values_list("pk", flat=True)
    ids = list(due[:100])
    for notice_id in ids:
        enqueue(DELIVER, notice_id)
    return len(ids)
