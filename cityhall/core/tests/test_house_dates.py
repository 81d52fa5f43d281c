"""One house format for dates (2026年12月8日), 和暦 on pages about 年度 (令和8年12月8日)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from django.template import Context, Template
from django.utils import translation

ROOT = Path(__file__).resolve().parents[3]
# Named formats from config/formats, machine formats for <time datetime>, the weekday, the audit log's seconds.
ALLOWED = {"DATE_FORMAT", "DATETIME_FORMAT", "MONTH_DAY_FORMAT", "YEAR_MONTH_FORMAT", "c", "D", "H:i:s"}


def test_templates_use_the_house_formats_only():
    found = {}
    for path in [*ROOT.glob("cityhall/**/templates/**/*.html"), *ROOT.glob("templates/**/*.html")]:
        for fmt in re.findall(r"""\|date:["']([^"']+)["']""", path.read_text()):
            if fmt not in ALLOWED:
                found[str(path.relative_to(ROOT))] = fmt
    assert found == {}, "use |date, |date:'DATETIME_FORMAT' or |wareki_date"


def _render(source: str, **context: object) -> str:
    return Template("{% load wareki %}" + source).render(Context(context))


def test_the_house_formats_in_japanese_and_english():
    moment = dt.datetime(2026, 12, 8, 9, 5, tzinfo=dt.UTC)
    with translation.override("ja"):
        assert _render("{{ d|date }}", d=dt.date(2026, 12, 8)) == "2026年12月8日"
        assert _render('{{ m|date:"DATETIME_FORMAT" }}', m=moment) == "2026年12月8日 18:05"  # shown in Tokyo time
        assert _render("{{ d|wareki_date }}", d=dt.date(2026, 12, 8)) == "令和8年12月8日"
        assert _render("{{ d|wareki_date }}", d=dt.date(2019, 5, 1)) == "令和元年5月1日"
    with translation.override("en"):
        assert _render("{{ d|date }}", d=dt.date(2026, 12, 8)) == "8 December 2026"
        assert _render("{{ d|wareki_date }}", d=dt.date(2026, 12, 8)) == "8 December 2026"
