"""The plan's CSV datasets and Excel workbook, as bytes (served by console/downloads.py).

The caller fixes the language (Japanese): the documents are the city's papers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from cityhall.core.fiscal_year import FiscalYear, HalfYear
from cityhall.core.spreadsheet import defuse_formula
from cityhall.plans import selectors
from cityhall.plans.models import Initiative, Plan, ProgressStatus

Cell = str | int | Decimal | None


def spreadsheet_safe(value: Cell) -> Cell:
    """Defuse formula ("CSV") injection: text a spreadsheet would evaluate gets a leading apostrophe."""
    return defuse_formula(value) if isinstance(value, str) else value


# --- CSV ---


def _when(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _department(initiative: Initiative) -> str:
    return initiative.department.name if initiative.department else ""


def _field_label(initiative: Initiative) -> str:
    fld = initiative.field
    return f"{fld.pillar.roman}-({fld.number}) {fld.title}"


def _initiative_rows(plan: Plan) -> list[list[Cell]]:
    return [
        [
            i.code,
            str(i.field.pillar),
            _field_label(i),
            i.title,
            "○" if i.national else "",
            "○" if i.prefectural else "",
            _department(i),
            i.description,
        ]
        for i in selectors.initiatives(plan)
    ]


def _schedule_rows(plan: Plan) -> list[list[Cell]]:
    return [
        [i.code, i.title, bar.row, bar.label, bar.start.label, bar.end.label]
        for i in selectors.initiatives(plan)
        for bar in i.schedule.all()
    ]


def _score_rows(plan: Plan) -> list[list[Cell]]:
    """Every score with the rule it was ranked by: the plan's current rule, as changing it re-ranks every score."""
    rule = plan.score_rule
    return [
        [
            FiscalYear(s.fiscal_year).label,
            s.initiative.code,
            s.initiative.title,
            s.government,
            s.quality,
            s.cost,
            s.delivery,
            s.score,
            s.get_rank_display(),
            s.comment,
            str(s.scored_by),
            _when(s.scored_at),
            rule.formula,
            rule.thresholds_text(),
        ]
        for s in selectors.score_list(plan)
    ]


def _progress_rows(plan: Plan) -> list[list[Cell]]:
    return [
        [
            FiscalYear(r.fiscal_year).label,
            str(r.get_half_display()),
            r.initiative.code,
            r.initiative.title,
            r.get_status_display(),
            r.comment,
            str(r.reported_by),
            _when(r.reported_at),
        ]
        for r in selectors.progress_report_list(plan)
    ]


@dataclass(frozen=True)
class Dataset:
    title: str
    header: tuple[str, ...]
    rows: Callable[[Plan], list[list[Cell]]]


SCORE_HEADER = (
    "年度",
    "コード",
    "取組項目",
    "G",
    "Q",
    "C",
    "D",
    "点数",
    "優先度",
    "評価コメント",
    "評価者",
    "評価日時",
    "算定式",
    "優先度の基準",
)
DATASETS: dict[str, Dataset] = {
    "initiatives": Dataset(
        "取組項目", ("コード", "施策の柱", "取組分野", "取組項目", "国", "県", "担当課", "取組内容"), _initiative_rows
    ),
    "schedule": Dataset("実施スケジュール", ("コード", "取組項目", "行", "実施内容", "開始", "終了"), _schedule_rows),
    "scores": Dataset("優先度評価", SCORE_HEADER, _score_rows),
    "progress": Dataset(
        "進捗報告", ("年度", "期", "コード", "取組項目", "進捗", "コメント", "報告者", "報告日時"), _progress_rows
    ),
}


def csv_bytes(plan: Plan, spec: Dataset) -> bytes:
    """One dataset of the plan as CSV: UTF-8 with a BOM (which makes Excel read UTF-8 instead of Shift_JIS)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(spec.header)
    writer.writerows([spreadsheet_safe(value) for value in row] for row in spec.rows(plan))
    return buffer.getvalue().encode("utf-8-sig")


# --- Excel ---

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEAD_FILL = PatternFill("solid", fgColor="1D4F91")
HEAD_FONT = Font(bold=True, color="FFFFFF")
NOW_FILL = PatternFill("solid", fgColor="F59E0B")
BAR_FILL = PatternFill("solid", fgColor="2F6FB5")
BAR_FONT = Font(color="FFFFFF")
STATUS_FILLS = {
    ProgressStatus.NOT_STARTED: PatternFill("solid", fgColor="EDEDED"),
    ProgressStatus.IN_PROGRESS: PatternFill("solid", fgColor="DDEBF7"),
    ProgressStatus.DONE: PatternFill("solid", fgColor="C6EFCE"),
    ProgressStatus.DELAYED: PatternFill("solid", fgColor="F8CBAD"),
}
WRAP = Alignment(wrap_text=True, vertical="top")
HALF_WIDTH = 18  # Excel width units (≈ one digit each; a Japanese character takes about two)


def _lines(text: str, width: float) -> int:
    """How many lines `text` wraps to in a cell `width` units wide."""
    units = sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1.1 for ch in text)
    return max(1, math.ceil(units / max(width - 1, 1)))


def _put(sheet: Any, row: int, col: int, value: Cell) -> Any:
    """Write a cell formula-safe and without the control characters XLSX cannot hold (openpyxl would raise)."""
    value = spreadsheet_safe(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return sheet.cell(row, col, value)


def _head(sheet: Any, row: int, col: int, text: str, *, fill: PatternFill = HEAD_FILL) -> None:
    cell = sheet.cell(row, col, text)
    cell.fill, cell.font = fill, HEAD_FONT
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _widths(sheet: Any, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def _gantt_sheet(sheet: Any, plan: Plan, current: HalfYear) -> None:
    """One row per row of the plan's 実施スケジュール tables; a bar is a filled, merged run of half-year cells."""
    sheet.title = "実施スケジュール"
    halves, first = plan.half_years(), 3
    for col, text in ((1, "コード"), (2, "取組項目")):
        _head(sheet, 1, col, text)
        sheet.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    for n, fiscal_year in enumerate(plan.fiscal_years()):
        _head(sheet, 1, first + 2 * n, fiscal_year.label)
        sheet.merge_cells(start_row=1, start_column=first + 2 * n, end_row=1, end_column=first + 2 * n + 1)
    for n, half_year in enumerate(halves):
        _head(sheet, 2, first + n, half_year.half.label, fill=NOW_FILL if half_year == current else HEAD_FILL)
    row = 3
    for gantt_row in selectors.gantt_rows(plan):
        lines = 1
        if gantt_row.first:
            initiative, last = gantt_row.initiative, row + gantt_row.rows_of_initiative - 1
            _put(sheet, row, 1, initiative.code).alignment = WRAP
            _put(sheet, row, 2, initiative.title).alignment = WRAP
            for col in (1, 2):
                if last > row:
                    sheet.merge_cells(start_row=row, start_column=col, end_row=last, end_column=col)
            lines = math.ceil(_lines(initiative.title, 40) / gantt_row.rows_of_initiative)
        col = first
        for cell in gantt_row.cells:
            span = min(cell.span, first + len(halves) - col)  # overlapping bars in one row: clip, never overlap
            if cell.bar is not None and span > 0:
                lines = max(lines, _bar_cells(sheet, row, col, span, cell.bar.label))
            col += max(span, 0)
        sheet.row_dimensions[row].height = 15 * lines + 3
        row += 1
    _widths(sheet, [10, 40, *[HALF_WIDTH] * len(halves)])
    sheet.freeze_panes = "C3"


def _bar_cells(sheet: Any, row: int, col: int, span: int, label: str) -> int:
    _put(sheet, row, col, label)
    if span > 1:
        sheet.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
    # Style every cell of the run (not only the merged anchor) so each reads as part of the bar.
    for c in range(col, col + span):
        cell = sheet.cell(row, c)
        cell.fill, cell.font = BAR_FILL, BAR_FONT
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return _lines(label, HALF_WIDTH * span)


def _progress_sheet(sheet: Any, plan: Plan, current: HalfYear) -> None:
    """Initiatives × half-years: the status reported for each half, and the latest comment."""
    halves = plan.half_years()
    for col, text in enumerate(["コード", "取組項目", "担当課", *[h.label for h in halves], "最新のコメント"], start=1):
        now = 4 <= col < 4 + len(halves) and halves[col - 4] == current
        _head(sheet, 1, col, text, fill=NOW_FILL if now else HEAD_FILL)
    reports = {(r.initiative_id, r.fiscal_year, r.half): r for r in selectors.progress_report_list(plan)}
    latest = selectors.latest_progress(plan)
    for row, initiative in enumerate(selectors.initiatives(plan), start=2):
        for col, value in enumerate([initiative.code, initiative.title, _department(initiative)], start=1):
            _put(sheet, row, col, value).alignment = WRAP
        for n, half_year in enumerate(halves):
            report = reports.get((initiative.pk, half_year.fiscal_year.year, int(half_year.half)))
            if report is not None:
                cell = sheet.cell(row, 4 + n, report.get_status_display())
                cell.fill = STATUS_FILLS[ProgressStatus(report.status)]
                cell.alignment = Alignment(horizontal="center", vertical="top")
        comment = latest[initiative.pk].comment if initiative.pk in latest else ""
        _put(sheet, row, 4 + len(halves), comment).alignment = WRAP
    _widths(sheet, [10, 40, 16, *[14] * len(halves), 60])
    sheet.freeze_panes = "D2"


def _scores_sheet(sheet: Any, plan: Plan) -> None:
    for col, text in enumerate(SCORE_HEADER, start=1):
        _head(sheet, 1, col, text)
    score_col = SCORE_HEADER.index("点数") + 1
    for row, values in enumerate(_score_rows(plan), start=2):
        for col, value in enumerate(values, start=1):
            _put(sheet, row, col, value).alignment = WRAP
        sheet.cell(row, score_col).number_format = "0.00"
    _widths(sheet, [12, 10, 40, 5, 5, 5, 5, 8, 12, 60, 16, 17, 14, 60])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def xlsx_bytes(plan: Plan, current: HalfYear) -> bytes:
    """The workbook: the schedule as a Gantt chart, progress by half-year, and every score."""
    book = Workbook()
    _gantt_sheet(book.active, plan, current)
    _progress_sheet(book.create_sheet("進捗"), plan, current)
    _scores_sheet(book.create_sheet("優先度"), plan)
    book.properties.title = plan.name
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
