"""Counts the standard defines as the sum of others (総人口 = 男性 + 女性 …), checked on whole columns."""

from __future__ import annotations

from collections.abc import Sequence

from .checks import Issue
from .columns import KNOWN_GOOD_CAP
from .report import Report
from .schema import ColumnRule


def _digits_numeral(col: Sequence[str]) -> int | None:
    """The column's values joined and read as one base-36 numeral, if every value is one ASCII digit; else None."""
    joined = "".join(col)
    if len(joined) != len(col) or not joined.isdigit() or not joined.isascii():
        return None
    return int(joined, 36)


def _all_add_up(total: Sequence[str], parts: Sequence[Sequence[str]]) -> bool:
    """True when every value is one digit (most counts) and each row's parts add up to its total, in a few C
    calls: each column's digits read as one base-36 numeral put every row's digit at the same place, and a
    row's parts add up to at most 3 × 9 < 36, so no carry crosses rows and the sums agree iff every row's do.
    False means "look row by row"."""
    if len(parts) > 3 or (expected := _digits_numeral(total)) is None:
        return False
    for part in parts:
        numeral = _digits_numeral(part)
        if numeral is None:
            return False
        expected -= numeral
    return expected == 0


class Total:
    """A count the standard defines as the sum of others (ColumnRule.parts): every row where all of them are
    plain numbers and the total is not their sum. A blank (unknown) or malformed value leaves the row unchecked;
    its own column check reports it."""

    def __init__(self, rule: ColumnRule, report: Report) -> None:
        self.name, self.parts, self.add = rule.name, rule.parts, report.add
        self.good: set[tuple[str, ...]] = set()

    def __call__(self, total: Sequence[str], parts: Sequence[Sequence[str]], rows: Sequence[int]) -> None:
        if not total or _all_add_up(total, parts):
            return
        bad: dict[tuple[str, ...], Issue] = {}
        for combo in set(zip(total, *parts, strict=True)).difference(self.good):
            issue = self._check(combo)
            if issue is not None:
                bad[combo] = issue
            elif len(self.good) < KNOWN_GOOD_CAP:
                self.good.add(combo)
        if bad:
            for i, combo in enumerate(zip(total, *parts, strict=True)):
                if combo in bad:
                    self.add(rows[i], self.name, combo[0], bad[combo])

    def _check(self, combo: tuple[str, ...]) -> Issue | None:
        if not all(value.isascii() and value.isdigit() for value in combo):
            return None
        expected = sum(map(int, combo[1:]))
        if int(combo[0]) == expected:
            return None
        listed = "、".join(f"{name} {value}" for name, value in zip(self.parts, combo[1:], strict=True))
        return (
            "total_mismatch",
            f"「{self.name}」が{combo[0]}ですが、内訳（{listed}）の合計は{expected}です。どちらかを直してください。",
            None,
        )
