"""Bytes of an uploaded CSV → text: UTF-8 (with or without BOM) or CP932 (Shift_JIS as Excel writes it)."""

from __future__ import annotations


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
