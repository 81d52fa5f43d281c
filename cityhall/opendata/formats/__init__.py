"""Download formats of a published open-data CSV (CSV, JSON, GeoJSON, XLSX), previews and version diffs.

`table` reads the clean CSV text (rows, cell kinds, coordinates, previews, map points); `csv_output`,
`json_output` (JSON and GeoJSON) and `xlsx_output` write the downloads; `diffs` compares two versions.
Callers use this package (`from cityhall.opendata import formats; formats.write_csv(...)`); a test that
changes a limit patches the submodule that reads it (`formats.xlsx_output.XLSX_MAX_DATA_ROWS`).
"""

from cityhall.opendata.formats.csv_output import write_csv
from cityhall.opendata.formats.diffs import DiffSummary, diff_summary
from cityhall.opendata.formats.json_output import write_geojson, write_json
from cityhall.opendata.formats.table import (
    NUMERIC_KINDS,
    column_kinds,
    count_rows,
    neutralise_formula,
    point_columns,
    points,
    preview,
    sha256_hex,
)
from cityhall.opendata.formats.xlsx_output import XLSX_MAX_COLUMNS, XLSX_MAX_DATA_ROWS, write_xlsx

__all__ = [
    "NUMERIC_KINDS",
    "XLSX_MAX_COLUMNS",
    "XLSX_MAX_DATA_ROWS",
    "DiffSummary",
    "column_kinds",
    "count_rows",
    "diff_summary",
    "neutralise_formula",
    "point_columns",
    "points",
    "preview",
    "sha256_hex",
    "write_csv",
    "write_geojson",
    "write_json",
    "write_xlsx",
]
