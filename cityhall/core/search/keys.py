"""Search keys: how documents and queries are folded before they are compared (see the package docstring)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from operator import add

import jaconv

STRIP = re.compile(r"[\W_]+")  # spaces, punctuation, symbols, control characters
TERM_SPLIT = re.compile(r"[\s、,]+")
KEYWORD_SPLIT = re.compile(r"[\s、,;/]+")
LOOSE_N = re.compile(r"(?<=[ぁ-ゖー])n(?![a-z])")  # "けｎ": the IME had not turned n into ん yet
# Stable starters (NFKC leaves them alone and never joins them to the character before):
# ASCII, CJK punctuation and brackets, kana, CJK unified ideographs. A test checks this list.
STABLE = "\x00-\x7f\u3001-\u3003\u3005-\u301f\u3041-\u3096\u30a1-\u30fe\u4e00-\u9fff"
UNSTABLE_RUN = re.compile(f"(?s).?[^{STABLE}]+")
KATAKANA_RUN = re.compile(r"[\u30a0-\u30ff\u31f0-\u31ff]+")  # every character jaconv.kata2hira changes
SEP = "\x1f"  # between keywords and body lines; STRIP guarantees no key contains it
FIELD_SEP = "\x1e"


def _loose_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(ord("ぁ"), ord("ゖ") + 1):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code):
            table[code] = base
    small, large = "ぁぃぅぇぉっゃゅょゎゕゖゐゑを", "あいうえおつやゆよわかけいえお"
    table.update({ord(a): b for a, b in zip(small, large, strict=True)})
    table.update({ord("ぢ"): "し", ord("づ"): "す"})  # sound like じ/ず, which fold to し/す
    return table


_LOOSE = _loose_table()


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), fast for text that is mostly normalised already.

    NFKC is the costliest step of indexing, yet a procedure page has only a few characters
    it changes (（, ：, full-width digits). Only runs of characters outside STABLE, with the
    character before them, are normalised: NFKC never combines or reorders a stable starter
    with what precedes it (UAX #15), so the pieces normalise independently.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    return UNSTABLE_RUN.sub(_nfkc_match, text)


def _nfkc_match(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def _kata2hira(match: re.Match[str]) -> str:
    return str(jaconv.kata2hira(match.group()))


def fold(text: str) -> str:
    """search_key(text) without its whitespace handling: NFKC, katakana→hiragana, casefold.

    `cityhall.core.text.fold` also maps ～ to 〜 and tidies spaces: punctuation and space
    that `key` strips anyway. jaconv maps character by character, so mapping only the
    katakana runs gives the same text.
    """
    return KATAKANA_RUN.sub(_kata2hira, nfkc(text)).casefold()


def strip(folded: str) -> str:
    return STRIP.sub("", folded)


def key(text: str) -> str:
    return strip(fold(text))


def loose(key: str) -> str:
    """Secondary key: small kana and voiced kana folded. Same length as `key`, char for char."""
    return LOOSE_N.sub("ん", key.translate(_LOOSE))


def bigrams(text: str) -> Iterator[str]:
    return map(add, text, text[1:])
