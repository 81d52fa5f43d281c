"""Usage counters: one row per dataset, day, format and referrer class; nothing about the visitor."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from cityhall.opendata.models import UsageDaily

_SEARCH_ENGINES = ("google.", "bing.", "yahoo.", "duckduckgo.", "baidu.", "yandex.", "ecosia.", "naver.")


def classify_referrer(*, referer: str, host: str, user_agent: str) -> str:
    """A referrer class for the usage figures; the referrer and agent themselves are not stored."""
    agent = user_agent.lower()
    if not agent.startswith("mozilla/") or any(bot in agent for bot in ("ckanapi", "python", "curl", "wget", "bot")):
        return UsageDaily.Referrer.APP
    if not referer:
        return UsageDaily.Referrer.DIRECT
    from urllib.parse import urlsplit

    ref_host = (urlsplit(referer).hostname or "").lower()
    if ref_host and ref_host == host.split(":", maxsplit=1)[0].lower():
        return UsageDaily.Referrer.INTERNAL
    if any(engine in ref_host for engine in _SEARCH_ENGINES):
        return UsageDaily.Referrer.SEARCH
    return UsageDaily.Referrer.EXTERNAL


def usage_record(*, dataset_id: Any, fmt: str, referrer: str, day: dt.date | None = None, count: int = 1) -> None:
    """Add to one day's counter (rows are summed when read, so a rare duplicate row is harmless)."""
    day = day or timezone.localdate()
    key = {"dataset_id": dataset_id, "day": day, "format": fmt, "referrer": referrer}
    if not UsageDaily.objects.filter(**key).update(count=F("count") + count):
        UsageDaily.objects.create(**key, count=count)


def usage_record_request(request: HttpRequest, *, dataset_id: Any, fmt: str) -> None:
    """Count one download or API call of `dataset_id` in `fmt`, classed by the request's referrer."""
    usage_record(
        dataset_id=dataset_id,
        fmt=fmt,
        referrer=classify_referrer(
            referer=request.headers.get("Referer", ""),
            host=request.get_host(),
            user_agent=request.headers.get("User-Agent", ""),
        ),
    )
