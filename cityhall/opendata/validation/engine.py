"""The compiled, schema-driven validator.

`validate` streams rows through csv.reader in batches of BATCH rows, transposes each batch into columns
(zip(*rows), in C) and hands every column to a checker compiled once for its ColumnRule. Checkers take a
fast path that inspects the whole column with C-level str/set operations and only fall back to per-value
checks (memoised per distinct value) when the fast path sees something suspicious.
"""

from __future__ import annotations

import csv
import gc
import io
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from .checks import FORMULA_START, NUMBER_CHARS, Check, Issue, build_check, parse_number
from .schema import ColumnRule, Schema, map_header

BATCH = 256  # small enough that a batch of rows stays in the CPU cache
MAX_PROBLEMS = 10_000
_KNOWN_GOOD_CAP = 100_000
JAPAN_BBOX = (20.0, 122.0, 46.0, 154.0)  # min_lat, min_lon, max_lat, max_lon
BBox = tuple[float, float, float, float]
ColumnCheck = Callable[[Sequence[str], Sequence[int]], None]


@dataclass(frozen=True, slots=True)
class Problem:
    row: int  # header = 1, first data row = 2 (records, so a quoted line break does not shift it)
    column: str
    value: str
    code: str
    message: str
    fix: str | None = None


@dataclass
class Report:
    schema: Schema
    header: list[str]
    mapping: list[str | None]
    rows_checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    fixes: dict[tuple[int, str], str] = field(default_factory=dict)
    max_problems: int = MAX_PROBLEMS

    @property
    def ok(self) -> bool:
        return not self.counts

    @property
    def unknown_columns(self) -> list[str]:
        return [h for h, name in zip(self.header, self.mapping, strict=True) if name is None]

    def add(self, row: int, column: str, value: str, issue: Issue) -> None:
        code, message, fix = issue
        self.counts[code] += 1
        if fix is not None:
            self.fixes[row, column] = fix
        if len(self.problems) < self.max_problems:
            self.problems.append(Problem(row, column, value, code, message, fix))


def _distinct_checker(rule: ColumnRule, report: Report) -> ColumnCheck:
    """Check each distinct value once; remember good values so repeated codes, flags and times cost nothing."""
    check: Check = build_check(rule)
    good: set[str] = set()
    name, add = rule.name, report.add

    def run(col: Sequence[str], rows: Sequence[int]) -> None:
        new = set(col)
        new.difference_update(good)
        if not new:
            return
        bad: dict[str, Issue] = {}
        for value in new:
            issue = check(value)
            if issue is None:
                if len(good) < _KNOWN_GOOD_CAP:
                    good.add(value)
            else:
                bad[value] = issue
        if bad:
            for i, value in enumerate(col):
                if value in bad:
                    add(rows[i], name, value, bad[value])

    return run


def _column_checker(rule: ColumnRule, report: Report) -> ColumnCheck:
    slow = _distinct_checker(rule, report)
    kind, required = rule.kind, rule.required
    if rule.unique:
        return _unique_checker(rule, report, slow)
    if kind == "string":

        def text(col: Sequence[str], rows: Sequence[int]) -> None:
            joined = "\x00".join(col)
            if (
                "\n" in joined
                or "\r" in joined
                or joined[:1] in FORMULA_START
                or "\x00=" in joined
                or "\x00+" in joined
                or "\x00-" in joined
                or "\x00@" in joined
                or (required and ("" in col or "\x00 " in joined or joined[:1] == " "))
            ):
                slow(col, rows)

        return text
    if kind == "url":

        def url(col: Sequence[str], rows: Sequence[int]) -> None:
            joined = "\x00" + "\x00".join(col)
            if (
                joined.count("\x00http://") + joined.count("\x00https://") != len(col)
                or " " in joined
                or "\n" in joined
            ):
                slow(col, rows)

        return url
    if kind == "integer":

        def integer(col: Sequence[str], rows: Sequence[int]) -> None:
            joined = "".join(col)
            if not (joined.isascii() and joined.isdigit()) or (required and "" in col):
                slow(col, rows)

        return integer
    return slow


def _unique_checker(rule: ColumnRule, report: Report, slow: ColumnCheck) -> ColumnCheck:
    seen: dict[str, int] = {}
    name, add = rule.name, report.add

    def unique(col: Sequence[str], rows: Sequence[int]) -> None:
        joined = "".join(col)
        if not (joined.isascii() and joined.isalnum()) or "" in col:
            slow(col, rows)
        local = set(col)
        if len(local) == len(col) and seen.keys().isdisjoint(local):
            seen.update(zip(col, rows, strict=True))
            return
        for i, value in enumerate(col):
            if not value:
                continue
            first = seen.setdefault(value, rows[i])
            if first != rows[i]:
                add(
                    rows[i],
                    name,
                    value,
                    (
                        "id_duplicate",
                        f"「{name}」が重複しています（{first}行目と同じ値）。IDは1件ごとに別の値にしてください。",
                        None,
                    ),
                )

    return unique


class _LatLon:
    """緯度・経度 checked as a pair: numeric, inside Japan (or a municipality's box), not swapped."""

    def __init__(self, lat: ColumnRule, lon: ColumnRule, report: Report, bbox: BBox | None) -> None:
        self.lat, self.lon, self.report = lat, lon, report
        self.lat_check, self.lon_check = build_check(lat), build_check(lon)
        self.bbox = bbox
        self.box = bbox or JAPAN_BBOX

    def __call__(self, lats: Sequence[str], lons: Sequence[str], rows: Sequence[int]) -> None:
        min_lat, min_lon, max_lat, max_lon = self.box
        joined = "".join(lats) + "".join(lons)
        if NUMBER_CHARS.issuperset(joined) and "" not in lats and "" not in lons:
            try:
                la, lo = list(map(float, lats)), list(map(float, lons))
            except ValueError:
                pass
            else:
                if not la or (min_lat <= min(la) and max(la) <= max_lat and min_lon <= min(lo) and max(lo) <= max_lon):
                    return
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
                    self.report.fixes[row, lon_name] = a
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


def _header_problems(report: Report, header: list[str]) -> list[str | None]:
    mapping = map_header(header, report.schema)
    seen: set[str] = set()
    for i, name in enumerate(mapping):
        if name is None:
            continue
        if name in seen:
            report.add(
                1,
                name,
                header[i],
                ("duplicate_header", f"項目「{name}」の列が2つあります。どちらかを削除してください。", None),
            )
            mapping[i] = None
        seen.add(name)
    for rule in report.schema.columns:
        if rule.required and rule.name not in seen:
            report.add(1, rule.name, "", ("missing_column", f"必須項目「{rule.name}」の列がありません。", None))
    return mapping


def _rows(source: str | Iterable[str]) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(source, newline="") if isinstance(source, str) else source, strict=False)


def validate(source: str | Iterable[str], schema: Schema, *, bbox: BBox | None = None) -> Report:
    """Validate CSV text (or an iterable of lines from a file opened with newline="") against `schema`."""
    reader = _rows(source)
    header = next(reader, None)
    if not header:
        raise ValueError("ファイルが空です。1行目に項目名、2行目からデータを入れてください。")
    header = [header[0].lstrip("\ufeff"), *header[1:]]
    report = Report(schema=schema, header=header, mapping=[])
    report.mapping = _header_problems(report, header)
    rules = {rule.name: rule for rule in schema.columns}
    checks = [
        (i, _column_checker(rules[name], report))
        for i, name in enumerate(report.mapping)
        if name is not None and rules[name].kind not in ("lat", "lon")
    ]
    lat_i = next((i for i, n in enumerate(report.mapping) if n and rules[n].kind == "lat"), None)
    lon_i = next((i for i, n in enumerate(report.mapping) if n and rules[n].kind == "lon"), None)
    pair = None
    if lat_i is not None and lon_i is not None:
        pair = _LatLon(rules[report.mapping[lat_i] or ""], rules[report.mapping[lon_i] or ""], report, bbox)
    else:  # a file with only one of the two: check it as a number
        checks += [
            (i, _distinct_checker(rules[n], report))
            for i in (lat_i, lon_i)
            if i is not None and (n := report.mapping[i])
        ]
    # Rows are lists of strings and never form cycles; the cyclic GC only burns time walking them.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        _run(reader=reader, report=report, checks=checks, pair=pair, lat_i=lat_i, lon_i=lon_i)
    finally:
        if gc_was_enabled:
            gc.enable()
    return report


def _run(
    *,
    reader: Iterator[list[str]],
    report: Report,
    checks: list[tuple[int, ColumnCheck]],
    pair: _LatLon | None,
    lat_i: int | None,
    lon_i: int | None,
) -> None:
    width, next_row = len(report.header), 2
    while batch := list(islice(reader, BATCH)):
        rows: Sequence[int] = range(next_row, next_row + len(batch))
        next_row += len(batch)
        if set(map(len, batch)) != {width}:
            kept = [(r, row) for r, row in zip(rows, batch, strict=True) if row]
            for r, row in kept:
                if len(row) != width:
                    report.add(
                        r,
                        "",
                        ",".join(row)[:100],
                        ("row_length", f"列の数が見出し（{width}列）と違います（{len(row)}列）。", None),
                    )
            batch = [(row + [""] * width)[:width] for _, row in kept]
            rows = [r for r, _ in kept]
            if not batch:
                continue
        report.rows_checked += len(batch)
        columns = list(zip(*batch, strict=True))
        for i, run in checks:
            run(columns[i], rows)
        if pair is not None and lat_i is not None and lon_i is not None:
            pair(columns[lat_i], columns[lon_i], rows)


def apply_fixes(source: str, schema: Schema, *, bbox: BBox | None = None) -> str:
    """The file with every mechanical fix applied, columns in schema order (unknown columns kept at the end).

    Blank lines and wrong-length rows are normalised. The text is returned; publish it as UTF-8 with BOM.
    """
    report = validate(source, schema, bbox=bbox)
    positions = {name: i for i, name in enumerate(report.mapping) if name is not None}
    extra = [i for i, name in enumerate(report.mapping) if name is None]
    order = [positions.get(rule.name) for rule in schema.columns] + extra
    out_header = [rule.name for rule in schema.columns] + [report.header[i] for i in extra]
    names = [rule.name for rule in schema.columns] + [None] * len(extra)
    fixes, width = report.fixes, len(report.header)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(out_header)
    reader = _rows(source)
    next(reader)
    for r, raw in enumerate(reader, 2):
        if not raw:
            continue
        row = (raw + [""] * width)[:width]
        out = [row[i] if i is not None else "" for i in order]
        if fixes:
            for j, name in enumerate(names):
                if name is not None and (r, name) in fixes:
                    out[j] = fixes[r, name]
        writer.writerow(out)
    return buffer.getvalue()
