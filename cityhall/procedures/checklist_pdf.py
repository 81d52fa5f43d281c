"""The life-event checklist as a printable PDF (A4, Japanese font embedded)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from cityhall.core import pdf, wareki
from cityhall.procedures.models import Channel, LifeEvent
from cityhall.procedures.selectors import ChecklistGroup, ChecklistItem


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _row(item: ChecklistItem, s: Any) -> list[Any] | None:
    version = item.procedure.published
    if version is None:
        return None
    labels = dict(Channel.choices)
    ways = "、".join(str(labels.get(c["kind"], c["kind"])) for c in version.channels)
    where = f"{version.counter}\n（{ways}）".strip()
    notes = "\n".join(item.notes)
    title = f"{version.title}\n{notes}" if notes else version.title
    return [
        _p("□", s["cell_centre"]),
        _p(title, s["cell"]),
        _p(where, s["cell"]),
        _p("\n".join(f"・{d}" for d in version.document_list) or "—", s["cell"]),
    ]


def _table(groups: list[ChecklistGroup], s: Any) -> Any | None:
    """One table: a heading row per department (spanning the columns), then its procedures in order."""
    rows: list[list[Any]] = [
        [_p("済", s["head"]), _p("手続き", s["head"]), _p("窓口・方法", s["head"]), _p("持ち物", s["head"])]
    ]
    style: list[Any] = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#0017c1")),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#949494")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for group in groups:
        body = [row for item in group.items if (row := _row(item, s)) is not None]
        if not body:
            continue
        heading = len(rows)
        rows.append([_p(group.department.name, s["cell"]), "", "", ""])
        style += [
            ("SPAN", (0, heading), (-1, heading)),
            ("BACKGROUND", (0, heading), (-1, heading), colors.HexColor("#e8f1fe")),
        ]
        rows += body
    if len(rows) == 1:
        return None
    return pdf.table(rows, [10 * mm, 62 * mm, 50 * mm, 58 * mm], style=style, repeatRows=1)


def render(*, event: LifeEvent, groups: list[ChecklistGroup], municipality: Any, today: dt.date) -> bytes:
    s = pdf.styles()
    name = municipality.name if municipality else ""
    flow: list[Any] = [
        _p(f"{name}　{event.title}のチェックリスト", s["h1"]),
        _p(f"作成日：{wareki.format_date(today)}　手続きが終わったら □ に印をつけてください。", s["note"]),
        Spacer(1, 4 * mm),
    ]
    table = _table(groups, s)
    flow.append(table if table is not None else _p("選んだ条件に当てはまる手続きはありませんでした。", s["body"]))
    if municipality:
        flow += [
            Spacer(1, 5 * mm),
            _p(f"お問い合わせ：{name}　{municipality.address}　{municipality.phone}", s["note"]),
        ]
    flow.append(_p("この用紙には個人情報は含まれていません。内容は作成日時点の案内です。", s["note"]))
    return pdf.build_pdf(flow, title=f"{event.title}のチェックリスト", author=name or "cityhall")
