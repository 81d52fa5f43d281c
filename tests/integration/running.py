"""cityhall as separate processes, driven over real HTTP: what the process-level tests share."""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def process_env(var_dir: Path, **extra: str) -> dict[str, str]:
    """This process's environment without the test run's settings, for a cityhall in `var_dir`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST", "DATABASE_URL"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "CITYHALL_VAR_DIR": str(var_dir),
        "DEBUG": "0",
        "PYTHONWARNINGS": "ignore",
    }
    return env | extra


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
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


def wait_for(predicate: Callable[[], object], timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextlib.contextmanager
def running(argv: list[str], env: dict[str, str], output: list[str]) -> Iterator[subprocess.Popen[str]]:
    """A child process stopped with SIGTERM at the end, as systemd and container runtimes do."""
    child = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield child
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            output.append(child.communicate(timeout=60)[0])
        except subprocess.TimeoutExpired:
            child.kill()
            output.append(child.communicate()[0])
        output.append(str(child.returncode))


@contextlib.contextmanager
def served(env: dict[str, str], port: int, output: list[str], *, workers: int = 1) -> Iterator[int]:
    """`manage.py serve` on `port` until the block ends; its output and exit status go to `output`."""
    argv = [sys.executable, "manage.py", "serve", "--port", str(port), "--workers", str(workers)]
    with running(argv, env, output):
        assert wait_for(lambda: healthy(port), timeout=90), "server did not come up"
        yield port


class Visitor:
    """A browser without JavaScript: cookies, CSRF tokens and redirects, over real HTTP."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> tuple[str, str]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.geturl().removeprefix(self.base), response.read().decode()

    def get_bytes(self, path: str) -> bytes:
        with self.opener.open(self.base + path, timeout=30) as response:
            return bytes(response.read())

    def _token(self, path: str) -> str:
        _url, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, page[:500]
        return token.group(1)

    def _send(self, path: str, data: bytes, content_type: str, form_path: str) -> tuple[str, str]:
        headers = {"Referer": self.base + form_path, "Content-Type": content_type}
        request = urllib.request.Request(self.base + path, data=data, headers=headers)  # noqa: S310 (local server)
        with self.opener.open(request, timeout=60) as response:
            return response.geturl().removeprefix(self.base), response.read().decode()

    def submit(self, path: str, fields: dict[str, str], *, action: str | None = None) -> tuple[str, str]:
        """Fill the page's form at `path` (its CSRF token included) and send it (to `action`, else `path`)."""
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": self._token(path), **fields}).encode()
        return self._send(action or path, data, "application/x-www-form-urlencoded", path)

    def upload(self, path: str, field: str, filename: str, content: bytes) -> tuple[str, str]:
        """Send the form at `path` with one file, as multipart/form-data."""
        boundary = uuid.uuid4().hex
        token = self._token(path)
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'.encode(),
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            "Content-Type: text/csv\r\n\r\n".encode()
            + content
            + b"\r\n",
            f"--{boundary}--\r\n".encode(),
        ]
        return self._send(path, b"".join(parts), f"multipart/form-data; boundary={boundary}", path)


def totp(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    counters = list(yield_hotp_counters_from_time())  # the middle one: valid on both sides of a step
    return str(format_hotp_value(hotp_value(secret, counters[len(counters) // 2])))


def staff_login(port: int, email: str, password: str, secret: str) -> Visitor:
    staff = Visitor(port)
    staff.submit("/accounts/login/", {"login": email, "password": password})
    url, _page = staff.submit("/accounts/2fa/authenticate/", {"code": totp(secret)})
    assert not url.startswith("/accounts/"), "the demo officer's second factor was refused"
    return staff
