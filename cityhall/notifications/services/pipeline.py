"""The delivery pipeline (ADR 0007): one message to many recipients over their channels.

`message_send` records one `Delivery` per recipient and channel (unique, so asking twice sends
once) in numbered batches, and queues one task per batch after the transaction commits.
`delivery_batch_send` claims a batch's deliveries that are due, hands them to the channel's
sender outside any transaction, and records each answer: sent, a temporary failure retried with
backoff, or failed. `delivery_retry_stuck` (periodic) re-queues batches whose task was lost,
whose retry is due, or whose worker died mid-send.

Channels register a sender with `register_channel`; e-mail is built in (one SMTP connection per
batch, List-Unsubscribe headers from each recipient's own links).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import smtplib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cityhall.core.background import enqueue, enqueue_after, enqueue_on_commit
from cityhall.notifications.models import Delivery, Message
from cityhall.notifications.services.outbox import CLAIM_TIMEOUT, MAX_ATTEMPTS, backoff

DELIVER_BATCH = "notifications.deliver_batch"  # the background task (notifications/tasks.py)
BATCH_SIZE = {"email": 50, "line": 500}  # LINE: one multicast takes at most 500 user IDs


@dataclass(frozen=True)
class Recipient:
    channel: str
    address: str
    manage_url: str = ""
    unsubscribe_url: str = ""


@dataclass(frozen=True)
class Outcome:
    """What a channel's sender says about one delivery: sent, or why not (temporary or not)."""

    sent: bool
    error: str = ""
    temporary: bool = False


Sender = Callable[[Message, Sequence[Delivery]], dict[int, Outcome]]
_senders: dict[str, Sender] = {}


def register_channel(channel: str, sender: Sender) -> None:
    existing = _senders.get(channel)
    if existing is not None and existing is not sender:
        raise ValueError(f"channel {channel!r} registered twice")
    _senders[channel] = sender


def _chunks(items: list[Recipient], size: int) -> Iterable[list[Recipient]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@transaction.atomic
def message_send(*, key: str, subject: str, body: str, link: str = "", recipients: Iterable[Recipient]) -> Message:
    """Send `subject`/`body` to every recipient over their channel, once: a second call with the
    same `key` adds only recipients the first did not have. Delivery starts after commit."""
    message, _created = Message.objects.get_or_create(
        key=key, defaults={"subject": subject[:300], "body": body, "link": link}
    )
    known = set(Delivery.objects.filter(message=message).values_list("channel", "recipient"))
    by_channel: dict[str, list[Recipient]] = {}
    for recipient in recipients:
        if recipient.channel not in _senders:
            raise ValueError(f"no sender registered for channel {recipient.channel!r}")
        if (recipient.channel, recipient.address) in known:
            continue
        known.add((recipient.channel, recipient.address))
        by_channel.setdefault(recipient.channel, []).append(recipient)
    for channel, found in by_channel.items():
        last = Delivery.objects.filter(message=message, channel=channel).aggregate(last=Max("batch"))["last"]
        first = 0 if last is None else last + 1
        rows = []
        for number, chunk in enumerate(_chunks(found, BATCH_SIZE.get(channel, 100)), start=first):
            rows += [
                Delivery(
                    message=message,
                    channel=channel,
                    recipient=r.address,
                    batch=number,
                    manage_url=r.manage_url,
                    unsubscribe_url=r.unsubscribe_url,
                )
                for r in chunk
            ]
            enqueue_on_commit(DELIVER_BATCH, message.pk, channel, number)
        Delivery.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return message


def _due(now: dt.datetime) -> Q:
    return (
        Q(status=Delivery.Status.QUEUED)
        | Q(status=Delivery.Status.TEMPORARY_FAILURE, next_attempt_at__lte=now)
        | Q(status=Delivery.Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT)
    )


def _claim(message_id: int, channel: str, batch: int) -> list[Delivery]:
    now = timezone.now()
    with transaction.atomic():
        due = Delivery.objects.select_for_update().filter(message_id=message_id, channel=channel, batch=batch)
        ids = list(due.filter(_due(now)).values_list("pk", flat=True))
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    return list(Delivery.objects.filter(pk__in=ids).order_by("pk"))


def delivery_batch_send(*, message_id: int, channel: str, batch: int) -> dict[str, int]:
    """Send what is due in one batch; safe to run twice or from two workers. Returns counts by status."""
    deliveries = _claim(message_id, channel, batch)
    if deliveries:
        message = Message.objects.get(pk=message_id)
        try:
            outcomes = _senders[channel](message, deliveries)
        except Exception as error:
            outcomes = {
                d.pk: Outcome(False, f"{error.__class__.__name__}: {error}", temporary=True) for d in deliveries
            }
        _record(message_id, channel, batch, deliveries, outcomes)
    counts: dict[str, int] = {}
    for status in Delivery.objects.filter(message_id=message_id, channel=channel, batch=batch).values_list(
        "status", flat=True
    ):
        counts[status] = counts.get(status, 0) + 1
    return counts


def _record(
    message_id: int, channel: str, batch: int, deliveries: Sequence[Delivery], outcomes: dict[int, Outcome]
) -> None:
    """Write each delivery's answer, one UPDATE per distinct answer (a batch usually has one)."""
    now = timezone.now()
    groups: dict[tuple[str, str, dt.datetime | None], list[int]] = {}
    for delivery in deliveries:
        outcome = outcomes.get(delivery.pk, Outcome(False, "no answer from the channel", temporary=True))
        if outcome.sent:
            key: tuple[str, str, dt.datetime | None] = (Delivery.Status.SENT, "", None)
        elif outcome.temporary and delivery.attempts < MAX_ATTEMPTS:
            key = (Delivery.Status.TEMPORARY_FAILURE, outcome.error[:500], now + backoff(delivery.attempts))
        else:
            key = (Delivery.Status.FAILED, outcome.error[:500], None)
        groups.setdefault(key, []).append(delivery.pk)
    for (status, error, next_attempt_at), ids in groups.items():
        sent_at = now if status == Delivery.Status.SENT else None
        Delivery.objects.filter(pk__in=ids).update(
            status=status, last_error=error, next_attempt_at=next_attempt_at, sent_at=sent_at
        )
    retries = [key[2] for key in groups if key[2] is not None]
    if retries:
        enqueue_after(DELIVER_BATCH, min(retries), message_id, channel, batch)  # else the periodic job does


def delivery_retry_stuck() -> int:
    """Re-queue batches no task will send (a lost enqueue, a retry due, a dead worker); returns how many.
    Runs periodically."""
    now = timezone.now()
    # Due as `_claim` sees it, except deliveries queued moments ago: their task is on its way.
    fresh = Q(status=Delivery.Status.QUEUED, message__created_at__gte=now - dt.timedelta(minutes=5))
    waiting = Delivery.objects.filter(_due(now)).exclude(fresh)
    batches = list(waiting.values_list("message_id", "channel", "batch").distinct()[:1000])
    for message_id, channel, batch in batches:
        enqueue(DELIVER_BATCH, message_id, channel, batch)
    return len(batches)


# --- the e-mail channel ---------------------------------------------------------------------


def _email(message: Message, delivery: Delivery, connection: BaseEmailBackend) -> EmailMessage:
    lines = [message.body.rstrip()]
    if message.link:
        lines += ["", _("詳しくはこちら: %(link)s") % {"link": message.link}]
    if delivery.manage_url or delivery.unsubscribe_url:
        lines += ["", "--"]
        if delivery.manage_url:
            lines.append(_("配信の設定の変更: %(url)s") % {"url": delivery.manage_url})
        if delivery.unsubscribe_url:
            lines.append(_("配信の停止: %(url)s") % {"url": delivery.unsubscribe_url})
    domain = str(settings.DEFAULT_FROM_EMAIL).rsplit("@", 1)[-1].strip(">") or "cityhall.invalid"
    # The same Message-ID on every attempt, so a receiving system can drop a copy it already has.
    headers = {"Message-ID": f"<delivery-{delivery.pk}.{message.pk}@{domain}>"}
    if delivery.unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{delivery.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    return EmailMessage(
        subject=message.subject,
        body="\n".join(lines) + "\n",
        to=[delivery.recipient],
        headers=headers,
        connection=connection,
    )


def send_email_batch(message: Message, deliveries: Sequence[Delivery]) -> dict[int, Outcome]:
    """One SMTP connection for the batch; a refused address fails alone, a broken connection
    leaves the rest to be retried."""
    outcomes: dict[int, Outcome] = {}
    connection = get_connection(settings.CITYHALL_EMAIL_TRANSPORT, fail_silently=False)
    try:
        connection.open()
        for delivery in deliveries:
            try:
                _email(message, delivery, connection).send(fail_silently=False)
            except smtplib.SMTPRecipientsRefused as error:
                outcomes[delivery.pk] = Outcome(False, str(error))
            else:
                outcomes[delivery.pk] = Outcome(True)
    except (smtplib.SMTPException, OSError) as error:
        reason = str(error) or error.__class__.__name__
        for delivery in deliveries:
            outcomes.setdefault(delivery.pk, Outcome(False, reason, temporary=True))
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.close()
    return outcomes


register_channel("email", send_email_batch)
