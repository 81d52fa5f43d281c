"""XLSX download format: cityhall's streaming writer against the openpyxl writer it replaced, same file, same run.

Generates ROWS (default 100,000) 公衆トイレ一覧 rows with `bench/validate.py`'s `generate` (39 columns, seeded
random, errors seeded at --error-rate so some cells are formula-like or not numbers). Then:

* cityhall: `cityhall.opendata.formats.write_xlsx` (`cityhall.opendata.xlsx`, standard library only);
* peer: the previous implementation, kept below as `openpyxl_write_xlsx` (openpyxl write-only mode, the same
  conversions), on the first --peer-rows rows (default: all).

Both include parsing the CSV text. Prints rows/s and output size for both, the ratio, and whether the two workbooks
hold the same cells (value, type, bold, wrap) in the first --compare-rows rows (default 2,000), read back with
openpyxl. Run: `python bench/xlsx.py [--rows N] [--peer-rows N] [--compare-rows N] [--seed S]`.

Last measured (2-core dev machine, Python 3.11, openpyxl 3.1.5, defaults, two runs): cityhall 36,273 to 36,903
rows/s, openpyxl 3,381 to 3,388 rows/s: 10.7x to 10.9x, 19.3 MB against 19.5 MB, the same cells. With --rows
1000000 --peer-rows 100000: 1,000,000 rows in 25.6 s (39,121 rows/s) against 3,402 rows/s, 11.5x. The writer
deflates on a second thread: pinned to one core (taskset -c 0, 30,000 rows) it was 22,511 against 3,200 rows/s, 7.0x.
"""

from __future__ import annotations

import argparse
import io
import itertools
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from bench.validate import generate
from cityhall.opendata.formats.table import (
    NUMERIC_KINDS,
    column_kinds,
    neutralise_formula,
    open_rows,
    parse_integer,
    parse_number,
)
from cityhall.opendata.formats.xlsx_output import _WIDTH_SAMPLE_ROWS, _check_xlsx_size, _column_widths, write_xlsx
from cityhall.opendata.validation import Schema, load_schemas

# --- the peer: cityhall.opendata.formats.write_xlsx as it was before cityhall.opendata.xlsx -------------------------

_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_ERROR_CODES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})
_SHEET_TITLE_ILLEGAL = re.compile(r"[\\/*?:\[\]]")
_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)


def _xlsx_converter(kind: str, sheet: object) -> Callable[[str], object]:
    parse = parse_integer if kind == "integer" else parse_number

    def convert(value: str) -> object:
        if not value:
            return None
        if kind in NUMERIC_KINDS:
            number = parse(value)
            if number is not None and not (isinstance(number, int) and abs(number) >= 10**15):
                return number
        text = _safe_text(value)
        if text in _XLSX_ERROR_CODES or "\n" in text:
            return _text_cell(sheet, text)
        return text

    return convert


def _safe_text(value: str) -> str:
    if _XLSX_ILLEGAL.search(value):
        value = _XLSX_ILLEGAL.sub("", value)
    value = neutralise_formula(value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _text_cell(sheet: object, text: str, *, bold: bool = False) -> object:
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    if "\n" in text:
        cell.alignment = _WRAP
    if bold:
        cell.font = _BOLD
    return cell


def openpyxl_write_xlsx(text: str, schema: Schema | None = None, sheet_title: str = "データ") -> bytes:
    header, rows = open_rows(text)
    _check_xlsx_size(text, header)
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "cityhall"
    sheet = workbook.create_sheet(_SHEET_TITLE_ILLEGAL.sub("_", sheet_title)[:31] or "データ")
    sheet.freeze_panes = "A2"
    sample = list(itertools.islice(rows, _WIDTH_SAMPLE_ROWS))
    for i, width in enumerate(_column_widths(header, sample), 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.append([_text_cell(sheet, _safe_text(name), bold=True) for name in header])
    converters = [_xlsx_converter(kind, sheet) for kind in column_kinds(header, schema)]
    for row in itertools.chain(sample, rows):
        sheet.append([convert(value) for convert, value in zip(converters, row, strict=False)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- the run ------------------------------------------------------------------------------------------------------


def _timed(write: Callable[[], bytes]) -> tuple[bytes, float]:
    started = time.perf_counter()
    data = write()
    return data, time.perf_counter() - started


def _cells(data: bytes, rows: int) -> list[tuple[object, ...]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    return [
        tuple((cell.value, cell.data_type, cell.font.b, cell.alignment.wrap_text) for cell in row if cell.value)
        for row in sheet.iter_rows(max_row=rows + 1)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--peer-rows", type=int, default=None)
    parser.add_argument("--compare-rows", type=int, default=2_000)
    parser.add_argument("--error-rate", type=float, default=0.005)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    schema = load_schemas()["public_toilets"]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "092011_public_toilet.csv"
        generate(path, args.rows, args.error_rate, args.seed)
        text = path.read_bytes().decode()
    print(f"generated {args.rows:,} rows x 39 columns ({len(text.encode()) / 1e6:.0f} MB of CSV)")

    ours, ours_s = _timed(lambda: write_xlsx(text, schema))
    ours_rate = args.rows / ours_s
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cityhall : {args.rows:,} rows in {ours_s:.2f} s = {ours_rate:,.0f} rows/s, {len(ours) / 1e6:.1f} MB")
    print(f"           peak RSS so far {peak_mb:,.0f} MB (CSV text and workbook bytes included)")

    peer_rows = min(args.peer_rows or args.rows, args.rows)
    peer_text = "".join(itertools.islice(io.StringIO(text, newline=""), peer_rows + 1))
    peer, peer_s = _timed(lambda: openpyxl_write_xlsx(peer_text, schema))
    peer_rate = peer_rows / peer_s
    note = "" if peer_rows == args.rows else f" (first {peer_rows:,} rows only)"
    print(f"openpyxl {openpyxl.__version__}: {peer_rows:,} rows in {peer_s:.2f} s = {peer_rate:,.0f} rows/s{note}")
    print(f"           {len(peer) / 1e6 * args.rows / peer_rows:.1f} MB (scaled to {args.rows:,} rows)")
    print(f"\nratio (rows/s, cityhall / openpyxl): {ours_rate / peer_rate:.1f}x")

    compare = min(args.compare_rows, peer_rows)
    same = _cells(ours, compare) == _cells(peer, compare)
    print(
        f"cells (value, type, bold, wrap) of the header and first {compare:,} rows: {'same' if same else 'DIFFERENT'}"
    )


if __name__ == "__main__":
    main()
