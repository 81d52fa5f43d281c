"""Write use cases of the open data catalogue. Every staff write is audited.

A dataset is published only from an upload that validated with no problem left. Publishing
writes every format first (under names fixed by the upload, so a retry overwrites them) and then,
in one transaction, numbers the version and makes it current: a crash between the two leaves the
upload "publishing" and `run_publish` completes it when run again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.http import HttpRequest
from django.utils import timezone

from cityhall.core.audit import audit_record, audited_update, snapshot
from cityhall.core.background import enqueue_on_commit
from cityhall.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from cityhall.core.text import normalize
from cityhall.opendata import formats, selectors
from cityhall.opendata.models import (
    CatalogSettings,
    DataRequest,
    Dataset,
    DatasetVersion,
    Format,
    Group,
    Resource,
    SchemaDefinition,
    Upload,
    UsageDaily,
)
from cityhall.opendata.permissions import can_manage, is_admin
from cityhall.opendata.validation import DecodeError, apply_fixes, detect, read_upload, validate

UPLOAD_MAX_BYTES = 512 * 1024 * 1024  # a million rows of a 39-column standard dataset is ~360 MB
SYNC_MAX_BYTES = 2 * 1024 * 1024  # smaller files are checked and published within the request
STORED_PROBLEMS = 1000
MAX_ATTEMPTS = 3
UPLOAD_EXTENSIONS = {".csv", ".txt", ".xlsx"}
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{1,99}$")
_TAG = re.compile(r"^[^,<>\"]{1,40}$")
DATASET_FIELDS = ("title", "description", "department", "license", "frequency", "contact", "schema", "tags")


# ---------------------------------------------------------------------------------------------- datasets


def _clean_tags(tags: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in tags:
        tag = normalize(str(raw)).strip()
        if not tag:
            continue
        if not _TAG.match(tag):
            raise InvalidInputError(f'タグ「{tag[:40]}」は使えません（40文字以内、記号 , < > " は使えません）。')
        if tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > 20:
        raise InvalidInputError("タグは20個までです。")
    return cleaned


def _check_dataset_data(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    data["title"] = normalize(str(data.get("title", ""))).strip()
    if not data["title"]:
        raise InvalidInputError("タイトルを入力してください。")
    data["tags"] = _clean_tags(data.get("tags") or [])
    return data


def dataset_create(
    *, actor: Any, slug: str, groups: Iterable[Group] = (), request: HttpRequest | None = None, **data: Any
) -> Dataset:
    data = _check_dataset_data(data)
    if not can_manage(actor, getattr(data.get("department"), "pk", None)):
        raise PermissionDeniedError("この課のデータセットを登録する権限がありません。")
    slug = slug.strip().lower()
    if not _SLUG.match(slug):
        raise InvalidInputError("URL名は半角英小文字・数字・ハイフン・下線で2〜100文字にしてください。")
    try:
        with transaction.atomic():
            dataset = Dataset.objects.create(slug=slug, **{k: data[k] for k in DATASET_FIELDS if k in data})
            dataset.groups.set(list(groups))
            audit_record(
                actor=actor,
                action="opendata.dataset.create",
                target=dataset,
                after={**snapshot(dataset), "groups": sorted(g.slug for g in groups)},
                department_id=dataset.department_id,
                request=request,
            )
    except IntegrityError:
        raise ConflictError(f"URL名「{slug}」はすでに使われています。") from None
    return dataset


def dataset_update(
    *,
    actor: Any,
    dataset: Dataset,
    groups: Iterable[Group] | None = None,
    request: HttpRequest | None = None,
    **data: Any,
) -> Dataset:
    if not can_manage(actor, dataset.department_id):
        raise PermissionDeniedError()
    data = _check_dataset_data({**{k: getattr(dataset, k) for k in ("title", "tags")}, **data})
    new_department = data.get("department")
    if new_department is not None and not can_manage(actor, new_department.pk):
        raise PermissionDeniedError("他の課へ移す権限がありません。")
    changes = {k: data[k] for k in DATASET_FIELDS if k in data}
    changes["updated_at"] = timezone.now()
    with transaction.atomic():
        before_groups = sorted(dataset.groups.values_list("slug", flat=True))
        audited_update(
            actor=actor,
            action="opendata.dataset.update",
            target=dataset,
            changes=changes,
            department_id=dataset.department_id,
            request=request,
        )
        if groups is not None:
            groups = list(groups)
            dataset.groups.set(groups)
            after_groups = sorted(g.slug for g in groups)
            if after_groups != before_groups:
                audit_record(
                    actor=actor,
                    action="opendata.dataset.groups",
                    target=dataset,
                    before={"groups": before_groups},
                    after={"groups": after_groups},
                    department_id=dataset.department_id,
                    request=request,
                )
    return dataset


def dataset_set_state(*, actor: Any, dataset: Dataset, state: str, request: HttpRequest | None = None) -> Dataset:
    """Withdraw a published dataset from the catalogue, or put it back."""
    if not can_manage(actor, dataset.department_id):
        raise PermissionDeniedError()
    if state not in (Dataset.State.PUBLISHED, Dataset.State.WITHDRAWN):
        raise InvalidInputError("状態の指定が正しくありません。")
    if state == Dataset.State.PUBLISHED and dataset.current_id is None:
        raise InvalidInputError("公開された版がありません。ファイルをアップロードして公開してください。")
    with transaction.atomic():
        audited_update(
            actor=actor,
            action="opendata.dataset.state",
            target=dataset,
            changes={"state": state, "updated_at": timezone.now()},
            department_id=dataset.department_id,
            request=request,
        )
    return dataset


# ----------------------------------------------------------------------------------------------- uploads


def _store(path: str, content: bytes) -> str:
    """Save `content` at exactly `path` (a retry replaces what an earlier attempt wrote)."""
    if default_storage.exists(path):
        default_storage.delete(path)
    return default_storage.save(path, ContentFile(content))


def upload_create(*, actor: Any, dataset: Dataset, file: UploadedFile, request: HttpRequest | None = None) -> Upload:
    if not can_manage(actor, dataset.department_id):
        raise PermissionDeniedError()
    name = PurePath(file.name or "upload.csv").name[:200]
    if PurePath(name).suffix.lower() not in UPLOAD_EXTENSIONS:
        raise InvalidInputError("アップロードできるのはCSV（.csv）またはExcel（.xlsx）のファイルです。")
    size = file.size or 0
    if size == 0:
        raise InvalidInputError("ファイルが空です。")
    if size > UPLOAD_MAX_BYTES:
        raise InvalidInputError(f"ファイルが大きすぎます（上限 {UPLOAD_MAX_BYTES // 1024 // 1024} MB）。")
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
    from cityhall.opendata import tasks

    enqueue_on_commit(tasks.validate_upload, str(upload.pk))
    return upload


def _read_work(upload: Upload) -> str:
    with default_storage.open(upload.work.name, "rb") as handle:
        return bytes(handle.read()).decode("utf-8")


def _schema_for(upload: Upload, text: str) -> Any:
    """The dataset's standard schema (current or legacy scheme, detected from the header) or a generic one."""
    import csv
    import io

    header = next(csv.reader(io.StringIO(text[:65536], newline="")), [])
    definition = upload.dataset.schema
    if definition is None:
        return selectors.generic_schema(header)
    family = selectors.schema_family(definition)
    try:
        schema, _mapping = detect(header, family)
    except ValueError:
        return family[definition.key]
    return schema


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


def _current_text(upload: Upload) -> str:
    """The text to check: the raw file decoded, or the working copy, with a pending fix applied."""
    if upload.work:
        text = _read_work(upload)
    else:
        with default_storage.open(upload.raw.name, "rb") as handle:
            text = read_upload(bytes(handle.read()), upload.original_name)
    if upload.pending_fix is not None:
        codes = upload.pending_fix.get("codes")
        text = apply_fixes(
            text,
            _schema_for(upload, text),
            bbox=selectors.catalog_settings().bbox,
            codes=None if codes is None else set(codes),
            reorder=bool(upload.pending_fix.get("reorder", True)),
        )
    return text


def run_validation(upload_id: str) -> Upload:
    """Decode (and fix, when a fix is pending) and validate an upload; store the report. Safe to run again:
    the working copy the upload points at changes only in the final, conditional update."""
    upload = Upload.objects.select_related("dataset__schema").get(pk=upload_id)
    if upload.status != Upload.Status.PENDING:
        return upload
    revision = upload.revision
    try:
        text = _current_text(upload)
        schema = _schema_for(upload, text)
        report = validate(text, schema, bbox=selectors.catalog_settings().bbox)
    except (DecodeError, ValueError) as error:
        return _finish(upload, revision=revision, status=Upload.Status.FAILED, error=str(error), pending_fix=None)
    work = upload.work.name
    if not work or upload.pending_fix is not None:
        work = _store(f"opendata/uploads/{upload.pk}/work-{revision}.csv", text.encode("utf-8"))
    return _finish(
        upload,
        revision=revision,
        status=Upload.Status.CHECKED,
        work=work,
        pending_fix=None,
        schema_key=schema.key,
        rows=report.rows_checked,
        header=report.header,
        unknown_columns=report.unknown_columns,
        counts=dict(report.counts),
        # A swapped pair is one problem with two cells to fix: count problems, as the clerk sees them.
        fixable={code: min(n, report.counts[code]) for code, n in report.fixable_counts().items()},
        problems=[
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
        error="",
    )


def upload_apply_fixes(
    *,
    actor: Any,
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
        locked = Upload.objects.select_for_update().select_related("dataset").get(pk=upload.pk)
        if locked.status != Upload.Status.CHECKED or locked.revision != revision:
            raise ConflictError("このファイルは別の操作で更新されました。画面を更新してからもう一度お試しください。")
        wanted = set(codes) if codes is not None else set(locked.fixable)
        if not wanted & set(locked.fixable) and not (reorder and codes is None):
            raise InvalidInputError("自動で直せる問題がありません。")
        locked.revision += 1
        locked.pending_fix = {"codes": None if codes is None else sorted(wanted), "reorder": reorder}
        locked.fixes_applied = [
            *locked.fixes_applied,
            {"codes": sorted(wanted), "at": timezone.now().isoformat(), "by": getattr(actor, "email", "")},
        ]
        locked.status = Upload.Status.PENDING
        locked.status_changed_at = timezone.now()
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


def upload_discard(*, actor: Any, upload: Upload, request: HttpRequest | None = None) -> Upload:
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


# ------------------------------------------------------------------------------------------- publishing


def upload_publish(*, actor: Any, upload: Upload, note: str = "", request: HttpRequest | None = None) -> Upload:
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
        locked.fixes_applied = [*locked.fixes_applied, {"publish_note": note.strip()[:2000]}]
        locked.save(update_fields=["status", "status_changed_at", "fixes_applied"])
        audit_record(
            actor=actor,
            action="opendata.upload.publish",
            target=locked,
            object_label=f"{locked.dataset.title}: {locked.original_name}",
            after={"dataset": locked.dataset.slug, "rows": locked.rows, "note": note.strip()[:2000]},
            department_id=locked.dataset.department_id,
            request=request,
        )
    if locked.size <= SYNC_MAX_BYTES:
        run_publish(str(locked.pk))
        locked.refresh_from_db()
    else:
        from cityhall.opendata import tasks

        enqueue_on_commit(tasks.publish_upload, str(locked.pk))
    return locked


def _publish_note(upload: Upload) -> str:
    for item in reversed(upload.fixes_applied):
        if isinstance(item, dict) and "publish_note" in item:
            return str(item["publish_note"])
    return ""


def run_publish(upload_id: str) -> DatasetVersion | None:
    """Write every format of an upload and make it the dataset's current version. Idempotent."""
    upload = Upload.objects.select_related("dataset__schema", "uploaded_by").get(pk=upload_id)
    existing = DatasetVersion.objects.filter(upload=upload).first()
    if existing is not None or upload.status != Upload.Status.PUBLISHING:
        return existing
    Upload.objects.filter(pk=upload.pk).update(attempts=F("attempts") + 1)
    text = _read_work(upload)
    schema = _schema_for(upload, text)
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
        publisher = _publisher(upload)
        version = DatasetVersion.objects.create(
            dataset=dataset,
            number=number,
            upload=upload,
            published_by=publisher,
            rows=total,
            header=header,
            changes=changes,
            note=_publish_note(upload),
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
        written.append((fmt, _store(f"{base}.{fmt}", content), len(content), formats.sha256_hex(content)))
        del content
    return written


def _publisher(upload: Upload) -> Any:
    """Who pressed 公開 (from the audit trail), falling back to the uploader."""
    from django.contrib.auth import get_user_model

    from cityhall.core.models import AuditEntry

    entry = (
        AuditEntry.objects.filter(action="opendata.upload.publish", object_id=str(upload.pk))
        .order_by("-sequence")
        .first()
    )
    if entry is not None and entry.actor_id is not None:
        return get_user_model().objects.get(pk=entry.actor_id)
    return upload.uploaded_by


def _version_text(version: DatasetVersion) -> str:
    resource = version.resources.get(format=Format.CSV)
    with default_storage.open(resource.file.name, "rb") as handle:
        return bytes(handle.read()).decode("utf-8-sig")


def version_withdraw(
    *, actor: Any, version: DatasetVersion, reason: str, request: HttpRequest | None = None
) -> DatasetVersion:
    """Take an earlier version's files off the site (e.g. it held personal data that a later version removed).

    The current version cannot be withdrawn this way: publish a corrected file, or stop the whole dataset.
    """
    dataset = version.dataset
    if not can_manage(actor, dataset.department_id):
        raise PermissionDeniedError()
    reason = normalize(reason).strip()
    if not reason:
        raise InvalidInputError("取り下げの理由を入力してください。")
    with transaction.atomic():
        locked = DatasetVersion.objects.select_for_update().select_related("dataset").get(pk=version.pk)
        if locked.dataset.current_id == locked.pk:
            raise InvalidInputError(
                "公開中の版は取り下げられません。直したファイルを公開するか、データセットの公開を停止してください。"
            )
        if locked.withdrawn_at is not None:
            raise ConflictError("この版はすでに取り下げています。")
        audited_update(
            actor=actor,
            action="opendata.version.withdraw",
            target=locked,
            changes={"withdrawn_at": timezone.now(), "withdrawn_reason": reason[:200]},
            department_id=dataset.department_id,
            request=request,
        )
    return locked


# ------------------------------------------------------------------------------------------ schemas


def schema_save(
    *, actor: Any, definition: SchemaDefinition | None, data: dict[str, Any], request: HttpRequest | None = None
) -> SchemaDefinition:
    """Create or correct a dataset definition (ICT policy division)."""
    if not is_admin(actor):
        raise PermissionDeniedError()
    columns = data.get("columns") or []
    names = [str(c.get("name", "")).strip() for c in columns]
    if not names or any(not n for n in names):
        raise InvalidInputError("項目名が空の行があります。")
    if len(set(names)) != len(names):
        raise InvalidInputError("同じ項目名が2回あります。")
    allowed = {"string", "integer", "number", "date", "time", "lat", "lon", "code", "phone", "url", "email"}
    for column in columns:
        if column.get("type") not in allowed:
            raise InvalidInputError(f"項目「{column.get('name')}」の型「{column.get('type')}」は使えません。")
    fields = {k: data[k] for k in ("name_ja", "edition", "status", "source", "columns", "is_active") if k in data}
    fields["updated_at"] = timezone.now()
    with transaction.atomic():
        if definition is None:
            key = str(data.get("key", "")).strip()
            if not re.match(r"^[a-z0-9_]{2,80}$", key):
                raise InvalidInputError("キーは半角英小文字・数字・下線で入力してください。")
            if SchemaDefinition.objects.filter(key=key).exists():
                raise ConflictError(f"キー「{key}」はすでにあります。")
            definition = SchemaDefinition.objects.create(key=key, **fields)
            audit_record(
                actor=actor,
                action="opendata.schema.create",
                target=definition,
                after=snapshot(definition),
                request=request,
            )
        else:
            audited_update(
                actor=actor, action="opendata.schema.update", target=definition, changes=fields, request=request
            )
    return definition


def catalog_settings_update(*, actor: Any, request: HttpRequest | None = None, **changes: Any) -> CatalogSettings:
    if not is_admin(actor):
        raise PermissionDeniedError()
    current = selectors.catalog_settings()
    values = [changes.get(k, getattr(current, k)) for k in ("min_lat", "min_lon", "max_lat", "max_lon")]
    if any(v is not None for v in values):
        if any(v is None for v in values):
            raise InvalidInputError("範囲は南端・西端・北端・東端の4つすべてを入力してください。")
        min_lat, min_lon, max_lat, max_lon = (float(v) for v in values)
        if not (min_lat < max_lat and min_lon < max_lon):
            raise InvalidInputError("範囲の南端は北端より小さく、西端は東端より小さくしてください。")
    with transaction.atomic():
        audited_update(actor=actor, action="opendata.settings.update", target=current, changes=changes, request=request)
    return current


# ------------------------------------------------------------------------------------------ data requests


def data_request_submit(
    *, title: str, body: str, requester_name: str = "", email: str = "", department: Any = None
) -> DataRequest:
    """A request from the public (no account needed). Personal data stays out of the public list."""
    title, body = " ".join(normalize(title).split()), normalize(body).strip()  # a title is one line
    if not title or not body:
        raise InvalidInputError("欲しいデータと内容を入力してください。")
    return DataRequest.objects.create(
        title=title[:120],
        body=body[:4000],
        requester_name=normalize(requester_name).strip()[:100],
        email=email.strip()[:254],
        department=department,
    )


def data_request_answer(
    *,
    actor: Any,
    data_request: DataRequest,
    status: str,
    answer: str,
    department: Any = None,
    dataset: Dataset | None = None,
    is_hidden: bool = False,
    request: HttpRequest | None = None,
) -> DataRequest:
    if not (is_admin(actor) or can_manage(actor, data_request.department_id)):
        raise PermissionDeniedError()
    if status not in DataRequest.Status.values:
        raise InvalidInputError("状況の指定が正しくありません。")
    answer = normalize(answer).strip()
    if status in (DataRequest.Status.PUBLISHED, DataRequest.Status.DECLINED) and not answer:
        raise InvalidInputError("公開済み・公開できない場合は、回答を入力してください。")
    if status == DataRequest.Status.PUBLISHED and dataset is None:
        raise InvalidInputError("公開済みにする場合は、公開したデータセットを選んでください。")
    changes: dict[str, Any] = {
        "status": status,
        "answer": answer[:4000],
        "dataset": dataset,
        "is_hidden": is_hidden,
        "answered_by": actor,
        "answered_at": timezone.now(),
    }
    if department is not None and is_admin(actor):
        changes["department"] = department
    notify = bool(data_request.email) and (status, answer) != (data_request.status, data_request.answer) and answer
    with transaction.atomic():
        audited_update(
            actor=actor,
            action="opendata.request.answer",
            target=data_request,
            changes=changes,
            department_id=data_request.department_id,
            request=request,
        )
        if notify:
            send_mail(
                subject=f"【データ公開リクエスト】受付番号{data_request.pk}への回答",
                message=(
                    f"データ公開リクエスト「{data_request.title}」に回答しました。\n\n"
                    f"状況: {data_request.get_status_display()}\n\n{answer}\n\n"
                    f"{settings.CITYHALL_BASE_URL}/opendata/requests/{data_request.pk}/\n"
                ),
                from_email=None,
                recipient_list=[data_request.email],
            )
    return data_request


# ------------------------------------------------------------------------------------------------ usage

_SEARCH_ENGINES = ("google.", "bing.", "yahoo.", "duckduckgo.", "baidu.", "yandex.", "ecosia.", "naver.")


def classify_referrer(*, referer: str, host: str, user_agent: str) -> str:
    """A referrer class for the usage figures; the referrer and agent themselves are not stored."""
    agent = user_agent.lower()
    if not agent.startswith("mozilla/") or any(bot in agent for bot in ("ckanapi", "python", "curl", "wget", "bot")):
        return UsageDaily.Referrer.APP
    if not referer:
        return UsageDaily.Referrer.DIRECT
    from urllib.parse import urlsplit

    ref_host = (urlsplit(referer).hostname or "").lower()
    if ref_host and ref_host == host.split(":", maxsplit=1)[0].lower():
        return UsageDaily.Referrer.INTERNAL
    if any(engine in ref_host for engine in _SEARCH_ENGINES):
        return UsageDaily.Referrer.SEARCH
    return UsageDaily.Referrer.EXTERNAL


def usage_record(*, dataset_id: Any, fmt: str, referrer: str, day: dt.date | None = None, count: int = 1) -> None:
    """Add to one day's counter (rows are summed when read, so a rare duplicate row is harmless)."""
    day = day or timezone.localdate()
    key = {"dataset_id": dataset_id, "day": day, "format": fmt, "referrer": referrer}
    if not UsageDaily.objects.filter(**key).update(count=F("count") + count):
        UsageDaily.objects.create(**key, count=count)


def usage_record_request(request: HttpRequest, *, dataset_id: Any, fmt: str) -> None:
    usage_record(
        dataset_id=dataset_id,
        fmt=fmt,
        referrer=classify_referrer(
            referer=request.headers.get("Referer", ""),
            host=request.get_host(),
            user_agent=request.headers.get("User-Agent", ""),
        ),
    )


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
