"""Japanese text normalisation used by every form and by search.

Residents type the same thing many ways: 全角/半角 digits and letters, 半角ｶﾅ,
odd spaces. Input is stored in one canonical form (NFKC: ASCII half-width,
kana full-width) so that comparison, search and export behave.
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

# Characters NFKC would turn into something a Japanese reader does not expect.
_PRESERVE = str.maketrans({"～": "〜"})
# C0/C1 control characters other than tab and newline never belong in input.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\u3000]+")
_DASHES = re.compile(r"[‐‑‒–—―−ｰ－ー─━]")


def normalize(text: str) -> str:
    """Canonical form for free text: NFKC, no control characters, tidy spaces.

    Line breaks are kept (as \\n); spaces inside a line collapse to one.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_PRESERVE)
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def normalize_number_like(text: str) -> str:
    """For phone numbers, postal codes and other codes: any dash becomes '-', no spaces."""
    text = normalize(text)
    return _DASHES.sub("-", text).replace(" ", "")


def to_hiragana(text: str) -> str:
    return jaconv.kata2hira(normalize(text))


def to_katakana(text: str) -> str:
    """Furigana fields are stored in full-width katakana."""
    return jaconv.hira2kata(normalize(text))


def search_key(text: str) -> str:
    """Key for matching: width-folded, case-folded, kana-folded, no spaces."""
    return to_hiragana(text).casefold().replace(" ", "").replace("\n", "")
