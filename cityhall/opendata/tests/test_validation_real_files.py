"""Shapes found in files other municipalities published, each reproduced by a small file in files/ (no database)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cityhall.opendata.validation import UNKNOWN, apply_fixes, decode, load_schemas, validate

FILES = Path(__file__).resolve().parent / "files"
SCHEMAS = load_schemas()
EVACUATION = SCHEMAS["designated_emergency_evacuation_sites"]
HAZARDS = [rule.name for rule in EVACUATION.columns if rule.name.startswith("災害種別_")]


def read(name: str) -> str:
    return decode((FILES / name).read_bytes())


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_fix_all_adds_missing_hazard_columns_as_unknown_not_as_blank_which_means_no_hazard():
    text = read("evacuation_sites_without_hazard_columns.csv")
    before = validate(text, EVACUATION)
    assert sorted(p.column for p in before.problems if p.code == "missing_column") == sorted(HAZARDS)
    assert all("「不明」として列を追加" in p.message for p in before.problems if p.code == "missing_column")

    fixed = apply_fixes(text, EVACUATION)

    rows = table(fixed)
    assert {row[name] for row in rows for name in HAZARDS} == {UNKNOWN}
    assert [row["指定避難所との重複"] for row in rows] == ["1", "1", ""]  # the file's own flags are untouched
    after = validate(fixed, EVACUATION)
    unknown = [p for p in after.problems if p.code == "flag_unknown"]
    assert sorted(p.column for p in unknown) == sorted(HAZARDS)  # one blocking problem per column, not per row
    assert all(p.fix is None and "理由を添えて確認" in p.message for p in unknown)
    assert not after.ok
    assert sum(after.counts.values()) >= sum(before.counts.values())  # the count does not fall by inventing


def test_a_round_trip_through_the_downloaded_work_file_keeps_the_columns_unknown():
    fixed = apply_fixes(read("evacuation_sites_without_hazard_columns.csv"), EVACUATION)
    again = validate(apply_fixes(fixed, EVACUATION), EVACUATION)
    assert again.counts["flag_unknown"] == len(HAZARDS)


def test_confirmed_columns_become_blank_and_the_others_stay_unknown():
    fixed = apply_fixes(read("evacuation_sites_without_hazard_columns.csv"), EVACUATION)
    confirmed = apply_fixes(fixed, EVACUATION, codes=set(), reorder=False, confirmed={"災害種別_火山現象"})
    rows = table(confirmed)
    assert {row["災害種別_火山現象"] for row in rows} == {""}
    assert {row["災害種別_洪水"] for row in rows} == {UNKNOWN}
    assert validate(confirmed, EVACUATION).counts["flag_unknown"] == len(HAZARDS) - 1


def test_an_optional_flag_column_the_file_lacks_is_left_out_rather_than_asked_about():
    from dataclasses import replace

    optional = replace(
        EVACUATION,
        columns=tuple(replace(rule, required=False) if rule.kind == "flag_1" else rule for rule in EVACUATION.columns),
    )
    header = next(csv.reader(io.StringIO(apply_fixes(read("evacuation_sites_without_hazard_columns.csv"), optional))))
    assert not set(HAZARDS) & set(header)
    assert "指定避難所との重複" in header
