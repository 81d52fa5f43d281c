"""Reads of the usage figures: downloads and API calls by day, format, referrer and dataset; 年度 tables."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Sum
from django.utils import timezone

from cityhall.core.fiscal_year import FiscalYear
from cityhall.opendata.models import DataRequest, Dataset, UsageDaily


@dataclass
class UsageSummary:
    start: dt.date
    end: dt.date
    days: list[tuple[dt.date, int, int]]  # (day, downloads, api calls)
    by_format: dict[str, int]
    by_referrer: dict[str, int]
    by_dataset: list[tuple[Any, str, int, int]]  # (dataset id, title, downloads, api calls)

    @property
    def downloads(self) -> int:
        return sum(d for _day, d, _a in self.days)

    @property
    def api_calls(self) -> int:
        return sum(a for _day, _d, a in self.days)

    @property
    def peak(self) -> int:
        return max([d + a for _day, d, a in self.days] or [0])


def usage(*, start: dt.date, end: dt.date, dataset_id: Any = None, department_id: int | None = None) -> UsageSummary:
    """Downloads and API calls between `start` and `end` (inclusive), for one dataset, a department or all."""
    qs = UsageDaily.objects.filter(day__gte=start, day__lte=end)
    if dataset_id is not None:
        qs = qs.filter(dataset_id=dataset_id)
    if department_id is not None:
        qs = qs.filter(dataset__department_id=department_id)
    per_day: dict[dt.date, list[int]] = {start + dt.timedelta(days=i): [0, 0] for i in range((end - start).days + 1)}
    by_format: Counter[str] = Counter()
    by_referrer: Counter[str] = Counter()
    by_dataset: dict[Any, list[int]] = defaultdict(lambda: [0, 0])
    for row in qs.values("day", "format", "referrer", "dataset_id").annotate(n=Sum("count")):
        is_api = row["format"] == "api"
        per_day[row["day"]][1 if is_api else 0] += row["n"]
        by_format[row["format"]] += row["n"]
        by_referrer[row["referrer"]] += row["n"]
        if row["dataset_id"] is not None:
            by_dataset[row["dataset_id"]][1 if is_api else 0] += row["n"]
    titles = dict(Dataset.objects.filter(pk__in=list(by_dataset)).values_list("pk", "title"))
    ranked = sorted(
        ((pk, titles.get(pk, ""), d, a) for pk, (d, a) in by_dataset.items()), key=lambda r: (-(r[2] + r[3]), r[1])
    )
    return UsageSummary(
        start=start,
        end=end,
        days=[(day, d, a) for day, (d, a) in sorted(per_day.items())],
        by_format=dict(by_format),
        by_referrer=dict(by_referrer),
        by_dataset=ranked,
    )


def usage_recent(*, days: int = 30, dataset_id: Any = None, department_id: int | None = None) -> UsageSummary:
    end = timezone.localdate()
    return usage(start=end - dt.timedelta(days=days - 1), end=end, dataset_id=dataset_id, department_id=department_id)


def usage_fiscal_year(year: int, *, department_id: int | None = None) -> UsageSummary:
    """A 年度 (April to March) of usage: the yearly summary for the plan's evaluation."""
    fiscal = FiscalYear(year)
    return usage(start=fiscal.starts_on, end=fiscal.ends_on, department_id=department_id)


def current_fiscal_year() -> int:
    return FiscalYear.current().year


def catalog_totals() -> dict[str, int]:
    published = Dataset.objects.filter(state=Dataset.State.PUBLISHED, current__isnull=False)
    return {
        "datasets": published.count(),
        "standard": published.filter(schema__isnull=False).count(),
        "requests_open": DataRequest.objects.filter(
            status__in=[DataRequest.Status.RECEIVED, DataRequest.Status.REVIEWING]
        ).count(),
    }


def usage_rows(*, start: dt.date, end: dt.date, department_id: int | None = None) -> list[dict[str, Any]]:
    """Daily rows (day, title, slug, format, referrer, n) for the CSV export."""
    qs = UsageDaily.objects.filter(day__gte=start, day__lte=end)
    if department_id is not None:
        qs = qs.filter(dataset__department_id=department_id)
    return list(
        qs.values("day", "format", "referrer", title=F("dataset__title"), slug=F("dataset__slug"))
        .annotate(n=Sum("count"))
        .order_by("day", "slug", "format", "referrer")
    )


def usage_year_table(year: int, *, department_id: int | None = None) -> list[list[Any]]:
    """Per dataset for a 年度: title, slug, CSV, XLSX, JSON, GeoJSON, downloads, API, total (most used first)."""
    fiscal = FiscalYear(year)
    qs = UsageDaily.objects.filter(day__gte=fiscal.starts_on, day__lte=fiscal.ends_on, dataset__isnull=False)
    if department_id is not None:
        qs = qs.filter(dataset__department_id=department_id)
    table: dict[Any, dict[str, Any]] = {}
    for row in qs.values("dataset_id", "format", title=F("dataset__title"), slug=F("dataset__slug")).annotate(
        n=Sum("count")
    ):
        entry = table.setdefault(row["dataset_id"], {"title": row["title"], "slug": row["slug"], "by": Counter()})
        entry["by"][row["format"]] += row["n"]
    rows = []
    for entry in table.values():
        by = entry["by"]
        downloads = sum(n for fmt, n in by.items() if fmt != "api")
        rows.append(
            [entry["title"], entry["slug"], by["csv"], by["xlsx"], by["json"], by["geojson"], downloads, by["api"],
             downloads + by["api"]]
        )  # fmt: skip
    rows.sort(key=lambda r: (-r[-1], r[0]))
    return rows
