"""`cityhall/plans/data/plan.yaml` (read by `cityhall.plans.seed`) matches the plan document it was transcribed from.

The document (shared/seeds/000_a20826734360fe2b.txt, beside the repository) is parsed here with a
small parser of its own; nothing below takes its expectations from the seed. No database needed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cityhall.accounts import demo as demo_city
from cityhall.plans import seed

REPO_ROOT = Path(__file__).resolve().parents[3]
DOCUMENT = REPO_ROOT.parent / "shared" / "seeds" / "000_a20826734360fe2b.txt"

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
ROMAN = {"I": 1, "II": 2}
PILLAR_RE = re.compile(r"^(I{1,2}) (\S.*)$")
FIELD_RE = re.compile(r"^\((\d)\)\s*(\S.*)$")
ITEM_RE = re.compile(rf"^([{CIRCLED}])\s*(\S.*)$")
CAPTION_RE = re.compile(r"^《(.+)》$")
REIWA_RE = re.compile(r"^令和(\d+)年度$")
HALVES = {"上期": 1, "下期": 2}
SEED = seed.plan_seed()

# 第3章 「3. 具体的な取組内容」 heads three initiatives differently from the 体系図 (whose titles are seeded).
CHAPTER3_HEADING_VARIANTS = {
    (1, 4, 1): "デジタルデバイド解消に向けた取組",
    (1, 4, 2): "デジタルを活用した地域サービスの提供",
    (1, 4, 3): "ICTを活用した学習の充実",
}

Key = tuple[int, int, int]  # (pillar, field, initiative)
Period = tuple[int, int]  # (fiscal year, half)
BarTuple = tuple[str, Period, Period]


# --- reading the document ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def lines() -> list[str]:
    if not DOCUMENT.is_file():
        message = f"The plan document is missing: expected {DOCUMENT} (shared/seeds beside the repository)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return [line.rstrip("\r") for line in DOCUMENT.read_text(encoding="utf-8").split("\n")]


def index_of(lines: list[str], heading: str, start: int = 0) -> int:
    for i in range(start, len(lines)):
        if lines[i].strip() == heading:
            return i
    raise AssertionError(f"heading {heading!r} not found in the document after line {start + 1}")


def squeeze(text: str) -> str:
    """Drop whitespace a PDF line wrap left between two Japanese characters."""
    return re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", text.strip())


def code(key: Key) -> str:
    pillar, field_no, number = key
    return f"{'I' * pillar}-({field_no}){CIRCLED[number - 1]}"


def expect_no_mismatches(mismatches: list[str]) -> None:
    assert not mismatches, f"{len(mismatches)} mismatch(es) between the seed and the document:\n" + "\n".join(
        mismatches
    )


@dataclass
class Diagram:
    """第3章 「2. 施策の体系図」."""

    pillars: dict[int, tuple[str, str]] = field(default_factory=dict)  # number -> (roman, title)
    fields: dict[tuple[int, int], str] = field(default_factory=dict)
    items: dict[Key, tuple[str, bool, bool]] = field(default_factory=dict)  # title, 国, 県


def parse_diagram(lines: list[str]) -> Diagram:
    start = index_of(lines, "2. 施策の体系図")
    end = index_of(lines, "3. 具体的な取組内容", start)
    diagram = Diagram()
    pillar = field_no = 0
    for line in lines[start + 1 : end]:
        if match := PILLAR_RE.match(line.strip()):
            pillar = ROMAN[match[1]]
            diagram.pillars[pillar] = (match[1], match[2].strip())
            continue
        if "\t" not in line:
            continue
        cells = [cell.strip() for cell in line.split("\t")] + [""]
        if cells[0] == "取組分野":
            continue
        if cells[0]:
            field_match = FIELD_RE.match(cells[0])
            assert field_match, f"体系図: unexpected 取組分野 cell {cells[0]!r}"
            field_no = int(field_match[1])
            diagram.fields[pillar, field_no] = squeeze(field_match[2])
        item_match = ITEM_RE.match(cells[1])
        assert item_match, f"体系図: unexpected 取組項目 cell {cells[1]!r}"
        note = cells[2]
        key = (pillar, field_no, CIRCLED.index(item_match[1]) + 1)
        diagram.items[key] = (squeeze(item_match[2]), "国" in note, "県" in note)
    return diagram


@dataclass
class Section:
    """One initiative in 第3章 「3. 具体的な取組内容」."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    table: list[str] = field(default_factory=list)


@dataclass
class Chapter3:
    field_titles: dict[tuple[int, int], str] = field(default_factory=dict)
    field_intros: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    sections: dict[Key, Section] = field(default_factory=dict)


def parse_chapter3(lines: list[str]) -> Chapter3:
    start = index_of(lines, "3. 具体的な取組内容")
    end = index_of(lines, "第4章 計画の推進", start)
    chapter = Chapter3()
    pillar = field_no = 0
    section: Section | None = None
    i = start + 1
    while i < end:
        text = lines[i].strip()
        i += 1
        if match := PILLAR_RE.match(text):
            pillar, section = ROMAN[match[1]], None
        elif match := FIELD_RE.match(text):
            field_no, section = int(match[1]), None
            chapter.field_titles[pillar, field_no] = squeeze(match[2])
            chapter.field_intros[pillar, field_no] = []
        elif match := ITEM_RE.match(text):
            section = Section(squeeze(match[2]))
            chapter.sections[pillar, field_no, CIRCLED.index(match[1]) + 1] = section
        elif text == "【実施スケジュール】":
            assert section is not None, f"a schedule outside an initiative at line {i}"
            while not lines[i].strip():
                i += 1
            while "\t" in lines[i]:
                section.table.append(lines[i])
                i += 1
        elif match := CAPTION_RE.match(text):
            if section is not None:
                section.captions.append(match[1].strip())
        elif text and section is None:
            chapter.field_intros[pillar, field_no].append(text)
        elif text and section is not None and not section.table:
            section.paragraphs.append(text)  # text after the schedule is figure content or 【出典】: skipped
    return chapter


def spans(cells: list[str]) -> list[tuple[str, int, int]]:
    """Merged cells: text starts a span that runs to the column before the next text, or to the end."""
    filled = [col for col, text in enumerate(cells) if text]
    ends = [nxt - 1 for nxt in filled[1:]] + [len(cells) - 1]
    return [(cells[col], col, last) for col, last in zip(filled, ends, strict=True)]


def bar_label(cell: str) -> str:
    """Strip HTML left in a cell, drop bullet markers, and join the cell's lines with one space."""
    text = re.sub(r"<[^>]*>", " ", cell)
    text = re.sub(r"(^|\s)・", r"\1", text)
    return " ".join(text.split())


def parse_schedule(table: list[str], where: str) -> list[list[BarTuple]]:
    assert len(table) >= 3, f"{where}: the schedule table has {len(table)} line(s)"
    years_row, halves_row, *data = [line.split("\t") for line in table]
    columns = len(years_row) - 1
    year_of: dict[int, int] = {}
    for text, first, last in spans([cell.strip() for cell in years_row[1:]]):
        match = REIWA_RE.match(text)
        assert match, f"{where}: unexpected year header {text!r}"
        for col in range(first, last + 1):
            year_of[col] = 2018 + int(match[1])  # 令和1年度 = 2019
    halves = [cell.strip() for cell in halves_row[1:]]
    assert len(halves) == columns and set(halves) <= set(HALVES), f"{where}: unexpected half header {halves}"
    period = {col: (year_of[col], HALVES[halves[col]]) for col in range(columns)}
    rows: list[list[BarTuple]] = []
    for row in data:
        assert row[0].strip() in {"実施内容", ""}, f"{where}: unexpected row label {row[0]!r}"
        cells = [bar_label(cell) for cell in row[1:]]
        assert len(cells) <= columns, f"{where}: a row has {len(cells)} cells, the header {columns}: {row}"
        cells += [""] * (columns - len(cells))  # dropped trailing tabs = empty trailing cells
        rows.append([(text, period[first], period[last]) for text, first, last in spans(cells)])
    return rows


def parse_review(lines: list[str]) -> list[tuple[int, str, str, bool, str]]:
    """第2章 3.(2): the 第3次計画 review tables (分野 / 取組項目 / 継続・終了 / 備考)."""
    start = index_of(lines, "I 市民サービスの向上と地域活性化の取組")
    end = index_of(lines, "4. 今後の課題と取組", start)
    entries: list[tuple[int, str, str, bool, str]] = []
    pillar, field_title = 0, ""
    for line in lines[start:end]:
        if match := PILLAR_RE.match(line.strip()):
            pillar = ROMAN[match[1]]
            continue
        if "\t" not in line:
            continue
        cells = [cell.strip() for cell in line.split("\t")] + ["", ""]
        if cells[0] == "分野":
            continue
        if cells[0]:
            field_match = FIELD_RE.match(cells[0])
            assert field_match, f"review table: unexpected 分野 cell {cells[0]!r}"
            field_title = squeeze(field_match[2])
        item_match = ITEM_RE.match(cells[1])
        assert item_match, f"review table: unexpected 取組項目 cell {cells[1]!r}"
        assert cells[2] in {"継続", "終了"}, f"review table: unexpected 継続・終了 cell {cells[2]!r}"
        entries.append((pillar, field_title, squeeze(item_match[2]), cells[2] == "継続", cells[3]))
    return entries


def seeded_initiatives() -> dict[Key, seed.Initiative]:
    return {
        (pillar.number, fld.number, initiative.number): initiative
        for pillar in SEED.pillars
        for fld in pillar.fields
        for initiative in fld.initiatives
    }


# --- the checks ---------------------------------------------------------------------------------


def test_plan_name_and_period_match_the_document(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert SEED.name in text
    match = re.search(r"令和(\d+)年度～(\d+)年度", text)
    assert match, "the plan period 令和N年度～M年度 is not in the document"
    first, last = 2018 + int(match[1]), 2018 + int(match[2])  # 令和1年度 = 2019
    assert first == SEED.first_fiscal_year
    assert last == SEED.last_fiscal_year


def test_diagram_lists_18_initiatives_10_and_8(lines: list[str]) -> None:
    diagram = parse_diagram(lines)
    per_pillar = {p: sum(1 for key in diagram.items if key[0] == p) for p in diagram.pillars}
    assert per_pillar == {1: 10, 2: 8}
    assert len(diagram.items) == 18
    assert len(seeded_initiatives()) == 18


def test_pillars_fields_and_initiatives_match_the_diagram(lines: list[str]) -> None:
    diagram = parse_diagram(lines)
    mismatches: list[str] = []
    seeded_pillars = {p.number: (p.roman, p.title) for p in SEED.pillars}
    if seeded_pillars != diagram.pillars:
        mismatches.append(f"pillars: seed {seeded_pillars} != document {diagram.pillars}")
    seeded_fields = {(p.number, f.number): f.title for p in SEED.pillars for f in p.fields}
    for pillar_no, field_no in sorted(seeded_fields.keys() | diagram.fields.keys()):
        seeded, documented = seeded_fields.get((pillar_no, field_no)), diagram.fields.get((pillar_no, field_no))
        if seeded != documented:
            mismatches.append(f"field {'I' * pillar_no}-({field_no}): seed {seeded!r} != document {documented!r}")
    seeded_items = {
        key: (initiative.title, initiative.national, initiative.prefectural)
        for key, initiative in seeded_initiatives().items()
    }
    for key in sorted(seeded_items.keys() | diagram.items.keys()):
        if seeded_items.get(key) != diagram.items.get(key):
            mismatches.append(
                f"{code(key)}: seed (title, 国, 県) {seeded_items.get(key)} != document {diagram.items.get(key)}"
            )
    expect_no_mismatches(mismatches)


def test_chapter3_has_the_diagram_initiatives(lines: list[str]) -> None:
    diagram, chapter = parse_diagram(lines), parse_chapter3(lines)
    assert chapter.field_titles == diagram.fields
    assert chapter.sections.keys() == diagram.items.keys()
    headings = {key: section.heading for key, section in chapter.sections.items()}
    expected = {key: CHAPTER3_HEADING_VARIANTS.get(key, item[0]) for key, item in diagram.items.items()}
    assert headings == expected


def test_descriptions_and_captions_match_chapter3(lines: list[str]) -> None:
    chapter = parse_chapter3(lines)
    mismatches: list[str] = []
    for pillar in SEED.pillars:
        for fld in pillar.fields:
            intro = "\n".join(chapter.field_intros.get((pillar.number, fld.number), []))
            if fld.description != intro:
                mismatches.append(
                    f"field {pillar.roman}-({fld.number}) description:\n  seed {fld.description!r}\n"
                    f"  document {intro!r}"
                )
    for key, initiative in seeded_initiatives().items():
        section = chapter.sections.get(key)
        if section is None:
            mismatches.append(f"{code(key)}: no section in 第3章")
            continue
        description = "\n".join(section.paragraphs)
        if initiative.description != description:
            mismatches.append(
                f"{code(key)} description:\n  seed {initiative.description!r}\n  document {description!r}"
            )
        caption = "\n".join(section.captions)
        if initiative.caption != caption:
            mismatches.append(f"{code(key)} caption: seed {initiative.caption!r} != document {caption!r}")
    expect_no_mismatches(mismatches)


def test_schedules_match_the_tables(lines: list[str]) -> None:
    chapter = parse_chapter3(lines)
    mismatches: list[str] = []
    for key, initiative in seeded_initiatives().items():
        section = chapter.sections.get(key)
        if section is None:
            mismatches.append(f"{code(key)}: no section in 第3章")
            continue
        documented = parse_schedule(section.table, f"{code(key)} {initiative.title}")
        seeded = [[(bar.label, bar.start, bar.end) for bar in row] for row in initiative.schedule]
        if seeded != documented:
            detail = "\n".join(
                f"    row {n}: seed {s}\n           document {d}"
                for n, (s, d) in enumerate(zip(seeded, documented, strict=False), start=1)
                if s != d
            )
            mismatches.append(
                f"{code(key)} {initiative.title}: schedule differs "
                f"({len(seeded)} seeded row(s), {len(documented)} in the document)\n{detail}"
            )
    expect_no_mismatches(mismatches)


def test_every_bar_lies_in_the_plan_period() -> None:
    first, last = (SEED.first_fiscal_year, 1), (SEED.last_fiscal_year, 2)
    for key, initiative in seeded_initiatives().items():
        for row in initiative.schedule:
            assert row, f"{code(key)}: empty schedule row"
            for bar in row:
                assert first <= bar.start <= bar.end <= last, f"{code(key)}: {bar}"


def test_department_codes_are_demo_city_divisions() -> None:
    known = {unit.code for unit in demo_city.city().divisions()}
    for key, initiative in seeded_initiatives().items():
        assert initiative.department_code in known, f"{code(key)}: unknown division {initiative.department_code!r}"


def test_previous_plan_review_matches_the_tables(lines: list[str]) -> None:
    documented = parse_review(lines)
    assert [sum(1 for entry in documented if entry[0] == p) for p in (1, 2)] == [11, 12]
    seeded = [(e.pillar, e.field, e.item, e.continued, e.note) for e in SEED.previous_plan_review]
    mismatches = [
        f"review row {n}: seed {s}\n              document {d}"
        for n, (s, d) in enumerate(zip(seeded, documented, strict=False), start=1)
        if s != d
    ]
    if len(seeded) != len(documented):
        mismatches.append(f"{len(seeded)} review rows seeded, {len(documented)} in the document")
    expect_no_mismatches(mismatches)


def test_previous_plan_successors_are_consistent() -> None:
    initiatives = seeded_initiatives()
    for entry in SEED.previous_plan_review:
        if not entry.continued:
            assert entry.successor is None, f"{entry.item}: ended (終了) but has a successor"
        elif entry.successor is not None:
            assert entry.successor in initiatives, f"{entry.item}: successor {entry.successor} does not exist"


def test_foreword_speaks_of_20_projects(lines: list[str]) -> None:
    """The foreword's 20事業 vs the 18 取組項目 is why PLAN_NOTE exists; keep it justified."""
    foreword = lines[: index_of(lines, "目 次")]
    sentences = [s + "。" for line in foreword for s in line.strip().split("。") if "20事業" in s]
    assert len(sentences) == 1, f"expected one foreword sentence with 20事業, found {sentences}"
    assert sentences[0] in SEED.note
    assert "18" in SEED.note
