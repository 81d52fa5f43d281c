"""The open-data validator on realistic, messy municipal CSV files (no database)."""

from __future__ import annotations

import pytest

from cityhall.opendata.validation import (
    ColumnRule,
    DecodeError,
    Schema,
    apply_fixes,
    decode,
    detect,
    load_schemas,
    validate,
)

SCHEMAS = load_schemas()
TOILETS = SCHEMAS["public_toilets"]

HEADER = (
    "全国地方公共団体ｺｰﾄﾞ,ID,1_名称,名称_ｶﾅ,所在地_連結表記,設置位置,緯度,経度,"
    "男性トイレ総数,車椅子使用者用トイレ有無,利用開始時間,利用終了時間,備考"
)
GOOD = "092011,LL001,宇都宮駅東口公衆トイレ,ウツノミヤエキヒガシグチ,栃木県宇都宮市東宿郷一丁目1-1,駅東口広場,36.559021,139.898551,3,有,09:00,18:00,"
MESSY_ROWS = [
    GOOD,  # row 2
    "09201,LL002,八幡山公園トイレ,ハチマンヤマコウエン,栃木県宇都宮市塙田五丁目1,公園北側,36.571200,139.886900,2,無,09:00,17:00,",
    "092011,LL003,二荒山神社前トイレ,フタアラヤマ,栃木県宇都宮市馬場通り一丁目1,参道入口,139.882700,36.563300,１,あり,06:00,20:00,",
    "092011,LL004,釜川プロムナードトイレ,カマガワ,栃木県宇都宮市中央一丁目2,川沿い,36.560100,139.880000,2,有,25:00,9:00,",
    "092011,LL001,オリオン通りトイレ,オリオンドオリ,栃木県宇都宮市江野町8,通り中央,36.561500,139.882100,1,無,10:00,22:00,",
    '092011,LL006,宮の橋トイレ,ミヤノハシ,栃木県宇都宮市宮町1,橋のたもと,36.558000,139.890000,1,有,00:00,23:59,"=HYPERLINK(""http://example.com"")"',
    '092011,LL007,東武宇都宮駅トイレ,トウブウツノミヤ,栃木県宇都宮市宮園町5,"改札を出て右\n階段下",36.555000,139.881000,2,有,05:00,23:00,',
]
MESSY = HEADER + "\r\n" + "\r\n".join(MESSY_ROWS) + "\r\n"

EXPECTED = [
    (3, "全国地方公共団体コード", "09201", "code6_check_digit_missing", "092011"),
    (4, "男性トイレ総数", "１", "width", "1"),
    (4, "車椅子使用者用トイレ有無", "あり", "flag_value", "有"),
    (4, "緯度", "139.882700", "latlon_swapped", "36.563300"),
    (5, "利用開始時間", "25:00", "time_invalid", None),
    (5, "利用終了時間", "9:00", "time_format", "09:00"),
    (6, "ID", "LL001", "id_duplicate", None),
    (7, "備考", '=HYPERLINK("http://example.com")', "formula", None),
    (8, "設置位置", "改札を出て右\n階段下", "line_break", "改札を出て右 階段下"),
]


def _found(report):
    return sorted((p.row, p.column, p.value, p.code, p.fix) for p in report.problems)


def test_messy_cp932_file_gives_exactly_the_expected_problems():
    data = MESSY.encode("cp932")
    text = decode(data)
    header = next(iter(text.splitlines())).split(",")
    schema, mapping = detect(header, SCHEMAS)
    assert schema.key == "public_toilets"
    assert mapping[0] == "全国地方公共団体コード"
    assert mapping[3] == "名称_カナ"

    report = validate(text, schema)

    assert report.rows_checked == 7
    assert _found(report) == sorted(EXPECTED)
    messages = {(p.row, p.code): p.message for p in report.problems}
    assert messages[4, "latlon_swapped"] == "緯度と経度が入れ替わっている可能性があります。"
    assert "検査数字" in messages[3, "code6_check_digit_missing"]
    assert "重複" in messages[6, "id_duplicate"] and "2行目" in messages[6, "id_duplicate"]
    assert "数式" in messages[7, "formula"]
    assert "hh:mm" in messages[5, "time_invalid"]
    assert report.counts["latlon_swapped"] == 1
    assert sum(report.counts.values()) == len(EXPECTED)


def test_fixes_then_clerk_edits_give_a_clean_file_in_schema_order():
    fixed = apply_fixes(MESSY, TOILETS)
    header = fixed.split("\r\n", 1)[0].split(",")
    assert header == [rule.name for rule in TOILETS.columns]

    report = validate(fixed, TOILETS)
    # What is left needs a person: a time, a duplicate ID, a formula.
    assert sorted((p.row, p.column, p.code) for p in report.problems) == [
        (5, "利用開始時間", "time_invalid"),
        (6, "ID", "id_duplicate"),
        (7, "備考", "formula"),
    ]
    row4 = fixed.split("\r\n")[3]
    assert ",36.563300,139.882700," in row4
    assert ",092011,LL002," not in row4

    edited = fixed.replace(",25:00,", ",08:00,").replace("LL001,,オリオン", "LL005,,オリオン")
    edited = edited.replace('"=HYPERLINK(""http://example.com"")"', "")
    assert validate(edited, TOILETS).ok


@pytest.mark.parametrize(
    "data",
    [
        ("\ufeff" + MESSY).encode("utf-8"),
        MESSY.encode("utf-8"),
        MESSY.encode("cp932"),
    ],
    ids=["utf8-bom", "utf8", "cp932"],
)
def test_decode_accepts_utf8_with_and_without_bom_and_cp932(data):
    assert decode(data) == MESSY


def test_decode_rejects_binary_with_a_japanese_message():
    with pytest.raises(DecodeError, match="CSVファイルではない"):
        decode(b"PK\x03\x04\x14\x00\x06\x00\x08\x00")  # an .xlsx (zip) header


def test_decode_rejects_unknown_encoding():
    with pytest.raises(DecodeError, match="文字コード"):
        decode("Name,café,naïve\n".encode("latin-1"))  # neither UTF-8 nor CP932


def test_legacy_and_current_headers_are_told_apart():
    legacy = ["都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名", "名称", "名称_カナ", "住所", "方書",
              "設置位置", "緯度", "経度", "男性トイレ総数", "多機能トイレ数", "車椅子使用者用トイレ有無"]  # fmt: skip
    schema, _ = detect(legacy, SCHEMAS)
    assert schema.key == "public_toilets_legacy"
    assert schema.edition == "legacy"
    current = [
        "localgov_code",
        "id",
        "name",
        "seat_copulative_spell",
        "set_position",
        "latitude",
        "longitude",
        "wheelchair_wc",
    ]
    schema, mapping = detect(current, SCHEMAS)
    assert schema.key == "public_toilets"
    assert mapping[0] == "全国地方公共団体コード"


def test_numbered_and_bracket_variants_of_headers_map():
    schema, mapping = detect(
        ["No.1 全国地方公共団体コード", "2.ID", "名称", "建物名等_方書", "所在地_連結表記", "設置位置"], SCHEMAS
    )
    assert schema.key == "public_toilets"
    assert mapping == ["全国地方公共団体コード", "ID", "名称", "建物名等(方書)", "所在地_連結表記", "設置位置"]


def test_header_problems_missing_required_and_duplicate_columns():
    report = validate("名称,名称,緯度,経度\nA,A,43.0,141.3\n", TOILETS)
    assert sorted((p.row, p.column, p.code) for p in report.problems) == [
        (1, "名称", "duplicate_header"),
        (1, "所在地_連結表記", "missing_column"),
        (1, "設置位置", "missing_column"),
    ]


def test_leading_zero_dates_postal_phone_lists_and_blank_counts():
    schema = Schema(
        key="t",
        name_ja="テスト",
        edition="current",
        status="complete",
        columns=(
            ColumnRule("全国地方公共団体コード", "code6", False),
            ColumnRule("登録日", "date", False),
            ColumnRule("郵便番号", "postal", False),
            ColumnRule("電話番号", "phone", False),
            ColumnRule("対象となる町会・自治会", "list", False),
            ColumnRule("多機能トイレ数", "integer", True),
            ColumnRule("指定避難所との重複", "flag_1", False),
        ),
    )
    text = "全国地方公共団体コード,登録日,郵便番号,電話番号,対象となる町会・自治会,多機能トイレ数,指定避難所との重複\n"
    text += "92011,2026/4/1,320-0802,028-632-2222,本町;東町,0,1\n"
    text += "131015,2026-02-30,3200802,03-1234,本町、東町,,0\n"
    report = validate(text, schema)
    assert _found(report) == sorted(
        [
            (2, "全国地方公共団体コード", "92011", "code6_leading_zero", "092011"),
            (2, "登録日", "2026/4/1", "date_format", "2026-04-01"),
            (3, "全国地方公共団体コード", "131015", "code6_check_digit", None),
            (3, "登録日", "2026-02-30", "date_invalid", None),
            (3, "電話番号", "03-1234", "phone_format", None),
            (3, "対象となる町会・自治会", "本町、東町", "list_format", "本町;東町"),
            (3, "多機能トイレ数", "", "count_blank", None),
            (3, "指定避難所との重複", "0", "flag_value", ""),
        ]
    )


def test_municipality_bounding_box_and_out_of_japan():
    text = "名称,所在地_連結表記,設置位置,緯度,経度\nA,x,y,43.06,141.35\nB,x,y,36.56,139.89\nC,x,y,10.0,100.0\nD,x,y,36.5,\n"
    report = validate(text, TOILETS, bbox=(36.4, 139.7, 36.7, 140.1))  # 宇都宮市 roughly
    assert sorted((p.row, p.column, p.code) for p in report.problems) == [
        (2, "緯度", "latlon_outside_area"),
        (4, "経度", "lon_range"),
        (4, "緯度", "lat_range"),
        (5, "経度", "latlon_pair"),
    ]


def test_problem_list_is_capped_but_counts_are_kept():
    rows = "".join(f"=X{i},x,y\n" for i in range(12_000))
    report = validate("名称,所在地_連結表記,設置位置\n" + rows, TOILETS)
    assert len(report.problems) == 10_000
    assert report.counts["formula"] == 12_000
    assert report.rows_checked == 12_000
