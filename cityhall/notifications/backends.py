"""Django e-mail backend that writes to the outbox instead of talking SMTP.

The row is committed with the rest of the request's work; the worker then
delivers it through CITYHALL_EMAIL_TRANSPORT (SMTP or an anymail provider).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend

from cityhall.notifications.services import outbound_email_queue


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        count = 0
        for message in email_messages:
            html = ""
            if isinstance(message, EmailMultiAlternatives):
                html = next((str(c) for c, mime in message.alternatives if mime == "text/html"), "")
            outbound_email_queue(
                from_email=str(message.from_email),
                to=list(message.to),
                cc=list(message.cc),
                bcc=list(message.bcc),
                reply_to=list(message.reply_to),
                subject=str(message.subject),
                body=str(message.body),
                html_body=html,
            )
            count += 1
        return count

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
