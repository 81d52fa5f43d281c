"""Uploads: receiving a file, checking it (in the request or by the worker), queueing fixes, discarding."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import PurePath
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy

from cityhall.core import selectors as core_selectors
from cityhall.core import text
from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_update
from cityhall.core.background import enqueue_on_commit
from cityhall.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from cityhall.core.uploads import MB, UploadPolicy, upload_check
from cityhall.opendata import selectors
from cityhall.opendata.models import Dataset, Upload
from cityhall.opendata.permissions import can_manage
from cityhall.opendata.validation import (
    DecodeError,
    Report,
    apply_fixes,
    drop_trailer,
    read_upload,
    validate,
)

# A million rows of a 39-column standard dataset is ~360 MB.
DATA_FILES = UploadPolicy(
    purpose="opendata.upload", what=gettext_lazy("データのファイル"), kinds=("csv", "text", "xlsx"), max_bytes=512 * MB
)
UPLOAD_MAX_BYTES = DATA_FILES.max_bytes
SYNC_MAX_BYTES = 2 * 1024 * 1024  # smaller files are checked and published within the request
STORED_PROBLEMS = 1000


def store_file(path: str, content: bytes) -> str:
    """Save `content` at exactly `path` (a retry replaces what an earlier attempt wrote)."""
    if default_storage.exists(path):
        default_storage.delete(path)
    return default_storage.save(path, ContentFile(content))


def upload_create(*, actor: Actor, dataset: Dataset, file: UploadedFile, request: HttpRequest | None = None) -> Upload:
    """Store an uploaded file for `dataset` and audit it; a small file is checked at once, a large one is
    queued for the worker (opendata.validate_upload, on commit).

    Raises PermissionDeniedError (another department's dataset) and the upload gate's errors (size, kind)."""
    if not can_manage(actor, dataset.department_id):
        raise PermissionDeniedError()
    checked = upload_check(file, DATA_FILES)  # the one gate: size, kind from the content, proven by opening it
    name, size = checked.name[:200], checked.size
    with transaction.atomic():
        upload = Upload(dataset=dataset, uploaded_by=actor, original_name=name, size=size)
        upload.raw.save(f"{upload.pk}/original{PurePath(name).suffix.lower()}", file, save=False)
        upload.save()
        audit_record(
            actor=actor,
            action="opendata.upload.create",
            target=upload,
            object_label=f"{dataset.title}: {name}",
            after={"dataset": dataset.slug, "name": name, "size": size},
            department_id=dataset.department_id,
            request=request,
        )
    return _check_soon(upload)


def _check_soon(upload: Upload) -> Upload:
    """Small files are checked now (the clerk sees the result at once), large ones by the worker."""
    if upload.size <= SYNC_MAX_BYTES:
        return run_validation(str(upload.pk))

    enqueue_on_commit("opendata.validate_upload", str(upload.pk))
    return upload


def _finish(upload: Upload, *, revision: int, **fields: Any) -> Upload:
    """Write a check's result only if nothing changed the upload meanwhile (a discard, a newer fix)."""
    fields.setdefault("checked_at", timezone.now())
    if "status" in fields:
        fields["status_changed_at"] = timezone.now()
    Upload.objects.filter(
        pk=upload.pk, revision=revision, status__in=[Upload.Status.PENDING, Upload.Status.CHECKED]
    ).update(**fields)
    upload.refresh_from_db()
    return upload


def _current_text(upload: Upload) -> tuple[str, list[str] | None]:
    """The text to check, with a pending fix applied: the working copy, or the raw file decoded without the
    rows after the table that are not data (then also the notes saying what was taken off)."""
    notes = None
    if upload.work:
        text = selectors.upload_work_text(upload)
    else:
        with default_storage.open(upload.raw.name, "rb") as handle:
            text, notes = drop_trailer(read_upload(bytes(handle.read()), upload.original_name))
    if upload.pending_fix is not None:
        codes = upload.pending_fix.get("codes")
        text = apply_fixes(
            text,
            selectors.schema_for_upload(upload, text),
            bbox=selectors.catalog_settings().bbox,
            codes=None if codes is None else set(codes),
            reorder=bool(upload.pending_fix.get("reorder", True)),
            confirmed=set(upload.pending_fix.get("confirm") or ()),
        )
    return text, notes


def run_validation(upload_id: str) -> Upload:
    """Decode (and fix, when a fix is pending) and validate an upload; store the report. Safe to run again:
    the working copy the upload points at changes only in the final, conditional update."""
    upload = Upload.objects.select_related("dataset__schema").get(pk=upload_id)
    if upload.status != Upload.Status.PENDING:
        return upload
    revision = upload.revision
    try:
        text, notes = _current_text(upload)
        schema = selectors.schema_for_upload(upload, text)
        municipality = core_selectors.municipality_find()
        own_code = municipality.code if municipality else None
        report = validate(text, schema, bbox=selectors.catalog_settings().bbox, own_code=own_code)
    except (DecodeError, ValueError) as error:
        return _finish(upload, revision=revision, status=Upload.Status.FAILED, error=str(error), pending_fix=None)
    work = upload.work.name
    if not work or upload.pending_fix is not None:
        work = store_file(f"opendata/uploads/{upload.pk}/work-{revision}.csv", text.encode("utf-8"))
    return _finish(
        upload,
        revision=revision,
        status=Upload.Status.CHECKED,
        work=work,
        notes=upload.notes if notes is None else notes,
        pending_fix=None,
        error="",
        **_report_fields(report),
    )


def _report_fields(report: Report) -> dict[str, Any]:
    return {
        "schema_key": report.schema.key,
        "rows": report.rows_checked,
        "header": report.header,
        "unknown_columns": report.unknown_columns,
        "counts": dict(report.counts),
        # A swapped pair is one problem with two cells to fix: count problems, as the clerk sees them.
        "fixable": {code: min(n, report.counts[code]) for code, n in report.fixable_counts().items()},
        "problems": [
            {
                "row": p.row,
                "column": p.column,
                "value": p.value[:200],
                "code": p.code,
                "message": p.message,
                "fix": p.fix,
            }
            for p in report.problems[:STORED_PROBLEMS]
        ],
    }


def upload_apply_fixes(
    *,
    actor: Actor,
    upload: Upload,
    codes: Collection[str] | None,
    revision: int,
    reorder: bool = True,
    request: HttpRequest | None = None,
) -> Upload:
    """Queue the offered fixes (all, or those of the given problem codes); the check that follows applies them.

    The lock is held only to claim the next revision, never while a big file is rewritten.
    """
    if not can_manage(actor, upload.dataset.department_id):
        raise PermissionDeniedError()
    with transaction.atomic():
        locked = _lock_checked(upload, revision)
        wanted = set(codes) if codes is not None else set(locked.fixable)
        if not wanted & set(locked.fixable) and not (reorder and codes is None):
            raise InvalidInputError("自動で直せる問題がありません。")
        _queue_check(locked, {"codes": None if codes is None else sorted(wanted), "reorder": reorder})
        locked.fixes_applied = [
            *locked.fixes_applied,
            {"codes": sorted(wanted), "at": timezone.now().isoformat(), "by": getattr(actor, "email", "")},
        ]
        locked.save()
        audit_record(
            actor=actor,
            action="opendata.upload.fix",
            target=locked,
            object_label=f"{locked.dataset.title}: {locked.original_name}",
            before={"revision": revision, "counts": upload.counts},
            after={"revision": locked.revision, "codes": sorted(wanted)},
            department_id=locked.dataset.department_id,
            request=request,
        )
    return _check_soon(locked)


def _lock_checked(upload: Upload, revision: int) -> Upload:
    """The upload, locked, if it is still checked at `revision` (the one the clerk's page showed)."""
    locked = Upload.objects.select_for_update().select_related("dataset").get(pk=upload.pk)
    if locked.status != Upload.Status.CHECKED or locked.revision != revision:
        raise ConflictError("このファイルは別の操作で更新されました。画面を更新してからもう一度お試しください。")
    return locked


def _queue_check(locked: Upload, pending_fix: dict[str, Any]) -> None:
    """Claim the next revision for a change the following check makes to the file (the caller saves)."""
    locked.revision += 1
    locked.pending_fix = pending_fix
    locked.status = Upload.Status.PENDING
    locked.status_changed_at = timezone.now()


def upload_confirm_unknown(
    *,
    actor: Actor,
    upload: Upload,
    columns: Collection[str],
    reason: str,
    revision: int,
    request: HttpRequest | None = None,
) -> Upload:
    """A person confirms that every row of `columns` (still 不明, see `Upload.columns_to_confirm`) is 該当なし,
    and says why. The confirmation is kept on the upload (shown with the version it becomes) and audited; the
    check that follows blanks those cells, which for these columns means 該当なし.

    Raises PermissionDeniedError; InvalidInputError without a reason or a column, or for a column that is not
    unknown; ConflictError when the upload changed since the clerk's page was shown.
    """
    if not can_manage(actor, upload.dataset.department_id):
        raise PermissionDeniedError()
    reason = text.prose(reason).strip()
    if not reason:
        raise InvalidInputError("確認した理由を入力してください（公開する版の履歴に載ります）。")
    if len(reason) > 200:
        raise InvalidInputError("確認した理由は200文字以内で入力してください。")
    with transaction.atomic():
        locked = _lock_checked(upload, revision)
        wanted = [column for column in locked.columns_to_confirm if column in set(columns)]
        if not wanted or len(wanted) != len(set(columns)):
            raise InvalidInputError("確認できるのは、値が「不明」の列だけです。確認する列を選んでください。")
        _queue_check(locked, {"codes": [], "reorder": False, "confirm": wanted})
        by = {"by": getattr(actor, "email", ""), "by_name": getattr(actor, "display_name", "")}
        entry = {"columns": wanted, "reason": reason, **by, "at": timezone.now().isoformat()}
        locked.confirmations = [*locked.confirmations, entry]
        locked.save()
        audit_record(
            actor=actor,
            action="opendata.upload.confirm",
            target=locked,
            object_label=f"{locked.dataset.title}: {locked.original_name}",
            before={"revision": revision},
            after={"revision": locked.revision, "columns": wanted, "reason": reason},
            department_id=locked.dataset.department_id,
            request=request,
        )
    return _check_soon(locked)


def upload_discard(*, actor: Actor, upload: Upload, request: HttpRequest | None = None) -> Upload:
    """Discard an upload that was not published, and audit it.

    Raises PermissionDeniedError (another department's) and ConflictError (publishing has started)."""
    if not can_manage(actor, upload.dataset.department_id):
        raise PermissionDeniedError()
    with transaction.atomic():
        locked = Upload.objects.select_for_update().get(pk=upload.pk)
        if locked.status in (Upload.Status.PUBLISHING, Upload.Status.PUBLISHED):
            raise ConflictError("公開処理を始めたファイルは取り消せません。")
        audited_update(
            actor=actor,
            action="opendata.upload.discard",
            target=locked,
            changes={"status": Upload.Status.DISCARDED, "status_changed_at": timezone.now()},
            department_id=upload.dataset.department_id,
            request=request,
        )
    return locked
