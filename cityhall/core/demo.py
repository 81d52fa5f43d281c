"""Registry of demo-data loaders. Each app registers one in AppConfig.ready().

`manage.py demo` runs them in order inside one transaction; each loader is
idempotent (running the command twice changes nothing) and returns lines of
text to show the person who ran it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Loader = Callable[[], list[str]]


@dataclass(frozen=True)
class DemoLoader:
    name: str
    load: Loader
    order: int


_loaders: dict[str, DemoLoader] = {}


def register_loader(name: str, load: Loader, *, order: int = 100) -> None:
    _loaders[name] = DemoLoader(name, load, order)


def loaders() -> list[DemoLoader]:
    return sorted(_loaders.values(), key=lambda loader: (loader.order, loader.name))
