"""The e-mail outbox: queue on commit, deliver idempotently, retry with backoff."""

from __future__ import annotations

import datetime as dt
import smtplib
import uuid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone

from cityhall.core.background import enqueue_on_commit
from cityhall.notifications.models import OutboundEmail

MAX_ATTEMPTS = 6
# Retry delays: 1, 5, 15, 60, 240 minutes.
_BACKOFF_MINUTES = (1, 5, 15, 60, 240)


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
    from cityhall.notifications import tasks

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
    enqueue_on_commit(tasks.deliver_email, email.pk)
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


def outbound_email_deliver(*, email_id: int) -> OutboundEmail.Status:
    """Send one queued e-mail. Safe to call twice: a sent e-mail is not sent again.

    The row is claimed in a short transaction and the SMTP conversation happens
    outside it, so a slow mail server never holds a database lock. A temporary
    failure schedules another attempt with backoff; after MAX_ATTEMPTS, or on a
    permanent refusal of every recipient, the e-mail is marked failed.
    """
    from cityhall.notifications import tasks

    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().get(pk=email_id)
        if email.status in (OutboundEmail.Status.SENT, OutboundEmail.Status.PERMANENT_FAILURE):
            return OutboundEmail.Status(email.status)
        email.attempts += 1
        email.save(update_fields=["attempts"])
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
            delay = _BACKOFF_MINUTES[min(email.attempts, len(_BACKOFF_MINUTES)) - 1]
            if tasks.deliver_email.get_backend().supports_defer:
                run_after = timezone.now() + dt.timedelta(minutes=delay)
                tasks.deliver_email.using(run_after=run_after).enqueue(email_id)
    else:
        email.status, email.sent_at, email.last_error = OutboundEmail.Status.SENT, timezone.now(), ""
    email.save(update_fields=["status", "last_error", "sent_at"])
    return OutboundEmail.Status(email.status)
