from __future__ import annotations

from django_tasks import task

from cityhall.notifications.services import delivery_batch_send, outbound_email_deliver


@task()
def deliver_email(email_id: int) -> str:
    return str(outbound_email_deliver(email_id=email_id))


@task()
def deliver_batch(message_id: int, channel: str, batch: int) -> dict[str, int]:
    return delivery_batch_send(message_id=message_id, channel=channel, batch=batch)
