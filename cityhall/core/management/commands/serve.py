"""Run the web server and, beside it, the task worker (the embedded default).

One process tree for one machine: uvicorn serves the ASGI application from
`--workers` processes sharing one port (default: one per core, so one slow
request does not hold up the others), a `worker` child runs background tasks
from the database queue and a `periodic` child runs the registered periodic
jobs. What the web processes cache (public pages, search indexes) is checked
against a version in the database, so a change made through one is seen by all.
With TASK_BACKEND=rq the workers run elsewhere (`manage.py worker`), so none
is started here. Where no mail relay is configured (CITYHALL_MAIL_CATCHER, the
demo), a `mailcatcher` child receives the outgoing mail.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from cityhall.core import serving


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _listening(host: str, port: int, timeout: float = 15.0) -> bool:
    """Wait until something accepts connections on host:port (the mail catcher child), so the
    worker's first delivery does not meet a refused connection and a minute of backoff."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


class Command(BaseCommand):
    help = "Serve cityhall with uvicorn and start the background-task worker beside it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-worker", action="store_true", help="do not start the task worker")
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.CITYHALL_WEB_WORKERS or os.cpu_count() or 1,
            help="web processes sharing the port (default: WEB_CONCURRENCY, else one per core)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        commands = ["mailcatcher"] if settings.CITYHALL_MAIL_CATCHER else []
        if not options["no_worker"] and settings.TASK_BACKEND == "database":
            commands += ["worker", "periodic"]
        children: list[subprocess.Popen[bytes]] = []
        for command in commands:
            argv = [sys.executable, "manage.py", command]  # fixed strings only
            child = subprocess.Popen(argv, env=os.environ.copy())  # noqa: S603
            children.append(child)
            self.stdout.write(f"{command} started (pid {child.pid})")
            if command == "mailcatcher" and not _listening(settings.EMAIL_HOST, settings.EMAIL_PORT):
                self.stderr.write("the mail catcher did not start; mail will wait in the outbox")
        # uvicorn shuts down on SIGTERM and then re-raises the signal with the handler it found. With the
        # default handler that kills this process before `finally`, orphaning the worker and periodic
        # runner; turning SIGTERM into SystemExit lets them be stopped below.
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
        try:
            self.stdout.write(
                f"cityhall: http://{options['host']}:{options['port']}/ ({options['workers']} web processes)"
            )
            serving.run(
                "config.asgi:application",
                host=options["host"],
                port=options["port"],
                workers=options["workers"],
                log_level="info",
                lifespan="off",
            )
        finally:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            for child in children:
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
