"""XLSX downloads (formats.write_xlsx on cityhall.opendata.xlsx), read back with openpyxl and LibreOffice."""

from __future__ import annotations

import csv
import enum
import io
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import openpyxl
import pytest

from cityhall.opendata import xlsx
from cityhall.opendata.formats import write_xlsx
from cityhall.opendata.validation import load_schemas

TOILETS = load_schemas()["public_toilets"]
HEADER = ["全国地方公共団体コード", "名称", "緯度", "経度", "男性トイレ総数", "備考"]
FORMULA = '=HYPERLINK("http://x","y")'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SPECIAL = "A&B <tag> \"quoted\" 'single' ]]> 🚻 𠮷野家 髙橋"
ROWS = [
    ["092011", "宇都宮駅東口公衆トイレ", "36.559021", "139.898551", "3", FORMULA],
    ["092100", SPECIAL, "", "139.8869", "1234567890123456", "改札を出て右\r\n階段下"],
    ["001234", "  前後に空白  ", "-1.5", "", "２", "a\x01b\x1fc\ufffe"],
    ["#N/A", "@SUM(A1)", "北緯36度", "139.88", "0", "-"],
    ["+81-3", "\x01=1+1", "", "", "007", "\tタブ"],
    ["@A1", "普通", "", "", "", ""],
]
# What a spreadsheet shows for ROWS: CR LF becomes LF, control characters go, formulas get a leading "'".
EXPECTED = [
    ["092011", "宇都宮駅東口公衆トイレ", 36.559021, 139.898551, 3, "'" + FORMULA],
    ["092100", SPECIAL, None, 139.8869, "1234567890123456", "改札を出て右\n階段下"],
    ["001234", "  前後に空白  ", -1.5, None, "２", "abc"],
    ["#N/A", "'@SUM(A1)", "北緯36度", 139.88, 0, "-"],
    ["'+81-3", "'=1+1", None, None, 7, "'\tタブ"],
    ["'@A1", "普通", None, None, None, None],
]


def _csv(rows, header=HEADER):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def _values(sheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_cells_read_back_as_text_or_numbers():
    sheet = _sheet(write_xlsx(_csv(ROWS), TOILETS))
    assert _values(sheet) == [HEADER, *EXPECTED]
    a2, c2, e2, e3 = sheet["A2"], sheet["C2"], sheet["E2"], sheet["E3"]
    assert (a2.data_type, c2.data_type, e2.data_type, e3.data_type) == ("s", "n", "n", "s")
    assert type(e2.value) is int
    assert type(c2.value) is float
    assert sheet["A5"].data_type == "s"  # "#N/A" is text, not an error value


def test_header_is_bold_and_frozen_and_columns_are_sized():
    sheet = _sheet(write_xlsx(_csv([*ROWS, ["1", "", "", "", "", "長" * 100]]), TOILETS))
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert not any(cell.font.b for cell in sheet[2])
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEF"}
    # 全角 counts 2, plus 2, between 8 and 60: the header "全国地方公共団体コード" is 11 全角 characters.
    assert widths == {"A": 24, "B": 48, "C": 11, "D": 12, "E": 18, "F": 60}


def test_line_breaks_wrap_and_other_cells_do_not():
    sheet = _sheet(write_xlsx(_csv(ROWS), TOILETS))
    assert sheet["F3"].value == "改札を出て右\n階段下"
    assert sheet["F3"].alignment.wrap_text
    assert sheet["F3"].alignment.vertical == "top"
    assert not sheet["F2"].alignment.wrap_text
    header = _sheet(write_xlsx('"名称\r\n(正式)",b\r\nx,y\r\n'))["A1"]
    assert header.value == "名称\n(正式)"
    assert header.font.b
    assert header.alignment.wrap_text


def test_formulas_are_stored_as_text_never_as_formulas():
    data = write_xlsx(_csv(ROWS), TOILETS)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    assert "<f " not in sheet_xml
    assert 't="inlineStr"><is><t>\'=HYPERLINK("http://x","y")</t>' in sheet_xml
    assert "A&amp;B &lt;tag&gt;" in sheet_xml


def test_text_loses_only_what_xml_cannot_hold():
    values = ["x\x00y\ud800z", "あ" * 40_000, "a&b", "c<d>"]
    sheet = _sheet(write_xlsx(_csv([[value] for value in values], header=["備考"])))
    assert [row[0] for row in _values(sheet)[1:]] == ["xyz", "あ" * 32_767, "a&b", "c<d>"]


def test_spaces_at_either_end_of_a_cell_are_marked_to_be_kept():
    # Excel trims the text of a <t> without xml:space="preserve" (openpyxl and LibreOffice do not, so the XML is read).
    rows = [["a", " b"], ["c ", "d"], ["   ", "e"], ["\u3000全角\u3000", "f"], ["g", "h\ni "], [" j", "k&l"]]
    data = write_xlsx(_csv(rows, header=["x", "y"]))
    assert _values(_sheet(data))[1:] == [[a, b.replace("\r\n", "\n")] for a, b in rows]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
        texts = ElementTree.fromstring(sheet_xml).iter(f"{{{MAIN}}}t")  # noqa: S314 (our own output)
        kept = {t.text: t.get("{http://www.w3.org/XML/1998/namespace}space") for t in texts}
    assert kept == {
        "x": None, "y": None, "a": None, " b": "preserve", "c ": "preserve", "d": None, "   ": "preserve",
        "e": None, "\u3000全角\u3000": "preserve", "f": None, "g": None, "h\ni ": "preserve", " j": "preserve",
        "k&l": None,
    }  # fmt: skip


def test_rows_with_and_without_line_breaks_escape_alike():
    rows = [["a&b", "<c>", "d"], ["a&b", "<c>", "d\ne"], ["a&b", "<c>", ""]]
    sheet = _sheet(write_xlsx(_csv(rows, header=["x", "y", "z"])))
    assert _values(sheet)[1:] == [["a&b", "<c>", "d"], ["a&b", "<c>", "d\ne"], ["a&b", "<c>", None]]


def test_every_part_is_well_formed_xml_and_the_sheet_name_is_escaped():
    data = write_xlsx(_csv(ROWS), TOILETS, sheet_title='"A&B" <一覧>')
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        for name in names:
            ElementTree.fromstring(archive.read(name))  # noqa: S314 (our own output)
    assert "xl/worksheets/sheet1.xml" in names
    assert "[Content_Types].xml" in names
    assert _sheet(data).title == '"A&B" <一覧>'


def test_same_input_gives_the_same_bytes():
    text = _csv(ROWS * 50)
    first = write_xlsx(text, TOILETS)
    assert write_xlsx(text, TOILETS) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}


def test_sheet_names_are_made_acceptable():
    assert xlsx.sheet_name("一覧[1]") == "一覧_1_"
    assert xlsx.sheet_name("a/b\\c*d?e:f") == "a_b_c_d_e_f"
    assert xlsx.sheet_name("'引用'") == "引用"
    assert xlsx.sheet_name("あ" * 40) == "あ" * 31
    assert xlsx.sheet_name("", default="データ") == "データ"
    assert xlsx.sheet_name("\x01") == "Sheet1"


def test_column_letters():
    assert [xlsx.column_letter(i) for i in (1, 26, 27, 52, 703, 16_384)] == ["A", "Z", "AA", "AZ", "AAA", "XFD"]


def _workbook(rows, header=("a", "b")) -> bytes:
    buffer = io.BytesIO()
    xlsx.write_workbook(buffer, header=list(header), rows=lambda: rows, sheet_title="s", widths=[8] * len(header))
    return buffer.getvalue()


class Label(str):
    pass


class Count(enum.IntEnum):
    THREE = 3


def test_writer_takes_numbers_and_blanks_and_refuses_other_values():
    rows = [[1, 2.5], [None, ""], [10**20, -0.0], ["x", 1e-7], [Label("a&b "), Count.THREE]]
    sheet = _sheet(_workbook(rows))
    assert _values(sheet)[1:] == [[1, 2.5], [None, None], [10**20, 0], ["x", 1e-7], ["a&b ", 3]]
    with pytest.raises(TypeError):
        _workbook([[True, 1]])
    with pytest.raises(ValueError, match="cannot hold"):
        _workbook([[float("nan"), 1]])
    with pytest.raises(ValueError, match="columns"):
        _workbook([], header=["x"] * (xlsx.MAX_COLUMNS + 1))


def test_a_row_wider_than_the_header_keeps_its_cells():
    sheet = _sheet(_workbook([["a", "b", "c", 4]]))
    assert _values(sheet)[1] == ["a", "b", "c", 4]


def test_a_worksheet_past_the_zip32_limit_is_written_again_with_zip64_headers(monkeypatch):
    monkeypatch.setattr(xlsx, "_BATCH_CHARS", 1_000)
    monkeypatch.setattr(xlsx, "_ZIP32_LIMIT", 20_000)
    calls = []

    def rows():
        calls.append(1)
        return ([f"行{i}", i] for i in range(2_000))

    buffer = io.BytesIO(b"prefix")
    buffer.seek(6)
    xlsx.write_workbook(buffer, header=["a", "b"], rows=rows, sheet_title="s", widths=[8, 8])
    assert len(calls) == 2
    data = buffer.getvalue()
    assert data.startswith(b"prefixPK")
    with zipfile.ZipFile(io.BytesIO(data[6:])) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").extract_version == 45  # ZIP64
        assert archive.getinfo("xl/styles.xml").extract_version == 20
    assert _values(_sheet(data[6:]))[-1] == ["行1999", 1999]


def test_a_small_worksheet_has_no_zip64_headers():
    with zipfile.ZipFile(io.BytesIO(_workbook([["a", 1]]))) as archive:
        assert {info.extract_version for info in archive.infolist()} == {20}


def _libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.skipif(_libreoffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_workbook(tmp_path):
    path = tmp_path / "toilets.xlsx"
    path.write_bytes(write_xlsx(_csv(ROWS), TOILETS))
    subprocess.run(
        [
            _libreoffice(),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",  # comma, double quote, UTF-8, from line 1
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with (tmp_path / "toilets.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    shown = [["" if value is None else str(value) for value in row] for row in EXPECTED]
    assert rows == [HEADER, *shown]
