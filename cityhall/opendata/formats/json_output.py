"""The JSON (CKAN DataStore shape) and GeoJSON downloads."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO

from cityhall.opendata.formats.csv_output import finish_text, text_output
from cityhall.opendata.formats.table import (
    NUMERIC_KINDS,
    column_kinds,
    coordinates,
    open_rows,
    parse_integer,
    parse_number,
    picker,
    point_columns,
)
from cityhall.opendata.validation import Schema

_CKAN_TYPES = {"integer": "int", "number": "numeric", "lat": "numeric", "lon": "numeric"}


JsonValue = str | int | float | None


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
        (names[i], parse_integer if kind == "integer" else parse_number)
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
    header, rows = open_rows(text)
    kinds = column_kinds(header, schema)
    fields = [
        {"id": name, "type": _CKAN_TYPES.get(kind, "text")}
        for name, kind in zip(_unique_names(header), kinds, strict=True)
    ]
    buffer, out = text_output()
    out.write('{"fields":' + json.dumps(fields, ensure_ascii=False) + ',"records":[')
    _write_json_array(out, map(_record_builder(header, kinds), rows))
    out.write("]}\n")
    return finish_text(buffer, out)


def write_geojson(text: str, schema: Schema | None = None) -> bytes | None:
    """RFC 7946 FeatureCollection of Points ([経度, 緯度]); None when the file has no coordinate columns.

    Rows whose coordinates are empty, unparsable or out of range are left out. Properties are the other
    columns, typed as in write_json.
    """
    header, rows = open_rows(text)
    columns = point_columns(header, schema)
    if columns is None:
        return None
    lat_index, lon_index = columns
    keep = [i for i in range(len(header)) if i not in columns]
    kinds = column_kinds(header, schema)
    build = _record_builder([header[i] for i in keep], [kinds[i] for i in keep])
    pick = picker(keep, len(header))

    def features() -> Iterator[dict[str, object]]:
        for row in rows:
            point = coordinates(row, lat_index, lon_index)
            if point is None:
                continue
            properties = build(pick(row))
            geometry = {"type": "Point", "coordinates": [point[1], point[0]]}
            yield {"type": "Feature", "geometry": geometry, "properties": properties}

    buffer, out = text_output()
    out.write('{"type":"FeatureCollection","features":[')
    _write_json_array(out, features())
    out.write("]}\n")
    return finish_text(buffer, out)
