"""Formula ("CSV") injection: text that Excel or LibreOffice would run as a formula when a download is opened.

Every export that a person may open in a spreadsheet (plan exports, open data files, usage figures) defuses such
text the same way: a leading apostrophe, which spreadsheets read as "this is text".
"""

from __future__ import annotations

import math

# Text starting with one of these is a formula (or becomes one) in Excel and LibreOffice.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_CHARS = frozenset("0123456789.+-")


def _is_plain_number(text: str) -> bool:
    if not _NUMBER_CHARS.issuperset(text):
        return False
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def defuse_formula(text: str, *, keep_numbers: bool = False) -> str:
    """`text` with a leading "'" when a spreadsheet would evaluate it.

    keep_numbers: for data columns, where "-1.5" is a number and a lone "-" or "+" the usual 該当なし (neither
    can run); elsewhere (free text such as comments) anything starting with a trigger is defused.
    """
    if not text.startswith(FORMULA_TRIGGERS):
        return text
    if keep_numbers and (text in ("-", "+") or _is_plain_number(text)):
        return text
    return "'" + text
