"""A small HTTP/1.1 keep-alive load generator (run as its own process).

Usage: python bench/loadgen.py PORT SECONDS CONNECTIONS PATH [PATH …]
Paths containing {n} get a request counter, so each request can be a cache miss.
Prints one JSON line: requests, errors, seconds, rps, p50_ms, p95_ms.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
import uuid

RUN = uuid.uuid4().hex[:8]  # keeps "{n}" paths unique across runs, so they really miss every cache


async def worker(
    port: int, deadline: float, paths: list[str], latencies: list[float], errors: list[int], counter: list[int]
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            counter[0] += 1
            path = paths[counter[0] % len(paths)].replace("{n}", f"{RUN}-{counter[0]}")
            request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: ja\r\n\r\n".encode()
            start = time.perf_counter()
            writer.write(request)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            if length:
                await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            if not head.startswith(b"HTTP/1.1 200"):
                errors[0] += 1
    finally:
        writer.close()


async def main(port: int, seconds: float, connections: int, paths: list[str]) -> dict[str, float]:
    latencies: list[float] = []
    errors, counter = [0], [0]
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*[worker(port, deadline, paths, latencies, errors, counter) for _ in range(connections)])
    elapsed = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "requests": len(latencies),
        "errors": errors[0],
        "seconds": round(elapsed, 2),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 2),
        "p95_ms": round(q[94] * 1000, 2),
    }


if __name__ == "__main__":
    port, seconds, connections = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(asyncio.run(main(port, seconds, connections, sys.argv[4:]))))
