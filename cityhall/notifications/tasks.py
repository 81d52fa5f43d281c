from __future__ import annotations

from django_tasks import task

from cityhall.notifications.services import outbound_email_deliver


@task()
def deliver_email(email_id: int) -> str:
    return str(outbound_email_deliver(email_id=email_id))
