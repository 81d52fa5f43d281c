"""Background tasks by name, enqueued only once the surrounding transaction commits.

Tasks receive IDs, never objects, and must be idempotent: a retry or a second
worker picking the same job must not repeat the side effect. Each app registers its
tasks under a name in `AppConfig.ready()`; services enqueue by that name, so tasks
import services and services never import tasks.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from django.db import transaction
from django_tasks.base import Task

_tasks: dict[str, Task[Any, Any]] = {}


def register_task(name: str, task: Task[Any, Any]) -> None:
    existing = _tasks.get(name)
    if existing is not None and existing is not task:
        raise ValueError(f"background task {name!r} registered twice")
    _tasks[name] = task


def task_named(name: str) -> Task[Any, Any]:
    try:
        return _tasks[name]
    except KeyError:
        raise LookupError(f"no background task registered as {name!r} (register it in the app's ready())") from None


def enqueue(name: str, *args: Any) -> None:
    """Enqueue now (outside a transaction, e.g. from a periodic job)."""
    task_named(name).enqueue(*args)


def enqueue_on_commit(name: str, *args: Any) -> None:
    transaction.on_commit(partial(task_named(name).enqueue, *args), robust=False)


def enqueue_after(name: str, run_after: dt.datetime, *args: Any) -> bool:
    """Enqueue to run at `run_after`; False when the backend cannot defer (a periodic job retries instead)."""
    task = task_named(name)
    if not task.get_backend().supports_defer:
        return False
    task.using(run_after=run_after).enqueue(*args)
    return True
