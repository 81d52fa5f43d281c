"""What a validation found: problems in row order, counts by code, and the fixes offered per cell."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from .checks import Issue
from .schema import Schema

MAX_PROBLEMS = 10_000
COLUMN_DROPPED = "（列を削除）"  # the fix shown for a problem whose fix removes a whole column


@dataclass(frozen=True, slots=True)
class Problem:
    row: int  # header = 1, first data row = 2 (records, so a quoted line break does not shift it)
    column: str
    value: str
    code: str
    message: str
    fix: str | None = None


@dataclass
class Report:
    """Problems are kept in row order (within a row, in column order) up to `max_problems`; counts are complete.

    `fixes` maps (row, column name) to the suggested value and `fix_codes` the same key to the code of the
    problem that suggested it. A swapped latitude/longitude pair is one problem with two fixed cells.
    """

    schema: Schema
    header: list[str]
    mapping: list[str | None]
    rows_checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # problem code → number of problems
    fixes: dict[tuple[int, str], str] = field(default_factory=dict)
    fix_codes: dict[tuple[int, str], str] = field(default_factory=dict)
    column_drops: dict[int, str] = field(default_factory=dict)  # file column index → code of the fix removing it
    max_problems: int = MAX_PROBLEMS
    _settled: int = field(default=0, init=False, repr=False)  # problems before this index are in final order

    @property
    def ok(self) -> bool:
        return not self.counts

    @property
    def unknown_columns(self) -> list[str]:
        return [h for h, name in zip(self.header, self.mapping, strict=True) if name is None]

    def fixable_counts(self) -> dict[str, int]:
        """Problem code → number of cells (or whole columns) with a fix of that code."""
        return dict(Counter(self.fix_codes.values()) + Counter(self.column_drops.values()))

    def offer_column_drop(self, index: int, column: str, code: str) -> None:
        """Offer removing file column `index` as the fix of its header problem `code` (known only at the end)."""
        self.column_drops[index] = code
        for k, problem in enumerate(self.problems):
            if problem.row > 1:
                break
            if problem.code == code and problem.column == column:
                self.problems[k] = replace(problem, fix=COLUMN_DROPPED)

    def add(self, row: int, column: str, value: str, issue: Issue) -> None:
        code, message, fix = issue
        self.counts[code] += 1
        if fix is not None:
            self.add_fix(row, column, fix, code)
        if self._settled < self.max_problems:
            self.problems.append(Problem(row, column, value, code, message, fix))

    def add_fix(self, row: int, column: str, fix: str, code: str) -> None:
        self.fixes[row, column] = fix
        self.fix_codes[row, column] = code

    def settle(self) -> None:
        """Put the problems added since the last call in row order and apply the cap.

        Checks run column by column over a block of rows, so problems arrive column-major; every row of a
        block comes after every row of the blocks before it, so sorting the new tail keeps the whole list
        in row order and the cap keeps the first problems of the file, whatever the block size.
        """
        start = self._settled
        if len(self.problems) > start + 1:
            tail = self.problems[start:]
            tail.sort(key=_row)  # stable: within a row, problems stay in check (column) order
            self.problems[start:] = tail
        del self.problems[self.max_problems :]
        self._settled = len(self.problems)


def _row(problem: Problem) -> int:
    return problem.row
