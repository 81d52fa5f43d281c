"""The priority score (優先度評価): the formula and the rank thresholds a plan holds.

The plan document prints score = G×Q×C×D÷4 with A from 24 points and B from 18. With marks of
1–3 that formula tops out at 20.25, so A cannot be reached; `DOCUMENT_RULE` keeps it as the
default all the same, and the ICT policy division may change the divisor and the thresholds
(`services.score_rule_set`). The divisor is the only part of the formula that can change: a
number, never an expression.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MARKS = (1, 2, 3)  # △, ○, ◎
DIVISOR_MIN, DIVISOR_MAX = Decimal(1), Decimal(81)
CENT = Decimal("0.01")
VALUE_LIMIT = Decimal(1000)  # the columns hold 999.99 at most
# Every value G×Q×C×D can take: 1, 2, 3, 4, 6, … 54, 81.
PRODUCTS = sorted({math.prod(marks) for marks in itertools.product(MARKS, repeat=4)})


class Rank(models.TextChoices):
    A = "A", gettext_lazy("A 最優先")
    B = "B", gettext_lazy("B 優先")
    C = "C", gettext_lazy("C 計画変更")


def points(value: Decimal) -> str:
    """24.00 → "24", 20.25 → "20.25", 13.50 → "13.5": how the document writes points."""
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class ScoreRule:
    """score = G×Q×C×D ÷ divisor, rounded half up to 0.01; rank A from `rank_a_from`, B from `rank_b_from`, else C."""

    divisor: Decimal
    rank_a_from: Decimal
    rank_b_from: Decimal

    def score(self, g: int, q: int, c: int, d: int) -> Decimal:
        return (Decimal(g * q * c * d) / self.divisor).quantize(CENT, rounding=ROUND_HALF_UP)

    def rank(self, score: Decimal) -> str:
        if score >= self.rank_a_from:
            return str(Rank.A)
        if score >= self.rank_b_from:
            return str(Rank.B)
        return str(Rank.C)

    def scored(self, g: int, q: int, c: int, d: int) -> tuple[Decimal, str]:
        score = self.score(g, q, c, d)
        return score, self.rank(score)

    @property
    def possible_scores(self) -> list[Decimal]:
        return sorted({self.score(product, 1, 1, 1) for product in PRODUCTS})

    @property
    def max_score(self) -> Decimal:
        return self.possible_scores[-1]

    @property
    def min_score(self) -> Decimal:
        return self.possible_scores[0]

    @property
    def formula(self) -> str:
        return "G×Q×C×D" if self.divisor == 1 else f"G×Q×C×D÷{points(self.divisor)}"

    @property
    def is_document_rule(self) -> bool:
        return self == DOCUMENT_RULE

    @property
    def a_is_reachable(self) -> bool:
        return self.max_score >= self.rank_a_from

    def thresholds_text(self) -> str:
        return _("A 最優先：%(a)s点以上、B 優先：%(b)s点以上%(a)s点未満、C 計画変更：%(b)s点未満") % {
            "a": points(self.rank_a_from),
            "b": points(self.rank_b_from),
        }

    def explanation(self) -> str:
        """The one-line rule shown beside every rank: formula, marks and thresholds."""
        return _("優先度＝%(formula)s（◎=3、○=2、△=1）。%(thresholds)s。") % {
            "formula": self.formula,
            "thresholds": self.thresholds_text(),
        }

    def unreachable_a_text(self) -> str:
        return _("算定式（%(formula)s）では最高点が%(max)s点のため、A（%(a)s点以上）には該当しません。") % {
            "formula": self.formula,
            "max": points(self.max_score),
            "a": points(self.rank_a_from),
        }

    def problems(self) -> list[str]:
        """Why this rule may not be chosen: every message, or an empty list when each rank can be given."""
        values = (self.divisor, self.rank_a_from, self.rank_b_from)
        if not all(v.is_finite() and abs(v) < VALUE_LIMIT and v == v.quantize(CENT) for v in values):
            return [_("割る数と基準点は、999.99までの小数第2位までの数で指定してください。")]
        if not DIVISOR_MIN <= self.divisor <= DIVISOR_MAX:
            return [_("割る数は1以上81以下で指定してください。")]
        if self.rank_b_from >= self.rank_a_from:
            return [_("A の基準点は B の基準点より大きくしてください。")]
        found: list[str] = []
        if not self.a_is_reachable:
            found.append(self.unreachable_a_text())
        if not any(self.rank_b_from <= s < self.rank_a_from for s in self.possible_scores):
            found.append(self._empty_b_text())
        if self.min_score >= self.rank_b_from:
            found.append(
                _("最低点が%(min)s点のため、C（%(b)s点未満）になる評価がありません。")
                % {"min": points(self.min_score), "b": points(self.rank_b_from)}
            )
        return found

    def _empty_b_text(self) -> str:
        return _("B（%(b)s点以上%(a)s点未満）になる点数がありません。この算定式で取りうる点数は %(scores)s です。") % {
            "a": points(self.rank_a_from),
            "b": points(self.rank_b_from),
            "scores": "、".join(points(s) for s in self.possible_scores),
        }


DOCUMENT_RULE = ScoreRule(divisor=Decimal(4), rank_a_from=Decimal(24), rank_b_from=Decimal(18))


def departure_text(*, changed_on: str, note: str) -> str:
    """Why the plan's rule is not the document's: what the document says, when it changed, and the reason."""
    text = _("計画書の算定式（%(formula)s、A %(a)s点以上、B %(b)s点以上）から変更しています。") % {
        "formula": DOCUMENT_RULE.formula,
        "a": points(DOCUMENT_RULE.rank_a_from),
        "b": points(DOCUMENT_RULE.rank_b_from),
    }
    if changed_on:
        text += _("変更日：%(date)s。") % {"date": changed_on}
    if note:
        text += _("理由：%(note)s") % {"note": note}
    return text
