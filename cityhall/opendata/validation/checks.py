"""Per-value checks, one function per column, built once per schema.

A check takes a cell and returns None (fine) or an Issue: (code, message for the clerk, suggested fix or None).
A fix of "" means "empty the cell".
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable

from cityhall.core.municipality_code import check_digit
from cityhall.core.text import fold, number_like

from .schema import ColumnRule

Issue = tuple[str, str, str | None]
Check = Callable[[str], Issue | None]

FORMULA_START = frozenset("=+-@")
TRAILING_BLANKS = " \u3000\t"
HALFWIDTH_KANA = re.compile("[\uff61-\uff9f]+")
NUMBER_CHARS = frozenset("0123456789.-")
_PHONE_CHARS = frozenset("0123456789-")
_YES = frozenset({"あり", "有り", "○", "〇", "yes", "true", "1", "有"})
_NO = frozenset({"なし", "無し", "×", "no", "false", "0", "無"})


def parse_number(value: str) -> float | None:
    """A plain half-width decimal ("43.064310", "-1"); None for anything else (全角, 1e5, nan, 1_000)."""
    if not value or not NUMBER_CHARS.issuperset(value):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _formula(name: str, value: str) -> Issue | None:
    if len(value) > 1 and value[0] in FORMULA_START and parse_number(value) is None:
        return (
            "formula",
            f"「{name}」が「{value[0]}」で始まっています。Excelで開くと数式として実行される危険があります。先頭の記号を見直してください。",
            None,
        )
    return None


def _short_code(name: str, v: str) -> Issue:
    """A code with fewer than 6 digits: a leading zero dropped by Excel, or no check digit."""
    padded = "0" + v
    if len(v) in (4, 5) and check_digit(padded[:5]) == padded[5:6]:
        return (
            "code6_leading_zero",
            f"「{name}」の先頭の0が欠けています（Excelで数値として保存すると消えます）。",
            padded,
        )
    if len(v) == 5:
        return ("code6_check_digit_missing", f"「{name}」に検査数字（6桁目）がありません。", v + check_digit(v))
    if len(v) == 4:
        return (
            "code6_check_digit_missing",
            f"「{name}」の先頭の0と検査数字（6桁目）がありません。",
            padded + check_digit(padded),
        )
    return ("code6_format", f"「{name}」は半角数字6桁で入力してください（例: 011002）。", None)


def _make_code6(name: str, kind: str, rule: ColumnRule) -> Check:

    def code6(v: str) -> Issue | None:
        if not (v.isascii() and v.isdigit()):
            return ("code6_format", f"「{name}」は半角数字6桁で入力してください（例: 011002）。", None)
        if len(v) == 6:
            expected = check_digit(v[:5])
            if v[5] == expected:
                return None
            return (
                "code6_check_digit",
                f"「{name}」の検査数字（6桁目）が一致しません。先頭5桁が{v[:5]}なら6桁目は{expected}です。"
                "コード自体の誤りの可能性もあるため、総務省の全国地方公共団体コード一覧で確認してください。",
                None,
            )
        return _short_code(name, v)

    return code6


def _make_integer(name: str, kind: str, rule: ColumnRule) -> Check:

    def integer(v: str) -> Issue | None:
        if v.isascii() and v.isdigit():
            return None
        cleaned = v.replace(",", "")
        fix = cleaned if cleaned.isascii() and cleaned.isdigit() else None
        return (
            "integer_format",
            f"「{name}」は0以上の整数を半角数字で入力してください（単位やカンマは付けません）。",
            fix,
        )

    return integer


def _make_number(name: str, kind: str, rule: ColumnRule) -> Check:

    def number(v: str) -> Issue | None:
        if parse_number(v) is not None:
            return None
        return (f"{kind}_format", f"「{name}」は半角の数値で入力してください（例: 43.064310）。", None)

    return number


def _make_date(name: str, kind: str, rule: ColumnRule) -> Check:

    def date(v: str) -> Issue | None:
        parts = v.replace("/", "-").replace(".", "-").split("-")
        try:
            parsed = dt.date(*(int(p) for p in parts)) if len(parts) == 3 and len(parts[0]) == 4 else None
        except (ValueError, TypeError):
            parsed = None
        if parsed is not None and parsed.isoformat() == v:
            return None
        if parsed is not None:
            return ("date_format", f"「{name}」は YYYY-MM-DD の形で入力してください。", parsed.isoformat())
        return (
            "date_invalid",
            f"「{name}」を日付として読み取れません。YYYY-MM-DD の形で入力してください（例: 2026-04-01）。",
            None,
        )

    return date


def _make_time(name: str, kind: str, rule: ColumnRule) -> Check:

    def time(v: str) -> Issue | None:
        hh, sep, rest = v.partition(":")
        mm = rest[:2]
        if sep and hh.isdigit() and mm.isdigit() and len(mm) == 2 and rest[2:] in ("", ":00") and len(hh) <= 2:
            hour, minute = int(hh), int(mm)
            if hour < 24 and minute < 60:
                fixed = f"{hour:02d}:{mm}"
                return None if fixed == v else ("time_format", f"「{name}」は hh:mm の形で入力してください。", fixed)
            if hour == 24 and minute == 0:
                return (
                    "time_invalid",
                    f"「{name}」の24:00は使えません（00:00〜23:59）。終日利用できる場合は特記事項に書いてください。",
                    None,
                )
        return (
            "time_invalid",
            f"「{name}」を時刻として読み取れません。hh:mm の形で入力してください（例: 09:00）。",
            None,
        )

    return time


def _make_phone(name: str, kind: str, rule: ColumnRule) -> Check:

    def phone(v: str) -> Issue | None:
        digits = v.replace("-", "")
        if _PHONE_CHARS.issuperset(v) and 10 <= len(digits) <= 11 and v[0] != "-" and v[-1] != "-" and "--" not in v:
            return None
        return (
            "phone_format",
            f"「{name}」は市外局番からの10〜11桁を半角数字とハイフンで入力してください（例: 03-1234-5678）。",
            None,
        )

    return phone


def _make_postal(name: str, kind: str, rule: ColumnRule) -> Check:

    def postal(v: str) -> Issue | None:
        digits = v.replace("-", "", 1) if len(v) == 8 and v[3] == "-" else v
        if len(digits) == 7 and digits.isascii() and digits.isdigit():
            return None
        return (
            "postal_format",
            f"「{name}」は半角で NNN-NNNN または7桁の数字で入力してください（例: 060-0001）。",
            None,
        )

    return postal


def _make_flag_yn(name: str, kind: str, rule: ColumnRule) -> Check:
    yes, no = ("有", "無") if kind == "flag_yn" else ("1", "")
    wanted = "「有」か「無」" if kind == "flag_yn" else "「1」（該当）か空欄（該当なし）"

    def flag(v: str) -> Issue | None:
        if v in (yes, no):
            return None
        key = v.casefold()
        fix = yes if key in _YES else no if key in _NO else None
        return ("flag_value", f"「{name}」は{wanted}で入力してください。", fix)

    return flag


def _make_enum(name: str, kind: str, rule: ColumnRule) -> Check:
    choices = frozenset(rule.choices)
    listed = "、".join(rule.choices)

    def enum(v: str) -> Issue | None:
        return None if v in choices else ("enum_value", f"「{name}」は次のどれかで入力してください: {listed}", None)

    return enum


def _make_list(name: str, kind: str, rule: ColumnRule) -> Check:

    def listing(v: str) -> Issue | None:
        items = [item.strip() for item in v.replace("、", ";").replace(",", ";").split(";")]
        fixed = ";".join(item for item in items if item)
        if fixed == v:
            return None
        return ("list_format", f"「{name}」の複数の値は半角セミコロン「;」で区切ってください。", fixed)

    return listing


def _make_url(name: str, kind: str, rule: ColumnRule) -> Check:

    def url(v: str) -> Issue | None:
        if v.startswith(("http://", "https://")) and " " not in v:
            return None
        return ("url_format", f"「{name}」は http:// または https:// で始まるURLで入力してください。", None)

    return url


def _make_email(name: str, kind: str, rule: ColumnRule) -> Check:

    def email(v: str) -> Issue | None:
        local, at, domain = v.partition("@")
        if local and at and "." in domain and " " not in v and "@" not in domain:
            return None
        return ("email_format", f"「{name}」のメールアドレスの形が正しくありません。", None)

    return email


def _make_id(name: str, kind: str, rule: ColumnRule) -> Check:

    def identifier(v: str) -> Issue | None:
        if v.isascii() and v.isalnum():
            return None
        return ("id_format", f"「{name}」は半角英数字で入力してください。", None)

    return identifier


def tidy_text(v: str, *, kana: bool) -> str:
    """Free text as it means the same thing on one line: line breaks and tabs as spaces, no trailing blanks,
    and (in a カナ column) 半角カナ as 全角 — the fix of each problem `_make_string` finds, all at once."""
    if "\n" in v or "\r" in v:
        v = " ".join(part.strip() for part in v.splitlines() if part.strip())
    v = v.strip("\t").replace("\t", " ").rstrip(TRAILING_BLANKS)
    return HALFWIDTH_KANA.sub(_full_width, v) if kana else v


def _full_width(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def _make_string(name: str, kind: str, rule: ColumnRule) -> Check:
    kana = name.endswith("カナ")  # 名称_カナ: readings, written in 全角カタカナ

    def text(v: str) -> Issue | None:
        fixed = tidy_text(v, kana=kana)
        if fixed == v:
            return None
        if "\n" in v or "\r" in v:
            return ("line_break", f"「{name}」にセル内改行があります。1件は1行に収めてください。", fixed)
        if "\t" in v or v.endswith(tuple(TRAILING_BLANKS)):
            return ("text_whitespace", f"「{name}」にタブや末尾の空白があります。取り除いてください。", fixed)
        return ("kana_halfwidth", f"「{name}」に半角カナがあります。全角カタカナで入力してください。", fixed)

    return text


_FACTORIES: dict[str, Callable[[str, str, ColumnRule], Check]] = {
    "code6": _make_code6,
    "integer": _make_integer,
    "number": _make_number,
    "lat": _make_number,
    "lon": _make_number,
    "date": _make_date,
    "time": _make_time,
    "phone": _make_phone,
    "postal": _make_postal,
    "flag_yn": _make_flag_yn,
    "flag_1": _make_flag_yn,
    "enum": _make_enum,
    "list": _make_list,
    "url": _make_url,
    "email": _make_email,
    "id": _make_id,
    "string": _make_string,
}


def _strict(name: str, kind: str, rule: ColumnRule) -> Check:
    """The check for a non-empty, already half-width value."""
    key = "id" if rule.unique and rule.name == "ID" and kind == "string" else kind
    return _FACTORIES.get(key, _make_string)(name, kind, rule)


def build_check(rule: ColumnRule) -> Check:
    """The complete check for one column: blanks, formulas, then the type; half-width fixes offered."""
    name, kind, required = rule.name, rule.kind, rule.required
    strict = _strict(name, kind, rule)
    numeric_like = kind not in ("string", "list", "enum", "flag_yn", "url", "email")
    if kind == "integer":
        blank_issue: Issue = (
            "count_blank",
            f"「{name}」が空欄です。該当がない場合は空欄ではなく0を入力してください（空欄は「不明」の意味になります）。",
            None,
        )
    else:
        blank_issue = ("required_empty", f"必須項目「{name}」が空欄です。", None)

    def check(v: str) -> Issue | None:
        if not v or v.isspace():
            if kind == "flag_1" and v:
                return ("flag_value", f"「{name}」は「1」（該当）か空欄（該当なし）で入力してください。", "")
            # For a 1/empty flag the blank is a value (該当なし), so a required flag column may be blank.
            return blank_issue if required and kind != "flag_1" else None
        formula = _formula(name, v)
        if formula is not None:
            return formula
        issue = strict(v)
        if issue is None or issue[2] is not None:
            return issue
        candidate = number_like(v) if numeric_like else fold(v)
        again = strict(candidate) if candidate and candidate != v else issue
        if again is None:
            return ("width", f"「{name}」に全角文字や余分な空白があります。半角で入力してください。", candidate)
        return again if again[2] is not None else issue

    return check
