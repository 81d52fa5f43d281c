"""An emergency notice to many subscribers: the delivery pipeline against one send per recipient.

Sets up a throw-away SQLite database (the embedded default), a real SMTP server (aiosmtpd, counting
what it receives) and the local server speaking LINE's Messaging API (`tests/line_api.py`), then
hands one message to `--recipients` (default 100,000) recipients, `--line-share` (0.7) of them LINE
user IDs and the rest e-mail addresses. The pipeline: `message_send` records the deliveries in
batches (LINE 500, one multicast each; e-mail 50 over one SMTP connection) and one worker sends
every batch in turn (`delivery_batch_send`, as the background worker would, without the queue's
own overhead). The peer, same run and servers: the naive way, one delivery and one provider call
per recipient (a one-recipient multicast, a new SMTP connection per e-mail), on `--naive`
(default 3,000) recipients. Prints recipients handed to the provider per second per channel, the
time until the last one, and the ratios. Targets (issue 12, this 2-core machine): LINE ≥ 50,000
recipients/s, e-mail ≥ 2,000/s, all 100,000 in under 60 s.

    python bench/fanout.py [--recipients 100000] [--line-share 0.7] [--naive 3000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class _Counter:
    def __init__(self) -> None:
        self.received = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802 (aiosmtpd API)
        self.received += 1
        return "250 OK"


def _setup(folder: str, smtp_port: int) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        CITYHALL_VAR_DIR=folder,
        DEBUG="0",
        LOG_LEVEL="WARNING",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
    )
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _naive(recipients: list[Any]) -> dict[str, float]:
    """One message, one delivery and one provider call per recipient; seconds spent per channel."""
    from django.db import transaction

    from cityhall.notifications import services
    from cityhall.notifications.models import Delivery, Message
    from cityhall.notifications.services.pipeline import send_email_batch

    spent: dict[str, float] = {"line": 0.0, "email": 0.0}
    senders = {"line": services.send_line_batch, "email": send_email_batch}
    for n, recipient in enumerate(recipients):
        t0 = time.perf_counter()
        with transaction.atomic():
            single = Message.objects.create(
                key=f"bench.naive.{n}", subject="【緊急】避難指示", body="直ちに避難してください。"
            )
            delivery = Delivery.objects.create(message=single, channel=recipient.channel, recipient=recipient.address)
        senders[recipient.channel](single, [delivery])
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SENT)
        spent[recipient.channel] += time.perf_counter() - t0
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--line-share", type=float, default=0.7)
    parser.add_argument("--naive", type=int, default=3_000)
    args = parser.parse_args()
    from aiosmtpd.controller import Controller

    smtp_port = _free_port()
    inbox = _Counter()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    _setup(tempfile.mkdtemp(prefix="cityhall-fanout-"), smtp_port)
    from django.conf import settings
    from django.db import transaction

    from cityhall.notifications import services
    from cityhall.notifications.models import Delivery
    from tests.line_api import LineApi

    with LineApi() as line:
        settings.CITYHALL_LINE_CHANNEL_ACCESS_TOKEN, settings.CITYHALL_LINE_API_BASE = line.token, line.url
        line_count = int(args.recipients * args.line_share)

        def people(total: int, prefix: str) -> list[services.Recipient]:
            lines = int(total * args.line_share)
            return [services.Recipient("line", f"U{prefix}{n:030x}") for n in range(lines)] + [
                services.Recipient("email", f"{prefix}{n}@example.jp") for n in range(total - lines)
            ]

        # --- the pipeline ---
        started = time.perf_counter()
        with transaction.atomic():
            message = services.message_send(
                key="bench.emergency",
                subject="【緊急】避難指示",
                body="直ちに避難してください。",
                recipients=people(args.recipients, "p"),
            )
        recorded = time.perf_counter() - started
        times: dict[str, float] = {}
        for channel in ("line", "email"):
            batches = (
                Delivery.objects.filter(message=message, channel=channel).values_list("batch", flat=True).distinct()
            )
            t0 = time.perf_counter()
            for batch in sorted(set(batches)):
                services.delivery_batch_send(message_id=message.pk, channel=channel, batch=batch)
            times[channel] = time.perf_counter() - t0
        total = time.perf_counter() - started
        sent = Delivery.objects.filter(message=message, status=Delivery.Status.SENT).count()
        line_users = sum(len(body["to"]) for body in line.accepted.values())

        # --- the naive way: a delivery and a provider call per recipient ---
        naive_times = _naive(people(args.naive, "n"))

    controller.stop()
    email_count = args.recipients - line_count
    naive_line = int(args.naive * args.line_share)
    naive_email = args.naive - naive_line
    rate = {c: (line_count if c == "line" else email_count) / times[c] for c in times}
    naive_rate = {"line": naive_line / naive_times["line"], "email": naive_email / naive_times["email"]}
    print(
        f"{args.recipients:,} recipients ({line_count:,} LINE, {email_count:,} e-mail), SQLite, one worker, {os.cpu_count()} cores"
    )
    print(
        f"recorded {args.recipients:,} deliveries in {recorded:.2f} s; sent {sent:,}; LINE received {line_users:,} user IDs in {len(line.accepted)} multicasts; SMTP received {inbox.received - naive_email:,}"
    )
    print(f"{'channel':10} {'pipeline /s':>12} {'naive /s':>10} {'ratio':>7}")
    for channel in ("line", "email"):
        print(
            f"{channel:10} {rate[channel]:>12,.0f} {naive_rate[channel]:>10,.0f} {rate[channel] / naive_rate[channel]:>7.1f}"
        )
    print(
        f"until the last recipient: {total:.1f} s (target < 60 s); naive for all {args.recipients:,} would take about "
        f"{line_count / naive_rate['line'] + email_count / naive_rate['email']:.0f} s"
    )


if __name__ == "__main__":
    main()
