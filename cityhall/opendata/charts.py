"""Geometry for the small inline SVG charts and point maps (no JavaScript, readable without colour)."""

from __future__ import annotations

import datetime as dt
import math
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
    number: int
    x: float
    y: float
    label: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Tile:
    x: int
    y: int
    url: str


@dataclass(frozen=True)
class PointMap:
    """Points in Web Mercator pixels at `zoom`, inside `viewbox`; base tiles when a tile URL is configured."""

    left: float
    top: float
    width: int
    height: int
    zoom: int
    points: list[Point]
    tiles: list[Tile]

    @property
    def viewbox(self) -> str:
        return f"{self.left} {self.top} {self.width} {self.height}"


TILE = 256
MAX_ZOOM = 16


def _pixels(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator (EPSG:3857) pixel coordinates of the world at `zoom`, as tile servers use."""
    size = TILE * 2**zoom
    lat = max(min(lat, 85.05), -85.05)
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2
    return (lon + 180) / 360 * size, y * size


def _zoom_to_fit(bbox: tuple[float, float, float, float], width: int, height: int) -> int:
    min_lat, min_lon, max_lat, max_lon = bbox
    for zoom in range(MAX_ZOOM, 0, -1):
        x0, y0 = _pixels(max_lat, min_lon, zoom)
        x1, y1 = _pixels(min_lat, max_lon, zoom)
        if x1 - x0 <= width and y1 - y0 <= height:
            return zoom
    return 1


def point_map(
    points: Sequence[tuple[float, float, str]],
    bbox: tuple[float, float, float, float] | None,
    *,
    width: int = 640,
    height: int = 420,
    tiles_url: str = "",
) -> PointMap | None:
    """Points of a dataset on a map of the area (the catalogue's area box, or the points' own extent).

    North is up and, with `tiles_url` ({z}/{x}/{y} as 地理院タイル), the base map lies under the
    points exactly: both are Web Mercator pixels at the zoom that fits the area into the box.
    """
    if not points:
        return None
    if bbox is None:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        bbox = (min(lats), min(lons), max(lats), max(lons))
    pad = 16
    zoom = _zoom_to_fit(bbox, width - 2 * pad, height - 2 * pad)
    (x0, y0), (x1, y1) = _pixels(bbox[2], bbox[1], zoom), _pixels(bbox[0], bbox[3], zoom)
    left, top = (x0 + x1 - width) / 2, (y0 + y1 - height) / 2
    placed = []
    for number, (lat, lon, label) in enumerate(points, start=1):
        x, y = _pixels(lat, lon, zoom)
        if left <= x <= left + width and top <= y <= top + height:
            placed.append(Point(number, round(x, 1), round(y, 1), label, lat, lon))
    tiles = []
    if tiles_url:
        for tx in range(int(left // TILE), int((left + width) // TILE) + 1):
            for ty in range(int(top // TILE), int((top + height) // TILE) + 1):
                tiles.append(Tile(tx * TILE, ty * TILE, tiles_url.format(z=zoom, x=tx, y=ty)))
    return PointMap(round(left, 1), round(top, 1), width, height, zoom, placed, tiles)
