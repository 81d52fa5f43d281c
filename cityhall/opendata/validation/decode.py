"""Bytes of an upload → CSV text.

CSV: UTF-8 (with or without BOM) or CP932 (Shift_JIS as Excel writes it). Excel workbooks (.xlsx): the
first worksheet, written out as CSV. Files that are no table at all (PDF, images, Web pages, old .xls,
other ZIP archives, empty files) are refused with a message saying what to upload instead.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

_RESAVE_AS_CSV = "Excelで開き「CSV UTF-8（コンマ区切り）」で保存したファイルをアップロードしてください。"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # Compound File: .xls, .doc, and password-protected .xlsx
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_HTML_STARTS = (b"<!doctype", b"<html")
_BLANK = re.compile(rb"(?:\xef\xbb\xbf)?\s*\Z")  # stops at the first character that is not blank


class DecodeError(ValueError):
    """The upload is not a text CSV this portal accepts; the message is for the clerk."""


def decode(data: bytes) -> str:
    """Try UTF-8 first (a BOM is removed), then CP932; refuse binary files and other encodings."""
    if b"\x00" in data:
        raise DecodeError(
            "CSVファイルではないようです（バイナリデータが含まれています）。"
            "Excelファイルの場合は「CSV UTF-8（コンマ区切り）」で保存し直してください。"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        raise DecodeError(
            "文字コードを読み取れません。UTF-8（BOM付き可）またはShift_JIS（CP932）で保存したCSVを"
            "アップロードしてください。"
        ) from None


def read_upload(data: bytes, filename: str) -> str:
    """CSV text of an uploaded CSV or .xlsx file (the first worksheet); raises DecodeError for anything else."""
    _refuse_non_tables(data)
    is_xlsx_name = filename.lower().endswith((".xlsx", ".xlsm"))
    if data.startswith(_ZIP):
        return _xlsx_to_csv(data, is_xlsx_name=is_xlsx_name)
    try:
        return decode(data)
    except DecodeError:
        if is_xlsx_name:
            raise DecodeError(_XLSX_BROKEN) from None
        raise


_XLSX_BROKEN = f"Excelブック（.xlsx）として開けません。ファイルが壊れていないか確認し、{_RESAVE_AS_CSV}"


def _refuse_non_tables(data: bytes) -> None:
    head = data[:512]
    if _BLANK.match(data):
        raise DecodeError(
            "ファイルが空です。1行目に項目名、2行目からデータを入れたファイルをアップロードしてください。"
        )
    if head.startswith(b"%PDF"):
        raise DecodeError(f"PDFファイルは表として読み込めません。元の表を{_RESAVE_AS_CSV}")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError(
            f"文字コードがUTF-16のファイル（Excelの「Unicode テキスト」など）は読み込めません。{_RESAVE_AS_CSV}"
        )
    if head.startswith(_OLE):
        raise DecodeError(
            "古い形式のExcelファイル（.xls）またはパスワード付きのファイルは読み込めません。"
            "パスワードを外してExcelで開き、「CSV UTF-8（コンマ区切り）」か「Excelブック（.xlsx）」で"
            "保存し直してからアップロードしてください。"
        )
    if head.startswith(_IMAGES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or head[4:8] == b"ftyp":
        raise DecodeError(
            "画像ファイルは表として読み込めません。データをExcelなどの表に入力し、"
            "「CSV UTF-8（コンマ区切り）」で保存したファイルをアップロードしてください。"
        )
    if head.removeprefix(b"\xef\xbb\xbf").lstrip().lower().startswith(_HTML_STARTS):
        raise DecodeError(
            f"Webページ（HTML）のファイルのようです。画面を保存したものではなく、元のデータの表を{_RESAVE_AS_CSV}"
        )


def _xlsx_to_csv(data: bytes, *, is_xlsx_name: bool) -> str:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception:  # openpyxl raises many kinds (BadZipFile, KeyError, InvalidFileException, XML errors)
        if not is_xlsx_name:
            raise DecodeError(
                "Excelブック（.xlsx）ではないZIP形式のファイルです（圧縮ファイル、Word・OpenDocumentのファイルなど）。"
                "圧縮ファイルなら展開して中のCSVファイルを、それ以外は表をExcelで開き"
                "「CSV UTF-8（コンマ区切り）」で保存したファイルをアップロードしてください。"
            ) from None
        raise DecodeError(_XLSX_BROKEN) from None
    try:
        if not workbook.worksheets:
            raise DecodeError(f"Excelブックにワークシートがありません。{_RESAVE_AS_CSV}")
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # files from other tools often state a wrong size; read what is there
        rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise DecodeError("Excelブックの最初のワークシートが空です。表を最初のワークシートに置いてください。")
    width = max((_used_width(row) for row in rows), default=0)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows((row + [""] * width)[:width] for row in rows)
    return buffer.getvalue()


def _used_width(row: list[str]) -> int:
    for i in range(len(row), 0, -1):
        if row[i - 1]:
            return i
    return 0


def _cell_text(value: object) -> str:
    """A cell value as a clerk would type it: 12 (not 12.0), 2026-04-01, 09:00."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else str(value)
    elif isinstance(value, dt.date):  # datetime included: a date cell is read as midnight of that day
        text = value.strftime("%Y-%m-%d")
    elif isinstance(value, dt.time):
        text = value.strftime("%H:%M")
    elif isinstance(value, dt.timedelta):  # [h]:mm formats
        minutes = round(value.total_seconds() / 60)
        text = f"{minutes // 60:02d}:{minutes % 60:02d}"
    else:
        text = str(value)
    return text
