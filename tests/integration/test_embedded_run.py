"""The embedded default and the scale-out task backend, as separate processes.

`manage.py serve` (what bin/run ends with) must answer HTTP and run the task
worker beside it; with TASK_BACKEND=rq the same code runs on a real Redis.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import _free_port

ROOT = Path(__file__).resolve().parents[2]
SEND = "from django.core.mail import send_mail; send_mail('件名', '本文', None, ['a@example.jp'])"


def _env(tmp_path: Path, smtp_port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST", "DATABASE_URL"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "CITYHALL_VAR_DIR": str(tmp_path),
        "DEBUG": "0",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "PYTHONWARNINGS": "ignore",
    }
    return env | extra


def _manage(env: dict[str, str], *args: str, timeout: float = 120) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def _wait_for(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextlib.contextmanager
def _demo_served(env: dict[str, str], output: list[str], *, workers: int = 1) -> Iterator[int]:
    """What bin/run does: migrate, collect static files, load the demo, serve; yields the port.

    Stops the server with SIGTERM, as systemd and container runtimes do, and puts its output in `output`.
    """
    _manage(env, "migrate", "--noinput")
    _manage(env, "collectstatic", "--noinput")
    output.append(_manage(env, "demo"))
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--port", str(port), "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert _wait_for(lambda: _healthy(port)), "server did not come up"
        yield port
    finally:
        server.send_signal(signal.SIGTERM)
        output.append(server.communicate(timeout=30)[0])
        output.append(str(server.returncode))


def test_serve_answers_http_and_its_worker_delivers_mail(tmp_path, smtp_server, settings):
    env = _env(tmp_path, settings.EMAIL_PORT)
    outputs: list[str] = []
    with _demo_served(env, outputs) as port:
        assert "admin@demo.ohtawara.example.jp" in outputs[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert "大田原市" in response.read().decode()
        _manage(env, "shell", "-c", SEND)
        assert _wait_for(lambda: len(smtp_server.messages) == 1), "worker did not deliver the e-mail"
    output, returncode = outputs[1], int(outputs[2])
    assert "worker started" in output
    assert returncode in (0, -signal.SIGTERM)
    children = [int(line.rsplit("pid ", 1)[1].rstrip(")")) for line in output.splitlines() if "started (pid" in line]
    assert len(children) == 2
    for pid in children:  # the worker and the periodic runner stop with the server
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


EMERGENCY = (
    "from cityhall.accounts.models import User; from cityhall.procedures import services; "
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
        _manage(env, "shell", "-c", EMERGENCY)  # a third process, as a clerk's request would be
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
        _manage(env, "migrate", "--noinput")
        _manage(env, "shell", "-c", SEND)
        assert smtp_server.messages == []
        _manage(env, "worker", "--burst")
        assert len(smtp_server.messages) == 1
    finally:
        redis.terminate()
        redis.wait(timeout=10)


class _Visitor:
    """A browser without JavaScript: cookies, CSRF tokens and redirects, over real HTTP."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[str, str]:
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.geturl().removeprefix(self.base), response.read().decode()

    def submit(self, path: str, fields: dict[str, str]) -> tuple[str, str]:
        """Fill the page's form at `path` (its CSRF token included) and send it."""
        _url, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, page[:500]
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), **fields}).encode()
        request = urllib.request.Request(self.base + path, data=data, headers={"Referer": self.base + path})  # noqa: S310 (http to the local server)
        with self.opener.open(request, timeout=10) as response:
            return response.geturl().removeprefix(self.base), response.read().decode()


def _totp(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    counters = list(yield_hotp_counters_from_time())  # the middle one: valid on both sides of a step
    return str(format_hotp_value(hotp_value(secret, counters[len(counters) // 2])))


def test_a_newcomer_signs_up_by_reading_the_caught_mail_in_the_console(tmp_path):
    from cityhall.accounts.adapters import DEMO_TOTP_SECRETS

    env = _env(tmp_path, _free_port())
    del env["EMAIL_HOST"]  # no relay configured: serve runs the demo mail catcher on EMAIL_PORT
    outputs: list[str] = []
    with _demo_served(env, outputs) as port:
        newcomer = _Visitor(port)
        newcomer.submit(
            "/accounts/signup/",
            {
                "email": "hajime@example.jp",
                "password1": "ohtawara-2026-spring",
                "password2": "ohtawara-2026-spring",
                "agree": "on",
            },
        )
        staff = _Visitor(port)
        staff.submit("/accounts/login/", {"login": "policy@demo.ohtawara.example.jp", "password": "demo-policy-2026"})
        url, _page = staff.submit("/accounts/2fa/authenticate/", {"code": _totp(DEMO_TOTP_SECRETS["ict_policy"])})
        assert not url.startswith("/accounts/"), "the demo officer's second factor was refused"

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

        assert _wait_for(lambda: confirmation_link() is not None), "the sign-up mail never showed in the console"
        url, _page = newcomer.submit(str(confirmation_link()), {})
        assert url.startswith("/accounts/login/") or url == "/mypage/", url
        url, _page = newcomer.submit(
            "/accounts/login/", {"login": "hajime@example.jp", "password": "ohtawara-2026-spring"}
        )
        assert url == "/mypage/", "a resident lands on マイページ"
        assert "hajime@example.jp" in newcomer.get("/mypage/")[1]
    assert "mailcatcher started" in outputs[1], outputs[1][-2000:]
