"""Uploaded bytes → CSV text: Excel workbooks are read, files that are no table are refused in Japanese."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import Workbook

from cityhall.opendata.tests.test_validation import MESSY, TOILETS
from cityhall.opendata.validation import DecodeError, read_upload, validate


def _xlsx(rows: list[list[object]], *, first_sheet_title: str = "公衆トイレ") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = first_sheet_title
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("メモ").append(["このシートは読まれない"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_first_sheet_becomes_csv_and_a_code_stored_as_a_number_gets_a_fix():
    header = ["全国地方公共団体コード", "ID", "名称", "所在地_連結表記", "設置位置", "緯度", "経度", "男性トイレ総数"]
    header += ["利用開始時間", "備考"]
    first = [
        92100,
        "LL001",
        "駅前トイレ",
        "栃木県大田原市本町1-1",
        "入口横",
        36.8713,
        140.0155,
        3.0,
        dt.time(9, 0),
        None,
    ]
    second = [92100, "LL002", "公園トイレ", "栃木県大田原市本町2-1", "北側", 36.8714, 140.0156, 2, dt.time(17, 30)]
    second.append(dt.date(2026, 4, 1))  # read back as midnight of that day
    blank: list[object] = [None] * len(header)
    data = _xlsx([header, first, second, blank, blank])

    text = read_upload(data, "公衆トイレ.xlsx")

    assert text.split("\r\n") == [
        "全国地方公共団体コード,ID,名称,所在地_連結表記,設置位置,緯度,経度,男性トイレ総数,利用開始時間,備考",
        "92100,LL001,駅前トイレ,栃木県大田原市本町1-1,入口横,36.8713,140.0155,3,09:00,",
        "92100,LL002,公園トイレ,栃木県大田原市本町2-1,北側,36.8714,140.0156,2,17:30,2026-04-01",
        "",
    ]
    report = validate(text, TOILETS)
    assert [(p.row, p.code, p.fix) for p in report.problems] == [
        (2, "code6_leading_zero", "092100"),
        (3, "code6_leading_zero", "092100"),
    ]


def test_xlsx_is_recognised_by_its_bytes_whatever_the_name():
    data = _xlsx([["名称", "所在地_連結表記", "設置位置"], ["A", "x", "y"]])
    assert read_upload(data, "toilets.csv") == "名称,所在地_連結表記,設置位置\r\nA,x,y\r\n"


def test_an_empty_first_sheet_is_refused():
    with pytest.raises(DecodeError, match="最初のワークシートが空"):
        read_upload(_xlsx([]), "book.xlsx")


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("toilets.csv", MESSY)
    with pytest.raises(DecodeError, match="ZIP形式"):
        read_upload(buffer.getvalue(), "toilets.zip")
    with pytest.raises(DecodeError, match=r"Excelブック（\.xlsx）として開けません"):
        read_upload(buffer.getvalue(), "toilets.xlsx")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "toilets.xls", r"古い形式のExcelファイル（\.xls）"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "toilets.pdf", "PDFファイル"),
        (b"\r\n  <!DOCTYPE html>\n<html><body><table></table></body></html>", "toilets.xls", "Webページ（HTML）"),
        (b"<HTML><BODY>", "toilets.csv", "Webページ（HTML）"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "toilets.png", "画像ファイル"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "toilets.jpg", "画像ファイル"),
        ("名称\t住所\r\n".encode("utf-16"), "toilets.txt", "UTF-16"),
        (b"", "toilets.csv", "ファイルが空"),
        (b"\xef\xbb\xbf\r\n \r\n", "toilets.csv", "ファイルが空"),
        (b"not a zip at all \xff\xfe\x00", "toilets.xlsx", r"Excelブック（\.xlsx）として開けません"),
    ],
    ids=["xls", "pdf", "html", "html-upper", "png", "jpeg", "utf16", "empty", "bom-and-blank-lines", "fake-xlsx"],
)
def test_files_that_are_no_table_are_refused_with_what_to_do(data, name, message):
    with pytest.raises(DecodeError, match=message) as raised:
        read_upload(data, name)
    assert "ください" in str(raised.value)


def test_csv_bytes_are_decoded_as_before():
    assert read_upload(MESSY.encode("cp932"), "toilets.csv") == MESSY
    assert read_upload(("\ufeff" + MESSY).encode("utf-8"), "toilets.xlsx") == MESSY  # a CSV named .xlsx
    with pytest.raises(DecodeError, match="CSVファイルではない"):
        read_upload(b"abc\x00def", "toilets.csv")
