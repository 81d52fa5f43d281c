"""manage.py opendata_schemas [FILE] [--replace]: take in a revised reference JSON of the standard."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cityhall.core.errors import DomainError
from cityhall.opendata import services
from cityhall.opendata.validation import REFERENCE_JSON


class Command(BaseCommand):
    help = "Add and update dataset definitions from a reference JSON; definitions corrected by staff are kept."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", default=str(REFERENCE_JSON))
        parser.add_argument("--replace", action="store_true", help="also overwrite definitions staff corrected")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = services.schemas_update_from_reference(options["path"], replace=options["replace"])
        except DomainError as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            f"追加 {len(report.added)}・更新 {len(report.updated)}・変更なし {len(report.unchanged)}"
            f"・職員の修正を保持 {len(report.kept)}"
        )
        for key in report.kept:
            self.stdout.write(f"  保持: {key}（--replace で上書きできます）")
