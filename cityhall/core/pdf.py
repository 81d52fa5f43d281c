"""PDF documents in Japanese: the embedded IPAex Gothic font, paragraph styles and numbered pages.

ReportLab's standard fonts have no Japanese glyphs, so every document uses IPAex Gothic
(cityhall/core/fonts/ipaexg.ttf, IPA Font License v1.0, see LICENSE-IPAexfont.txt next to it).
ReportLab embeds the subset of glyphs a document uses, so PDFs render the same everywhere.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as landscape_of
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, SimpleDocTemplate, Table

FONT = "IPAexGothic"
FONT_PATH = Path(__file__).resolve().parent / "fonts" / "ipaexg.ttf"
MARGIN = 15 * mm
INK = colors.HexColor("#1f2937")
ACCENT = colors.HexColor("#1d4f91")

_registration = threading.Lock()


def register_font() -> str:
    """Register IPAex Gothic with ReportLab once per process; return its name."""
    with _registration:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH)))
            # The font has a single face: map <b>/<i> in paragraphs to it instead of failing.
            pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT


def styles() -> dict[str, ParagraphStyle]:
    """Fresh paragraph styles in IPAex Gothic; "CJK" wrapping breaks lines between any two characters."""
    register_font()

    def style(name: str, size: float, **extra: Any) -> ParagraphStyle:
        extra.setdefault("leading", size * 1.45)
        extra.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=FONT, fontSize=size, wordWrap="CJK", **extra)

    return {
        "title": style("title", 24, alignment=TA_CENTER, leading=34, textColor=ACCENT),
        "subtitle": style("subtitle", 16, alignment=TA_CENTER, leading=24),
        "h1": style("h1", 14, spaceBefore=4, spaceAfter=6, textColor=ACCENT),
        "h2": style("h2", 11, spaceBefore=8, spaceAfter=4, textColor=ACCENT),
        "body": style("body", 10),
        "centre": style("centre", 12, alignment=TA_CENTER),
        "note": style("note", 8.5, textColor=colors.HexColor("#4b5563")),
        "cell": style("cell", 8, leading=10.5),
        "cell_centre": style("cell_centre", 8, leading=10.5, alignment=TA_CENTER),
        "head": style("head", 8, leading=10.5, alignment=TA_CENTER, textColor=colors.white),
    }


def table(
    data: Sequence[Sequence[Any]], col_widths: Sequence[float], style: Sequence[tuple[Any, ...]] = (), **options: Any
) -> Table:
    """A Table set in the Japanese font: ReportLab sets every cell in (non-embedded) Helvetica by default."""
    register_font()
    return Table(data, colWidths=list(col_widths), style=[("FONT", (0, 0), (-1, -1), FONT, 8), *style], **options)


def _footer(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 9)
    canvas.setFillColor(INK)
    canvas.drawCentredString(doc.pagesize[0] / 2, 8 * mm, f"- {doc.page} -")
    canvas.restoreState()


def build_pdf(
    flowables: Iterable[Flowable], *, title: str, author: str, subject: str = "", landscape: bool = False
) -> bytes:
    """Lay the flowables out on A4 (portrait, or landscape) with "- n -" page numbers; return the PDF."""
    register_font()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape_of(A4) if landscape else A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        subject=subject,
        creator="cityhall",
        lang="ja",
        initialFontName=FONT,  # otherwise every page also references a non-embedded Helvetica
    )
    doc.build(list(flowables), onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
