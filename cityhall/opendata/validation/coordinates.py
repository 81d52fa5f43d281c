"""緯度・経度 checked as a pair on whole columns: numeric, inside Japan (or the municipality's box), not swapped."""

from __future__ import annotations

from collections.abc import Sequence

from .checks import build_check, parse_number
from .report import Report
from .schema import ColumnRule

JAPAN_BBOX = (20.0, 122.0, 46.0, 154.0)  # min_lat, min_lon, max_lat, max_lon


BBox = tuple[float, float, float, float]


def _bounds(values: Sequence[str]) -> tuple[float, float] | None:
    """Smallest and largest of decimals written alike ("43.064310": same length, one "." at the same place,
    ASCII digits elsewhere), where string order is number order, so no value is converted; else None.
    """
    if not values:
        return None
    first = values[0]
    size, dot, count = len(first), first.find("."), len(values)
    if dot < 0 or set(map(len, values)) != {size}:
        return None
    joined = "".join(values)
    if joined.count(".") != count or joined[dot::size].count(".") != count:
        return None
    if not (joined.isascii() and joined.replace(".", "").isdigit()):
        return None
    return float(min(values)), float(max(values))


class LatLon:
    """緯度・経度 checked as a pair: numeric, inside Japan (or a municipality's box), not swapped."""

    def __init__(self, lat: ColumnRule, lon: ColumnRule, report: Report, bbox: BBox | None) -> None:
        self.lat, self.lon, self.report = lat, lon, report
        self.lat_check, self.lon_check = build_check(lat), build_check(lon)
        self.bbox = bbox
        self.box = bbox or JAPAN_BBOX

    def __call__(self, lats: Sequence[str], lons: Sequence[str], rows: Sequence[int]) -> None:
        min_lat, min_lon, max_lat, max_lon = self.box
        lat_bounds, lon_bounds = _bounds(lats), _bounds(lons)
        if (
            lat_bounds is not None
            and lon_bounds is not None
            and min_lat <= lat_bounds[0]
            and lat_bounds[1] <= max_lat
            and min_lon <= lon_bounds[0]
            and lon_bounds[1] <= max_lon
        ):
            return
        # Values of ASCII digits, "." and "-" parse the same with float() as with parse_number.
        joined = "".join(lats) + "".join(lons)
        if (
            joined.isascii()
            and joined.replace(".", "").replace("-", "").isdigit()
            and "" not in lats
            and "" not in lons
        ):
            try:
                la, lo = list(map(float, lats)), list(map(float, lons))
            except ValueError:
                pass
            else:
                for i, (x, y) in enumerate(zip(la, lo, strict=True)):
                    if not (min_lat <= x <= max_lat and min_lon <= y <= max_lon):
                        self.one(rows[i], lats[i], lons[i])
                return
        for i, (a, b) in enumerate(zip(lats, lons, strict=True)):
            self.one(rows[i], a, b)

    def one(self, row: int, a: str, b: str) -> None:
        if not a or not b:
            self._blank(row, a, b)
            return
        parsed = self._parse(row, a, b)
        if parsed is not None:
            self._place(row, *parsed)

    def _blank(self, row: int, a: str, b: str) -> None:
        if a or b:
            missing = self.lat.name if not a else self.lon.name
            self.report.add(
                row, missing, "", ("latlon_pair", "緯度と経度は両方入力するか、両方空欄にしてください。", None)
            )
        elif self.lat.required or self.lon.required:
            self.report.add(
                row, self.lat.name, "", ("required_empty", f"必須項目「{self.lat.name}」が空欄です。", None)
            )

    def _parse(self, row: int, a: str, b: str) -> tuple[float, float, str, str] | None:
        """Both numbers, after reporting (and provisionally applying) width fixes; None when unreadable."""
        x, y = parse_number(a), parse_number(b)
        if x is None or y is None:
            for name, value, check in ((self.lat.name, a, self.lat_check), (self.lon.name, b, self.lon_check)):
                issue = check(value)
                if issue is not None:
                    self.report.add(row, name, value, issue)
                    if issue[2] is not None:
                        a, b = (issue[2], b) if name == self.lat.name else (a, issue[2])
            x, y = parse_number(a), parse_number(b)
        return None if x is None or y is None else (x, y, a, b)

    def _place(self, row: int, x: float, y: float, a: str, b: str) -> None:
        add, lat_name, lon_name = self.report.add, self.lat.name, self.lon.name
        j_min_lat, j_min_lon, j_max_lat, j_max_lon = JAPAN_BBOX
        in_japan = j_min_lat <= x <= j_max_lat and j_min_lon <= y <= j_max_lon
        if not in_japan:
            swapped = j_min_lat <= y <= j_max_lat and j_min_lon <= x <= j_max_lon
            if swapped or (x > 90 and -90 <= y <= 90):
                add(
                    row,
                    lat_name,
                    a,
                    ("latlon_swapped", "緯度と経度が入れ替わっている可能性があります。", b if swapped else None),
                )
                if swapped:
                    self.report.add_fix(row, lon_name, a, "latlon_swapped")
                return
            if not j_min_lat <= x <= j_max_lat:
                add(row, lat_name, a, ("lat_range", "緯度が日本の範囲（北緯20〜46度）の外です。", None))
            if not j_min_lon <= y <= j_max_lon:
                add(row, lon_name, b, ("lon_range", "経度が日本の範囲（東経122〜154度）の外です。", None))
            return
        if self.bbox is not None:
            min_lat, min_lon, max_lat, max_lon = self.bbox
            if not (min_lat <= x <= max_lat and min_lon <= y <= max_lon):
                add(
                    row,
                    lat_name,
                    a,
                    ("latlon_outside_area", "位置が市区町村の範囲の外です。緯度・経度を確認してください。", None),
                )
