"""Registry of periodic jobs (what cron would do), run by `manage.py periodic`.

Apps register idempotent functions in AppConfig.ready(); `serve` starts the
runner beside the web server. At scale, run `manage.py periodic` on one
machine (or `manage.py periodic --once` from cron).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

Job = Callable[[], object]


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    run: Job
    every: dt.timedelta


_jobs: dict[str, PeriodicJob] = {}


def register(name: str, run: Job, *, every: dt.timedelta) -> None:
    _jobs[name] = PeriodicJob(name, run, every)


def jobs() -> list[PeriodicJob]:
    return sorted(_jobs.values(), key=lambda job: job.name)
