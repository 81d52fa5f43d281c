from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cityhall.core.audit import audit_record
from cityhall.core.demo import loaders


class Command(BaseCommand):
    help = "Load the demo city (大田原市) and print how to log in as each demo persona."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.CITYHALL_DEMO:
            raise CommandError("The demo city can only be loaded with CITYHALL_DEMO=1 (dev or test settings).")
        lines: list[str] = []
        with transaction.atomic():
            for loader in loaders():
                lines.extend(loader.load())
            audit_record(
                actor=None,
                action="demo.load",
                object_type="demo",
                after={"loaders": [loader.name for loader in loaders()]},
            )
        for line in lines:
            self.stdout.write(line)
