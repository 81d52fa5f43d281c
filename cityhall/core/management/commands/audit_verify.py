from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cityhall.core.audit import audit_verify
from cityhall.core.models import AuditEntry


class Command(BaseCommand):
    help = "Recompute the audit log's hash chain and report edited or deleted entries."

    def handle(self, *args: Any, **options: Any) -> None:
        problems = audit_verify()
        total = AuditEntry.objects.count()
        if problems:
            for problem in problems:
                where = f"#{problem.sequence}" if problem.sequence is not None else "-"
                self.stderr.write(f"{where}: {problem.message}")
            raise CommandError(f"audit log is NOT intact: {len(problems)} problem(s) in {total} entries")
        self.stdout.write(self.style.SUCCESS(f"audit log intact: {total} entries verified"))
