"""Geometry for the small inline SVG charts and point maps (no JavaScript, readable without colour)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    y_downloads: float
    h_downloads: float
    y_api: float
    h_api: float
    day: dt.date
    downloads: int
    api: int


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    peak: int
    ticks: list[tuple[float, str]]  # (x, label) for the first day of each month / every 7th day


def bar_chart(days: Sequence[tuple[dt.date, int, int]], *, width: int = 720, height: int = 160) -> BarChart:
    """Stacked bars (downloads below, API calls above) per day."""
    peak = max([d + a for _day, d, a in days] or [0]) or 1
    n = max(len(days), 1)
    slot = width / n
    bars: list[Bar] = []
    ticks: list[tuple[float, str]] = []
    for i, (day, downloads, api) in enumerate(days):
        h_d = height * downloads / peak
        h_a = height * api / peak
        x = i * slot
        bars.append(
            Bar(
                x=round(x + slot * 0.1, 2),
                width=round(max(slot * 0.8, 1), 2),
                y_downloads=round(height - h_d, 2),
                h_downloads=round(h_d, 2),
                y_api=round(height - h_d - h_a, 2),
                h_api=round(h_a, 2),
                day=day,
                downloads=downloads,
                api=api,
            )
        )
        if (n <= 31 and i % 7 == 0) or (n > 31 and day.day == 1):
            ticks.append((round(x, 2), f"{day.month}/{day.day}"))
    return BarChart(width=width, height=height, bars=bars, peak=peak if days else 0, ticks=ticks)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    lat: float
    lon: float


def point_map(
    points: Sequence[tuple[float, float, str]],
    bbox: tuple[float, float, float, float] | None,
    *,
    width: int = 640,
    height: int = 420,
) -> list[Point]:
    """Project (lat, lon) into the SVG box (equirectangular, north up); the area box or the points' own extent."""
    if not points:
        return []
    if bbox is None:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        bbox = (min(lats), min(lons), max(lats), max(lons))
    min_lat, min_lon, max_lat, max_lon = bbox
    span_lat = (max_lat - min_lat) or 0.01
    span_lon = (max_lon - min_lon) or 0.01
    pad = 12
    out: list[Point] = []
    for lat, lon, label in points:
        x = pad + (lon - min_lon) / span_lon * (width - 2 * pad)
        y = pad + (max_lat - lat) / span_lat * (height - 2 * pad)
        if -pad <= x <= width + pad and -pad <= y <= height + pad:
            out.append(Point(round(x, 1), round(y, 1), label, lat, lon))
    return out
