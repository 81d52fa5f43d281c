"""The messy upload for the fixing story: the toilet list as a clerk's Excel sheet might leave it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from cityhall.opendata.demo.facilities import toilet_rows
from cityhall.opendata.demo.places import Row, schema_columns

# The toilet list as a clerk's Excel sheet: columns moved, some headers numbered or in 半角カナ.
_MESSY_HEADER = {
    "全国地方公共団体コード": "全国地方公共団体ｺｰﾄﾞ",
    "名称": "1_名称",
    "名称_カナ": "名称_ｶﾅ",
    "所在地_連結表記": "2_所在地_連結表記",
    "建物名等(方書)": "建物名等_方書",
    "バリアフリートイレ数": "ﾊﾞﾘｱﾌﾘｰﾄｲﾚ数",
}
# Latitude and longitude go next to the name, the codes to the end.
_MESSY_FIRST = ("ID", "名称", "名称_カナ", "経度", "緯度")
_MESSY_LAST = ("全国地方公共団体コード", "所在地_全国地方公共団体コード")
_SWAPPED_ROW, _LINE_BREAK_VALUE = 11, "北口駐車場 管理棟の隣"
_WIDE_CELLS = frozenset({(4, "男性トイレ総数"), (9, "男性トイレ総数"), (20, "利用終了時間")})  # typed in 全角
_WIDE = str.maketrans("0123456789:", "０１２３４５６７８９：")


def _excel_time(value: str) -> str:
    return value[1:] if value.startswith("0") else value  # Excel's h:mm drops the leading zero


# How Excel and the clerk left each column.
_MESSY_COLUMN: dict[str, Callable[[str], str]] = {
    "全国地方公共団体コード": lambda value: value.lstrip("0"),  # read as a number
    "所在地_全国地方公共団体コード": lambda value: value[:5],  # the old five-digit code, no check digit
    "車椅子使用者用トイレ有無": {"有": "○", "無": "×"}.__getitem__,
    "設置位置": lambda value: value.replace(" ", "\n") if value == _LINE_BREAK_VALUE else value,
    "利用開始時間": _excel_time,
    "利用終了時間": _excel_time,
}


def _messy_cell(index: int, column: str, value: str, row: Row) -> str:
    if (index, column) in _WIDE_CELLS:
        return value.translate(_WIDE)
    if index == _SWAPPED_ROW and column in ("緯度", "経度"):
        return row["経度" if column == "緯度" else "緯度"]
    transform = _MESSY_COLUMN.get(column)
    return transform(value) if transform else value


def messy_upload() -> bytes:
    """The 公衆トイレ一覧 as a clerk might upload it: CP932, CRLF, headers and cells as Excel leaves them.

    Every problem in it has a mechanical fix in the validator, so fixing all of them gives the clean dataset.
    """
    rows = toilet_rows()
    order = [
        *_MESSY_FIRST,
        *(c for c in schema_columns("public_toilets") if c not in _MESSY_FIRST + _MESSY_LAST),
        *_MESSY_LAST,
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_MESSY_HEADER.get(column, column) for column in order])
    for index, row in enumerate(rows):
        writer.writerow([_messy_cell(index, column, row.get(column, ""), row) for column in order])
    return buffer.getvalue().encode("cp932")


def messy_upload_expected_codes() -> set[str]:
    return {
        "code6_leading_zero",  # 92100
        "code6_check_digit_missing",  # 09210
        "latlon_swapped",
        "flag_value",  # ○ / ×
        "line_break",
        "width",  # 全角 digits
        "time_format",  # 9:00
    }
