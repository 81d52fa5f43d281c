"""Download formats of a published open-data CSV (CSV, JSON, GeoJSON, XLSX), previews and version diffs.

Input is the clean CSV text produced by validation (UTF-8 str, header first, RFC 4180 quoting).
Everything streams row by row so a 1,000,000-row file is handled in linear time; blank lines are skipped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import IO, TypedDict

from cityhall.core.spreadsheet import FORMULA_TRIGGERS, defuse_formula

from . import xlsx
from .validation import Schema, header_key, map_header

XLSX_MAX_DATA_ROWS = 1_048_575  # Excel's 1,048,576 rows minus the header
XLSX_MAX_COLUMNS = 16_384
NUMERIC_KINDS = frozenset({"integer", "number", "lat", "lon"})

# Excel and LibreOffice run a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = frozenset("".join(FORMULA_TRIGGERS))
_NUMBER_CHARS = frozenset("0123456789.+-")
_LAT_KEYS = frozenset({"緯度", "latitude"})
_LON_KEYS = frozenset({"経度", "longitude"})
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n|$)")
# _xlsx_rows joins a row's cells with a separator and searches the result once instead of every cell: for a cell that
# starts like a formula (a separator then one of _FORMULA_START) and for characters XML cannot hold.
_XLSX_SEPARATOR = "\u00a6"  # "¦": printable, so str.isprintable() passes a plain row; rare, so rarely a false alarm
_XLSX_FORMULA_START = re.compile(_XLSX_SEPARATOR + "[=+\\-@\t\r]")
_CKAN_TYPES = {"integer": "int", "number": "numeric", "lat": "numeric", "lon": "numeric"}
_WIDTH_SAMPLE_ROWS = 200

Rows = Iterator[list[str]]
JsonValue = str | int | float | None


class DiffSummary(TypedDict):
    rows_before: int
    rows_after: int
    added: int
    removed: int
    changed: int
    columns_added: list[str]
    columns_removed: list[str]
    keyed_by: str | None


# --- reading -----------------------------------------------------------------------------------------------------


def _open(text: str) -> tuple[list[str], Rows]:
    """Header (BOM stripped) and an iterator over the non-blank data rows."""
    # Lines are sliced off the str one at a time, as a file opened with newline="" would give them: io.StringIO
    # would first copy the whole text into a 4-bytes-per-character buffer (over 1 GB for a 1,000,000-row file).
    rows = filter(None, csv.reader(map(re.Match.group, _LINE.finditer(text)), strict=False))
    header = next(rows, [])
    if header:
        header[0] = header[0].lstrip("\ufeff")
    return header, rows


def _parse_number(value: str) -> int | float | None:
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


def _parse_integer(value: str) -> int | None:
    number = _parse_number(value)
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


def _coordinates(row: Sequence[str], lat_index: int, lon_index: int) -> tuple[float, float] | None:
    if max(lat_index, lon_index) >= len(row):
        return None
    lat, lon = _parse_number(row[lat_index]), _parse_number(row[lon_index])
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return float(lat), float(lon)


def _unique_names(header: Sequence[str]) -> list[str]:
    """JSON keys: blank headers named by position, duplicates numbered, so no value is lost in a dict."""
    names: list[str] = []
    seen: set[str] = set()
    for i, cell in enumerate(header, 1):
        name = cell or f"column_{i}"
        candidate, n = name, 2
        while candidate in seen:
            candidate, n = f"{name}_{n}", n + 1
        seen.add(candidate)
        names.append(candidate)
    return names


def _record_builder(header: Sequence[str], kinds: Sequence[str]) -> Callable[[Sequence[str]], dict[str, JsonValue]]:
    """Row → JSON object: numbers for integer/number/lat/lon cells that parse, null for empty cells."""
    names = _unique_names(header)
    numeric = [
        (names[i], _parse_integer if kind == "integer" else _parse_number)
        for i, kind in enumerate(kinds)
        if kind in NUMERIC_KINDS
    ]

    def build(row: Sequence[str]) -> dict[str, JsonValue]:
        record: dict[str, JsonValue] = {name: value or None for name, value in zip(names, row, strict=False)}
        if len(row) < len(names):
            for name in names[len(row) :]:
                record[name] = None
        for name, parse in numeric:
            value = record[name]
            if isinstance(value, str):
                number = parse(value)
                if number is not None:
                    record[name] = number
        return record

    return build


# --- writing -----------------------------------------------------------------------------------------------------


def _text_output(encoding: str = "utf-8") -> tuple[io.BytesIO, io.TextIOWrapper]:
    buffer = io.BytesIO()
    return buffer, io.TextIOWrapper(buffer, encoding=encoding, newline="")


def _finish(buffer: io.BytesIO, wrapper: io.TextIOWrapper) -> bytes:
    wrapper.flush()
    wrapper.detach()  # keep the BytesIO open when the wrapper is collected
    return buffer.getvalue()


def write_csv(text: str) -> bytes:
    """UTF-8 with BOM and CRLF (what Excel on Japanese Windows opens correctly); formula-like cells neutralised."""
    header, rows = _open(text)
    buffer, out = _text_output("utf-8-sig")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in itertools.chain([header] if header else [], rows):
        writer.writerow([neutralise_formula(cell) if cell[:1] in _FORMULA_START else cell for cell in row])
    return _finish(buffer, out)


def _write_json_array(out: IO[str], items: Iterable[object]) -> None:
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    separator = "\n"
    for item in items:
        out.write(separator)
        out.write(encoder.encode(item))
        separator = ",\n"
    out.write("\n")


def write_json(text: str, schema: Schema | None = None) -> bytes:
    """UTF-8 JSON {"fields": [{"id", "type"}], "records": [...]} shaped like a CKAN DataStore response.

    Field types are CKAN's: "int", "numeric" (number, 緯度, 経度) or "text". Codes stay strings (leading zeros
    kept); a cell in a numeric column that does not parse stays a string; empty cells are null.
    """
    header, rows = _open(text)
    kinds = column_kinds(header, schema)
    fields = [
        {"id": name, "type": _CKAN_TYPES.get(kind, "text")}
        for name, kind in zip(_unique_names(header), kinds, strict=True)
    ]
    buffer, out = _text_output()
    out.write('{"fields":' + json.dumps(fields, ensure_ascii=False) + ',"records":[')
    _write_json_array(out, map(_record_builder(header, kinds), rows))
    out.write("]}\n")
    return _finish(buffer, out)


def write_geojson(text: str, schema: Schema | None = None) -> bytes | None:
    """RFC 7946 FeatureCollection of Points ([経度, 緯度]); None when the file has no coordinate columns.

    Rows whose coordinates are empty, unparsable or out of range are left out. Properties are the other
    columns, typed as in write_json.
    """
    header, rows = _open(text)
    columns = point_columns(header, schema)
    if columns is None:
        return None
    lat_index, lon_index = columns
    keep = [i for i in range(len(header)) if i not in columns]
    kinds = column_kinds(header, schema)
    build = _record_builder([header[i] for i in keep], [kinds[i] for i in keep])
    pick = _picker(keep, len(header))

    def features() -> Iterator[dict[str, object]]:
        for row in rows:
            point = _coordinates(row, lat_index, lon_index)
            if point is None:
                continue
            properties = build(pick(row))
            geometry = {"type": "Point", "coordinates": [point[1], point[0]]}
            yield {"type": "Feature", "geometry": geometry, "properties": properties}

    buffer, out = _text_output()
    out.write('{"type":"FeatureCollection","features":[')
    _write_json_array(out, features())
    out.write("]}\n")
    return _finish(buffer, out)


def count_rows(text: str) -> int:
    """Number of non-blank data rows (quoted line breaks understood)."""
    _, rows = _open(text)
    return sum(1 for _ in rows)


def _line_count_bound(text: str) -> int:
    """An upper bound on the number of records, from line terminators alone (no parsing)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def _display_width(value: str) -> int:
    longest = max(value.split("\n"), key=len, default="")
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in longest)


def _xlsx_number(kind: str) -> Callable[[str], int | float | None]:
    """The number a cell of a numeric column holds, or None when it stays text."""
    parse = _parse_integer if kind == "integer" else _parse_number

    def number(value: str) -> int | float | None:
        parsed = parse(value)
        # Excel keeps 15 significant digits; longer integers stay text rather than lose digits.
        if parsed is None or (isinstance(parsed, int) and abs(parsed) >= 10**15):
            return None
        return parsed

    return number


def _xlsx_text(value: str) -> str:
    """Text for a worksheet: without the characters XML cannot hold, then with a formula neutralised."""
    return neutralise_formula(xlsx.drop_illegal(value))


def _xlsx_rows(text: str, kinds: Sequence[str]) -> Iterator[list[xlsx.Cell]]:
    """Cells of each data row: text (formulas neutralised), numbers where a numeric column's cell parses."""
    _, rows = _open(text)
    width = len(kinds)
    numbers = [(i, _xlsx_number(kind)) for i, kind in enumerate(kinds) if kind in NUMERIC_KINDS]
    for parsed_row in rows:
        row = parsed_row if len(parsed_row) == width else (parsed_row + [""] * width)[:width]
        joined = _XLSX_SEPARATOR.join(row)
        cells: list[xlsx.Cell]
        if not joined.isprintable() and xlsx.has_illegal(joined):
            cells = [_xlsx_text(value) for value in row]
        elif row[0][:1] in _FORMULA_START or _XLSX_FORMULA_START.search(joined):
            cells = [neutralise_formula(value) if value[:1] in _FORMULA_START else value for value in row]
        else:
            cells = list(row)
        for i, number in numbers:
            value = row[i]
            if value.isdigit() and value.isascii() and len(value) <= 15:  # a count: what number() returns, faster
                cells[i] = int(value)
            elif value and (parsed := number(value)) is not None:
                cells[i] = parsed
        yield cells


def _column_widths(header: Sequence[str], sample: Sequence[Sequence[str]]) -> list[int]:
    """Widths in characters (全角 counts 2) from the header and the first rows, between 8 and 60."""
    widths = []
    for i, name in enumerate(header):
        widest = max([_display_width(name), *(_display_width(row[i]) for row in sample if i < len(row))])
        widths.append(min(max(widest + 2, 8), 60))
    return widths


def _check_xlsx_size(text: str, header: Sequence[str]) -> None:
    # Counting lines is cheap; the file is parsed for an exact count only when it might be too long.
    if _line_count_bound(text) - 1 > XLSX_MAX_DATA_ROWS and count_rows(text) > XLSX_MAX_DATA_ROWS:
        raise ValueError(
            f"データが{XLSX_MAX_DATA_ROWS:,}行を超えるため、Excel形式では出力できません。CSV形式をご利用ください。"
        )
    if len(header) > XLSX_MAX_COLUMNS:
        raise ValueError(
            f"項目が{XLSX_MAX_COLUMNS:,}列を超えるため、Excel形式では出力できません。CSV形式をご利用ください。"
        )


def write_xlsx(text: str, schema: Schema | None = None, sheet_title: str = "データ") -> bytes:
    """One-sheet workbook: text cells (leading zeros kept), numbers for numeric columns, no formulas.

    The header row is bold and frozen. Control characters XML cannot hold are dropped.
    Raises ValueError (before any work) when the file has more rows or columns than Excel can hold.
    """
    header, rows = _open(text)
    _check_xlsx_size(text, header)
    sample = list(itertools.islice(rows, _WIDTH_SAMPLE_ROWS))
    kinds = column_kinds(header, schema)
    buffer = io.BytesIO()
    xlsx.write_workbook(
        buffer,
        header=[_xlsx_text(name) for name in header],
        rows=lambda: _xlsx_rows(text, kinds),
        sheet_title=xlsx.sheet_name(sheet_title, default="データ"),
        widths=_column_widths(header, sample),
    )
    return buffer.getvalue()


# --- reading for pages -------------------------------------------------------------------------------------------


def preview(text: str, limit: int = 20) -> tuple[list[str], list[list[str]], int]:
    """(header, the first `limit` rows padded to the header width, total number of data rows)."""
    header, rows = _open(text)
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
    header, rows = _open(text)
    columns = point_columns(header, schema)
    if columns is None:
        return []
    label_index = _label_index(header, column_kinds(header, schema), name_column)
    found: list[tuple[float, float, str]] = []
    for row in rows:
        if len(found) >= limit:
            break
        point = _coordinates(row, *columns)
        if point is not None:
            label = row[label_index] if label_index is not None and label_index < len(row) else ""
            found.append((point[0], point[1], label))
    return found


# --- comparing versions ------------------------------------------------------------------------------------------


def _picker(indices: Sequence[int], width: int) -> Callable[[list[str]], tuple[str, ...]]:
    """Row → tuple of the cells at `indices`; rows shorter than `width` are padded with ""."""
    getter = itemgetter(*indices) if len(indices) > 1 else None

    def pick(row: list[str]) -> tuple[str, ...]:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        if getter is not None:
            return getter(row)  # type: ignore[no-any-return]
        return tuple(row[i] for i in indices)

    return pick


def _projector(header: Sequence[str], names: Sequence[str]) -> Callable[[list[str]], tuple[str, ...]]:
    first = {name: i for i, name in reversed(list(enumerate(header)))}
    return _picker([first[name] for name in names], len(header))


def _multiset_diff(old: Iterable[int], new: Iterable[int]) -> tuple[int, int, int]:
    """(added, removed, changed) between two multisets of row hashes; unmatched pairs count as changed."""
    remaining = Counter(old)
    total_old = remaining.total()
    total_new = common = 0
    for digest in new:
        total_new += 1
        if remaining[digest] > 0:
            remaining[digest] -= 1
            common += 1
    extra_old, extra_new = total_old - common, total_new - common
    changed = min(extra_old, extra_new)
    return extra_new - changed, extra_old - changed, changed


def diff_summary(old_text: str, new_text: str, key_columns: Sequence[str] = ("ID",)) -> DiffSummary:
    """What changed between two published versions of a file.

    Rows are matched on the first of `key_columns` present in both headers; a matched row whose values differ
    counts as changed. Without a key, whole rows are compared as a multiset (changed is then 0). Only columns
    present in both versions are compared, so adding a column does not mark every row as changed.
    Rows are held as 64-bit hashes, never as lists.
    """
    old_header, old_rows = _open(old_text)
    new_header, new_rows = _open(new_text)
    old_names, new_names = set(old_header), set(new_header)
    common = [name for name in old_header if name in new_names]
    key = next((name for name in key_columns if name in old_names and name in new_names), None)
    summary = DiffSummary(
        rows_before=0,
        rows_after=0,
        added=0,
        removed=0,
        changed=0,
        columns_added=[name for name in new_header if name not in old_names],
        columns_removed=[name for name in old_header if name not in new_names],
        keyed_by=key,
    )
    old_tuples = map(_projector(old_header, common), old_rows)
    new_tuples = map(_projector(new_header, common), new_rows)
    if key is None:
        _unkeyed_diff(summary, old_tuples, new_tuples)
    else:
        _keyed_diff(summary, old_tuples, new_tuples, common.index(key))
    return summary


def _unkeyed_diff(
    summary: DiffSummary, old_rows: Iterable[tuple[str, ...]], new_rows: Iterable[tuple[str, ...]]
) -> None:
    remaining = Counter(map(hash, old_rows))
    summary["rows_before"] = remaining.total()
    for row in new_rows:
        summary["rows_after"] += 1
        digest = hash(row)
        if remaining[digest] > 0:
            remaining[digest] -= 1
        else:
            summary["added"] += 1
    summary["removed"] = remaining.total()


def _keyed_diff(
    summary: DiffSummary, old_rows: Iterable[tuple[str, ...]], new_rows: Iterable[tuple[str, ...]], key_index: int
) -> None:
    # key → row hash, None once matched. Keys repeated in the old file move to `repeated` and are compared
    # there as multisets, so a key column full of duplicates (or blanks) stays linear.
    index: dict[str, int | None] = {}
    repeated: dict[str, list[int]] = {}
    for row in old_rows:
        summary["rows_before"] += 1
        key, digest = row[key_index], hash(row)
        if key in repeated:
            repeated[key].append(digest)
        elif key in index:
            repeated[key] = [index.pop(key) or 0, digest]  # never None before the new file is read
        else:
            index[key] = digest
    new_repeated: dict[str, list[int]] = {}
    for row in new_rows:
        summary["rows_after"] += 1
        key, digest = row[key_index], hash(row)
        if key in repeated:
            new_repeated.setdefault(key, []).append(digest)
        elif index.get(key) is None:
            summary["added"] += 1  # a new key, or a key repeated within the new file
        else:
            summary["changed"] += index[key] != digest
            index[key] = None
    summary["removed"] += sum(1 for digest in index.values() if digest is not None)
    for key, digests in repeated.items():
        added, removed, changed = _multiset_diff(digests, new_repeated.get(key, ()))
        summary["added"] += added
        summary["removed"] += removed
        summary["changed"] += changed


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
