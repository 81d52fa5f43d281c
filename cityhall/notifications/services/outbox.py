"""The e-mail outbox: queue on commit, deliver idempotently, retry with backoff."""

from __future__ import annotations

import datetime as dt
import smtplib
import uuid
from email import policy as email_policy
from email.parser import BytesParser

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, snapshot
from cityhall.core.background import enqueue, enqueue_after, enqueue_on_commit
from cityhall.core.errors import ConflictError
from cityhall.notifications.models import CaughtEmail, OutboundEmail

MAX_ATTEMPTS = 6
DELIVER = "notifications.deliver_email"  # the background task (notifications/tasks.py)
CLAIM_TIMEOUT = dt.timedelta(minutes=10)
# Retry delays: 1, 5, 15, 60, 240 minutes.
_BACKOFF_MINUTES = (1, 5, 15, 60, 240)


def backoff(attempts: int) -> dt.timedelta:
    """How long to wait after the `attempts`-th failed attempt: 1, 5, 15, 60, then 240 minutes."""
    return dt.timedelta(minutes=_BACKOFF_MINUTES[min(max(attempts, 1), len(_BACKOFF_MINUTES)) - 1])


def outbound_email_queue(
    *,
    from_email: str,
    to: list[str],
    cc: list[str],
    bcc: list[str],
    reply_to: list[str],
    subject: str,
    body: str,
    html_body: str = "",
) -> OutboundEmail:
    """Store one e-mail and schedule its delivery after the transaction commits."""
    domain = from_email.rsplit("@", 1)[-1].strip(">") or "cityhall.invalid"
    email = OutboundEmail.objects.create(
        message_id=f"<{uuid.uuid4().hex}@{domain}>",
        from_email=from_email,
        to=to,
        cc=cc,
        bcc=bcc,
        reply_to=reply_to,
        subject=subject[:300],
        body=body,
        html_body=html_body,
    )
    enqueue_on_commit(DELIVER, email.pk)
    return email


def _build(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=email.from_email,
        to=email.to,
        cc=email.cc,
        bcc=email.bcc,
        reply_to=email.reply_to,
        headers={"Message-ID": email.message_id},
        connection=get_connection(settings.CITYHALL_EMAIL_TRANSPORT),
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    return message


def _claim(email_id: int) -> OutboundEmail | None:
    """Mark the e-mail as being sent by this worker; None when there is nothing to do."""
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().get(pk=email_id)
        if email.status in (OutboundEmail.Status.SENT, OutboundEmail.Status.PERMANENT_FAILURE):
            return None
        now = timezone.now()
        if email.status == OutboundEmail.Status.SENDING and email.claimed_at and email.claimed_at > now - CLAIM_TIMEOUT:
            return None  # another worker is on it
        email.status, email.claimed_at = OutboundEmail.Status.SENDING, now
        email.attempts += 1
        email.save(update_fields=["status", "claimed_at", "attempts"])
        return email


def outbound_email_deliver(*, email_id: int) -> OutboundEmail.Status:
    """Send one queued e-mail. Safe to call twice or from two workers: it is sent once.

    The row is claimed (status SENDING) in a short transaction and the SMTP
    conversation happens outside it, so a slow mail server never holds a
    database lock. A temporary failure schedules the next attempt with backoff;
    after MAX_ATTEMPTS, or when every recipient is refused, the e-mail is
    marked permanently failed. A worker that dies mid-send leaves a stale claim
    that `outbound_email_retry_stuck` picks up after CLAIM_TIMEOUT.
    """
    email = _claim(email_id)
    if email is None:
        return OutboundEmail.Status(OutboundEmail.objects.values_list("status", flat=True).get(pk=email_id))
    try:
        _build(email).send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as exc:
        email.status, email.last_error = OutboundEmail.Status.PERMANENT_FAILURE, str(exc)[:500]
    except (smtplib.SMTPException, OSError) as exc:
        email.last_error = str(exc)[:500] or exc.__class__.__name__
        if email.attempts >= MAX_ATTEMPTS:
            email.status = OutboundEmail.Status.PERMANENT_FAILURE
        else:
            email.status = OutboundEmail.Status.TEMPORARY_FAILURE
            email.next_attempt_at = timezone.now() + backoff(email.attempts)
            enqueue_after(DELIVER, email.next_attempt_at, email_id)  # else the periodic job retries
    else:
        email.status, email.sent_at, email.last_error = OutboundEmail.Status.SENT, timezone.now(), ""
    email.save(update_fields=["status", "last_error", "sent_at", "next_attempt_at"])
    return OutboundEmail.Status(email.status)


def outbound_email_retry_stuck() -> int:
    """Re-enqueue e-mails that no queued task will deliver; returns how many.

    Covers an enqueue lost after commit (QUEUED for over 5 minutes), retries
    due on a backend that cannot defer, and claims left by a dead worker.
    Runs periodically (see cityhall.core.periodic).
    """
    now = timezone.now()
    stuck = OutboundEmail.objects.filter(
        Q(status=OutboundEmail.Status.QUEUED, created_at__lt=now - dt.timedelta(minutes=5))
        | Q(status=OutboundEmail.Status.TEMPORARY_FAILURE, next_attempt_at__lte=now)
        | Q(status=OutboundEmail.Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT)
    ).values_list("pk", flat=True)
    ids = list(stuck[:1000])
    for email_id in ids:
        enqueue(DELIVER, email_id)
    return len(ids)


_CAUGHT_KEPT = 1000


def caught_email_store(*, mail_from: str, rcpt_to: list[str], raw: bytes) -> CaughtEmail:
    """Keep one message the demo mail catcher received (the newest 1,000 are kept)."""
    message = BytesParser(policy=email_policy.default).parsebytes(raw, headersonly=True)
    caught = CaughtEmail.objects.create(
        message_id=str(message.get("Message-ID", ""))[:200],
        mail_from=mail_from[:254],
        rcpt_to=rcpt_to,
        raw=raw.decode("utf-8", errors="replace"),
    )
    stale = CaughtEmail.objects.order_by("-received_at").values_list("pk", flat=True)[_CAUGHT_KEPT:]
    CaughtEmail.objects.filter(pk__in=list(stale)).delete()
    return caught


_RETRYABLE = (OutboundEmail.Status.TEMPORARY_FAILURE, OutboundEmail.Status.PERMANENT_FAILURE)


@transaction.atomic
def outbound_email_retry(*, actor: Actor, email: OutboundEmail, request: HttpRequest | None = None) -> OutboundEmail:
    """Send a failed e-mail again now, with a fresh set of attempts. Audited.

    Raises ConflictError when the e-mail is not in a failed state (sent, queued or being sent).
    """
    locked = OutboundEmail.objects.select_for_update().get(pk=email.pk)
    if locked.status not in _RETRYABLE:
        raise ConflictError(
            _("送信に失敗したメールだけを再送できます（現在：%(status)s）。") % {"status": locked.get_status_display()}
        )
    fields = ["status", "attempts", "next_attempt_at", "last_error"]
    before = snapshot(locked, fields)  # never the body or the addresses: the audit log is kept for ever
    locked.status, locked.attempts, locked.next_attempt_at = OutboundEmail.Status.QUEUED, 0, None
    locked.save(update_fields=fields[:3])
    audit_record(
        actor=actor,
        action="notifications.email_retry",
        target=locked,
        object_label=f"#{locked.pk}",
        before=before,
        after=snapshot(locked, fields),
        request=request,
    )
    enqueue_on_commit(DELIVER, locked.pk)
    return locked
