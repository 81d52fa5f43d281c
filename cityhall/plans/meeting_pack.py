"""The 電子市役所推進本部 meeting pack: the plan's progress, delays, priority ranking and schedule as a PDF.

A4 landscape, set in the embedded Japanese font of cityhall.core.pdf; the caller fixes the language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table

from cityhall.core.fiscal_year import FiscalYear, HalfYear
from cityhall.core.pdf import build_pdf, styles, table
from cityhall.core.wareki import format_date
from cityhall.plans import selectors
from cityhall.plans.models import Initiative, Plan, ProgressStatus
from cityhall.plans.scoring import Rank, departure_text

TITLE = "電子市役所推進本部 会議資料"
WIDTH = 267 * mm  # A4 landscape less the margins of cityhall.core.pdf
HEAD_BG = colors.HexColor("#1d4f91")
BAR_BG = colors.HexColor("#2f6fb5")
NOW_BG = colors.HexColor("#f59e0b")
NOW_TINT = colors.HexColor("#fde9c4")
RULE = colors.HexColor("#9ca3af")
SYMBOLS = {3: "◎", 2: "○", 1: "△"}
RANK_BG = {Rank.A: colors.HexColor("#fde2e2"), Rank.B: colors.HexColor("#fff4d6"), Rank.C: colors.HexColor("#eceff3")}


def meeting_pack_pdf(plan: Plan, *, today: dt.date, author: str) -> bytes:
    """The meeting pack as of `today`, as PDF bytes. Reads only."""
    board = selectors.dashboard(plan, today=today)
    css = styles()
    css["bar"] = ParagraphStyle("bar", parent=css["cell_centre"], fontSize=7, leading=9, textColor=colors.white)
    story = [
        *_cover(plan, today, css),
        *_progress(plan, board, css),
        *_ranking(plan, board.ranked_year, css),
        *_gantt(plan, board.current, css),
    ]
    return build_pdf(story, title=f"{plan.name} {TITLE}", subject=TITLE, author=author, landscape=True)


def _department(initiative: Initiative) -> str:
    return initiative.department.name if initiative.department else ""


def _field_label(initiative: Initiative) -> str:
    return f"{initiative.field.pillar.roman}-({initiative.field.number}) {initiative.field.title}"


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def _grid(data: list[list[Any]], widths: Sequence[float], *extra: tuple[Any, ...], head_rows: int = 1) -> Table:
    """A table with a blue header row and thin rules, split across pages with its header repeated."""
    return table(
        data,
        widths,
        [
            ("BACKGROUND", (0, 0), (-1, head_rows - 1), HEAD_BG),
            ("TEXTCOLOR", (0, 0), (-1, head_rows - 1), colors.white),
            ("ALIGN", (0, 0), (-1, head_rows - 1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            *extra,
        ],
        repeatRows=head_rows,
    )


def _cover(plan: Plan, today: dt.date, css: dict[str, Any]) -> list[Any]:
    first, last = FiscalYear(plan.first_fiscal_year).label, FiscalYear(plan.last_fiscal_year).label
    note = table(
        [[Paragraph(_text(plan.note), css["note"])]],
        [190 * mm],
        [
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f7f9")),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ],
    )
    contents = "【内容】　" + "　".join(
        ["1. 進捗状況", "2. 遅延している取組項目", "3. 優先度評価ランキング", "4. 実施スケジュール"]
    )
    return [
        Spacer(1, 28 * mm),
        Paragraph(_text(plan.name), css["title"]),
        Spacer(1, 4 * mm),
        Paragraph(TITLE, css["subtitle"]),
        Spacer(1, 10 * mm),
        Paragraph(f"計画期間　{first}〜{last}", css["centre"]),
        Spacer(1, 2 * mm),
        Paragraph(format_date(today), css["centre"]),
        Spacer(1, 12 * mm),
        Paragraph(contents, css["centre"]),
        Spacer(1, 12 * mm),
        *([note] if plan.note else []),
        PageBreak(),
    ]


def _count_row(label: Paragraph, summary: selectors.FieldProgress) -> list[Any]:
    return [label, *[summary.counts[s.value] for s in ProgressStatus], summary.total]


def _progress(plan: Plan, board: selectors.Dashboard, css: dict[str, Any]) -> list[Any]:
    data: list[list[Any]] = [["施策の柱・取組分野", *[str(s.label) for s in ProgressStatus], "計"]]
    extra: list[tuple[Any, ...]] = [("ALIGN", (1, 1), (-1, -1), "CENTER")]
    fields = iter(board.by_field)
    for pillar, summary in zip(plan.pillars.all(), board.by_pillar, strict=True):
        extra.append(("BACKGROUND", (0, len(data)), (-1, len(data)), colors.HexColor("#e8eef7")))
        data.append(_count_row(Paragraph(_text(summary.label), css["cell"]), summary))
        for _field in pillar.fields.all():
            field_summary = next(fields)
            data.append(_count_row(Paragraph("　" + _text(field_summary.label), css["cell"]), field_summary))
    totals = [sum(s.counts[status.value] for s in board.by_pillar) for status in ProgressStatus]
    extra.append(("BACKGROUND", (0, len(data)), (-1, len(data)), colors.HexColor("#f3f4f6")))
    data.append([Paragraph("合計", css["cell"]), *totals, sum(totals)])
    delayed_col = 1 + list(ProgressStatus).index(ProgressStatus.DELAYED)
    for row, values in enumerate(data[1:], start=1):
        if values[delayed_col]:
            extra.append(("TEXTCOLOR", (delayed_col, row), (delayed_col, row), colors.HexColor("#b91c1c")))
    story: list[Any] = [
        Paragraph(f"1. 進捗状況（{board.current.label}時点・取組項目ごとの最新の報告）", css["h1"]),
        _grid(data, [147 * mm, *[24 * mm] * 5], *extra),
    ]
    if plan.covers(board.current.fiscal_year.year):
        story += [
            Spacer(1, 2 * mm),
            Paragraph(f"{board.current.label}の進捗が未報告の取組項目: {len(board.unreported)}件", css["note"]),
        ]
    return [*story, *_delayed(plan, board, css), PageBreak()]


def _delayed(plan: Plan, board: selectors.Dashboard, css: dict[str, Any]) -> list[Any]:
    heading = Paragraph("2. 遅延している取組項目", css["h1"])
    if not board.delayed:
        return [Spacer(1, 6 * mm), heading, Paragraph("遅延と報告された取組項目はありません。", css["body"])]
    order = {initiative.pk: initiative for initiative in selectors.initiatives(plan)}
    position = {pk: n for n, pk in enumerate(order)}
    data: list[list[Any]] = [["コード", "取組項目", "担当課", "報告した期", "コメント"]]
    for report in sorted(board.delayed, key=lambda r: position[r.initiative_id]):
        initiative = order[report.initiative_id]
        data.append(
            [
                initiative.code,
                Paragraph(_text(initiative.title), css["cell"]),
                Paragraph(_text(_department(initiative)), css["cell"]),
                report.half_year.label,
                Paragraph(_text(report.comment), css["cell"]),
            ]
        )
    table = _grid(data, [20 * mm, 62 * mm, 32 * mm, 30 * mm, 123 * mm], ("ALIGN", (0, 1), (0, -1), "CENTER"))
    return [Spacer(1, 6 * mm), KeepTogether([heading, table])]


def _ranking(plan: Plan, year: int, css: dict[str, Any]) -> list[Any]:
    data: list[list[Any]] = [
        ["順位", "コード", "取組項目", "担当課", "G", "Q", "C", "D", "点数", "優先度", "評価コメント"],
    ]
    extra: list[tuple[Any, ...]] = [("ALIGN", (0, 1), (1, -1), "CENTER"), ("ALIGN", (4, 1), (9, -1), "CENTER")]
    for initiative, score, place in selectors.scores_for_year(plan, year):
        named = [
            initiative.code,
            Paragraph(_text(initiative.title), css["cell"]),
            Paragraph(_text(_department(initiative)), css["cell"]),
        ]
        if score is None:
            data.append(["—", *named, "", "", "", "", "", "未評価", ""])
            continue
        marks = [SYMBOLS.get(v, str(v)) for v in (score.government, score.quality, score.cost, score.delivery)]
        extra.append(("BACKGROUND", (9, len(data)), (9, len(data)), RANK_BG[Rank(score.rank)]))
        data.append(
            [
                place,
                *named,
                *marks,
                f"{score.score:.2f}",
                score.get_rank_display(),
                Paragraph(_text(score.comment), css["cell"]),
            ]
        )
    widths = [12 * mm, 18 * mm, 62 * mm, 28 * mm, *[9 * mm] * 4, 14 * mm, 20 * mm, 77 * mm]
    return [
        Paragraph(f"3. 優先度評価ランキング（{FiscalYear(year).label}）", css["h1"]),
        _grid(data, widths, *extra),
        Spacer(1, 3 * mm),
        Paragraph(_text(_rule_note(plan)), css["note"]),
        PageBreak(),
    ]


def _rule_note(plan: Plan) -> str:
    """The rule the ranks above come from: formula and thresholds, a change from the document, an unreachable A."""
    rule = plan.score_rule
    parts = ["G: Government、Q: Quality、C: Cost、D: Delivery。", rule.explanation()]
    if not rule.is_document_rule:
        changed_at = plan.score_rule_changed_at
        when = format_date(timezone.localtime(changed_at).date()) if changed_at else ""
        parts.append(departure_text(changed_on=when, note=plan.score_rule_note))
    if not rule.a_is_reachable:
        parts.append(rule.unreachable_a_text())
    return "".join(parts)


CODE_WIDTH, TITLE_WIDTH = 18 * mm, 52 * mm


def _bar(label: str, width: float, css: dict[str, Any]) -> Table:
    style = css["bar"]
    return table(
        [[Paragraph(_text(label), style)]],
        [width],
        [
            ("BACKGROUND", (0, 0), (-1, -1), BAR_BG),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ],
        cornerRadii=[2.5] * 4,
    )


def _schedule_table(
    rows: list[selectors.GanttRow], count: int, half_width: float, now: int | None, css: dict[str, Any]
) -> Table:
    """The half-year columns of one initiative: one line per table row of its schedule, bars as rounded boxes."""
    data: list[list[Any]] = []
    style: list[tuple[Any, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if now is not None:  # tint the current half-year and edge it in the header's orange
        style += [
            ("BACKGROUND", (now, 0), (now, -1), NOW_TINT),
            ("LINEBEFORE", (now, 0), (now, -1), 0.8, NOW_BG),
            ("LINEAFTER", (now, 0), (now, -1), 0.8, NOW_BG),
        ]
    for col in range(1, count):  # a firmer rule between fiscal years than between halves
        if now not in (col, col - 1):
            style.append(("LINEBEFORE", (col, 0), (col, -1), 0.3 if col % 2 else 0.6, RULE))
    for r, row in enumerate(rows):
        cells: list[Any] = [""] * count
        col = 0
        for cell in row.cells:
            span = min(cell.span, count - col)  # overlapping bars in one row would run past the plan: clip
            if cell.bar is not None and span > 0:
                cells[col] = _bar(cell.bar.label, half_width * span - 3, css)
                if span > 1:
                    style.append(("SPAN", (col, r), (col + span - 1, r)))
            col += max(span, 0)
        data.append(cells)
    return table(data, [half_width] * count, style)


def _gantt_head(plan: Plan, now: int | None) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
    halves = plan.half_years()
    years = [[fiscal_year.label, ""] for fiscal_year in plan.fiscal_years()]
    data: list[list[Any]] = [
        ["コード", "取組項目", *[text for pair in years for text in pair]],
        ["", "", *[("▼ " if n == now else "") + half_year.half.label for n, half_year in enumerate(halves)]],
    ]
    style: list[tuple[Any, ...]] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    style += [("SPAN", (2 + 2 * n, 0), (3 + 2 * n, 0)) for n in range(len(years))]
    if now is not None:
        style.append(("BACKGROUND", (2 + now, 1), (2 + now, 1), NOW_BG))
    return data, style


def _gantt(plan: Plan, current: HalfYear, css: dict[str, Any]) -> list[Any]:
    halves = plan.half_years()
    half_width = (WIDTH - CODE_WIDTH - TITLE_WIDTH) / len(halves)
    now = halves.index(current) if current in halves else None
    data, style = _gantt_head(plan, now)
    groups: list[tuple[Initiative, list[selectors.GanttRow]]] = []
    for row in selectors.gantt_rows(plan):
        if row.first:
            groups.append((row.initiative, []))
        groups[-1][1].append(row)
    field_id = None
    for initiative, rows in groups:
        if initiative.field_id != field_id:
            field_id = initiative.field_id
            style += [
                ("SPAN", (0, len(data)), (-1, len(data))),
                ("NOSPLIT", (0, len(data)), (-1, len(data) + 1)),
                ("BACKGROUND", (0, len(data)), (-1, len(data)), colors.HexColor("#e8eef7")),
            ]
            data.append([Paragraph(_text(_field_label(initiative)), css["cell"]), *[""] * (len(halves) + 1)])
        style += [
            ("SPAN", (2, len(data)), (-1, len(data))),
            *[
                (side, (2, len(data)), (2, len(data)), 0)
                for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
            ],
        ]
        data.append(
            [
                initiative.code,
                Paragraph(_text(initiative.title), css["cell"]),
                _schedule_table(rows, len(halves), half_width, now, css),
                *[""] * (len(halves) - 1),
            ]
        )
    legend = "青い帯: 実施内容と期間" + (f"　▼: 現在の期（{current.label}）" if now is not None else "")
    return [
        Paragraph("4. 実施スケジュール", css["h1"]),
        _grid(
            data,
            [CODE_WIDTH, TITLE_WIDTH, *[half_width] * len(halves)],
            *style,
            ("ALIGN", (0, 2), (0, -1), "CENTER"),
            head_rows=2,
        ),
        Spacer(1, 2 * mm),
        Paragraph(legend, css["note"]),
    ]
