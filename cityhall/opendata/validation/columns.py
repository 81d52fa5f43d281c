"""Column checkers: one per ColumnRule, run on a whole column of a block of rows at a time.

Each checker first asks a cheap question of the whole column with C-level str/set operations ("are all
values known to be good?", "are all values ASCII digits?"). Only when the answer is no does it pick out the
values that may be wrong and run the per-value check of checks.py on each distinct one, so the result is
always exactly what the per-value check says about every cell.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, filterfalse, islice, pairwise
from operator import le, methodcaller

from .checks import FORMULA_START, HALFWIDTH_KANA, TRAILING_BLANKS, Check, Issue, build_check
from .report import Report
from .schema import PUBLISHER_CODE_COLUMNS, UNKNOWN, ColumnRule

ColumnCheck = Callable[[Sequence[str], Sequence[int]], None]


KNOWN_GOOD_CAP = 100_000  # good values remembered per column (totals.py too), so memory stays bounded


class _Values:
    """The per-value check of one column, run once per distinct value; good values are remembered."""

    def __init__(self, rule: ColumnRule, report: Report) -> None:
        self.check: Check = build_check(rule)
        self.good: set[str] = set()
        self.name, self.add = rule.name, report.add

    def __call__(self, col: Sequence[str], rows: Sequence[int]) -> None:
        """Check every value not known to be good (repeated codes, flags and times cost one set lookup)."""
        if self.good.issuperset(col):
            return
        new = set(col)
        new.difference_update(self.good)
        self.some(col, rows, new)

    def some(self, col: Sequence[str], rows: Sequence[int], values: Iterable[str]) -> None:
        """Check `values` (the other values in `col` are known to be fine) and report each cell holding a bad one."""
        good, check = self.good, self.check
        bad: dict[str, Issue] = {}
        for value in values:
            if value in good:
                continue
            issue = check(value)
            if issue is None:
                if len(good) < KNOWN_GOOD_CAP:
                    good.add(value)
            else:
                bad[value] = issue
        if bad:
            name, add = self.name, self.add
            for i, value in enumerate(col):
                if value in bad:
                    add(rows[i], name, value, bad[value])


def column_checker(rule: ColumnRule, report: Report, *, own_code: str | None = None) -> ColumnCheck:
    values = _Values(rule, report)
    if own_code and rule.kind == "code6" and rule.name in PUBLISHER_CODE_COLUMNS:
        values.check = _publisher_code(values.check, rule.name, own_code)
    if rule.unique:
        return _Unique(rule, report, _format_checker(rule, values))
    if rule.blank_is_value:
        return _Unknown(rule, report, values, _format_checker(rule, values))
    return _format_checker(rule, values)


class _Unknown:
    """A column whose blank is a value, with cells marked UNKNOWN (a fix adds them for a column the file did not
    have): one problem for the column, not one per row, as it is one decision — fill the column in, or confirm
    that every row is 該当なし."""

    def __init__(self, rule: ColumnRule, report: Report, values: _Values, check: ColumnCheck) -> None:
        values.good.add(UNKNOWN)  # reported once below, not as a wrong value in every row
        self.name, self.add, self.check, self.reported = rule.name, report.add, check, False

    def __call__(self, col: Sequence[str], rows: Sequence[int]) -> None:
        self.check(col, rows)
        if not self.reported and UNKNOWN in col:
            self.reported = True
            self.add(rows[col.index(UNKNOWN)], self.name, UNKNOWN, _unknown_issue(self.name))


def _unknown_issue(name: str) -> Issue:
    return (
        "flag_unknown",
        f"「{name}」が「{UNKNOWN}」の行があります。この項目の空欄は「該当なし」の意味になるため、"
        f"元のファイルになかった列は自動修正で空欄ではなく「{UNKNOWN}」として追加しています。"
        "各行に「1」（該当）か空欄（該当なし）を入れたファイルをアップロードし直すか、"
        "すべての行が該当なしであることを理由を添えて確認してください。",
        None,
    )


def _publisher_code(check: Check, name: str, own_code: str) -> Check:
    """The code's own check, then: a well-formed code must be this municipality's (its only good value)."""

    def publisher_code(v: str) -> Issue | None:
        issue = check(v)
        if issue is not None or v == own_code or not v:
            return issue
        return (
            "code6_other_municipality",
            f"「{name}」が{v}で、このサイトの団体コード（{own_code}）と違います。この項目はデータを管理・公開する"
            "団体のコードです。他の団体の様式を写した場合は直してください。施設がある団体のコードは"
            "「所在地_全国地方公共団体コード」に入れます。",
            None,
        )

    return publisher_code


def _format_checker(rule: ColumnRule, values: _Values) -> ColumnCheck:
    if rule.kind == "string":
        if rule.unique and rule.name == "ID":  # the check for half-width letters and digits (checks._make_id)
            return _alnum(values)
        return _text(values, required=rule.required, kana=rule.name.endswith("カナ"))
    if rule.kind == "url":
        return _url(values)
    if rule.kind == "integer":
        return _integer(values, required=rule.required)
    return values


def number_checker(rule: ColumnRule, report: Report) -> ColumnCheck:
    """緯度 or 経度 without its partner: checked as a number, value by value."""
    return _Values(rule, report)


def _may_start_formula(joined: str) -> bool:
    """Whether a value of `joined` (values joined with ",") may start with = + - @."""
    return (
        joined[:1] in FORMULA_START
        or ("-" in joined and ",-" in joined)
        or ("=" in joined and ",=" in joined)
        or ("+" in joined and ",+" in joined)
        or ("@" in joined and ",@" in joined)
    )


_starts_formula = methodcaller("startswith", tuple(FORMULA_START))


_URL_STARTS = ("http://", "https://")


_starts_url = methodcaller("startswith", _URL_STARTS)


_ends_blank = methodcaller("endswith", tuple(TRAILING_BLANKS))


def _may_end_blank(joined: str, blank: str) -> bool:
    """Whether a value of `joined` (values joined with ",") may end with `blank` (a one-character search first)."""
    return blank in joined and (blank + "," in joined or joined.endswith(blank))


def _may_hold_halfwidth_kana(joined: str) -> bool:
    """Whether `joined` may hold 半角カナ (U+FF61–FF9F). Each has the byte FF high in UTF-16, so one byte search
    (a copy and a memchr) rules out most columns before the regular expression, ten times slower, runs."""
    return b"\xff" in joined.encode("utf-16-le") and HALFWIDTH_KANA.search(joined) is not None


def _text(values: _Values, *, required: bool, kana: bool) -> ColumnCheck:
    """Free text: only line breaks, tabs, trailing blanks, formula-like starts, (if required) blanks and (in
    a カナ column) 半角カナ can be wrong."""

    def text(col: Sequence[str], rows: Sequence[int]) -> None:
        joined = ",".join(col)  # a comma inside a value can only raise a false alarm
        suspects: set[str] = set()
        if "\n" in joined or "\r" in joined:
            suspects.update(v for v in col if "\n" in v or "\r" in v)
        if "\t" in joined or _may_end_blank(joined, " ") or _may_end_blank(joined, "\u3000"):
            suspects.update(filter(_ends_blank, col))
            suspects.update(v for v in col if "\t" in v)
        if kana and _may_hold_halfwidth_kana(joined):
            suspects.update(filter(HALFWIDTH_KANA.search, col))
        if _may_start_formula(joined):
            suspects.update(filter(_starts_formula, col))
        if required:
            suspects.update(filterfalse(str.strip, col))  # blank or only spaces
        if suspects:
            values.some(col, rows, suspects)

    return text


def _url(values: _Values) -> ColumnCheck:
    def url(col: Sequence[str], rows: Sequence[int]) -> None:
        joined = "\n".join(col)  # values start at the start and after each line feed, if none holds one
        starts = joined.count("\nhttps://") + joined.count("\nhttp://") + joined.startswith(_URL_STARTS)
        if starts == len(col) and joined.count("\n") == len(col) - 1 and " " not in joined:
            return
        suspects = set(filterfalse(_starts_url, col))
        if " " in joined:
            suspects.update(v for v in col if " " in v)
        values.some(col, rows, suspects)

    return url


def _integer(values: _Values, *, required: bool) -> ColumnCheck:
    def integer(col: Sequence[str], rows: Sequence[int]) -> None:
        joined = "".join(col)
        if joined.isascii() and joined.isdigit() and not (required and "" in col):
            return
        suspects = set(filterfalse(str.isdigit, col))  # blanks included
        if not joined.isascii():
            suspects.update(filterfalse(str.isascii, col))  # "１２" is a digit string too
        values.some(col, rows, suspects)

    return integer


def _alnum(values: _Values) -> ColumnCheck:
    def alnum(col: Sequence[str], rows: Sequence[int]) -> None:
        joined = "".join(col)
        if joined.isascii() and joined.isalnum() and "" not in col:
            return
        suspects = set(filterfalse(str.isalnum, col))  # blanks included
        if not joined.isascii():
            suspects.update(filterfalse(str.isascii, col))
        values.some(col, rows, suspects)

    return alnum


class _Unique:
    """IDs: the format of each value, and no value twice in the file (blank IDs are not compared).

    IDs are usually numbered in order, so IDs that keep increasing are appended to a sorted list (a C-level
    comparison per value, no hashing, memory in file order); an ID that does not increase is looked up
    there by bisection and, if new, kept in a dict of the others.
    """

    def __init__(self, rule: ColumnRule, report: Report, check_format: ColumnCheck) -> None:
        self.name, self.add, self.check_format = rule.name, report.add, check_format
        self.ids: list[str] = []  # increasing
        self.id_rows: list[int] = []
        self.others: dict[str, int] = {}

    def __call__(self, col: Sequence[str], rows: Sequence[int]) -> None:
        self.check_format(col, rows)
        if not col:
            return
        # Indexes where the IDs stop increasing; between them the IDs increase, so each run is appended in
        # one go from the first ID above the largest so far (a blank ID, the smallest string, starts a run).
        starts = [0, *compress(range(1, len(col)), map(le, islice(col, 1, None), col)), len(col)]
        for start, end in pairwise(starts):
            above = bisect_right(col, self.ids[-1] if self.ids else "", start, end)
            for i in range(start, above):
                if col[i]:
                    self._one(rows[i], col[i])
            if above < end:
                self.ids.extend(col[above:end])
                self.id_rows.extend(rows[above:end])

    def _one(self, row: int, value: str) -> None:
        ids = self.ids
        if not ids or value > ids[-1]:
            ids.append(value)
            self.id_rows.append(row)
            return
        at = bisect_left(ids, value)
        first = self.id_rows[at] if ids[at] == value else self.others.setdefault(value, row)
        if first != row:
            self.add(
                row,
                self.name,
                value,
                (
                    "id_duplicate",
                    f"「{self.name}」が重複しています（{first}行目と同じ値）。IDは1件ごとに別の値にしてください。",
                    None,
                ),
            )
