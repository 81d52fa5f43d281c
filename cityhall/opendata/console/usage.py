"""Console pages of the usage figures: the last 90 days, one fiscal year, and their CSV exports."""

from __future__ import annotations

import csv
import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cityhall.core.decorators import staff_passes
from cityhall.core.errors import NotFoundError
from cityhall.core.fiscal_year import FiscalYear
from cityhall.opendata import charts, permissions, selectors
from cityhall.opendata.formats import neutralise_formula
from cityhall.opendata.models import UsageDaily


def _usage_scope(request: HttpRequest) -> int | None:
    """The department whose figures the user sees (None: all, for the ICT policy division)."""
    return None if permissions.is_admin(request.user) else (getattr(request.user, "department_id", None) or 0)


def _parse_day(value: str, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return default


@require_GET
@staff_passes(permissions.can_use_console)
def usage(request: HttpRequest) -> HttpResponse:
    department_id = _usage_scope(request)
    today = timezone.localdate()
    recent = selectors.usage_recent(days=90, department_id=department_id)
    year = selectors.current_fiscal_year()
    raw_year = request.GET.get("year", "")
    if raw_year.isdigit() and 2000 <= int(raw_year) <= 2100:
        year = int(raw_year)
    summary = selectors.usage_fiscal_year(year, department_id=department_id)
    previous = selectors.usage_fiscal_year(year - 1, department_id=department_id)
    return render(
        request,
        "opendata/console/usage.html",
        {
            "recent": recent,
            "usage": recent,
            "chart": charts.bar_chart(recent.days),
            "summary": summary,
            "previous": previous,
            "year": year,
            "year_label": FiscalYear(year).label,
            "years": [
                (y, FiscalYear(y).label)
                for y in range(selectors.current_fiscal_year(), selectors.current_fiscal_year() - 5, -1)
            ],
            "referrers": dict(UsageDaily.Referrer.choices),
            "today": today,
            "totals": selectors.catalog_totals(),
            "all_departments": department_id is None,
        },
    )


@require_GET
@staff_passes(permissions.can_use_console)
def usage_csv(request: HttpRequest) -> HttpResponse:
    """Daily figures per dataset, format and referrer class between two days (default: the last 90)."""
    department_id = _usage_scope(request)
    today = timezone.localdate()
    end = _parse_day(request.GET.get("to", ""), today)
    if not dt.date(2000, 1, 1) <= end <= today + dt.timedelta(days=366):
        end = today
    start = _parse_day(request.GET.get("from", ""), end - dt.timedelta(days=89))
    if start > end or (end - start).days > 3660:
        start = end - dt.timedelta(days=89)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="opendata-usage-{start}-{end}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(["日付", "データセット", "URL名", "形式", "参照元", "回数"])
    referrers = dict(UsageDaily.Referrer.choices)
    for row in selectors.usage_rows(start=start, end=end, department_id=department_id):
        writer.writerow(
            [
                row["day"].isoformat(),
                neutralise_formula(row["title"] or "（カタログ全体）"),
                neutralise_formula(row["slug"] or ""),
                row["format"],
                str(referrers.get(row["referrer"], row["referrer"])),
                row["n"],
            ]
        )
    return response


@require_GET
@staff_passes(permissions.can_use_console)
def usage_year_csv(request: HttpRequest, year: int) -> HttpResponse:
    """The yearly summary for the plan's evaluation: per dataset, downloads by format and API calls."""
    if not 2000 <= year <= 2100:
        raise NotFoundError("年度の指定が正しくありません。")
    department_id = _usage_scope(request)
    summary = selectors.usage_year_table(year, department_id=department_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="opendata-usage-fy{year}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(
        ["年度", "データセット", "URL名", "CSV", "Excel", "JSON", "GeoJSON", "ダウンロード計", "API", "合計"]
    )
    label = FiscalYear(year).label
    for title, slug, *numbers in summary:
        writer.writerow([label, neutralise_formula(title), neutralise_formula(slug), *numbers])
    return response
