"""Run the web server and, beside it, the task worker (the embedded default).

One process tree for one machine: uvicorn serves the ASGI application and a
`db_worker` child process runs background tasks from the database queue.
With TASK_BACKEND=rq the workers run elsewhere (`manage.py worker`), so none
is started here.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

import uvicorn
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve cityhall with uvicorn and start the background-task worker beside it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-worker", action="store_true", help="do not start the task worker")

    def handle(self, *args: Any, **options: Any) -> None:
        worker: subprocess.Popen[bytes] | None = None
        if not options["no_worker"] and settings.TASK_BACKEND == "database":
            worker = subprocess.Popen(
                [sys.executable, "manage.py", "worker"],
                env=os.environ.copy(),
            )
            self.stdout.write(f"task worker started (pid {worker.pid})")
        try:
            self.stdout.write(f"cityhall: http://{options['host']}:{options['port']}/")
            uvicorn.run(
                "config.asgi:application",
                host=options["host"],
                port=options["port"],
                log_level="info",
                lifespan="off",
            )
        finally:
            if worker is not None and worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()
