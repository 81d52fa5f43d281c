"""Background jobs of the open data catalogue: checking and publishing large uploads. Both are idempotent."""

from __future__ import annotations

from django_tasks import task

from cityhall.opendata import services


@task()
def validate_upload(upload_id: str) -> str:
    return str(services.run_validation(upload_id).status)


@task()
def publish_upload(upload_id: str) -> str:
    version = services.run_publish(upload_id)
    return "" if version is None else str(version.number)
