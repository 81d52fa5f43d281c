"""Shapes found in files other municipalities published, each reproduced by a small file in files/ (no database)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cityhall.opendata.validation import (
    UNKNOWN,
    apply_fixes,
    decode,
    detect,
    drop_trailer,
    header_key,
    load_schemas,
    load_synonyms,
    validate,
)

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


LEGACY_TOILETS = SCHEMAS["public_toilets_legacy"]
CODE = "都道府県コード又は市区町村コード"


@pytest.mark.parametrize("name", ["toilets_legacy_city_code_cp932.csv", "toilets_legacy_numbered_english_headers.csv"])
def test_header_synonyms_keep_the_codes_in_their_column_when_the_columns_are_reordered(name):
    text = read(name)
    header = next(csv.reader(io.StringIO(text)))
    schema, mapping = detect(header, {key: SCHEMAS[key] for key in ("public_toilets", "public_toilets_legacy")})
    assert schema.key == "public_toilets_legacy"
    assert None not in mapping  # every column recognised: numbered, English and other names
    assert mapping[0] == CODE

    fixed = apply_fixes(text, LEGACY_TOILETS)

    out_header = next(csv.reader(io.StringIO(fixed)))
    assert out_header == [rule.name for rule in LEGACY_TOILETS.columns]  # no trailing extra column
    assert [row[CODE] for row in table(fixed)] == ["092100"] * 3
    assert [row["緯度"] for row in table(fixed)] == ["36.871300", "36.873100", "36.849400"]


def test_seeded_synonyms_never_name_a_column_of_the_other_edition_so_detection_is_unchanged():
    seed = load_synonyms()
    for key, schema in SCHEMAS.items():
        other = SCHEMAS.get(key.removesuffix("_legacy") if key.endswith("_legacy") else f"{key}_legacy")
        for rule in schema.columns:
            for synonym in seed.get(schema.edition, {}).get(rule.name, []):
                assert schema.alias_map()[header_key(synonym)] == rule.name, (key, synonym)
                if other is not None:
                    taken = {header_key(r.name) for r in other.columns}
                    taken |= {
                        header_key(a)
                        for r in other.columns
                        for a in r.aliases
                        if a not in seed.get(other.edition, {}).get(r.name, [])
                    }
                    assert header_key(synonym) not in taken, (key, synonym)


# ------------------------------------------------------------------------------------------ rows after the table


def test_empty_rows_and_a_footer_after_the_table_are_taken_off_with_notes():
    text = read("toilets_footer_and_empty_rows_cp932.csv")
    kept, notes = drop_trailer(text)
    assert kept.endswith("36.849400,140.038900,4,4\r\n")
    assert kept == text[: len(kept)]  # nothing else changed
    assert notes[0] == "ファイルの末尾にある空の行（3行）はデータではないため除きました。"
    assert "「Ver202204」の行は表の外の注記" in notes[1]
    assert validate(kept, SCHEMAS["public_toilets"]).rows_checked == 3


@pytest.mark.parametrize(
    "tail",
    [
        "092100,T0004,大田原市,,,,,,,,\r\n",  # a row of data, however incomplete, stays
        "Ver202204,x,,,,,,,,,\r\n",  # two cells: not a footer
        ',"a\r\n,,,\r\nb",,,,,,,,,\r\n',  # empty-looking lines inside a quoted field
        "大田原駅前公衆トイレ\r\n",  # one cell that is no footer
    ],
)
def test_anything_that_may_be_data_stays(tail):
    text = read("toilets_footer_and_empty_rows_cp932.csv").split(",,,,,,,,,,\r\n")[0] + tail
    assert drop_trailer(text) == (text, [])


@pytest.mark.parametrize("footer", ["以上", "※令和4年4月1日現在", "令和4年4月1日時点", "更新日：2022-04-01", "v1.2"])
def test_common_footers_are_recognised(footer):
    text = "名称,所在地_連結表記\r\nA,x\r\n" + footer + ",\r\n"
    assert drop_trailer(text)[0] == "名称,所在地_連結表記\r\nA,x\r\n"


def test_the_header_is_never_taken_off():
    assert drop_trailer(",,,\r\n,,,\r\n") == (
        ",,,\r\n",
        ["ファイルの末尾にある空の行（1行）はデータではないため除きました。"],
    )


# ------------------------------------------------------------------------------------------ blank column names


def test_blank_column_names_are_reported_and_only_columns_without_data_are_removed_by_a_fix():
    text = read("toilets_blank_headers.csv")
    toilets = SCHEMAS["public_toilets"]
    report = validate(text, toilets)
    blank = [p for p in report.problems if p.code == "header_blank"]
    assert [(p.row, p.column) for p in blank] == [(1, "4列目"), (1, "9列目"), (1, "10列目")]
    assert [p.fix for p in blank] == [None, "（列を削除）", "（列を削除）"]  # 4列目 holds a note: a person names it
    assert report.fixable_counts() == {"header_blank": 2}

    for reorder in (True, False):
        fixed = apply_fixes(text, toilets, codes={"header_blank"}, reorder=reorder)
        header = next(csv.reader(io.StringIO(fixed)))
        assert header.count("") == 1
        assert "駅前広場の清掃は月2回" in fixed
        again = validate(fixed, toilets)
        assert again.counts["header_blank"] == 1 and again.fixable_counts() == {}


# ------------------------------------------------------------------------------------------ text cells


def test_tabs_and_trailing_spaces_in_text_cells_are_reported_and_fixed():
    text = read("toilets_tabs_and_trailing_spaces.csv")
    toilets = SCHEMAS["public_toilets"]
    report = validate(text, toilets)
    assert sorted((p.row, p.column, p.code, p.fix) for p in report.problems) == [
        (2, "名称", "text_whitespace", "大田原駅前公衆トイレ"),
        (2, "設置位置", "text_whitespace", "駅前広場"),
        (3, "備考", "text_whitespace", "清掃 毎週月曜"),
        (3, "所在地_連結表記", "text_whitespace", "栃木県大田原市城山二丁目"),
    ]
    assert validate(apply_fixes(text, toilets, codes={"text_whitespace"}), toilets).ok


def test_half_width_kana_in_kana_columns_is_reported_and_made_full_width():
    text = read("toilets_halfwidth_kana_cp932.csv")
    toilets = SCHEMAS["public_toilets"]
    report = validate(text, toilets)
    assert sorted((p.row, p.column, p.code, p.fix) for p in report.problems) == [
        (2, "名称_カナ", "kana_halfwidth", "オオタワラエキマエコウシュウトイレ"),
        (3, "名称_カナ", "kana_halfwidth", "リュウジョウコウエントイレ"),
        (4, "名称_カナ", "kana_halfwidth", "ナスノヨイチノサト トイレ"),  # only the kana changes
    ]  # ｶﾞｲﾄﾞ付き in 備考 is free text, not a reading: left as written
    fixed = apply_fixes(text, toilets, codes={"kana_halfwidth"})
    assert validate(fixed, toilets).ok and "ｶﾞｲﾄﾞ付き" in fixed


# ------------------------------------------------------------------------------------------ another municipality


def test_another_municipalitys_code_in_the_managing_government_column_is_reported():
    text = read("toilets_other_municipality_code.csv")
    report = validate(text, SCHEMAS["public_toilets"], own_code="092100")
    assert sorted((p.row, p.column, p.value, p.code, p.fix) for p in report.problems) == [
        (2, "全国地方公共団体コード", "011002", "code6_other_municipality", None),
        (5, "全国地方公共団体コード", "011002", "code6_other_municipality", None),
    ]  # 所在地_全国地方公共団体コード 092134 (a facility in the next city) is not a problem
    assert "092100" in report.problems[0].message
    assert validate(text, SCHEMAS["public_toilets"]).ok  # without a municipality there is nothing to compare


def test_the_legacy_code_column_is_the_managing_government_too():
    text = read("toilets_legacy_city_code_cp932.csv").replace("\r\n092100,2,", "\r\n011002,2,")
    report = validate(text, LEGACY_TOILETS, own_code="092100")
    assert [(p.row, p.column, p.code) for p in report.problems] == [(3, CODE, "code6_other_municipality")]


# ------------------------------------------------------------------------------------------ totals


@pytest.mark.parametrize("block", [None, 2])  # one block mixing one- and two-digit rows, or a row per block
def test_toilet_totals_must_equal_the_sum_of_their_kinds(block, monkeypatch):
    if block is not None:
        monkeypatch.setattr("cityhall.opendata.validation.reader.CHUNK_CHARS", block)
    report = validate(read("toilets_wrong_totals.csv"), SCHEMAS["public_toilets"])
    assert sorted((p.row, p.column, p.value, p.code, p.fix) for p in report.problems) == [
        (3, "男性トイレ総数", "3", "total_mismatch", None),
        (5, "女性トイレ総数", "3", "total_mismatch", None),
        (6, "男性トイレ総数", "10", "total_mismatch", None),
    ]  # row 5's 男性 has an unknown (blank) kind: not checked
    message = next(p.message for p in report.problems if p.row == 3)
    assert message == (
        "「男性トイレ総数」が3ですが、内訳（男性トイレ数（小便器） 2、男性トイレ数（和式） 1、男性トイレ数（洋式） 1）"
        "の合計は4です。どちらかを直してください。"
    )


def test_totals_are_checked_only_when_every_kind_is_in_the_file():
    text = "名称,所在地_連結表記,設置位置,男性トイレ総数,男性トイレ数（洋式）\r\nA,x,y,5,1\r\n"
    assert validate(text, SCHEMAS["public_toilets"]).ok
    legacy = read("toilets_wrong_totals.csv").replace(
        "全国地方公共団体コード,ID,", "都道府県コード又は市区町村コード,NO,"
    )
    assert validate(legacy, LEGACY_TOILETS).counts["total_mismatch"] == 3
