"""Rows after the table that are not data: all-empty rows and footer lines ("Ver202204", "以上", "※…").

Spreadsheets leave them below the data (rows once used, a version stamp, a closing note). They carry no
record, so they are taken off before the check, and the clerk is told what was taken off.
"""

from __future__ import annotations

import csv
import re
import unicodedata

# A version stamp or a closing note, alone in the first cell (matched after NFKC).
_FOOTER = re.compile(
    r"(?:ver(?:sion)?[\s.:_-]*\d[\w.-]*|v\d+(?:\.\d+)*|以上|※.*|注[:)].*|出典[:].*|(?:作成|更新|最終更新)日?[:].*"
    r"|.+(?:現在|時点))",
    re.IGNORECASE,
)


def drop_trailer(text: str) -> tuple[str, list[str]]:
    """`text` without the all-empty rows and footer lines at its end, and notes for the clerk saying what went.

    Only whole lines at the very end are looked at, from the last one up, each read as one CSV record; the
    first line that is anything else (or holds a quote it does not close, as the end of a quoted field
    spanning lines would) stops the search. The header is never taken off.
    """
    end, cut = len(text), len(text)
    empty, footers = 0, list[str]()
    while True:
        while end > 0 and text[end - 1] in "\r\n":
            end -= 1
        start = text.rfind("\n", 0, end) + 1
        if start == 0:
            break
        kind, value = _trailer_line(text[start:end])
        if kind is None:
            break
        if kind == "empty":
            empty += 1
        else:
            footers.insert(0, value)
        cut = end = start
    if cut == len(text):
        return text, []
    return text[:cut], _notes(empty, footers)


def _trailer_line(line: str) -> tuple[str | None, str]:
    if line.count('"') % 2:
        return None, ""
    cells = next(csv.reader([line]), [])
    filled = [cell.strip() for cell in cells if cell.strip()]
    if not filled:
        return "empty", ""
    if len(filled) == 1 and cells[0].strip() and _FOOTER.fullmatch(unicodedata.normalize("NFKC", filled[0])):
        return "footer", filled[0]
    return None, ""


def _notes(empty: int, footers: list[str]) -> list[str]:
    notes = []
    if empty:
        notes.append(f"ファイルの末尾にある空の行（{empty}行）はデータではないため除きました。")
    if footers:
        quoted = "".join(f"「{value[:50]}」" for value in footers)
        notes.append(
            f"ファイルの末尾にある{quoted}の行は表の外の注記のため、データに含めず除きました。"
            "利用者に伝えたい内容なら、データセットの説明か公開時のメモに書いてください。"
        )
    return notes
