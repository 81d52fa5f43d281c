"""Run background-task workers for whichever backend TASK_BACKEND selects.

database: django-tasks-db's db_worker. rq: RQ's worker with the job class that
django-tasks-rq needs (a plain `rqworker` fails every task).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Run the background-task worker for the configured TASK_BACKEND."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--queue", default="default")
        parser.add_argument("--burst", action="store_true", help="process what is queued, then exit")

    def handle(self, *args: Any, **options: Any) -> None:
        backend = settings.TASK_BACKEND
        if backend == "database":
            extra = ["--batch"] if options["burst"] else []
            call_command("db_worker", "--queue-name", options["queue"], "--interval", "1", "--no-reload", *extra)
        elif backend == "rq":
            extra = ["--burst"] if options["burst"] else []
            call_command("rqworker", options["queue"], "--job-class", "django_tasks_rq.Job", "--with-scheduler", *extra)
        else:
            raise CommandError(f"TASK_BACKEND={backend!r} runs tasks in the web process; no worker is needed.")
