"""The Excel download: one sheet written by the streaming writer (`cityhall.opendata.xlsx`)."""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence

from cityhall.opendata import xlsx
from cityhall.opendata.formats.table import (
    FORMULA_START,
    NUMERIC_KINDS,
    column_kinds,
    count_rows,
    neutralise_formula,
    open_rows,
    parse_integer,
    parse_number,
)
from cityhall.opendata.validation import Schema

XLSX_MAX_DATA_ROWS = 1_048_575  # Excel's 1,048,576 rows minus the header


XLSX_MAX_COLUMNS = 16_384


# _xlsx_rows joins a row's cells with a separator and searches the result once instead of every cell: for a cell that
# starts like a formula (a separator then one of FORMULA_START) and for characters XML cannot hold.
_XLSX_SEPARATOR = "\u00a6"  # "¦": printable, so str.isprintable() passes a plain row; rare, so rarely a false alarm


_XLSX_FORMULA_START = re.compile(_XLSX_SEPARATOR + "[=+\\-@\t\r]")


_WIDTH_SAMPLE_ROWS = 200


def _line_count_bound(text: str) -> int:
    """An upper bound on the number of records, from line terminators alone (no parsing)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def _display_width(value: str) -> int:
    longest = max(value.split("\n"), key=len, default="")
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in longest)


def _xlsx_number(kind: str) -> Callable[[str], int | float | None]:
    """The number a cell of a numeric column holds, or None when it stays text."""
    parse = parse_integer if kind == "integer" else parse_number

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
    _, rows = open_rows(text)
    width = len(kinds)
    numbers = [(i, _xlsx_number(kind)) for i, kind in enumerate(kinds) if kind in NUMERIC_KINDS]
    for parsed_row in rows:
        row = parsed_row if len(parsed_row) == width else (parsed_row + [""] * width)[:width]
        joined = _XLSX_SEPARATOR.join(row)
        cells: list[xlsx.Cell]
        if not joined.isprintable() and xlsx.has_illegal(joined):
            cells = [_xlsx_text(value) for value in row]
        elif row[0][:1] in FORMULA_START or _XLSX_FORMULA_START.search(joined):
            cells = [neutralise_formula(value) if value[:1] in FORMULA_START else value for value in row]
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
    header, rows = open_rows(text)
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
