"""uvicorn in several processes, each with its own listening socket on the one port.

uvicorn's own `--workers` shares one listening socket between its processes, and that went
wrong twice on Linux (measured with bench/load.py):

- The process that wakes first accepts every pending connection at once, so keep-alive
  connections opened together (a load balancer's upstream pool, a burst of visitors) all end up
  in one process while the other cores idle: 16 connections gave one process 18 s of CPU and
  the other none.
- The shared socket is created with protocol number 0; accepted connections inherit it, and
  asyncio switches on TCP_NODELAY only for sockets that say IPPROTO_TCP, so every keep-alive
  answer written in two parts waited for the client's delayed ACK: +40 ms a request
  (uvicorn issue #3149).

Here each process binds its own socket with SO_REUSEPORT, so the kernel spreads new connections
evenly across the processes, and with IPPROTO_TCP, so asyncio sets TCP_NODELAY. The parent only
starts, restarts and stops the children.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import socket
import sys
import time
from typing import Any

import uvicorn

_PR_SET_PDEATHSIG = 1  # prctl(2)
RESTART_PAUSE = 1.0  # seconds between checks that every web process is alive
EARLY_DEATH = 10.0  # a process that dies this soon after its start will not start: stop, not loop


def listener(host: str, port: int, *, backlog: int = 2048) -> socket.socket:
    """A listening TCP socket for one web process; several may listen on the same port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def _refuse_taken_port(host: str, port: int) -> None:
    """SO_REUSEPORT would let a second server join one already listening on the port (same user)
    and share its visitors; refuse as a plain bind would."""
    try:
        with socket.create_connection((host, port), timeout=1):
            raise SystemExit(f"{host}:{port} is already in use")
    except OSError:
        pass


def _die_with_parent() -> None:
    """Linux: this web process gets SIGTERM when the process that started it dies, however it dies
    (even SIGKILL), so no web process is left holding the port."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _serve_one(app: str, host: str, port: int, options: dict[str, Any], parent: int | None = None) -> None:
    if parent is not None:
        _die_with_parent()
        if os.getppid() != parent:  # the parent died before the line above took effect
            return
    config = uvicorn.Config(app, host=host, port=port, **options)
    uvicorn.Server(config).run(sockets=[listener(host, port, backlog=config.backlog)])


def run(app: str, *, host: str, port: int, workers: int, **options: Any) -> None:
    """Serve the ASGI application `app` (an import string) from `workers` processes on one port."""
    if workers <= 1:
        _serve_one(app, host, port, options)
        return
    _refuse_taken_port(host, port)
    spawn = multiprocessing.get_context("spawn")

    def start() -> tuple[Any, float]:
        process = spawn.Process(target=_serve_one, args=(app, host, port, options, os.getpid()))
        process.start()
        return process, time.monotonic()

    processes = [start() for _ in range(workers)]
    try:
        while True:
            time.sleep(RESTART_PAUSE)
            for index, (process, started) in enumerate(processes):
                if process.is_alive():
                    continue
                if time.monotonic() - started < EARLY_DEATH:
                    raise SystemExit(f"a web process stopped at start (exit code {process.exitcode})")
                processes[index] = start()
    finally:
        for process, _started in processes:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes the requests in flight
        for process, _started in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
