"""manage.py restore <folder>: put a backup back and check that nothing was lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cityhall.core.backup import BackupError
from cityhall.core.restore import backup_restore


class Command(BaseCommand):
    help = "Restore a backup made by manage.py backup into the configured database and storage."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="a backup folder (cityhall-<time>)")
        parser.add_argument("--replace", action="store_true", help="replace a database that already holds data")
        parser.add_argument(
            "--portable", action="store_true", help="load the fixtures even onto the same database engine"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = backup_restore(options["folder"], portable=options["portable"], replace=options["replace"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        if report.problems:
            raise CommandError("復元しましたが、記録と一致しないものがあります:\n" + "\n".join(report.problems))
        self.stdout.write(
            f"復元しました: {report.tables} 表 {report.rows} 行、ファイル {report.files} 件。"
            "行数、ファイルの内容、監査ログの検証と先頭がバックアップの記録と一致しました。"
        )
