"""Enqueue background tasks only once the surrounding transaction commits.

Tasks receive IDs, never objects, and must be idempotent: a retry or a second
worker picking the same job must not repeat the side effect.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction


def enqueue_on_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    transaction.on_commit(partial(task.enqueue, *args, **kwargs), robust=False)
