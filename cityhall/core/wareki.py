"""和暦 (Japanese era) formatting. Eras are listed once, here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import get_language


@dataclass(frozen=True)
class Era:
    name: str
    romaji: str
    starts_on: dt.date


ERAS: tuple[Era, ...] = (
    Era("令和", "Reiwa", dt.date(2019, 5, 1)),
    Era("平成", "Heisei", dt.date(1989, 1, 8)),
    Era("昭和", "Showa", dt.date(1926, 12, 25)),
    Era("大正", "Taisho", dt.date(1912, 7, 30)),
    Era("明治", "Meiji", dt.date(1868, 10, 23)),
)


def era_for(day: dt.date) -> Era:
    for era in ERAS:
        if day >= era.starts_on:
            return era
    raise ValueError(f"{day.isoformat()} is before the Meiji era")


def era_year(day: dt.date) -> tuple[Era, int]:
    era = era_for(day)
    return era, day.year - era.starts_on.year + 1


def year_label(era_name: str, number: int) -> str:
    """令和1 → 令和元 as written in official documents."""
    return f"{era_name}{'元' if number == 1 else number}"


def format_date(day: dt.date) -> str:
    """2023-04-01 → 令和5年4月1日."""
    era, number = era_year(day)
    return f"{year_label(era.name, number)}年{day.month}月{day.day}日"


def fiscal_year_label(year: int) -> str:
    """Fiscal year starting in April of `year` → 令和5年度 (English: FY2023 (Reiwa 5)).

    A fiscal year is named after the era in force on 1 April; FY2019 began in
    平成31 and is officially 平成31年度 (令和元年度 is used informally).
    """
    era, number = era_year(dt.date(year, 4, 1))
    if get_language().startswith("en"):
        return f"FY{year} ({era.romaji} {number})"
    return f"{year_label(era.name, number)}年度"
