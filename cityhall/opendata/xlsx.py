"""Streaming XLSX writer: one worksheet of text and numbers, written with the standard library only.

The SpreadsheetML parts are written by hand. Rows are turned into XML in batches of about 8 million characters, and
each batch is deflated into the worksheet's zip entry on a second thread while the next is built, so memory stays
flat however many rows there are. Text is stored as inline strings (t="inlineStr"): a shared-strings table would
hold every distinct value in memory until the end (millions in a 1,000,000-row file). Output is deterministic: the
zip entries carry a fixed timestamp and docProps/core.xml no dates.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import IO
from xml.sax.saxutils import escape

Cell = str | int | float | None
"""A cell value: "" and None are blank, str is text (never a formula), int and float are numbers."""

MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_TEXT_LENGTH = 32_767  # characters in one cell

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not XML 1.0 characters
_CARE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\r\n]")  # see _plain_row
_SHEET_NAME_ILLEGAL = re.compile(r"[\\/*?:\[\]]")
# Large batches: the deflating thread waits for the GIL after each zlib call, a few times per batch whatever its size.
_BATCH_CHARS = 1 << 23
# zipfile writes ZIP64 headers for an entry of unknown size only when told to up front, and Excel refuses ZIP64
# headers on an entry that does not need them; the worksheet is therefore written again with them when it turns out
# larger than this. (LibreOffice 7.4 opens no workbook whose central directory has ZIP64 records, which zipfile writes
# for such an entry: a worksheet past 2 GiB opens in Excel only, as it did when openpyxl wrote it.)
_ZIP32_LIMIT = zipfile.ZIP64_LIMIT
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# Cell styles (xf indices in styles.xml): plain, bold (header), wrapped (a line break), bold and wrapped.
_PLAIN, _BOLD, _WRAP, _BOLD_WRAP = "", ' s="1"', ' s="2"', ' s="3"'
_PRESERVE = ' xml:space="preserve"'

_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.spreadsheetml.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{_CT}.extended-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"'
    ' Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL_NS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>cityhall</Application></Properties>"
)
_WORKBOOK_RELS = (
    f'<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL_NS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
_XF = '<xf numFmtId="0" fontId="{font}" fillId="0" borderId="0" xfId="0"{apply}>{alignment}</xf>'
_TOP_WRAP = '<alignment vertical="top" wrapText="1"/>'
_STYLES = (
    f'<styleSheet xmlns="{_MAIN_NS}">'
    f'<fonts count="2"><font>{_FONT}</font><font><b/>{_FONT}</font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4">'
    + _XF.format(font=0, apply="", alignment="")
    + _XF.format(font=1, apply=' applyFont="1"', alignment="")
    + _XF.format(font=0, apply=' applyAlignment="1"', alignment=_TOP_WRAP)
    + _XF.format(font=1, apply=' applyFont="1" applyAlignment="1"', alignment=_TOP_WRAP)
    + "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="0"/><tableStyles count="0"/>'
    "</styleSheet>"
)
_SHEET_VIEWS = (
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    "</sheetView></sheetViews>"
)
_SHEET_END = (
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
)


class _Zip32OverflowError(Exception):
    """The worksheet outgrew an entry without ZIP64 headers; it is written again with them."""


def column_letter(index: int) -> str:
    """Column name of a 1-based index: 1 → A, 27 → AA, 16,384 → XFD."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def drop_illegal(text: str) -> str:
    """The text without the characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE, U+FFFF)."""
    return _ILLEGAL.sub("", text) if _ILLEGAL.search(text) else text


def has_illegal(text: str) -> bool:
    """Whether the text holds a character XML 1.0 cannot (drop_illegal would change it)."""
    return _ILLEGAL.search(text) is not None


def sheet_name(title: str, default: str = "Sheet1") -> str:
    """A name Excel accepts: no []:*?/\\ (replaced by "_"), no leading or trailing apostrophe, 31 characters."""
    name = _SHEET_NAME_ILLEGAL.sub("_", drop_illegal(title)).strip("'")[:31].strip("'")
    return name or default


def write_workbook(
    out: IO[bytes],
    *,
    header: Sequence[str],
    rows: Callable[[], Iterable[Sequence[Cell]]],
    sheet_title: str,
    widths: Sequence[float],
) -> None:
    """Write a one-sheet workbook to `out` (seekable): a bold header row, frozen, and the data rows below it.

    `rows` returns a fresh iterator over the data rows; it is called a second time when the worksheet is larger
    than 2 GiB uncompressed (the file is then rewritten from where `out` stood). `widths` are column widths in
    characters. Text cells lose the characters XML cannot hold, keep line breaks (as LF, wrapped) and are cut at
    32,767 characters. The rows are deflated on a second thread. Raises ValueError for more columns or rows than a
    worksheet holds or for a NaN or infinite number, TypeError for a value that is not a Cell (bool included).
    """
    if len(header) > MAX_COLUMNS or len(widths) > MAX_COLUMNS:
        raise ValueError(f"a worksheet holds at most {MAX_COLUMNS:,} columns")
    start = out.tell()
    try:
        _write(out, header, rows(), sheet_name(sheet_title), widths, zip64=False)
    except _Zip32OverflowError:
        out.seek(start)
        out.truncate()
        _write(out, header, rows(), sheet_name(sheet_title), widths, zip64=True)


def _write(
    out: IO[bytes],
    header: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    title: str,
    widths: Sequence[float],
    *,
    zip64: bool,
) -> None:
    with zipfile.ZipFile(out, "w") as archive:
        for name, xml in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _ROOT_RELS),
            ("docProps/app.xml", _APP),
            ("docProps/core.xml", _core_properties()),
            ("xl/workbook.xml", _workbook(title)),
            ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
            ("xl/styles.xml", _STYLES),
        ):
            archive.writestr(_entry(name), _DECLARATION + xml)
        # zlib lets go of the GIL while it deflates, so a second thread deflates each chunk while the next is built.
        with (
            archive.open(_entry("xl/worksheets/sheet1.xml"), "w", force_zip64=zip64) as sheet,
            ThreadPoolExecutor(max_workers=1) as deflater,
        ):
            written, pending = 0, None
            for chunk in _worksheet(header, rows, widths):
                written += len(chunk)
                if written > _ZIP32_LIMIT and not zip64:
                    raise _Zip32OverflowError
                if pending is not None:
                    pending.result()
                pending = deflater.submit(sheet.write, chunk)
            if pending is not None:
                pending.result()


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # the same bytes on every platform (ZipInfo guesses from the running one)
    return info


def _core_properties() -> str:
    # No dcterms:created/modified: a fixed date would be false, the real one would make the bytes differ per run.
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>cityhall</dc:creator></cp:coreProperties>'
    )


def _workbook(title: str) -> str:
    name = escape(title, {'"': "&quot;"})
    return (
        f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews>'
        f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def _worksheet(header: Sequence[str], rows: Iterable[Sequence[Cell]], widths: Sequence[float]) -> Iterator[bytes]:
    """The worksheet XML in UTF-8 chunks of about _BATCH_CHARS characters each."""
    cols = "".join(f'<col min="{i}" max="{i}" width="{width:g}" customWidth="1"/>' for i, width in enumerate(widths, 1))
    head = [_DECLARATION, f'<worksheet xmlns="{_MAIN_NS}">', _SHEET_VIEWS, '<sheetFormatPr defaultRowHeight="15"/>']
    if cols:
        head.append(f"<cols>{cols}</cols>")
    prefixes = _Prefixes()
    head += ["<sheetData>", _careful_row(prefixes.get(len(header)), "1", header, bold=True)]
    batch, size = head, 0
    for number, row in enumerate(rows, 2):
        if number > MAX_ROWS:
            raise ValueError(f"a worksheet holds at most {MAX_ROWS:,} rows")
        rn = str(number)
        prefix = prefixes.get(len(row))
        xml = _plain_row(prefix, rn, row) or _careful_row(prefix, rn, row, bold=False)
        batch.append(xml)
        size += len(xml)
        if size >= _BATCH_CHARS:
            yield "".join(batch).encode()
            batch, size = [], 0
    batch.append(_SHEET_END)
    yield "".join(batch).encode()


class _Prefixes:
    """'<c r="A', '<c r="B', …: the start of each column's cells, the row number follows."""

    def __init__(self) -> None:
        self._prefixes: list[str] = []

    def get(self, columns: int) -> list[str]:
        if columns > len(self._prefixes):
            if columns > MAX_COLUMNS:
                raise ValueError(f"a worksheet holds at most {MAX_COLUMNS:,} columns")
            start = len(self._prefixes) + 1
            self._prefixes += [f'<c r="{column_letter(i)}' for i in range(start, columns + 1)]
        return self._prefixes


def _plain_row(prefixes: list[str], rn: str, row: Sequence[Cell]) -> str | None:
    """The row's XML when no text in it needs more than escaping (the usual case), else None.

    The text cells are checked together, joined by "¦": control characters, line breaks, surrogates, white space at
    either end of a cell and over-long text send the row to _careful_row. Most rows are printable, which
    str.isprintable() tells faster than a regular expression, and then the only white space is the ASCII space.
    """
    texts: list[str] = [value for value in row if value.__class__ is str]  # type: ignore[misc]  # mypy does not narrow on __class__ is; isinstance is slower here
    joined = "\u00a6".join(texts)
    if joined.isprintable():
        if " \u00a6" in joined or "\u00a6 " in joined or joined[:1] == " " or joined[-1:] == " ":
            return None
    elif _CARE.search(joined) or list(map(str.strip, texts)) != texts:
        return None
    if len(joined) > MAX_TEXT_LENGTH:
        return None
    escaping = "&" in joined or "<" in joined or ">" in joined
    parts = [f'<row r="{rn}">']
    append = parts.append
    for prefix, value in zip(prefixes, row, strict=False):
        kind = value.__class__
        if kind is str:
            if value:
                text = _escape(value) if escaping else value  # type: ignore[arg-type]  # kind is str: mypy does not narrow on __class__
                append(f'{prefix}{rn}" t="inlineStr"><is><t>{text}</t></is></c>')
        elif kind is int:
            append(f'{prefix}{rn}"><v>{value}</v></c>')
        elif kind is float:
            append(f'{prefix}{rn}"><v>{_number(value)}</v></c>')
        elif value is not None:
            return None  # a subclass (of str, int or float) or no cell value at all: _careful_row sorts it out
    append("</row>")
    return "".join(parts)


def _careful_row(prefixes: list[str], rn: str, row: Sequence[Cell], *, bold: bool) -> str:
    parts = [f'<row r="{rn}">']
    plain, wrapped = (_BOLD, _BOLD_WRAP) if bold else (_PLAIN, _WRAP)
    for prefix, value in zip(prefixes, row, strict=False):
        if isinstance(value, str):
            text = drop_illegal(value)
            if "\r" in text:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            text = text[:MAX_TEXT_LENGTH]
            if text:
                style = wrapped if "\n" in text else plain
                space = _PRESERVE if text[0].isspace() or text[-1].isspace() else ""
                parts.append(f'{prefix}{rn}"{style} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>')
        elif value is not None:
            parts.append(f'{prefix}{rn}"><v>{_number(value)}</v></c>')
    parts.append("</row>")
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _number(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"not a cell value: {value!r}")
    if isinstance(value, int):
        return str(int(value))
    if not math.isfinite(value):
        raise ValueError(f"a worksheet cannot hold {value!r}")
    text = repr(float(value))  # the shortest text that reads back as the same double
    return text[:-2] if text.endswith(".0") else text  # 143.0 as 143, as Excel writes it
