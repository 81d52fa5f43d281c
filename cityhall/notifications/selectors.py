"""Reads of the outbox for the console: messages, their delivery state and, in the demo, what was caught."""

from __future__ import annotations

from dataclasses import dataclass
from email import policy as email_policy
from email.message import EmailMessage
from email.parser import BytesParser

from django.conf import settings
from django.db.models import Count, QuerySet

from cityhall.core.errors import NotFoundError
from cityhall.notifications.models import CaughtEmail, OutboundEmail


def outbox_list(*, status: str = "") -> QuerySet[OutboundEmail]:
    qs = OutboundEmail.objects.only(
        "pk", "created_at", "to", "subject", "status", "attempts", "last_error", "sent_at", "next_attempt_at"
    )
    if status in OutboundEmail.Status.values:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-pk")


def outbox_counts() -> dict[str, int]:
    counted = dict(OutboundEmail.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {status: counted.get(status, 0) for status in OutboundEmail.Status.values}


def outbound_email_get(*, email_id: int) -> OutboundEmail:
    try:
        return OutboundEmail.objects.get(pk=email_id)
    except OutboundEmail.DoesNotExist as exc:
        raise NotFoundError("指定されたメールが見つかりません。") from exc


@dataclass(frozen=True)
class CaughtMessage:
    """A message as the demo mail catcher received it, decoded for reading."""

    received_at: object
    headers: list[tuple[str, str]]
    text: str


def caught_message(email: OutboundEmail) -> CaughtMessage | None:
    """What the demo mail catcher received for `email`; None outside the demo or before delivery."""
    if not settings.CITYHALL_DEMO:
        return None
    caught = CaughtEmail.objects.filter(message_id=email.message_id).first()
    if caught is None:
        return None
    # Parsed as bytes: a str parser reads an 8bit UTF-8 body as raw-unicode-escape (\\u5927…).
    message = BytesParser(policy=email_policy.default).parsebytes(caught.raw.encode("utf-8", errors="replace"))
    assert isinstance(message, EmailMessage)
    body = message.get_body(preferencelist=("plain", "html"))
    text = body.get_content() if body is not None else ""
    names = ("From", "To", "Subject", "Date", "Message-ID")
    return CaughtMessage(caught.received_at, [(n, str(message[n]).strip()) for n in names if message[n]], str(text))
