"""manage.py backup: the database, the stored files and a manifest, in CITYHALL_BACKUP_DIR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cityhall.core.backup import BackupError, backup_create, backup_prune, read_manifest


class Command(BaseCommand):
    help = "Back up the database and the stored files (restore with manage.py restore)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dir", type=Path, default=None, help="folder for backups (default CITYHALL_BACKUP_DIR)")
        parser.add_argument(
            "--keep", type=int, default=None, help="keep this many newest backups (default CITYHALL_BACKUP_KEEP)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            folder = backup_create(options["dir"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = read_manifest(folder)
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"バックアップを作成しました: {folder}\n"
            f"  {len(manifest['tables'])} 表 {rows} 行、ファイル {len(manifest['media'])} 件、"
            f"監査ログの先頭 #{manifest['audit_head']['sequence']}"
        )
        keep = options["keep"] if options["keep"] is not None else settings.CITYHALL_BACKUP_KEEP
        for removed in backup_prune(options["dir"], keep=keep):
            self.stdout.write(f"  古いバックアップを削除しました: {removed.name}")
