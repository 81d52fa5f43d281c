"""Write use cases of notifications.

Split by use case: `outbox` (the e-mail outbox behind Django's mail API: queue on commit, deliver
idempotently, retry with backoff, the demo mail catcher) and `pipeline` (messages to many
recipients over their channels, a delivery record each, batched, never twice; ADR 0007) with
its channels: e-mail (in `pipeline`) and `line` (multicast with retry keys).
Other apps and the tests use the names re-exported here.
"""

from __future__ import annotations

from cityhall.notifications.services.line import line_text, retry_key, send_line_batch
from cityhall.notifications.services.outbox import (
    CLAIM_TIMEOUT,
    DELIVER,
    MAX_ATTEMPTS,
    caught_email_store,
    outbound_email_deliver,
    outbound_email_queue,
    outbound_email_retry,
    outbound_email_retry_stuck,
)
from cityhall.notifications.services.pipeline import (
    Recipient,
    delivery_batch_send,
    delivery_retry_stuck,
    message_send,
)

__all__ = [
    "CLAIM_TIMEOUT",
    "DELIVER",
    "MAX_ATTEMPTS",
    "Recipient",
    "caught_email_store",
    "delivery_batch_send",
    "delivery_retry_stuck",
    "line_text",
    "message_send",
    "outbound_email_deliver",
    "outbound_email_queue",
    "outbound_email_retry",
    "outbound_email_retry_stuck",
    "retry_key",
    "send_line_batch",
]
