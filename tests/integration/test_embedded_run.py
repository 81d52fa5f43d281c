"""The embedded default and the scale-out task backend, as separate processes.

`manage.py serve` (what bin/run ends with) must answer HTTP and run the task
worker beside it; with TASK_BACKEND=rq the same code runs on a real Redis.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import urllib.request
from collections.abc import Iterator

import pytest

from conftest import _free_port
from tests.integration.running import Visitor, manage, process_env, served, staff_login, wait_for

SEND = "from django.core.mail import send_mail; send_mail('件名', '本文', None, ['a@example.jp'])"


def _env(tmp_path, smtp_port: int, **extra: str) -> dict[str, str]:
    return process_env(tmp_path, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp_port), **extra)


@contextlib.contextmanager
def _demo_served(env: dict[str, str], output: list[str], *, workers: int = 1) -> Iterator[int]:
    """What bin/run does: migrate, collect static files, load the demo, serve; yields the port.

    Stops the server with SIGTERM and puts the demo's output, then the server's output and exit status, in `output`.
    """
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    output.append(manage(env, "demo"))
    with served(env, _free_port(), output, workers=workers) as port:
        yield port


def test_serve_answers_http_and_its_worker_delivers_mail(tmp_path, smtp_server, settings):
    env = _env(tmp_path, settings.EMAIL_PORT)
    outputs: list[str] = []
    with _demo_served(env, outputs) as port:
        assert "admin@demo.ohtawara.example.jp" in outputs[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert "大田原市" in response.read().decode()
        manage(env, "shell", "-c", SEND)
        assert wait_for(lambda: len(smtp_server.messages) == 1), "worker did not deliver the e-mail"
    output, returncode = outputs[1], int(outputs[2])
    assert "worker started" in output
    assert returncode in (0, -signal.SIGTERM)
    children = [int(line.rsplit("pid ", 1)[1].rstrip(")")) for line in output.splitlines() if "started (pid" in line]
    assert len(children) == 2
    for pid in children:  # the worker and the periodic runner stop with the server
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


EMERGENCY = (
    "from cityhall.accounts.models import User; from cityhall.announcements import services; "
    "services.emergency_mode_set(actor=User.objects.get(email='admin@demo.ohtawara.example.jp'), "
    "on=True, message='大雨のため避難所を開設しました')"
)


def _top_page(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
        return str(response.read().decode())


def test_several_web_processes_share_the_port_and_see_each_others_changes(tmp_path, smtp_server, settings):
    env = _env(tmp_path, settings.EMAIL_PORT)
    outputs: list[str] = []
    with _demo_served(env, outputs, workers=2) as port:
        for _ in range(12):  # both processes now hold the top page in their page cache
            assert "避難所を開設" not in _top_page(port)
        manage(env, "shell", "-c", EMERGENCY)  # a third process, as a clerk's request would be
        pages = [_top_page(port) for _ in range(12)]
    assert all("大雨のため避難所を開設しました" in page for page in pages)
    assert outputs[1].count("Started server process") == 2
    assert "(2 web processes)" in outputs[1]


@pytest.mark.skipif(
    shutil.which("redis-server") is None and os.environ.get("CI") != "true", reason="redis-server is not installed"
)
def test_rq_backend_on_a_real_redis(tmp_path, smtp_server, settings):
    redis_port = _free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        env = _env(tmp_path, settings.EMAIL_PORT, TASK_BACKEND="rq", REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", SEND)
        assert smtp_server.messages == []
        manage(env, "worker", "--burst")
        assert len(smtp_server.messages) == 1
    finally:
        redis.terminate()
        redis.wait(timeout=10)


def test_a_newcomer_signs_up_by_reading_the_caught_mail_in_the_console(tmp_path):
    from cityhall.accounts.adapters import DEMO_TOTP_SECRETS

    env = _env(tmp_path, _free_port())
    del env["EMAIL_HOST"]  # no relay configured: serve runs the demo mail catcher on EMAIL_PORT
    outputs: list[str] = []
    with _demo_served(env, outputs) as port:
        newcomer = Visitor(port)
        newcomer.submit(
            "/accounts/signup/",
            {
                "email": "hajime@example.jp",
                "password1": "ohtawara-2026-spring",
                "password2": "ohtawara-2026-spring",
                "agree": "on",
            },
        )
        staff = staff_login(
            port, "policy@demo.ohtawara.example.jp", "demo-policy-2026", DEMO_TOTP_SECRETS["ict_policy"]
        )

        def confirmation_link() -> str | None:
            _url, outbox = staff.get("/console/notifications/outbox/")
            detail = re.search(
                r'href="(/console/notifications/outbox/\d+/)">【大田原市 電子市役所】メールアドレスの確認', outbox
            )
            if not detail:
                return None
            _url, page = staff.get(detail.group(1))
            link = re.search(r'href="http://127\.0\.0\.1:\d+(/accounts/confirm-email/[^"]+)"', page)
            return link.group(1) if link else None

        assert wait_for(lambda: confirmation_link() is not None), "the sign-up mail never showed in the console"
        url, _page = newcomer.submit(str(confirmation_link()), {})
        assert url.startswith("/accounts/login/") or url == "/mypage/", url
        url, _page = newcomer.submit(
            "/accounts/login/", {"login": "hajime@example.jp", "password": "ohtawara-2026-spring"}
        )
        assert url == "/mypage/", "a resident lands on マイページ"
        assert "hajime@example.jp" in newcomer.get("/mypage/")[1]
    assert "mailcatcher started" in outputs[1], outputs[1][-2000:]
