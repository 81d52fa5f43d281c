"""Registry of console modules. Each app registers its modules in AppConfig.ready()."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class ConsoleModule:
    key: str
    label: str | Promise
    url_name: str
    description: str | Promise = ""
    order: int = 100


_registry: dict[str, ConsoleModule] = {}


def register(module: ConsoleModule) -> None:
    existing = _registry.get(module.key)
    if existing is not None and existing != module:
        raise ValueError(f"console module {module.key!r} registered twice")
    _registry[module.key] = module


def all_modules() -> list[ConsoleModule]:
    return sorted(_registry.values(), key=lambda m: (m.order, m.key))


def module_keys() -> list[str]:
    return [m.key for m in all_modules()]
