"""A local SMTP server that keeps what it receives, for the demo and development.

`serve` starts it when no mail relay is configured (EMAIL_HOST unset in the dev
settings), so sign-up and invitation mail arrive somewhere a newcomer can read:
the console's outbox page shows each caught message. Never used in production.
"""

from __future__ import annotations

import signal
import threading
from typing import Any

from aiosmtpd.controller import Controller
from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from cityhall.notifications import services


def _keep(mail_from: str, rcpt_to: list[str], raw: bytes) -> None:
    """Store one message from a worker thread, then close that thread's database connection
    (the thread may not come back, and PostgreSQL would keep the connection open)."""
    try:
        services.caught_email_store(mail_from=mail_from, rcpt_to=rcpt_to, raw=raw)
    finally:
        connection.close()


class _Keeper:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd API)
        raw = bytes(envelope.original_content or envelope.content)
        await sync_to_async(_keep, thread_sensitive=False)(str(envelope.mail_from), list(envelope.rcpt_tos), raw)
        return "250 Message accepted for delivery"


class Command(BaseCommand):
    help = "Run the demo mail catcher: an SMTP server on EMAIL_HOST:EMAIL_PORT that keeps what it receives."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=settings.EMAIL_HOST)
        parser.add_argument("--port", type=int, default=settings.EMAIL_PORT)

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.CITYHALL_DEMO:
            raise CommandError("The mail catcher runs only with demo settings (CITYHALL_DEMO).")
        controller = Controller(_Keeper(), hostname=options["host"], port=options["port"])
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
        signal.signal(signal.SIGINT, lambda signum, frame: stop.set())
        controller.start()
        self.stdout.write(f"mail catcher on smtp://{options['host']}:{options['port']}/", ending="\n")
        self.stdout.flush()
        try:
            stop.wait()
        finally:
            controller.stop()
