"""cityhall under a realistic mix of many users, against the ceiling of the same machine.

Sets up a throw-away SQLite database with the demo city, serves it as `bin/run` would
(`manage.py serve`, one web process per core, the worker beside it) and a bare ASGI "hello"
on the same uvicorn setup with as many processes (`hello_server.py`), signs in a demo officer over HTTP, and drives both from a
load generator in its own process (`loadgen.py`). The mix, by weight: the home page, procedure
pages, procedure search, the open data catalogue and a dataset page, CSV downloads, CKAN
`package_search`, and signed-in console pages. Prints throughput, p50/p95/p99 and errors per
page and the ratio of the whole to the ceiling.

Targets (issue 11, this 2-core machine): 0 errors; cached pages ≥ 0.8 of the ceiling;
uncached search and console pages p95 < 100 ms at 16 connections and < 1 s at 200.

    python bench/load.py [--seconds 60] [--connections 200] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.portal_pages import demo_site, free_port, wait_for  # noqa: E402
from tests.integration.running import staff_login  # noqa: E402

SEARCHES = ["じゅうみんひょう", "ｼﾞｭｳﾐﾝﾋｮｳ", "犬の登録", "いんかんしょうめい"]


def _load(port: int, seconds: float, connections: int, paths: list[str], cookie: str = "") -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "loadgen.py"), str(port), str(seconds), str(connections), *paths],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "LOADGEN_COOKIE": cookie},
    )
    return dict(json.loads(out.stdout))


def _discover(port: int) -> dict[str, str]:
    """A procedure page, a dataset page and one of its CSV files, found as a visitor finds them."""

    def page(path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return str(response.read().decode())

    procedure = re.search(r'href="(/procedures/[a-z0-9-]+/)"', page("/procedures/"))
    dataset = re.search(r'href="(/opendata/dataset/[a-z0-9-]+/)"', page("/opendata/"))
    assert procedure and dataset, "the demo pages changed: update bench/load.py"
    download = re.search(r'href="(/opendata/download/[^"]+\.csv)"', page(dataset.group(1)))
    assert download, "no CSV link on the dataset page"
    return {"procedure": procedure.group(1), "dataset": dataset.group(1), "download": download.group(1)}


def _mix(found: dict[str, str]) -> dict[str, tuple[list[str], int]]:
    """Page → (paths, weight): roughly what a city's visitors and officers ask for."""
    return {
        "home (cached)": (["/"], 6),
        "procedure page (cached)": ([found["procedure"]], 6),
        "procedure search (uncached)": ([f"/procedures/search/?q={quote(q)}&n={{n}}" for q in SEARCHES], 4),
        "open data catalogue": (["/opendata/"], 3),
        "dataset page": ([found["dataset"]], 3),
        "CSV download": ([found["download"]], 2),
        "CKAN package_search": (["/api/3/action/package_search?q=%E3%83%88%E3%82%A4%E3%83%AC&rows=10"], 2),
        "console home (signed in)": (["/console/"], 1),
        "console: open data list (signed in)": (["/console/opendata/"], 1),
    }


def _paths(mix: dict[str, tuple[list[str], int]]) -> list[str]:
    paths: list[str] = []
    for candidates, weight in mix.values():
        paths += [candidates[i % len(candidates)] for i in range(weight * len(candidates))]
    return paths


def _print(name: str, figures: dict[str, Any], ceiling_rps: float | None = None) -> None:
    ratio = f"{float(figures['rps']) / ceiling_rps:6.2f}" if ceiling_rps else "      "
    print(
        f"{name:38} {figures['rps']:>8} {figures['p50_ms']:>8} {figures['p95_ms']:>8} {figures['p99_ms']:>8} "
        f"{figures['errors']:>6} {ratio}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    env = demo_site("cityhall-load-", CITYHALL_DEMO="1", EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(free_port()))
    manage = [sys.executable, "manage.py"]
    app_port, hello_port = free_port(), free_port()
    workers = str(args.workers)
    servers = [
        subprocess.Popen(
            [*manage, "serve", "--port", str(app_port), "--workers", workers],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "hello_server.py"), str(hello_port), workers],
            cwd=ROOT,
            env=env,
        ),
    ]
    try:
        wait_for(f"http://127.0.0.1:{app_port}/healthz", timeout=120)
        wait_for(f"http://127.0.0.1:{hello_port}/")
        os.environ.update(env)  # the demo's TOTP secrets are read through Django's settings
        import django

        django.setup()
        from cityhall.accounts.adapters import DEMO_TOTP_SECRETS

        officer = staff_login(
            app_port, "policy@demo.ohtawara.example.jp", "demo-policy-2026", DEMO_TOTP_SECRETS["ict_policy"]
        )
        cookie = "; ".join(f"{c.name}={c.value}" for c in officer.cookies)
        mix = _mix(_discover(app_port))
        paths = _paths(mix)
        _load(app_port, 5, 16, paths, cookie)  # warm: caches, indexes, connections
        print(f"{args.connections} connections, {args.seconds:.0f} s, {workers} web processes, {os.cpu_count()} cores")
        print(f"{'page':38} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6} {'ratio':>6}")
        ceiling = _load(hello_port, args.seconds, args.connections, ["/"])
        _print("ceiling: ASGI hello (same uvicorn)", ceiling, float(ceiling["rps"]))
        result = _load(app_port, args.seconds, args.connections, paths, cookie)
        _print("cityhall, the whole mix", result, float(ceiling["rps"]))
        by_path: dict[str, dict[str, Any]] = result["by_path"]
        for name, (candidates, _weight) in mix.items():
            for candidate in candidates[:1]:
                if candidate in by_path:
                    _print(f"  {name}", by_path[candidate])
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
