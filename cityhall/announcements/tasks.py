from __future__ import annotations

from django_tasks import task

from cityhall.announcements.services import notice_deliver


@task()
def deliver_notice(notice_id: int) -> int:
    return notice_deliver(notice_id=notice_id)
