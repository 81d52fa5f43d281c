from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from cityhall.core.periodic import jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the registered periodic jobs (retries of stuck work and the like) on their schedule."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run every job once and exit (for cron)")
        parser.add_argument("--tick", type=float, default=5.0, help="seconds between schedule checks")

    def handle(self, *args: Any, **options: Any) -> None:
        next_run: dict[str, float] = {}
        while True:
            now = time.monotonic()
            for job in jobs():
                if options["once"] or now >= next_run.get(job.name, 0.0):
                    close_old_connections()
                    try:
                        result = job.run()
                    except Exception:  # one failing job must not stop the others
                        logger.exception("periodic job %s failed", job.name)
                    else:
                        logger.info("periodic job %s: %s", job.name, result)
                    next_run[job.name] = now + job.every.total_seconds()
            if options["once"]:
                return
            time.sleep(options["tick"])
