"""Download formats, previews and version diffs of published open-data CSV text (no database)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile

import openpyxl
import pytest

from cityhall.opendata import formats
from cityhall.opendata.formats import (
    diff_summary,
    point_columns,
    points,
    preview,
    sha256_hex,
    write_csv,
    write_geojson,
    write_json,
    write_xlsx,
)
from cityhall.opendata.validation import load_schemas

TOILETS = load_schemas()["public_toilets"]
HEADER = [rule.name for rule in TOILETS.columns]
FORMULA = '=HYPERLINK("http://x","y")'


def _csv(rows, header=HEADER):
    """CSV text as validation produces it: CRLF, minimal quoting, rows given as {column: value}."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return buffer.getvalue()


TOILET_ROWS = [
    {
        "全国地方公共団体コード": "092011",
        "ID": "LL001",
        "名称": "宇都宮駅東口公衆トイレ",
        "緯度": "36.559021",
        "経度": "139.898551",
        "高度の値": "-1.5",
        "男性トイレ総数": "3",
        "車椅子使用者用トイレ有無": "有",
        "利用開始時間": "09:00",
        "備考": FORMULA,
    },
    {
        "全国地方公共団体コード": "092100",
        "ID": "LL002",
        "名称": "八幡山公園トイレ",
        "設置位置": "改札を出て右\r\n階段下",
        "緯度": "",
        "経度": "139.886900",
        "男性トイレ総数": "",
        "備考": "2024-01-01",
    },
    {
        "全国地方公共団体コード": "092011",
        "ID": "LL003",
        "名称": "二荒山神社前トイレ",
        "緯度": "36.563300",
        "経度": "139.882700",
        "男性トイレ総数": "２",
        "備考": "-",
    },
    {"全国地方公共団体コード": "092011", "ID": "LL004", "名称": "座標誤りトイレ", "緯度": "北緯36度", "経度": "139.88"},
]
TOILETS_CSV = _csv(TOILET_ROWS)


def _read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# --- CSV ---------------------------------------------------------------------------------------------------------


def test_csv_has_bom_and_crlf_and_round_trips():
    data = write_csv(TOILETS_CSV)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n")  # the cell's line break is CRLF as well
    rows = _read_csv(data)
    assert rows[0] == HEADER
    assert len(rows) == 5
    assert rows[2][HEADER.index("設置位置")] == "改札を出て右\r\n階段下"
    assert rows[2][0] == "092100"


def test_csv_neutralises_formulas_but_not_numbers_dates_or_placeholders():
    header = ["=危険", "値"]
    values = [
        FORMULA,
        "+81-3-1234-5678",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "-A1",
        "=",
        "-1.5",
        "+2",
        "2024-01-01",
        "-",
        "092100",
    ]
    text = _csv([{"=危険": str(i), "値": value} for i, value in enumerate(values)], header=header)
    rows = _read_csv(write_csv(text))
    assert rows[0] == ["'=危険", "値"]
    assert [row[1] for row in rows[1:]] == [
        "'" + FORMULA,
        "'+81-3-1234-5678",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "'-A1",
        "'=",
        "-1.5",
        "+2",
        "2024-01-01",
        "-",
        "092100",
    ]


def test_csv_of_a_bom_input_does_not_double_the_bom_and_skips_blank_lines():
    data = write_csv("\ufeffID,名称\r\n1,a\r\n\r\n2,b\r\n")
    assert data == "\ufeffID,名称\r\n1,a\r\n2,b\r\n".encode()
    assert write_csv('ID,備考\r1,"a\rb"\n2,c') == '\ufeffID,備考\r\n1,"a\rb"\r\n2,c\r\n'.encode()


# --- JSON --------------------------------------------------------------------------------------------------------


def test_json_types_follow_the_schema():
    document = json.loads(write_json(TOILETS_CSV, TOILETS))
    types = {field["id"]: field["type"] for field in document["fields"]}
    assert [field["id"] for field in document["fields"]] == HEADER
    assert types["緯度"] == "numeric"
    assert types["高度の値"] == "numeric"
    assert types["男性トイレ総数"] == "int"
    assert types["全国地方公共団体コード"] == "text"
    first, second, third, _ = document["records"]
    assert first["全国地方公共団体コード"] == "092011"
    assert first["緯度"] == 36.559021
    assert first["高度の値"] == -1.5
    assert first["男性トイレ総数"] == 3
    assert first["備考"] == FORMULA  # JSON is data for programs, not a spreadsheet: left as it is
    assert second["全国地方公共団体コード"] == "092100"
    assert second["緯度"] is None
    assert second["男性トイレ総数"] is None
    assert second["設置位置"] == "改札を出て右\r\n階段下"
    assert third["男性トイレ総数"] == "２"  # does not parse: kept as the string


def test_json_without_schema_keeps_strings_except_coordinates_and_is_not_ascii_escaped():
    data = write_json("名称,ID,緯度,経度\r\nトイレ,007,36.5,139.9\r\n")
    assert "トイレ".encode() in data
    document = json.loads(data)
    assert [field["type"] for field in document["fields"]] == ["text", "text", "numeric", "numeric"]
    assert document["records"] == [{"名称": "トイレ", "ID": "007", "緯度": 36.5, "経度": 139.9}]


def test_json_names_blank_and_duplicate_headers_so_no_value_is_lost():
    document = json.loads(write_json("a,a,\r\n1,2,3\r\n4\r\n"))
    assert [field["id"] for field in document["fields"]] == ["a", "a_2", "column_3"]
    assert document["records"] == [{"a": "1", "a_2": "2", "column_3": "3"}, {"a": "4", "a_2": None, "column_3": None}]


def test_json_of_an_empty_file():
    assert json.loads(write_json("")) == {"fields": [], "records": []}


# --- GeoJSON -----------------------------------------------------------------------------------------------------


def test_point_columns_from_schema_or_header_names():
    assert point_columns(HEADER, TOILETS) == (HEADER.index("緯度"), HEADER.index("経度"))
    assert point_columns(["名称", "経度", "緯度"]) == (2, 1)
    assert point_columns(["name", "Longitude", "Latitude"]) == (2, 1)
    assert point_columns(["名称", "7_緯度", "8_経度"]) == (1, 2)
    assert point_columns(["名称", "緯度"]) is None
    assert point_columns(["名称", "住所"]) is None


def test_geojson_is_lon_lat_and_skips_rows_without_valid_coordinates():
    document = json.loads(write_geojson(TOILETS_CSV, TOILETS))
    assert document["type"] == "FeatureCollection"
    features = document["features"]
    assert [feature["properties"]["ID"] for feature in features] == ["LL001", "LL003"]
    assert features[0]["type"] == "Feature"
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [139.898551, 36.559021]}
    properties = features[0]["properties"]
    assert "緯度" not in properties
    assert "経度" not in properties
    assert properties["全国地方公共団体コード"] == "092011"
    assert properties["男性トイレ総数"] == 3
    assert len(properties) == len(HEADER) - 2


def test_geojson_skips_out_of_range_coordinates_and_is_none_without_coordinates():
    text = "名称,緯度,経度\r\nA,139.9,36.5\r\nB,36.5,139.9\r\n"
    document = json.loads(write_geojson(text))
    assert [feature["properties"] for feature in document["features"]] == [{"名称": "B"}]
    assert write_geojson("名称,住所\r\nA,宇都宮市\r\n") is None


# --- XLSX --------------------------------------------------------------------------------------------------------


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_xlsx_keeps_leading_zeros_types_numbers_and_neutralises_formulas():
    data = write_xlsx(TOILETS_CSV, TOILETS)
    sheet = _sheet(data)
    assert sheet.title == "データ"
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == HEADER
    assert all(cell.font.bold for cell in sheet[1])
    assert not sheet["A2"].font.bold
    column = {name: i for i, name in enumerate(HEADER)}
    first, second, third = (list(row) for row in sheet.iter_rows(min_row=2, max_row=4))
    assert second[column["全国地方公共団体コード"]].value == "092100"
    assert first[column["緯度"]].value == 36.559021
    assert first[column["高度の値"]].value == -1.5
    assert first[column["男性トイレ総数"]].value == 3
    assert third[column["男性トイレ総数"]].value == "２"
    assert second[column["緯度"]].value is None
    place = second[column["設置位置"]]
    assert place.value == "改札を出て右\n階段下"  # Excel's in-cell line break
    assert place.alignment.wrap_text
    remark = first[column["備考"]]
    assert remark.value == "'" + FORMULA
    assert remark.data_type == "s"
    assert second[column["備考"]].value == "2024-01-01"
    assert sheet.column_dimensions["A"].width >= 8
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml
    assert b"<f " not in sheet_xml


def test_xlsx_keeps_error_literals_as_text_and_drops_control_characters():
    sheet = _sheet(write_xlsx("名称,備考\r\n#N/A,a\x01b\r\n", sheet_title="一覧[1]"))
    assert sheet.title == "一覧_1_"
    assert sheet["A2"].value == "#N/A"
    assert sheet["A2"].data_type == "s"
    assert sheet["B2"].value == "ab"


def test_xlsx_refuses_more_rows_than_excel_holds(monkeypatch):
    monkeypatch.setattr(formats.xlsx_output, "XLSX_MAX_DATA_ROWS", 3)
    assert _sheet(write_xlsx("a\r\n1\r\n2\r\n3\r\n\r\n\r\n")).max_row == 4  # blank lines are not rows
    with pytest.raises(ValueError, match="Excel形式では出力できません"):
        write_xlsx("a\r\n1\r\n2\r\n3\r\n4\r\n")


# --- preview and map points --------------------------------------------------------------------------------------


def test_preview_counts_records_not_lines():
    text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2\r\n3,z\r\n'
    header, rows, total = preview(text, limit=2)
    assert header == ["a", "b"]
    assert rows == [["1", "x\r\ny"], ["2", ""]]
    assert total == 3
    assert preview("", limit=2) == ([], [], 0)
    assert preview("\r\nID\r\n1\r\n") == (["ID"], [["1"]], 1)  # a leading blank line is not the header


def test_points_labels_from_the_name_column_and_skips_bad_coordinates():
    assert points(TOILETS_CSV, TOILETS) == [
        (36.559021, 139.898551, "宇都宮駅東口公衆トイレ"),
        (36.5633, 139.8827, "二荒山神社前トイレ"),
    ]
    assert points(TOILETS_CSV, TOILETS, name_column="ID", limit=1) == [(36.559021, 139.898551, "LL001")]
    with pytest.raises(ValueError, match="見つかりません"):
        points(TOILETS_CSV, TOILETS, name_column="存在しない列")


def test_points_without_a_name_column_use_the_first_text_column():
    assert points("ID,施設,緯度,経度\r\n1,図書館,36.5,139.9\r\n") == [(36.5, 139.9, "図書館")]
    assert points("名称,住所\r\nA,宇都宮市\r\n") == []


# --- diff --------------------------------------------------------------------------------------------------------


def test_diff_by_id_counts_added_removed_and_changed_rows():
    old = "ID,名称,定員\r\n1,A,10\r\n2,B,20\r\n3,C,30\r\n"
    new = "ID,名称,定員\r\n1,A,10\r\n3,C,35\r\n4,D,40\r\n5,E,50\r\n"
    assert diff_summary(old, new) == {
        "rows_before": 3,
        "rows_after": 4,
        "added": 2,
        "removed": 1,
        "changed": 1,
        "columns_added": [],
        "columns_removed": [],
        "keyed_by": "ID",
    }


def test_diff_without_a_key_compares_rows_as_a_multiset():
    old = "名称,定員\r\nA,10\r\nA,10\r\nB,20\r\n"
    new = "名称,定員\r\nB,20\r\nA,10\r\nB,21\r\n"
    summary = diff_summary(old, new)
    assert summary["keyed_by"] is None
    assert (summary["added"], summary["removed"], summary["changed"]) == (1, 1, 0)
    assert (summary["rows_before"], summary["rows_after"]) == (3, 3)


def test_diff_after_adding_and_removing_columns_compares_the_shared_columns():
    old = "ID,名称,旧項目\r\n1,A,x\r\n2,B,y\r\n"
    new = "名称,ID,新項目\r\nA,1,p\r\nB2,2,q\r\n"
    summary = diff_summary(old, new)
    assert summary["columns_added"] == ["新項目"]
    assert summary["columns_removed"] == ["旧項目"]
    assert (summary["added"], summary["removed"], summary["changed"]) == (0, 0, 1)


def test_diff_uses_the_first_key_column_in_both_files_and_copes_with_repeated_keys():
    old = "NO,ID,名称\r\n1,,A\r\n2,,B\r\n3,,C\r\n4,X,D\r\n"
    new = "NO,ID,名称\r\n1,,A\r\n2,,B2\r\n4,X,D\r\n4,X,D\r\n"
    summary = diff_summary(old, new, key_columns=("管理番号", "ID", "NO"))
    assert summary["keyed_by"] == "ID"
    # blank ID: A unchanged, B→B2 changed, C removed; X: second copy added
    assert (summary["added"], summary["removed"], summary["changed"]) == (1, 1, 1)


def test_sha256_hex():
    assert sha256_hex(b"abc") == hashlib.sha256(b"abc").hexdigest()
    assert sha256_hex(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


# --- size --------------------------------------------------------------------------------------------------------


def test_csv_and_diff_complete_on_200k_rows():
    rows = 200_000
    body = "".join(f"{i},名称{i},092011,{i % 100},=x{i}\r\n" for i in range(rows))
    old = "ID,名称,コード,定員,備考\r\n" + body
    new = old.replace("\r\n5,名称5,", "\r\n5,改名5,", 1) + f"{rows},追加,092011,1,\r\n"
    data = write_csv(old)
    assert data.count(b"\r\n") == rows + 1
    assert b"\r\n7,\xe5\x90\x8d\xe7\xa7\xb07,092011,7,'=x7\r\n" in data
    summary = diff_summary(old, new)
    assert (summary["rows_before"], summary["rows_after"]) == (rows, rows + 1)
    assert (summary["added"], summary["removed"], summary["changed"]) == (1, 0, 1)
