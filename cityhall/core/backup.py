"""Backups that restore: the database, the stored files and a manifest that proves both.

A backup is one folder `cityhall-<UTC time>/` holding
- the database in its own engine's format (`database.sqlite3` through SQLite's online
  backup API, or `database.pgdump` from `pg_dump -Fc`), for a fast restore onto the same engine;
- the same data as Django fixtures (`data.backupjson.gz`: JSON with whole microseconds), for a restore onto the other engine
  (the usual path when a city moves from one machine's SQLite to PostgreSQL);
- every file of the default storage (local folder or S3) under `media/`;
- `manifest.json`: rows per table, a SHA-256 for every file, and the audit chain head.

The database, the fixtures, the row counts and the audit head come from one snapshot (the
SQLite copy itself, or a PostgreSQL REPEATABLE READ snapshot shared with pg_dump), so a
backup taken while the city works is consistent. Stored files are never rewritten (new
names on every upload), so copying them after the snapshot misses none it refers to.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.storage import Storage, default_storage
from django.core.management import call_command
from django.core.serializers import json as json_serializer
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, connections, transaction
from django.db.utils import load_backend

from cityhall.core.models import AuditChainHead
from cityhall.core.uploads import file_sha256

FORMAT = 1
MANIFEST = "manifest.json"
PORTABLE = "data.backupjson.gz"  # loaddata picks the format from the name
NATIVE = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
SNAPSHOT_ALIAS = "backup_snapshot"
# Rebuilt by `migrate` on any database, and referred to by natural keys in the fixtures.
PORTABLE_EXCLUDE = ["contenttypes", "auth.permission"]


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why, in Japanese."""


@dataclass
class RestoreReport:
    tables: int = 0
    rows: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)


def engine() -> str:
    vendor = connection.vendor
    if vendor not in NATIVE:
        raise BackupError(f"このデータベース（{vendor}）のバックアップには対応していません。")
    return vendor


def sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return file_sha256(handle)


def _described(path: Path, root: Path) -> dict[str, Any]:
    return {"file": str(path.relative_to(root)), "sha256": sha256(path), "bytes": path.stat().st_size}


def table_counts(using: str = "default") -> dict[str, int]:
    """Rows in every table Django manages (many-to-many tables included), by table name."""
    tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    existing = set(connections[using].introspection.table_names())
    counts = {}
    with connections[using].cursor() as cursor:
        for table in sorted(tables & existing):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608  table names come from the models
            counts[table] = int(cursor.fetchone()[0])
    return counts


def audit_head(using: str = "default") -> dict[str, Any]:
    head = AuditChainHead.objects.using(using).first()
    return {"sequence": head.last_sequence, "hash": head.last_hash} if head else {"sequence": 0, "hash": ""}


class _FullPrecisionEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder without its rounding of times to milliseconds: the audit hashes cover them."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class Serializer(json_serializer.Serializer):
    """The `backupjson` fixture format (settings.SERIALIZATION_MODULES): Django's JSON, times kept whole."""

    def start_serialization(self) -> None:
        super().start_serialization()  # sets json_kwargs, used for every object that follows
        self.json_kwargs["cls"] = _FullPrecisionEncoder


Deserializer = json_serializer.Deserializer


def _dump_portable(target: Path, using: str) -> None:
    with gzip.open(target, "wt", encoding="utf-8") as handle:
        call_command(
            "dumpdata",
            format="backupjson",
            database=using,
            natural_foreign=True,
            natural_primary=False,
            exclude=PORTABLE_EXCLUDE,
            stdout=handle,
            verbosity=0,
        )


@contextmanager
def _sqlite_snapshot(folder: Path) -> Iterator[str]:
    """Copy the live SQLite database (online backup API) and open the copy as a second alias."""
    target = folder / NATIVE["sqlite"]
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    copy.close()
    # A connection of this thread only, not a configured alias: nothing else can reach the copy.
    backend = load_backend(connection.settings_dict["ENGINE"])
    connections[SNAPSHOT_ALIAS] = backend.DatabaseWrapper(
        {**connection.settings_dict, "NAME": str(target)}, SNAPSHOT_ALIAS
    )
    try:
        yield SNAPSHOT_ALIAS
    finally:
        connections[SNAPSHOT_ALIAS].close()
        del connections[SNAPSHOT_ALIAS]


def pg_env(settings_dict: dict[str, Any]) -> dict[str, str]:
    env = {"PGDATABASE": settings_dict["NAME"], "PGCLIENTENCODING": "UTF8"}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[name] = str(settings_dict[key])
    return env


def run_tool(argv: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(argv, env={**os.environ, **env}, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{argv[0]} が失敗しました: {result.stderr.strip()[-500:]}")


@contextmanager
def _postgresql_snapshot(folder: Path) -> Iterator[str]:
    """One REPEATABLE READ snapshot, exported to pg_dump and used for counts and fixtures."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        dump = folder / NATIVE["postgresql"]
        run_tool(
            ["pg_dump", "-Fc", "--no-owner", "--no-privileges", f"--snapshot={snapshot}", "-f", str(dump)],
            pg_env(connection.settings_dict),
        )
        yield "default"


def _media_names(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from _media_names(storage, f"{folder}/{directory}" if folder else directory)


def _copy_media(target: Path) -> list[dict[str, Any]]:
    described = []
    for name in sorted(_media_names(default_storage)):
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, path.open("wb") as copy:
            shutil.copyfileobj(source, copy)
        described.append({"name": name, "sha256": sha256(path), "bytes": path.stat().st_size})
    return described


def backup_root() -> Path:
    return Path(settings.CITYHALL_BACKUP_DIR)


def backup_create(root: Path | None = None, *, now: dt.datetime | None = None) -> Path:
    """Write a new backup folder under `root` (CITYHALL_BACKUP_DIR) and return it.

    The folder is written as `<name>.partial` and renamed when complete, so a crash leaves no
    folder that looks like a backup. Raises BackupError when the database tools fail.
    """
    root = root or backup_root()
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    final = root / f"cityhall-{stamp}"
    work = root / f"cityhall-{stamp}.partial"
    work.mkdir(parents=True)
    try:
        manifest = _write_backup(work)
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


def _write_backup(work: Path) -> dict[str, Any]:
    vendor = engine()
    snapshot = _sqlite_snapshot if vendor == "sqlite" else _postgresql_snapshot
    with snapshot(work) as using:
        counts = table_counts(using)
        head = audit_head(using)
        _dump_portable(work / PORTABLE, using)
    media = _copy_media(work / "media")
    return {
        "format": FORMAT,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "engine": vendor,
        "database": _described(work / NATIVE[vendor], work),
        "portable": _described(work / PORTABLE, work),
        "tables": counts,
        "media": media,
        "audit_head": head,
    }


def read_manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} はバックアップではありません（manifest.json を読めません: {error}）。") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder} の形式（{manifest.get('format')}）には対応していません。")
    return manifest


def backup_verify(folder: Path) -> list[str]:
    """Every file the manifest lists, checked against its SHA-256; the list of what is wrong."""
    manifest = read_manifest(folder)
    expected = [manifest["database"], manifest["portable"]]
    expected += [{"file": f"media/{m['name']}", "sha256": m["sha256"]} for m in manifest["media"]]
    problems = []
    for item in expected:
        path = folder / item["file"]
        if not path.is_file():
            problems.append(f"ファイルがありません: {item['file']}")
        elif sha256(path) != item["sha256"]:
            problems.append(f"内容が記録と一致しません: {item['file']}")
    return problems


def backup_list(root: Path | None = None) -> list[Path]:
    """Complete backups under `root`, oldest first."""
    root = root or backup_root()
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.iterdir() if p.is_dir() and p.name.startswith("cityhall-") and (p / MANIFEST).exists()
    )


def backup_prune(root: Path | None = None, *, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups (and leftovers of interrupted ones); return what went."""
    root = root or backup_root()
    complete = backup_list(root)
    removed = complete[: max(len(complete) - keep, 0)]
    if root.is_dir():
        removed += [p for p in root.iterdir() if p.is_dir() and p.name.endswith(".partial")]
    for path in removed:
        shutil.rmtree(path)
    return removed


def backup_if_due() -> str:
    """The nightly job: a backup when the newest is older than 20 hours, then retention."""
    if not settings.CITYHALL_BACKUP_NIGHTLY:
        return "nightly backups are off (CITYHALL_BACKUP_NIGHTLY)"
    for newest in backup_list()[-1:]:
        age = dt.datetime.now(dt.UTC).timestamp() - (newest / MANIFEST).stat().st_mtime
        if age < 20 * 3600:
            return f"newest backup {newest.name} is recent"
    made = backup_create()
    removed = backup_prune(keep=settings.CITYHALL_BACKUP_KEEP)
    return f"backup {made.name}; removed {len(removed)} old"
