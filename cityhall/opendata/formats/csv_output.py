"""The CSV download: UTF-8 with BOM and CRLF, formula-like cells neutralised; the text buffer the JSON writers share."""

from __future__ import annotations

import csv
import io
import itertools

from cityhall.opendata.formats.table import (
    FORMULA_START,
    neutralise_formula,
    open_rows,
)


def text_output(encoding: str = "utf-8") -> tuple[io.BytesIO, io.TextIOWrapper]:
    buffer = io.BytesIO()
    return buffer, io.TextIOWrapper(buffer, encoding=encoding, newline="")


def finish_text(buffer: io.BytesIO, wrapper: io.TextIOWrapper) -> bytes:
    wrapper.flush()
    wrapper.detach()  # keep the BytesIO open when the wrapper is collected
    return buffer.getvalue()


def write_csv(text: str) -> bytes:
    """UTF-8 with BOM and CRLF (what Excel on Japanese Windows opens correctly); formula-like cells neutralised."""
    header, rows = open_rows(text)
    buffer, out = text_output("utf-8-sig")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in itertools.chain([header] if header else [], rows):
        writer.writerow([neutralise_formula(cell) if cell[:1] in FORMULA_START else cell for cell in row])
    return finish_text(buffer, out)
