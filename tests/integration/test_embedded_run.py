"""The embedded default and the scale-out task backend, as separate processes.

`manage.py serve` (what bin/run ends with) must answer HTTP and run the task
worker beside it; with TASK_BACKEND=rq the same code runs on a real Redis.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
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


def test_serve_answers_http_and_its_worker_delivers_mail(tmp_path, smtp_server, settings):
    env = _env(tmp_path, settings.EMAIL_PORT)
    _manage(env, "migrate", "--noinput")
    _manage(env, "collectstatic", "--noinput")
    out = _manage(env, "demo")
    assert "admin@demo.ohtawara.example.jp" in out
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert _wait_for(lambda: _healthy(port)), "server did not come up"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert "大田原市" in response.read().decode()
        _manage(env, "shell", "-c", SEND)
        assert _wait_for(lambda: len(smtp_server.messages) == 1), "worker did not deliver the e-mail"
    finally:
        server.send_signal(signal.SIGTERM)  # what systemd and container runtimes send
        output, _ = server.communicate(timeout=30)
    assert "task worker started" in output
    assert server.returncode in (0, -signal.SIGTERM)
    children = [int(line.rsplit("pid ", 1)[1].rstrip(")")) for line in output.splitlines() if "started (pid" in line]
    assert len(children) == 2
    for pid in children:  # the worker and the periodic runner stop with the server
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


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
