"""Publishing a checked upload as the dataset's next version, and resuming work a crash left half-way.

A dataset is published only from an upload that validated with no problem left. Publishing
writes every format first (under names fixed by the upload, so a retry overwrites them) and then,
in one transaction, numbers the version and makes it current: a crash between the two leaves the
upload "publishing" and `run_publish` completes it when run again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Max
from django.http import HttpRequest
from django.utils import timezone

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record
from cityhall.core.background import enqueue_on_commit
from cityhall.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from cityhall.opendata import formats, selectors
from cityhall.opendata.models import Dataset, DatasetVersion, Format, Resource, SchemaDefinition, Upload
from cityhall.opendata.permissions import can_manage
from cityhall.opendata.services import uploads
from cityhall.opendata.services.uploads import run_validation, store_file

MAX_ATTEMPTS = 3


def upload_publish(*, actor: Actor, upload: Upload, note: str = "", request: HttpRequest | None = None) -> Upload:
    """Start publishing a clean upload: every format is written, then the version becomes current."""
    if not can_manage(actor, upload.dataset.department_id):
        raise PermissionDeniedError()
    with transaction.atomic():
        locked = Upload.objects.select_for_update().select_related("dataset").get(pk=upload.pk)
        if locked.status != Upload.Status.CHECKED:
            raise ConflictError("このファイルは公開できる状態ではありません。画面を更新してください。")
        if locked.counts:
            raise InvalidInputError(
                f"問題が{locked.problem_count}件残っています。すべて直してから公開してください（途中までの公開はしません）。"
            )
        if locked.rows == 0:
            raise InvalidInputError("データの行がありません。")
        locked.status = Upload.Status.PUBLISHING
        locked.status_changed_at = timezone.now()
        locked.publish_note = note.strip()[:2000]
        locked.publish_requested_by = actor
        locked.save(update_fields=["status", "status_changed_at", "publish_note", "publish_requested_by"])
        audit_record(
            actor=actor,
            action="opendata.upload.publish",
            target=locked,
            object_label=f"{locked.dataset.title}: {locked.original_name}",
            after={"dataset": locked.dataset.slug, "rows": locked.rows, "note": note.strip()[:2000]},
            department_id=locked.dataset.department_id,
            request=request,
        )
    # Read through the module, so that one setting (and one monkeypatch in the tests) governs both steps.
    if locked.size <= uploads.SYNC_MAX_BYTES:
        run_publish(str(locked.pk))
        locked.refresh_from_db()
    else:
        enqueue_on_commit("opendata.publish_upload", str(locked.pk))
    return locked


def run_publish(upload_id: str) -> DatasetVersion | None:
    """Write every format of an upload and make it the dataset's current version. Idempotent."""
    upload = Upload.objects.select_related("dataset__schema", "uploaded_by", "publish_requested_by").get(pk=upload_id)
    existing = DatasetVersion.objects.filter(upload=upload).first()
    if existing is not None or upload.status != Upload.Status.PUBLISHING:
        return existing
    Upload.objects.filter(pk=upload.pk).update(attempts=F("attempts") + 1)
    text = selectors.upload_work_text(upload)
    schema = selectors.schema_for_upload(upload, text)
    slug = upload.dataset.slug
    written = _write_formats(text, schema, base=f"opendata/files/{upload.pk}/{slug}")
    header, _rows, total = formats.preview(text, limit=0)
    previous = upload.dataset.current
    changes = dict(formats.diff_summary(_version_text(previous), text)) if previous is not None else {}
    with transaction.atomic():
        dataset = Dataset.objects.select_for_update().get(pk=upload.dataset_id)
        if DatasetVersion.objects.filter(upload=upload).exists():  # a concurrent run got here first
            return DatasetVersion.objects.get(upload=upload)
        if dataset.current_id != (previous.pk if previous else None):  # another version went out meanwhile
            changes = dict(formats.diff_summary(_version_text(dataset.current), text)) if dataset.current else {}
        number = (dataset.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        publisher = upload.publish_requested_by or upload.uploaded_by
        version = DatasetVersion.objects.create(
            dataset=dataset,
            number=number,
            upload=upload,
            published_by=publisher,
            rows=total,
            header=header,
            schema=SchemaDefinition.objects.filter(key=upload.schema_key).first(),
            changes=changes,
            note=upload.publish_note,
        )
        for fmt, name, size, digest in written:
            Resource.objects.create(version=version, format=fmt, file=name, size=size, sha256=digest)
        now = timezone.now()
        # Withdrawn while this publication ran: the new version becomes current but stays off the catalogue.
        withdrawn_meanwhile = dataset.state == Dataset.State.WITHDRAWN and dataset.updated_at > upload.status_changed_at
        Dataset.objects.filter(pk=dataset.pk).update(
            current=version,
            state=Dataset.State.WITHDRAWN if withdrawn_meanwhile else Dataset.State.PUBLISHED,
            updated_at=now,
            published_at=dataset.published_at or now,
        )
        Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.PUBLISHED, status_changed_at=now)
        audit_record(
            actor=publisher,
            action="opendata.version.publish",
            target=version,
            object_label=f"{dataset.title} 第{number}版",
            after={"rows": total, "formats": [w[0] for w in written], "changes": changes},
            department_id=dataset.department_id,
        )
    return version


def _write_formats(text: str, schema: Any, *, base: str) -> list[tuple[str, str, int, str]]:
    """Each format in turn, stored under a name fixed by the upload (a retry overwrites, never duplicates),
    so a million-row file never holds every output in memory at once."""
    written: list[tuple[str, str, int, str]] = []
    writers: list[tuple[str, Any]] = [
        (Format.CSV, lambda: formats.write_csv(text)),
        (Format.JSON, lambda: formats.write_json(text, schema)),
        (Format.GEOJSON, lambda: formats.write_geojson(text, schema)),
        (Format.XLSX, lambda: formats.write_xlsx(text, schema)),
    ]
    for fmt, write in writers:
        try:
            content = write()
        except ValueError:  # more rows than Excel holds: the other formats still carry the data
            if fmt != Format.XLSX:
                raise
            content = None
        if content is None:
            continue
        written.append((fmt, store_file(f"{base}.{fmt}", content), len(content), formats.sha256_hex(content)))
        del content
    return written


def _version_text(version: DatasetVersion) -> str:
    resource = version.resources.get(format=Format.CSV)
    with default_storage.open(resource.file.name, "rb") as handle:
        return bytes(handle.read()).decode("utf-8-sig")


def resume_stuck(*, older_than: dt.timedelta = dt.timedelta(minutes=10)) -> int:
    """Periodic job: finish checks and publications a crashed process left half-way.

    Only uploads whose status has not moved for `older_than` are taken (a running job is not raced), and a
    publication that failed MAX_ATTEMPTS times stops being retried and is shown to the clerk as failed.
    """
    resumed = 0
    for upload in selectors.stuck_uploads(older_than=older_than)[:20]:
        if upload.status == Upload.Status.PENDING:
            run_validation(str(upload.pk))
        elif upload.attempts >= MAX_ATTEMPTS:
            Upload.objects.filter(pk=upload.pk, status=Upload.Status.PUBLISHING).update(
                status=Upload.Status.FAILED,
                status_changed_at=timezone.now(),
                error="公開処理が繰り返し失敗しました。情報政策課に連絡してください（ファイルは公開されていません）。",
            )
        else:
            run_publish(str(upload.pk))
        resumed += 1
    return resumed
