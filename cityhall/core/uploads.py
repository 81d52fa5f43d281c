"""The one gate every uploaded file passes, in every app, and the one way files go back out.

An app declares an `UploadPolicy` per use (which kinds, how large) and calls
`stored_file_create` inside the transaction of its own write. The gate decides
the kind from the content (`cityhall.core.file_kinds`), opens the file to prove
it, stores it under a random name through the storage abstraction, and records
the decided type. `stored_file_response` serves it after the caller's permission
check, as an attachment, with that type and `nosniff`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import FileResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from cityhall.core.actors import Actor
from cityhall.core.errors import InvalidInputError, NotFoundError
from cityhall.core.file_kinds import DESCRIPTIONS, KINDS, FileKind, FileKindError, candidates, sniff
from cityhall.core.models import StoredFile

logger = logging.getLogger(__name__)

MB = 1024 * 1024
_NAME_MAX = 120


class UploadRejectedError(InvalidInputError):
    """The file is refused: too large, not an allowed kind, or not what it claims to be."""


@dataclass(frozen=True)
class UploadPolicy:
    """What one use accepts: `purpose` names the use (stored with the file), `what` is its name for people."""

    purpose: str
    what: Promise
    kinds: tuple[str, ...]
    max_bytes: int

    def kinds_label(self) -> str:
        return "・".join(dict.fromkeys(str(KINDS[k].label) for k in self.kinds))


@dataclass(frozen=True)
class CheckedUpload:
    kind: FileKind
    name: str
    size: int
    sha256: str


def _safe_name(raw: str, kind: FileKind) -> str:
    """The sender's file name for display and downloads: no path, no control characters, bounded."""
    name = PurePath(unicodedata.normalize("NFC", raw).replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '/:*?"<>|').strip(" .")
    path = PurePath(name)
    suffix = path.suffix.lower() if path.suffix.lower() in kind.extensions else kind.extensions[0]
    return f"{(path.stem or _t('ファイル'))[:_NAME_MAX]}{suffix}"


def _decide_kind(handle: IO[bytes], suffix: str, policy: UploadPolicy) -> FileKind:
    sniffed = sniff(handle.read(2048))
    handle.seek(0)
    claimed = [k for k in policy.kinds if suffix in KINDS[k].extensions]
    allowed = _t("%(what)sは %(kinds)s のファイルにしてください。") % {
        "what": policy.what,
        "kinds": policy.kinds_label(),
    }
    if not claimed:
        raise UploadRejectedError(allowed)
    possible = [k for k in claimed if k in candidates(sniffed)]
    if not possible:
        described = DESCRIPTIONS.get(sniffed) or (KINDS[sniffed].label if sniffed in KINDS else _("別の形式のファイル"))
        raise UploadRejectedError(
            _t("ファイルの中身が拡張子（%(suffix)s）と一致しません（中身は%(actual)sです）。")
            % {
                "suffix": suffix,
                "actual": described,
            }
            + allowed
        )
    return KINDS[possible[0]]


def file_sha256(handle: IO[bytes]) -> str:
    """SHA-256 of a file read in chunks (an upload, a stored file, a backup), rewound afterwards."""
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1 << 16), b""):
        digest.update(chunk)
    handle.seek(0)
    return digest.hexdigest()


def upload_check(upload: UploadedFile, policy: UploadPolicy) -> CheckedUpload:
    """Decide and prove the kind of `upload` under `policy`. Raises UploadRejectedError; changes nothing."""
    size = upload.size or 0
    if size == 0:
        raise UploadRejectedError(_t("空のファイルです。中身のあるファイルを選んでください。"))
    if size > policy.max_bytes:
        raise UploadRejectedError(
            _t("%(what)sのファイルは%(mb)dMB以下にしてください。") % {"what": policy.what, "mb": policy.max_bytes // MB}
        )
    handle = upload.open("rb")
    handle.seek(0)
    kind = _decide_kind(handle, PurePath(upload.name or "").suffix.lower(), policy)
    try:
        kind.verify(handle)
    except FileKindError as error:
        raise UploadRejectedError(error.reason) from error
    finally:
        handle.seek(0)
    return CheckedUpload(kind, _safe_name(upload.name or "", kind), size, file_sha256(handle))


def stored_file_create(*, upload: UploadedFile, policy: UploadPolicy, actor: Actor | None) -> StoredFile:
    """Check `upload` and store it. Call inside the caller's transaction; the caller audits its own write.

    Raises UploadRejectedError (nothing stored). A rollback after this call leaves
    the stored bytes behind without a row; `stored_file_sweep` removes them.
    """
    checked = upload_check(upload, policy)
    stored = StoredFile(
        purpose=policy.purpose,
        name=checked.name,
        kind=checked.kind.key,
        content_type=checked.kind.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    stored.file.save(checked.kind.extensions[0], File(upload.open("rb")), save=False)
    stored.save()
    return stored


def stored_file_delete(stored: StoredFile) -> None:
    """Remove the row now and the bytes once the transaction commits."""
    path, storage = stored.file.name, stored.file.storage
    stored.delete()
    transaction.on_commit(lambda: storage.delete(path))


def stored_file_response(stored: StoredFile, *, filename: str | None = None) -> FileResponse:
    """The file as an attachment with the type the gate decided. Call after the permission check."""
    try:
        handle = stored.file.open("rb")
    except OSError:  # the row outlived its bytes (a restore from an older backup, a manual deletion)
        logger.warning("Stored file %s is missing its bytes at %s", stored.pk, stored.file.name)
        raise NotFoundError(_t("ファイルが見つかりません。担当課にお問い合わせください。")) from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename or stored.name, content_type=stored.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


def _walk(storage: Storage, directory: str) -> list[str]:
    folders, files = storage.listdir(directory)
    paths = [f"{directory}/{name}" for name in files]
    for folder in folders:
        paths.extend(_walk(storage, f"{directory}/{folder}"))
    return paths


def stored_file_sweep(*, older_than: dt.timedelta = dt.timedelta(hours=1)) -> int:
    """Delete stored bytes that no row names (left by a rolled-back write). Returns how many."""
    try:
        paths = _walk(default_storage, "uploads")
    except (FileNotFoundError, NotImplementedError):
        return 0
    known: set[str] = set()
    for start in range(0, len(paths), 500):
        batch = paths[start : start + 500]
        known.update(StoredFile.objects.filter(file__in=batch).values_list("file", flat=True))
    cutoff = timezone.now() - older_than
    removed = 0
    for path in paths:
        if path not in known and default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
            removed += 1
    return removed
