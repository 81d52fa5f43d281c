"""Restore a backup made by `core.backup` and prove that nothing was lost.

Onto the same engine the native copy is restored (SQLite's backup API, `pg_restore`);
onto the other engine, or with `portable=True`, the database is migrated and the Django
fixtures are loaded. Either way the stored files are put back, and the result is checked
against the manifest: rows per table, every file's SHA-256, the audit chain verifies and
its head is the one recorded. Nothing is touched before the backup itself has been checked.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from cityhall.core.audit import audit_verify
from cityhall.core.backup import (
    NATIVE,
    PORTABLE,
    BackupError,
    RestoreReport,
    audit_head,
    backup_verify,
    engine,
    pg_env,
    read_manifest,
    run_tool,
    table_counts,
)
from cityhall.core.models import AuditEntry
from cityhall.core.uploads import file_sha256

# Rebuilt by migrate and flush on the target; not in the fixtures (PORTABLE_EXCLUDE).
REBUILT_TABLES = {"django_content_type", "auth_permission", "django_migrations"}


def database_is_empty() -> bool:
    """True when the target holds no audit entries and no users: nothing a restore would destroy."""
    if "core_auditentry" not in connection.introspection.table_names():
        return True
    return not AuditEntry.objects.exists() and not get_user_model().objects.exists()


def _restore_sqlite(path: Path) -> None:
    connection.ensure_connection()
    with sqlite3.connect(path) as source:
        source.backup(connection.connection)
    source.close()
    connection.close()


def _restore_postgresql(path: Path) -> None:
    connection.close()
    run_tool(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "-d",
            connection.settings_dict["NAME"],
            str(path),
        ],
        pg_env(connection.settings_dict),
    )


def _restore_portable(path: Path) -> None:
    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("loaddata", str(path), verbosity=0)  # loaddata reads .json.gz itself


def _stored_sha256(name: str) -> str:
    with default_storage.open(name, "rb") as stored:
        return file_sha256(stored)


def _restore_media(folder: Path, media: list[dict[str, Any]]) -> int:
    for item in media:
        content = (folder / "media" / item["name"]).read_bytes()
        if default_storage.exists(item["name"]):
            if _stored_sha256(item["name"]) == item["sha256"]:
                continue
            default_storage.delete(item["name"])
        saved = default_storage.save(item["name"], ContentFile(content))
        if saved != item["name"]:
            raise BackupError(f"ファイルを元の名前で戻せませんでした: {item['name']}")
    return len(media)


def _check(manifest: dict[str, Any], portable: bool) -> RestoreReport:
    counts = table_counts()
    expected = manifest["tables"]
    ignored = REBUILT_TABLES if portable else set()
    report = RestoreReport(tables=len(expected), rows=sum(expected.values()))
    for table, rows in sorted(expected.items()):
        if table not in ignored and counts.get(table) != rows:
            report.problems.append(f"{table}: 記録 {rows} 行、復元後 {counts.get(table)} 行")
    for item in manifest["media"]:
        if _stored_sha256(item["name"]) != item["sha256"]:
            report.problems.append(f"ファイルの内容が一致しません: {item['name']}")
    report.problems += [f"監査ログ #{p.sequence}: {p.message}" for p in audit_verify()[:20]]
    if audit_head() != manifest["audit_head"]:
        report.problems.append("監査ログの先頭がバックアップの記録と一致しません。")
    report.files = len(manifest["media"])
    return report


def backup_restore(folder: Path, *, portable: bool = False, replace: bool = False) -> RestoreReport:
    """Restore `folder` into the configured database and storage, then check the result.

    Refuses (BackupError, nothing changed) when the backup is damaged, or when the target
    already holds data and `replace` is not given. Returns the check's report; its
    `problems` is empty when everything the manifest lists is back.
    """
    manifest = read_manifest(folder)
    damaged = backup_verify(folder)
    if damaged:
        raise BackupError("バックアップが壊れています。復元しませんでした。\n" + "\n".join(damaged))
    if not replace and not database_is_empty():
        raise BackupError("復元先のデータベースにデータがあります。置き換える場合は --replace を付けてください。")
    portable = portable or manifest["engine"] != engine()
    if portable:
        _restore_portable(folder / PORTABLE)
    elif manifest["engine"] == "sqlite":
        _restore_sqlite(folder / NATIVE["sqlite"])
    else:
        _restore_postgresql(folder / NATIVE["postgresql"])
    _restore_media(folder, manifest["media"])
    return _check(manifest, portable)
