"""The plan document's content, as data: the shapes of data/plan.yaml and its reader.

data/plan.yaml holds the 第4次大田原市地域ICT総合推進計画 transcribed by hand from the plan
document (how it was read is at the top of that file); migration 0003_seed_plan loads it, and
plans/tests/test_seed_matches_document.py re-parses the document and checks the file against it.
Every field is strict: a YAML `yes`, a number where text belongs or a text where a number belongs
fails on reading instead of changing the plan.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Strict

from cityhall.core.data_files import read_data

HalfNumber = Literal[1, 2]  # 1 = 上期 (Apr–Sep), 2 = 下期 (Oct–Mar)
Period = tuple[Annotated[int, Strict()], HalfNumber]  # (fiscal year, half), e.g. (2023, 1) = 令和5年度上期
InitiativeRef = tuple[int, int, int]  # (pillar number, field number, initiative number)
Text = Annotated[str, Strict()]
Number = Annotated[int, Strict()]
Flag = Annotated[bool, Strict()]


class _Shape(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Bar(_Shape):
    """One bar of a 実施スケジュール table."""

    label: Text
    start: Period
    end: Period


class Initiative(_Shape):
    """取組項目."""

    number: Number
    title: Text
    national: Flag  # 備考 has 国
    prefectural: Flag  # 備考 has 県
    department_code: Text  # assumed (the plan names none); used by the demo loader
    description: Text
    caption: Text
    schedule: list[list[Bar]]  # table rows, each a list of bars


class Field(_Shape):
    """取組分野."""

    number: Number
    title: Text
    description: Text
    initiatives: list[Initiative]


class Pillar(_Shape):
    """施策の柱."""

    number: Number
    roman: Text
    title: Text
    fields: list[Field]


class ReviewEntry(_Shape):
    """A row of the 第3次計画 review tables."""

    pillar: Number
    field: Text
    item: Text
    continued: Flag  # 継続 (True) / 終了 (False)
    note: Text  # 備考, "" when blank
    successor: tuple[Number, Number, Number] | None


class PlanSeed(_Shape):
    """The whole of data/plan.yaml."""

    name: Text
    first_fiscal_year: Number
    last_fiscal_year: Number
    note: Text
    pillars: list[Pillar]
    previous_plan_review: list[ReviewEntry]


@cache
def plan_seed() -> PlanSeed:
    """The plan of data/plan.yaml, validated (DataFileError when it does not fit). Reads only."""
    return read_data("cityhall.plans", "plan.yaml", PlanSeed)
