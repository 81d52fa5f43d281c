"""The listening sockets `serve` gives its web processes: even spread, no Nagle delay, no sharing
a port with a server that is already there."""

from __future__ import annotations

import asyncio
import selectors
import socket
from concurrent.futures import ThreadPoolExecutor

import pytest

from cityhall.core import serving


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _nodelay_of_accepted_connection(listener: socket.socket) -> int:
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            conn = transport.get_extra_info("socket")
            accepted.set_result(conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
    _reader, writer = await asyncio.open_connection("127.0.0.1", listener.getsockname()[1])
    try:
        return await asyncio.wait_for(accepted, timeout=5)
    finally:
        writer.close()
        server.close()


def test_connections_accepted_by_a_web_process_send_without_nagle() -> None:
    listener = serving.listener("127.0.0.1", _free_port())
    assert listener.proto == socket.IPPROTO_TCP
    # A loop of its own in a thread of its own: other tests (Playwright) may leave one running here.
    with ThreadPoolExecutor(1) as thread:
        nodelay = thread.submit(lambda: asyncio.run(_nodelay_of_accepted_connection(listener))).result()
    assert nodelay != 0


def test_connections_opened_together_are_spread_over_the_processes() -> None:
    port = _free_port()
    first, second = serving.listener("127.0.0.1", port), serving.listener("127.0.0.1", port)
    clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(40)]
    counts = {first: 0, second: 0}
    with selectors.DefaultSelector() as selector:
        for listener in counts:
            listener.setblocking(False)
            selector.register(listener, selectors.EVENT_READ)
        while sum(counts.values()) < len(clients):
            for key, _events in selector.select(timeout=5):
                conn, _address = key.fileobj.accept()  # type: ignore[union-attr]
                conn.close()
                counts[key.fileobj] += 1  # type: ignore[index]
    for sock in [*clients, first, second]:
        sock.close()
    assert counts[first] > 0 and counts[second] > 0, counts


def test_a_port_someone_already_serves_is_refused() -> None:
    port = _free_port()
    with serving.listener("127.0.0.1", port), pytest.raises(SystemExit, match="already in use"):
        serving.run("bench.hello_asgi:app", host="127.0.0.1", port=port, workers=2)


def test_web_processes_do_not_outlive_a_killed_parent() -> None:
    """SIGKILL leaves the parent no chance to stop its web processes; they stop by themselves."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    port = _free_port()
    code = (
        "from cityhall.core import serving; "
        f"serving.run('bench.hello_asgi:app', host='127.0.0.1', port={port}, workers=2, log_level='warning')"
    )
    root = Path(__file__).resolve().parents[3]
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=root)
    try:
        deadline = time.monotonic() + 60
        while True:  # until the web processes serve
            try:
                socket.create_connection(("127.0.0.1", port), timeout=5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the web processes did not start"
                time.sleep(0.2)
        ps = ["ps", "-o", "pid=", "--ppid", str(parent.pid)]
        children = [int(pid) for pid in subprocess.run(ps, check=False, capture_output=True, text=True).stdout.split()]
        assert len(children) >= 2  # two web processes (and multiprocessing's resource tracker)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 30
    alive = children
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in alive if _running(pid)]
    assert alive == [], "web processes outlived their parent"


def _running(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is not running
        return stat.read().split(") ", 1)[1][0] != "Z"
