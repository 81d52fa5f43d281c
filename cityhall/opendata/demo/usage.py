"""Synthetic daily usage figures for the demo catalogue, relative to today."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import jpholiday
from django.utils import timezone

from cityhall.opendata.demo.catalogue import DATASETS
from cityhall.opendata.demo.places import rng_for

USAGE_DAYS = 90
_WEEKDAY_FACTOR = (1.15, 1.1, 1.1, 1.05, 1.0, 0.5, 0.4)  # Monday first
# referrer → (share, {format: share}). Apps call the API; people mostly take CSV or Excel.
_REFERRERS: dict[str, tuple[float, dict[str, float]]] = {
    "direct": (0.2, {"csv": 0.45, "xlsx": 0.25, "json": 0.1, "geojson": 0.1, "api": 0.1}),
    "internal": (0.35, {"csv": 0.5, "xlsx": 0.25, "json": 0.1, "geojson": 0.15}),
    "search": (0.3, {"csv": 0.55, "xlsx": 0.3, "json": 0.05, "geojson": 0.1}),
    "external": (0.1, {"csv": 0.5, "json": 0.2, "geojson": 0.2, "xlsx": 0.1}),
    "app": (0.05, {"api": 0.7, "json": 0.2, "geojson": 0.1}),
}


def _usage_mix(geo: bool) -> tuple[list[tuple[str, str]], list[float]]:
    keys, weights = [], []
    for referrer, (share, formats) in _REFERRERS.items():
        for fmt, part in formats.items():
            if geo or fmt != "geojson":
                keys.append((fmt, referrer))
                weights.append(share * part)
    return keys, weights


def usage_pattern(
    seed: int | str, *, weight: float | None = None, geo: bool = True, today: dt.date | None = None
) -> list[tuple[int, str, str, int]]:
    """Synthetic daily use for the last USAGE_DAYS days: (days_ago, format, referrer class, count), count > 0.

    Pass a dataset's slug as seed to get its popularity (evacuation sites and AED are used most), or any seed
    with an explicit weight. Weekdays are busier than weekends and holidays, use grows slowly, and one news
    event per dataset brings a short spike. The same arguments on the same day give the same list.
    """
    today = today or timezone.localdate()
    dataset = next((d for d in DATASETS if d.slug == seed), None)
    if weight is None:
        weight = dataset.popularity if dataset else 1.0
    if dataset is not None:
        geo = geo and dataset.has_location
    rng = rng_for(f"usage:{seed}")
    keys, shares = _usage_mix(geo)
    spike_on, spike = rng.randrange(5, USAGE_DAYS - 5), rng.uniform(2.0, 4.0)
    found = []
    for days_ago in range(USAGE_DAYS - 1, -1, -1):
        day = today - dt.timedelta(days=days_ago)
        factor = _WEEKDAY_FACTOR[6 if jpholiday.is_holiday(day) else day.weekday()]
        mean = 5.0 * weight * factor * (1.0 + 0.25 * (USAGE_DAYS - days_ago) / USAGE_DAYS)
        if 0 <= spike_on - days_ago < 4:  # the spike day and the three days after it
            mean *= 1.0 + (spike - 1.0) / (1 + spike_on - days_ago)
        total = max(0, round(rng.gauss(mean, mean**0.5)))
        counts = Counter(rng.choices(keys, shares, k=total))
        found += [(days_ago, fmt, referrer, n) for (fmt, referrer), n in sorted(counts.items())]
    return found
