"""The LINE channel of the pipeline: one multicast per batch (≤ 500 user IDs) through LINE's
official SDK, with a retry key derived from the batch, so sending a batch again (a retry, a
worker that died after LINE accepted it) is answered 409 "already accepted" instead of reaching
anyone twice (ADR 0007).

Only LINE's own user IDs leave cityhall (the 2021 government guideline on LINE use).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from django.conf import settings
from django.utils.translation import gettext as _
from linebot.v3.messaging import ApiClient, ApiException, Configuration, MessagingApi, MulticastRequest, TextMessage
from urllib3.exceptions import HTTPError

from cityhall.notifications.models import Delivery, Message
from cityhall.notifications.services.pipeline import Outcome, register_channel

TEXT_LIMIT = 5000  # characters as LINE counts them (UTF-16 code units)
TIMEOUT = (5.0, 30.0)  # connect, read (seconds): the SDK has no default
_RETRY_NAMESPACE = uuid.UUID("6f0b1b1e-5a59-4c1f-9a51-7c1b2a6d0c11")


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def line_text(message: Message) -> str:
    """The text LINE receives: the subject, the body and the link to the whole notice. A body
    longer than LINE's limit is cut with a note, and the link points to the full text."""
    more = _("（続きはホームページでご覧ください）")
    tail = f"\n\n{message.link}" if message.link else ""
    text = f"{message.subject}\n\n{message.body.rstrip()}{tail}"
    if _utf16_length(text) <= TEXT_LIMIT:
        return text
    body = message.body
    while body and _utf16_length(f"{message.subject}\n\n{body}…{more}{tail}") > TEXT_LIMIT:
        body = body[: max(len(body) - 200, 0)]
    return f"{message.subject}\n\n{body.rstrip()}…{more}{tail}"


def retry_key(message: Message, batch: int) -> str:
    """The same key on every attempt of a batch; LINE remembers accepted keys for 24 hours."""
    return str(uuid.uuid5(_RETRY_NAMESPACE, f"{message.pk}:line:{batch}"))


def send_line_batch(message: Message, deliveries: Sequence[Delivery]) -> dict[int, Outcome]:
    token = settings.CITYHALL_LINE_CHANNEL_ACCESS_TOKEN
    if not token:
        reason = _("LINEのチャネルアクセストークンが設定されていません（LINE_CHANNEL_ACCESS_TOKEN）。")
        return {d.pk: Outcome(False, reason) for d in deliveries}
    batch = deliveries[0].batch
    request = MulticastRequest(to=[d.recipient for d in deliveries], messages=[TextMessage(text=line_text(message))])
    configuration = Configuration(host=settings.CITYHALL_LINE_API_BASE, access_token=token)
    try:
        with ApiClient(configuration) as client:
            MessagingApi(client).multicast(
                request, x_line_retry_key=retry_key(message, batch), _request_timeout=TIMEOUT
            )
    except ApiException as error:
        if error.status == 409:  # this batch was accepted before: it has been sent
            return {d.pk: Outcome(True) for d in deliveries}
        temporary = error.status == 429 or error.status >= 500
        reason = f"LINE {error.status}: {str(error.body or error.reason)[:300]}"
        return {d.pk: Outcome(False, reason, temporary=temporary) for d in deliveries}
    except HTTPError as error:  # refused, timed out: LINE may or may not have it; the key makes retrying safe
        return {d.pk: Outcome(False, f"{error.__class__.__name__}: {error}", temporary=True) for d in deliveries}
    return {d.pk: Outcome(True) for d in deliveries}


register_channel("line", send_line_batch)
