"""A small HTTP/1.1 keep-alive load generator (run as its own process).

Usage: python bench/loadgen.py PORT SECONDS CONNECTIONS PATH [PATH …]
Paths containing {n} get a request counter, so each request can be a cache miss. Paths under
/console/ carry the cookie in LOADGEN_COOKIE (a signed-in officer). Chunked answers are read whole.
Prints one JSON line: requests, errors, seconds, rps, p50_ms, p95_ms, p99_ms, and by_path (the
same figures per path, {n} left in).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
import uuid

RUN = uuid.uuid4().hex[:8]  # keeps "{n}" paths unique across runs, so they really miss every cache


COOKIE = os.environ.get("LOADGEN_COOKIE", "")


async def _read_body(reader: asyncio.StreamReader, head: bytes) -> None:
    length, chunked = 0, False
    for line in head.split(b"\r\n"):
        lower = line.lower()
        if lower.startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
        elif lower.startswith(b"transfer-encoding:") and b"chunked" in lower:
            chunked = True
    if chunked:
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    elif length:
        await reader.readexactly(length)


async def worker(
    port: int,
    deadline: float,
    paths: list[str],
    latencies: dict[str, list[float]],
    errors: dict[str, int],
    counter: list[int],
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            counter[0] += 1
            template = paths[counter[0] % len(paths)]
            path = template.replace("{n}", f"{RUN}-{counter[0]}")
            cookie = f"Cookie: {COOKIE}\r\n" if COOKIE and path.startswith("/console/") else ""
            request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: ja\r\n{cookie}\r\n".encode()
            start = time.perf_counter()
            writer.write(request)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            await _read_body(reader, head)
            latencies.setdefault(template, []).append(time.perf_counter() - start)
            if not head.startswith(b"HTTP/1.1 200"):
                errors[template] = errors.get(template, 0) + 1
    finally:
        writer.close()


def _figures(latencies: list[float], errors: int, elapsed: float) -> dict[str, float]:
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 2),
        "p95_ms": round(q[94] * 1000, 2),
        "p99_ms": round(q[98] * 1000, 2),
    }


async def main(port: int, seconds: float, connections: int, paths: list[str]) -> dict[str, object]:
    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    counter = [0]
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*[worker(port, deadline, paths, latencies, errors, counter) for _ in range(connections)])
    elapsed = time.perf_counter() - started
    every = [latency for values in latencies.values() for latency in values]
    return {
        **_figures(every, sum(errors.values()), elapsed),
        "seconds": round(elapsed, 2),
        "by_path": {path: _figures(values, errors.get(path, 0), elapsed) for path, values in latencies.items()},
    }


if __name__ == "__main__":
    port, seconds, connections = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(asyncio.run(main(port, seconds, connections, sys.argv[4:]))))
