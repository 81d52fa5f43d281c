"""The compiled, schema-driven validator.

`validate` reads the CSV in blocks of a few hundred rows (reader.py: one str.split per block where the text
allows it, csv.reader elsewhere) and hands every column of a block to a checker compiled once for its
ColumnRule (columns.py). Checkers look at the whole column with C-level str/set operations and only run
the per-value checks of checks.py on the values that may be wrong, so the report is the same as checking
every cell one by one.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Collection, Iterable, Iterator, Sequence

from .columns import ColumnCheck, column_checker, number_checker
from .coordinates import JAPAN_BBOX, BBox, LatLon
from .reader import Block, read_header
from .report import MAX_PROBLEMS, Problem, Report
from .schema import UNKNOWN, ColumnRule, Schema, delimiter_problem, map_header
from .totals import Total

__all__ = ["JAPAN_BBOX", "MAX_PROBLEMS", "BBox", "Problem", "Report", "apply_fixes", "validate"]


def validate(
    source: str | Iterable[str], schema: Schema, *, bbox: BBox | None = None, own_code: str | None = None
) -> Report:
    """Validate CSV text (or an iterable of lines from a file opened with newline="") against `schema`.

    `bbox` is the municipality's area for coordinates and `own_code` its 全国地方公共団体コード, which the
    column naming the government that manages the data must hold.

    Raises ValueError (message for the clerk) when there is no header, it is not comma-separated, or a cell is
    longer than csv.field_size_limit() (usually a quote left open).
    """
    # Rows are lists of strings and never form cycles; the cyclic GC only burns time walking them.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _validate(source, schema, bbox, own_code)
    except csv.Error as error:  # with strict=False, only a cell over the limit gets here
        raise ValueError(
            f'1つのセルが長すぎます（{csv.field_size_limit():,}文字まで）。引用符（"）が閉じられているか確認してください。'
        ) from error
    finally:
        if gc_was_enabled:
            gc.enable()


def _validate(source: str | Iterable[str], schema: Schema, bbox: BBox | None, own_code: str | None) -> Report:
    header, blocks = read_header(source)
    if not header:
        raise ValueError("ファイルが空です。1行目に項目名、2行目からデータを入れてください。")
    header = [header[0].lstrip("\ufeff"), *header[1:]]
    delimiter = delimiter_problem(header)
    if delimiter is not None:
        raise ValueError(delimiter)
    report = Report(schema=schema, header=header, mapping=[])
    report.mapping = _header_problems(report, header)
    report.settle()
    plan = _Plan(report, bbox, own_code)
    for block in blocks:
        plan.run(block)
        report.settle()
    for blank in plan.blanks:
        blank.finish()
    return report


class _Plan:
    """The checkers of one file: one per mapped column, latitude and longitude as a pair."""

    def __init__(self, report: Report, bbox: BBox | None, own_code: str | None) -> None:
        self.report, self.width = report, len(report.header)
        rules = {rule.name: rule for rule in report.schema.columns}
        mapped = [(i, rules[name]) for i, name in enumerate(report.mapping) if name is not None]
        lat = next(((i, rule) for i, rule in mapped if rule.kind == "lat"), None)
        lon = next(((i, rule) for i, rule in mapped if rule.kind == "lon"), None)
        self.checks: list[tuple[int, ColumnCheck]] = []
        self.pair: tuple[int, int, LatLon] | None = None
        for i, rule in mapped:
            if rule.kind not in ("lat", "lon"):
                self.checks.append((i, column_checker(rule, report, own_code=own_code)))
            elif lat is None or lon is None:  # only one of the two: check it as a number
                self.checks.append((i, number_checker(rule, report)))
        if lat is not None and lon is not None:
            self.pair = (lat[0], lon[0], LatLon(lat[1], lon[1], report, bbox))
        self.blanks = [_BlankHeader(i, report) for i, cell in enumerate(report.header) if not cell.strip()]
        self.checks.extend((blank.index, blank) for blank in self.blanks)
        position = {rule.name: i for i, rule in mapped}
        self.totals = [
            (i, [position[part] for part in rule.parts], Total(rule, report))
            for i, rule in mapped
            if rule.parts and all(part in position for part in rule.parts)
        ]

    def run(self, block: Block) -> None:
        width, fields = self.width, block.fields
        columns: Sequence[Sequence[str]]
        if fields is not None and self.report.header[0] not in fields[::width]:
            rows: Sequence[int] = range(block.first_row, block.first_row + len(fields) // width)
            columns = [fields[i::width] for i in range(width)]
        else:
            if fields is not None:  # the header's first value is in column 0: compare whole rows
                records = [fields[k : k + width] for k in range(0, len(fields), width)]
            else:
                records = block.records or []
            records, rows = self._normalise(records, block.first_row)
            if not records:
                return
            columns = list(zip(*records, strict=True))
        self.report.rows_checked += len(rows)
        for i, check in self.checks:
            check(columns[i], rows)
        if self.pair is not None:
            lat_i, lon_i, pair = self.pair
            pair(columns[lat_i], columns[lon_i], rows)
        for i, parts, total in self.totals:
            total(columns[i], [columns[j] for j in parts], rows)

    def _normalise(self, records: list[list[str]], first_row: int) -> tuple[list[list[str]], Sequence[int]]:
        """Records of the header's width with their row numbers; blank rows and repeated headers dropped."""
        width, header, add = self.width, self.report.header, self.report.add
        rows: Sequence[int] = range(first_row, first_row + len(records))
        if set(map(len, records)) == {width} and header not in records:
            return records, rows
        kept: list[tuple[int, list[str]]] = []
        for r, record in zip(rows, records, strict=True):
            if not record:
                continue
            if record == header:
                add(r, "", ",".join(record)[:100], ("header_repeated", _HEADER_REPEATED, None))
                continue
            if len(record) != width:
                add(
                    r,
                    "",
                    ",".join(record)[:100],
                    ("row_length", f"列の数が見出し（{width}列）と違います（{len(record)}列）。", None),
                )
            kept.append((r, (record + [""] * width)[:width]))
        return [row for _, row in kept], [r for r, _ in kept]


class _BlankHeader:
    """A column without a name: reported with the header; when no row holds a value in it either (cells a
    spreadsheet once touched), the fix is to remove it, which changes no data."""

    def __init__(self, index: int, report: Report) -> None:
        self.index, self.report, self.has_data = index, report, False

    def __call__(self, col: Sequence[str], rows: Sequence[int]) -> None:
        if not self.has_data:
            self.has_data = any(map(str.strip, col))

    def finish(self) -> None:
        if not self.has_data:
            self.report.offer_column_drop(self.index, _blank_header_label(self.index), "header_blank")


def _blank_header_label(index: int) -> str:
    return f"{index + 1}列目"


_HEADER_REPEATED = (
    "見出し行と同じ内容の行があります。ファイルをつなげたときに入った見出しなら、この行を削除してください。"
)


def _header_problems(report: Report, header: list[str]) -> list[str | None]:
    mapping = map_header(header, report.schema)
    for i, cell in enumerate(header):
        if not cell.strip():
            message = (
                f"{i + 1}列目の見出しが空欄です。項目名を入れてください。"
                "値が1つもない列なら、自動修正で列ごと削除できます。"
            )
            report.add(1, _blank_header_label(i), "", ("header_blank", message, None))
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
            report.add(1, rule.name, "", ("missing_column", _missing_message(rule), None))
    return mapping


def _missing_message(rule: ColumnRule) -> str:
    if rule.blank_is_value:
        return (
            f"必須項目「{rule.name}」の列がありません。この項目の空欄は「該当なし」の意味になるため、"
            f"自動修正では空欄ではなく「{UNKNOWN}」として列を追加します。公開する前に値を入れるか、"
            "すべて該当なしであることを理由を添えて確認してください。"
        )
    return f"必須項目「{rule.name}」の列がありません。"


def _rows(source: str | Iterable[str]) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(source, newline="") if isinstance(source, str) else source, strict=False)


def apply_fixes(
    source: str,
    schema: Schema,
    *,
    bbox: BBox | None = None,
    codes: Collection[str] | None = None,
    reorder: bool = True,
    confirmed: Collection[str] = (),
) -> str:
    """The file with the mechanical fixes applied: all of them, or those of the problem codes in `codes`.

    With `reorder` the columns come in schema order under the schema's names (unknown columns kept at the end,
    a missing column added: empty, or UNKNOWN in every row where a blank would mean something; such a column
    that is not required is left out instead); without it the file keeps its own columns and header text.
    In the columns named in `confirmed` (a person confirmed every row 該当なし), UNKNOWN cells become blank.
    Blank lines are dropped and rows of the wrong length padded or cut to the header's width either way. The
    text is returned; publish it as UTF-8 with BOM. Raises ValueError as `validate` does.
    """
    report = validate(source, schema, bbox=bbox)
    fixes = report.fixes
    if codes is not None:
        wanted = set(codes)
        fixes = {cell: fix for cell, fix in fixes.items() if report.fix_codes.get(cell) in wanted}
    width = len(report.header)
    drops = {i for i, code in report.column_drops.items() if codes is None or code in codes}
    order, out_header, names, fills = _layout(report, reorder=reorder, drops=drops)
    fixed_columns = [(j, name) for j, name in enumerate(names) if name is not None]
    unknown_to_blank = [j for j, name in enumerate(names) if name is not None and name in confirmed]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(out_header)
    reader = _rows(source)
    next(reader)
    for r, raw in enumerate(reader, 2):
        if not raw:
            continue
        row = (raw + [""] * width)[:width] + fills
        out = [row[i] for i in order]
        if fixes:
            for j, name in fixed_columns:
                fix = fixes.get((r, name))
                if fix is not None:
                    out[j] = fix
        for j in unknown_to_blank:
            if out[j] == UNKNOWN:
                out[j] = ""
        writer.writerow(out)
    return buffer.getvalue()


def _layout(
    report: Report, *, reorder: bool, drops: Collection[int]
) -> tuple[list[int], list[str], list[str | None], list[str]]:
    """Where each output column comes from (an index into a row of the file with `fills` appended after its
    own cells), the output header, the schema name of each output column, and the values of added columns.
    The file's columns in `drops` are left out."""
    width = len(report.header)
    if not reorder:
        own = [i for i in range(width) if i not in drops]
        return own, [report.header[i] for i in own], [report.mapping[i] for i in own], []
    positions = {name: i for i, name in enumerate(report.mapping) if name is not None}
    extra = [i for i, name in enumerate(report.mapping) if name is None and i not in drops]
    # An optional column whose blank is a value would only add a question nobody asked: leave it out.
    kept = [
        rule for rule in report.schema.columns if rule.name in positions or rule.required or not rule.blank_is_value
    ]
    missing = [rule for rule in kept if rule.name not in positions]
    positions.update({rule.name: width + k for k, rule in enumerate(missing)})
    order = [positions[rule.name] for rule in kept] + extra
    out_header = [rule.name for rule in kept] + [report.header[i] for i in extra]
    names: list[str | None] = [rule.name for rule in kept]
    return order, out_header, names + [None] * len(extra), [UNKNOWN if r.blank_is_value else "" for r in missing]
