"""Reading the clean CSV text of a published file: rows, cell kinds, coordinates, previews and map points.

Input is the clean CSV text produced by validation (UTF-8 str, header first, RFC 4180 quoting).
Everything streams row by row so a 1,000,000-row file is handled in linear time; blank lines are skipped.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter

from cityhall.core.spreadsheet import FORMULA_TRIGGERS, defuse_formula
from cityhall.opendata.validation import Schema, header_key, map_header

NUMERIC_KINDS = frozenset({"integer", "number", "lat", "lon"})


# Excel and LibreOffice run a cell starting with one of these as a formula (CSV injection).
FORMULA_START = frozenset("".join(FORMULA_TRIGGERS))


_NUMBER_CHARS = frozenset("0123456789.+-")


_LAT_KEYS = frozenset({"緯度", "latitude"})


_LON_KEYS = frozenset({"経度", "longitude"})


_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n|$)")


Rows = Iterator[list[str]]


def open_rows(text: str) -> tuple[list[str], Rows]:
    """Header (BOM stripped) and an iterator over the non-blank data rows."""
    # Lines are sliced off the str one at a time, as a file opened with newline="" would give them: io.StringIO
    # would first copy the whole text into a 4-bytes-per-character buffer (over 1 GB for a 1,000,000-row file).
    rows = filter(None, csv.reader(map(re.Match.group, _LINE.finditer(text)), strict=False))
    header = next(rows, [])
    if header:
        header[0] = header[0].lstrip("\ufeff")
    return header, rows


def parse_number(value: str) -> int | float | None:
    """A plain half-width decimal ("43.064310", "-1", "120"); None for 全角, 1e5, nan, 1_000 and the like."""
    if not value or not _NUMBER_CHARS.issuperset(value):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    digits = value.lstrip("+-")
    return int(value) if digits.isdigit() else number


def parse_integer(value: str) -> int | None:
    number = parse_number(value)
    return number if isinstance(number, int) else None


def neutralise_formula(value: str) -> str:
    """The value with a leading "'" when a spreadsheet would run it as a formula (numbers such as "-1.5" stay)."""
    return defuse_formula(value, keep_numbers=True)


def column_kinds(header: Sequence[str], schema: Schema | None = None) -> list[str]:
    """Schema kind of each file column ("string" when unknown); 緯度/経度 are recognised by name as well."""
    if schema is None:
        kinds = ["string"] * len(header)
    else:
        kinds = [schema.column(name).kind if name else "string" for name in map_header(header, schema)]
    for kind, names in (("lat", _LAT_KEYS), ("lon", _LON_KEYS)):
        if kind not in kinds:
            for i, cell in enumerate(header):
                if kinds[i] == "string" and header_key(cell) in names:
                    kinds[i] = kind
                    break
    return kinds


def point_columns(header: Sequence[str], schema: Schema | None = None) -> tuple[int, int] | None:
    """(latitude index, longitude index), or None when the file has no coordinate columns."""
    kinds = column_kinds(header, schema)
    if "lat" in kinds and "lon" in kinds:
        return kinds.index("lat"), kinds.index("lon")
    return None


def coordinates(row: Sequence[str], lat_index: int, lon_index: int) -> tuple[float, float] | None:
    if max(lat_index, lon_index) >= len(row):
        return None
    lat, lon = parse_number(row[lat_index]), parse_number(row[lon_index])
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return float(lat), float(lon)


def picker(indices: Sequence[int], width: int) -> Callable[[list[str]], tuple[str, ...]]:
    """Row → tuple of the cells at `indices`; rows shorter than `width` are padded with ""."""
    getter = itemgetter(*indices) if len(indices) > 1 else None

    def pick(row: list[str]) -> tuple[str, ...]:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        if getter is not None:
            return getter(row)  # type: ignore[no-any-return]  # itemgetter of 2+ indices returns a tuple, typed Any
        return tuple(row[i] for i in indices)

    return pick


def count_rows(text: str) -> int:
    """Number of non-blank data rows (quoted line breaks understood)."""
    _, rows = open_rows(text)
    return sum(1 for _ in rows)


def preview(text: str, limit: int = 20) -> tuple[list[str], list[list[str]], int]:
    """(header, the first `limit` rows padded to the header width, total number of data rows)."""
    header, rows = open_rows(text)
    first = [row + [""] * (len(header) - len(row)) for row in itertools.islice(rows, limit)]
    return header, first, len(first) + sum(1 for _ in rows)


def _label_index(header: Sequence[str], kinds: Sequence[str], name_column: str | None) -> int | None:
    keys = [header_key(cell) for cell in header]
    if name_column is not None:
        if header_key(name_column) not in keys:
            raise ValueError(f"列「{name_column}」が見つかりません。")
        return keys.index(header_key(name_column))
    if "名称" in keys:
        return keys.index("名称")
    candidates = (i for i, kind in enumerate(kinds) if kind == "string" and keys[i] not in {"id", "no"})
    return next(candidates, None)


def points(
    text: str, schema: Schema | None = None, name_column: str | None = None, limit: int = 2000
) -> list[tuple[float, float, str]]:
    """Up to `limit` (緯度, 経度, label) triples for a map; rows without valid coordinates are skipped.

    The label comes from `name_column`, else 名称, else the first text column (ID and NO excepted).
    Raises ValueError when `name_column` is not in the file.
    """
    header, rows = open_rows(text)
    columns = point_columns(header, schema)
    if columns is None:
        return []
    label_index = _label_index(header, column_kinds(header, schema), name_column)
    found: list[tuple[float, float, str]] = []
    for row in rows:
        if len(found) >= limit:
            break
        point = coordinates(row, *columns)
        if point is not None:
            label = row[label_index] if label_index is not None and label_index < len(row) else ""
            found.append((point[0], point[1], label))
    return found


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
