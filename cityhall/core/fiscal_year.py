"""年度 (fiscal year, April–March) and its halves 上期 (Apr–Sep) / 下期 (Oct–Mar)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cityhall.core import wareki


class Half(IntEnum):
    FIRST = 1  # 上期
    SECOND = 2  # 下期

    @property
    def label(self) -> str:
        return str(_("上期") if self is Half.FIRST else _("下期"))


@dataclass(frozen=True, order=True)
class FiscalYear:
    year: int  # the calendar year in which the fiscal year starts

    @classmethod
    def containing(cls, day: dt.date) -> FiscalYear:
        return cls(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def current(cls) -> FiscalYear:
        return cls.containing(timezone.localdate())

    @property
    def starts_on(self) -> dt.date:
        return dt.date(self.year, 4, 1)

    @property
    def ends_on(self) -> dt.date:
        return dt.date(self.year + 1, 3, 31)

    @property
    def label(self) -> str:
        return wareki.fiscal_year_label(self.year)

    def half(self, half: Half) -> HalfYear:
        return HalfYear(self, half)

    def next(self) -> FiscalYear:
        return FiscalYear(self.year + 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.starts_on <= day <= self.ends_on

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, order=True)
class HalfYear:
    fiscal_year: FiscalYear
    half: Half

    @classmethod
    def containing(cls, day: dt.date) -> HalfYear:
        fy = FiscalYear.containing(day)
        return cls(fy, Half.FIRST if 4 <= day.month <= 9 else Half.SECOND)

    @property
    def starts_on(self) -> dt.date:
        if self.half is Half.FIRST:
            return self.fiscal_year.starts_on
        return dt.date(self.fiscal_year.year, 10, 1)

    @property
    def ends_on(self) -> dt.date:
        if self.half is Half.FIRST:
            return dt.date(self.fiscal_year.year, 9, 30)
        return self.fiscal_year.ends_on

    @property
    def label(self) -> str:
        separator = " " if get_language().startswith("en") else ""
        return f"{self.fiscal_year.label}{separator}{self.half.label}"

    def next(self) -> HalfYear:
        if self.half is Half.FIRST:
            return HalfYear(self.fiscal_year, Half.SECOND)
        return HalfYear(self.fiscal_year.next(), Half.FIRST)

    def __str__(self) -> str:
        return self.label
