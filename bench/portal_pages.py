"""Portal pages under load, against the ceiling of the same server.

Sets up a throw-away SQLite database with the demo city plus synthetic
procedures (1,000 in all), serves cityhall and a minimal ASGI "hello" with
uvicorn (one process each, as `serve` does), and drives both from a second
process on localhost. Prints requests/s and p95 per page and the ratio to the
ceiling. Targets: cached public pages within 50% of the ceiling; search p95
under 100 ms on 1,000 procedures.

    python bench/portal_pages.py [--seconds 8] [--connections 16]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
SEED = """
from django.utils import timezone
from cityhall.core.models import Department
from cityhall.procedures.models import Procedure, ProcedureVersion
from cityhall.procedures.services import catalog_changed
depts = list(Department.objects.filter(kind="section"))
words = ["届出", "証明書", "申請", "補助金", "登録", "変更", "交付", "相談", "予約", "助成"]
subjects = ["犬", "自転車", "空き家", "太陽光", "浄化槽", "農地", "商店街", "消防団", "文化財", "公園", "道路", "水路"]
have = Procedure.objects.count()
now = timezone.now()
for i in range(have, 1000):
    p = Procedure.objects.create(slug=f"synthetic-{i}", department=depts[i % len(depts)], category="other")
    title = f"{subjects[i % len(subjects)]}の{words[(i // len(subjects)) % len(words)]}（{i}）"
    v = ProcedureVersion.objects.create(procedure=p, number=1, status="published", published_at=now, title=title,
        summary=f"{title}についての手続きです。" * 3, documents="本人確認書類\\n申請書", channels=[{"kind": "counter", "note": ""}])
    p.published = v
    p.save(update_fields=["published"])
catalog_changed()
print(Procedure.objects.count())
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server at {url} did not come up")


def load(port: int, seconds: float, connections: int, *paths: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "loadgen.py"), str(port), str(seconds), str(connections), *paths],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout))


def demo_site(prefix: str, **extra: str) -> dict[str, str]:
    """A throw-away demo city (migrated, static files collected, demo loaded); returns its environment."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "CITYHALL_VAR_DIR": tempfile.mkdtemp(prefix=prefix),
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        **extra,
    }
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"], ["demo", "-v0"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    return env


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    env = demo_site("cityhall-bench-")
    manage = [sys.executable, "manage.py"]
    count = subprocess.run(
        manage + ["shell", "-v0", "-c", SEED], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    slug = subprocess.run(
        manage
        + [
            "shell",
            "-v0",
            "-c",
            "from cityhall.procedures.models import Procedure as P;"
            "print(P.objects.exclude(slug__startswith='synthetic').first().slug)",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    app_port, hello_port = free_port(), free_port()
    uvicorn = [sys.executable, "-m", "uvicorn", "--log-level", "warning", "--no-access-log"]
    servers = [
        subprocess.Popen([*uvicorn, "config.asgi:application", "--port", str(app_port)], cwd=ROOT, env=env),
        subprocess.Popen([*uvicorn, "bench.hello_asgi:app", "--port", str(hello_port)], cwd=ROOT, env=env),
    ]
    try:
        wait_for(f"http://127.0.0.1:{app_port}/healthz")
        wait_for(f"http://127.0.0.1:{hello_port}/")
        seconds, conns = args.seconds, args.connections
        load(hello_port, 2, conns, "/")  # warm-up
        ceiling = load(hello_port, seconds, conns, "/")
        cases = {
            "home (cached)": ["/"],
            "procedure page (cached)": [f"/procedures/{slug}/"],
            "search (uncached, 1,000 procedures)": [
                f"/procedures/search/?q={quote(q)}&n={{n}}"
                for q in ("じゅうみんひょう", "ｼﾞｭｳﾐﾝﾋｮｳ", "犬の登録", "いんかんしょうめい")
            ],
        }
        print(
            f"procedures in catalogue: {count}; {conns} connections, {seconds:.0f} s per case, {os.cpu_count()} cores"
        )
        print(f"{'case':40} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'vs ceiling':>11}")
        print(
            f"{'ceiling: ASGI hello (same uvicorn)':40} {ceiling['rps']:9.1f} {ceiling['p50_ms']:8.2f} "
            f"{ceiling['p95_ms']:8.2f} {'1.00':>11}"
        )
        for name, paths in cases.items():
            for path in paths:  # warm the caches
                urllib.request.urlopen(f"http://127.0.0.1:{app_port}{path.replace('{n}', 'warm')}")
            result = load(app_port, seconds, conns, *paths)
            ratio = result["rps"] / ceiling["rps"]
            print(
                f"{name:40} {result['rps']:9.1f} {result['p50_ms']:8.2f} {result['p95_ms']:8.2f} {ratio:11.2f}"
                + (f"  errors={result['errors']}" if result["errors"] else "")
            )
        for conns_search in (4, 1):
            single = load(app_port, seconds, conns_search, *cases["search (uncached, 1,000 procedures)"])
            label = f"search, {conns_search} connection(s)"
            print(f"{label:40} {single['rps']:9.1f} {single['p50_ms']:8.2f} {single['p95_ms']:8.2f}")
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
