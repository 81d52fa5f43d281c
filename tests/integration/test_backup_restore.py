"""Backups that restore: the restore drill, onto the same engine and from SQLite onto PostgreSQL.

The demo city is loaded, backed up, destroyed and restored; what comes back is compared with
what was there, by means independent of the backup code where possible (sqlite3 row counts,
hashlib over the files), and the audit chain must verify with the head the manifest recorded.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from cityhall.accounts.models import User
from cityhall.core import backup
from cityhall.core.audit import audit_verify
from cityhall.core.backup import BackupError, backup_create, backup_list, backup_prune, read_manifest, table_counts
from cityhall.core.models import AuditEntry
from cityhall.core.restore import backup_restore
from conftest import restore_migration_data

ROOT = Path(__file__).resolve().parents[2]


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _sqlite_env(var: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST", "DATABASE_URL"))}
    return env | {
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "CITYHALL_VAR_DIR": str(var),
        "CITYHALL_DEMO": "1",
        "DEBUG": "0",
        "PYTHONWARNINGS": "ignore",
    }


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo city on a SQLite file with files on disk, backed up with `manage.py backup`."""
    var = tmp_path_factory.mktemp("city")
    env = _sqlite_env(var)
    for args in (["migrate", "-v0"], ["demo"], ["backup", "--dir", str(var / "backups")]):
        result = _manage(env, *args)
        assert result.returncode == 0, result.stderr[-3000:]
    (folder,) = backup_list(var / "backups")
    return folder


def _file_digests(media: Path) -> dict[str, str]:
    return {
        str(p.relative_to(media)): hashlib.sha256(p.read_bytes()).hexdigest() for p in media.rglob("*") if p.is_file()
    }


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="the SQLite pass runs it")
def test_cli_drill_on_sqlite_brings_back_every_row_and_file(demo_backup, tmp_path):
    manifest = read_manifest(demo_backup)
    assert manifest["tables"]["core_auditentry"] > 50 and len(manifest["media"]) > 10
    fresh = tmp_path / "fresh"  # a new machine: no database, no files
    fresh.mkdir()
    env = _sqlite_env(fresh)

    result = _manage(env, "restore", str(demo_backup))

    assert result.returncode == 0, result.stderr[-3000:]
    assert "監査ログの検証と先頭がバックアップの記録と一致しました" in result.stdout
    with sqlite3.connect(fresh / "cityhall.sqlite3") as db:
        counts = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in manifest["tables"]}
    db.close()
    assert counts == manifest["tables"]
    assert _file_digests(fresh / "media") == {m["name"]: m["sha256"] for m in manifest["media"]}
    verify = _manage(env, "audit_verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr
    again = _manage(env, "restore", str(demo_backup))
    assert again.returncode != 0 and "--replace" in again.stderr  # a city's data is never overwritten by surprise


@pytest.mark.django_db(transaction=True)
def test_a_sqlite_backup_restores_onto_this_database(demo_backup):
    """On the PostgreSQL pass this is the move from one machine's SQLite to PostgreSQL (fixtures)."""
    manifest = read_manifest(demo_backup)
    call_command("flush", interactive=False, verbosity=0)

    report = backup_restore(demo_backup)

    assert report.problems == []
    counts = table_counts()
    rebuilt = {"django_content_type", "auth_permission", "django_migrations"}
    assert {t: n for t, n in counts.items() if t not in rebuilt} == {
        t: n for t, n in manifest["tables"].items() if t not in rebuilt
    }
    assert audit_verify() == []
    assert AuditEntry.objects.order_by("-sequence").first().hash == manifest["audit_head"]["hash"]
    first = manifest["media"][0]
    with default_storage.open(first["name"], "rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == first["sha256"]
    with sqlite3.connect(demo_backup / "database.sqlite3") as db:
        (password,) = db.execute(
            "SELECT password FROM accounts_user WHERE email = 'admin@demo.ohtawara.example.jp'"
        ).fetchone()
    db.close()
    assert User.objects.get(email="admin@demo.ohtawara.example.jp").password == password


@pytest.mark.django_db(transaction=True)
def test_backup_destroy_restore_on_the_same_engine(tmp_path):
    restore_migration_data()  # an earlier transactional test may have flushed the seeded rows
    call_command("demo", stdout=io.StringIO())
    before = table_counts()
    folder = backup_create(tmp_path)
    manifest = read_manifest(folder)
    assert manifest["engine"] == connection.vendor
    assert manifest["tables"] == before
    names = [m["name"] for m in manifest["media"]]
    call_command("flush", interactive=False, verbosity=0)
    for name in names:
        default_storage.delete(name)

    report = backup_restore(folder)

    assert report.problems == []
    assert table_counts() == before
    assert all(default_storage.exists(name) for name in names)
    assert audit_verify() == []


def _stored(name: str) -> bytes | None:
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as stored:
        content: bytes = stored.read()
    return content


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_and_changes_nothing(demo_backup, tmp_path):
    copy = tmp_path / demo_backup.name
    shutil.copytree(demo_backup, copy)
    first = read_manifest(copy)["media"][0]["name"]
    (copy / "media" / first).write_bytes(b"damaged")
    call_command("flush", interactive=False, verbosity=0)
    before = table_counts()
    stored_before = _stored(first)

    with pytest.raises(BackupError, match="バックアップが壊れています") as refused:
        backup_restore(copy)

    assert first in str(refused.value)
    assert table_counts() == before
    assert _stored(first) == stored_before


def test_a_folder_without_a_manifest_is_not_a_backup(tmp_path):
    with pytest.raises(BackupError, match="バックアップではありません"):
        backup_restore(tmp_path)


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_holds_data(demo_backup, municipality, resident):
    with pytest.raises(BackupError, match="--replace"):
        backup_restore(demo_backup)
    assert User.objects.filter(pk=resident.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_an_interrupted_backup_leaves_nothing_that_looks_like_one(tmp_path, monkeypatch, municipality):
    default_storage.save("uploads/x.txt", ContentFile(b"x"))

    def fail(target):
        raise OSError("disk full")

    monkeypatch.setattr(backup, "_copy_media", fail)
    with pytest.raises(OSError, match="disk full"):
        backup_create(tmp_path)
    assert backup_list(tmp_path) == []
    assert list(tmp_path.iterdir()) == []


def _fake_backup(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps({"format": backup.FORMAT}), encoding="utf-8")
    return folder


def test_retention_keeps_the_newest_and_clears_interrupted_ones(tmp_path):
    for day in range(1, 6):
        _fake_backup(tmp_path, f"cityhall-2026120{day}T020000000000Z")
    (tmp_path / "cityhall-20261206T020000000000Z.partial").mkdir()
    (tmp_path / "notes").mkdir()  # not ours: left alone

    removed = backup_prune(tmp_path, keep=2)

    assert sorted(p.name for p in removed) == [
        "cityhall-20261201T020000000000Z",
        "cityhall-20261202T020000000000Z",
        "cityhall-20261203T020000000000Z",
        "cityhall-20261206T020000000000Z.partial",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cityhall-20261204T020000000000Z",
        "cityhall-20261205T020000000000Z",
        "notes",
    ]


@pytest.mark.django_db(transaction=True)
def test_the_nightly_job_backs_up_once_a_day(tmp_path, settings, municipality):
    settings.CITYHALL_BACKUP_DIR = tmp_path
    settings.CITYHALL_BACKUP_NIGHTLY = True
    settings.CITYHALL_BACKUP_KEEP = 3

    first = backup.backup_if_due()
    second = backup.backup_if_due()

    assert first.startswith("backup cityhall-")
    assert "recent" in second
    assert len(backup_list(tmp_path)) == 1
    settings.CITYHALL_BACKUP_NIGHTLY = False
    assert "off" in backup.backup_if_due()


@pytest.mark.django_db(transaction=True)
def test_backup_command_reports_in_japanese(tmp_path, capsys, municipality):
    call_command("backup", dir=tmp_path, keep=5)
    out = capsys.readouterr().out
    assert "バックアップを作成しました" in out
    assert "監査ログの先頭" in out
    assert len(backup_list(tmp_path)) == 1
