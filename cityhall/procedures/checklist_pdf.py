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
from cityhall.procedures.selectors import ChecklistItem


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def render(*, event: LifeEvent, items: list[ChecklistItem], municipality: Any, today: dt.date) -> bytes:
    s = pdf.styles()
    name = municipality.name if municipality else ""
    flow: list[Any] = [
        _p(f"{name}　{event.title}のチェックリスト", s["h1"]),
        _p(f"作成日：{wareki.format_date(today)}　手続きが終わったら □ に印をつけてください。", s["note"]),
        Spacer(1, 4 * mm),
    ]
    labels = dict(Channel.choices)
    rows: list[list[Any]] = [
        [_p("済", s["head"]), _p("手続き", s["head"]), _p("窓口・方法", s["head"]), _p("持ち物", s["head"])]
    ]
    for item in items:
        version = item.procedure.published
        if version is None:
            continue
        ways = "、".join(str(labels.get(c["kind"], c["kind"])) for c in version.channels)
        where = f"{item.procedure.department.name}\n{version.counter}\n（{ways}）".strip()
        notes = "\n".join(item.notes)
        title = f"{version.title}\n{notes}" if notes else version.title
        rows.append(
            [
                _p("□", s["cell_centre"]),
                _p(title, s["cell"]),
                _p(where, s["cell"]),
                _p("\n".join(f"・{d}" for d in version.document_list) or "—", s["cell"]),
            ]
        )
    if len(rows) == 1:
        flow.append(_p("選んだ条件に当てはまる手続きはありませんでした。", s["body"]))
    else:
        flow.append(
            pdf.table(
                rows,
                [10 * mm, 62 * mm, 50 * mm, 58 * mm],
                style=[
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#0017c1")),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#949494")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ],
                repeatRows=1,
            )
        )
    if municipality:
        flow += [
            Spacer(1, 5 * mm),
            _p(f"お問い合わせ：{name}　{municipality.address}　{municipality.phone}", s["note"]),
        ]
    flow.append(_p("この用紙には個人情報は含まれていません。内容は作成日時点の案内です。", s["note"]))
    return pdf.build_pdf(flow, title=f"{event.title}のチェックリスト", author=name or "cityhall")
