"""Fixes chosen by problem code, column order kept or not, fix counts, labels, and odd headers."""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import pytest

from cityhall.opendata.tests.test_validation import MESSY, TOILETS
from cityhall.opendata.validation import PROBLEM_LABELS, apply_fixes, detect, load_schemas, validate

VALIDATION_DIR = Path(__file__).resolve().parent.parent / "validation"


def _rows(text: str) -> list[list[str]]:
    return [line.split(",") for line in text.split("\r\n") if line]


def test_report_counts_fixes_by_code_and_remembers_the_code_of_each_fixed_cell():
    report = validate(MESSY, TOILETS)
    assert report.fixable_counts() == {
        "code6_check_digit_missing": 1,
        "width": 1,
        "flag_value": 1,
        "time_format": 1,
        "line_break": 1,
        "latlon_swapped": 2,  # one problem, both cells change
    }
    assert report.fix_codes[4, "緯度"] == report.fix_codes[4, "経度"] == "latlon_swapped"
    assert report.fixes[4, "緯度"] == "36.563300" and report.fixes[4, "経度"] == "139.882700"
    assert report.counts["latlon_swapped"] == 1
    assert set(report.fixes) == set(report.fix_codes)


def test_apply_fixes_of_chosen_codes_only():
    fixed = apply_fixes(MESSY, TOILETS, codes={"width", "code6_check_digit_missing"})
    report = validate(fixed, TOILETS)
    assert "width" not in report.counts and "code6_check_digit_missing" not in report.counts
    assert report.counts["latlon_swapped"] == 1 and report.counts["flag_value"] == 1
    assert report.counts["time_format"] == 1

    untouched = apply_fixes(MESSY, TOILETS, codes=set())
    assert validate(untouched, TOILETS).counts == validate(MESSY, TOILETS).counts


def test_apply_fixes_keeping_the_file_columns_and_header():
    fixed = apply_fixes(MESSY, TOILETS, codes={"latlon_swapped", "width"}, reorder=False)
    rows = _rows(fixed)
    assert ",".join(rows[0]) == MESSY.split("\r\n", 1)[0]  # 半角ｶﾅ and 1_名称 kept as they were
    assert rows[3][6:9] == ["36.563300", "139.882700", "1"]  # row 4: swapped back, １ → 1
    assert rows[3][9] == "あり"  # flag_value not chosen
    assert rows[2][0] == "09201"  # code6_check_digit_missing not chosen


def test_apply_fixes_reorders_into_schema_order_and_keeps_unknown_columns_at_the_end():
    text = "メモ,名称,所在地_連結表記,設置位置,緯度,経度\r\nx,A,栃木県,入口,139.9,36.5\r\n"
    fixed = apply_fixes(text, TOILETS)
    header, row = _rows(fixed)
    assert header == [rule.name for rule in TOILETS.columns] + ["メモ"]
    assert row[-1] == "x"
    assert row[header.index("緯度")] == "36.5" and row[header.index("経度")] == "139.9"


def test_every_problem_code_in_the_source_has_a_label():
    emitted: set[str] = set()
    for path in VALIDATION_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # Issues are (code, message, fix) tuples; the code is a literal or f"{kind}_format".
            if isinstance(node, ast.Tuple) and len(node.elts) == 3:
                first = node.elts[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    if re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)+|formula|width", first.value):
                        emitted.add(first.value)
                elif isinstance(first, ast.JoinedStr):
                    emitted.update(f"{kind}_format" for kind in ("number", "lat", "lon"))
    assert len(emitted) > 30
    assert emitted - PROBLEM_LABELS.keys() == set()
    assert PROBLEM_LABELS.keys() - emitted == set(), "labels of codes nothing emits"
    assert all(re.search(r"[ぁ-んァ-ヶ一-龠]", label) for label in PROBLEM_LABELS.values())


@pytest.mark.parametrize(("delimiter", "name"), [("\t", "タブ"), (";", "セミコロン")])
def test_tab_and_semicolon_separated_files_are_refused_by_name(delimiter, name):
    text = delimiter.join(["名称", "所在地_連結表記", "設置位置", "緯度", "経度"]) + "\r\nA" + delimiter + "B\r\n"
    with pytest.raises(ValueError, match=f"区切り文字が{name}"):
        validate(text, TOILETS)
    with pytest.raises(ValueError, match=f"区切り文字が{name}"):
        detect(text.split("\r\n")[0].split(","), load_schemas())


def test_a_repeated_header_row_is_one_problem_not_a_row_of_format_errors():
    text = MESSY + MESSY.split("\r\n", 1)[0].replace("\ufeff", "") + "\r\n"
    report = validate(text, TOILETS)
    repeated = [p for p in report.problems if p.code == "header_repeated"]
    assert [(p.row, p.column) for p in repeated] == [(9, "")]
    assert not [p for p in report.problems if p.row == 9 and p.code != "header_repeated"]
    assert report.rows_checked == 7


def test_whitespace_only_cells_in_required_text_columns_are_blank():
    text = "名称,所在地_連結表記,設置位置\r\nA,x,y\r\n\u3000,x,y\r\n \t,x,y\r\nB, ,y\r\n"
    report = validate(text, TOILETS)
    assert sorted((p.row, p.column, p.code) for p in report.problems) == [
        (3, "名称", "required_empty"),
        (4, "名称", "required_empty"),
        (5, "所在地_連結表記", "required_empty"),
    ]


@pytest.fixture
def small_field_limit():
    previous = csv.field_size_limit(1000)
    yield
    csv.field_size_limit(previous)


@pytest.mark.usefixtures("small_field_limit")
def test_a_quote_left_open_is_a_clear_error():
    text = '名称,所在地_連結表記,設置位置\r\nA,"x,y\r\n' + "B,x,y\r\n" * 300
    with pytest.raises(ValueError, match="1つのセルが長すぎます（1,000文字まで）"):
        validate(text, TOILETS)
