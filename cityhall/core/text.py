"""Japanese text: what a form may change in what a person typed, and search keys.

Text is normalised by what it means, never all alike:

- prose (titles, bodies, notes, comments, fees written as text) keeps every
  character typed; only control characters go and line endings become "\\n";
- names are trimmed and their spaces unified;
- readings (フリガナ) become full-width katakana (or hiragana where a field asks for it);
- codes, digits, e-mail addresses and URLs fold width (全角→半角), as their meaning
  does not depend on it; phone and postal numbers also unify their dashes.

Search compares `search_key`s, folded separately; stored text is never folded for it.
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

# C0/C1 control characters other than tab and newline, zero-width and separator marks.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACE_RUN = re.compile(r"[ \t\u3000]+")
# Characters NFKC would turn into something a Japanese reader does not expect.
_PRESERVE = str.maketrans({"～": "〜"})
_DASHES = re.compile(r"[‐‑‒–—―−ｰ－ー─━]")


def prose(text: str) -> str:
    """What a person wrote, kept: control characters removed, line endings unified."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def name(text: str) -> str:
    """A person's or an organisation's name: trimmed, one space between its parts, full-width kana.

    A run of spaces becomes one ideographic space (U+3000) between two non-ASCII
    characters (山田　太郎) and one ASCII space otherwise (John Smith). 半角ｶﾅ,
    a legacy encoding of the same letters, becomes full-width; nothing else changes.
    """
    text = jaconv.h2z(prose(text), kana=True, ascii=False, digit=False)
    text = text.replace("\n", " ").strip(" \t\u3000")

    def unify(match: re.Match[str]) -> str:
        before, after = text[match.start() - 1], text[match.end()]
        return "\u3000" if not before.isascii() and not after.isascii() else " "

    return _SPACE_RUN.sub(unify, text)


def fold(text: str) -> str:
    """Width-folded (NFKC) text with tidy spaces: for codes, numbers and matching, never prose.

    Line breaks are kept (as \\n); spaces inside a line collapse to one.
    """
    text = prose(text).translate(_PRESERVE)
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text)
    lines = [_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def code(text: str) -> str:
    """An identifier (職員番号, 課コード, e-mail, URL): width-folded, no spaces at the ends."""
    return fold(text)


def number_like(text: str) -> str:
    """Phone numbers and postal codes: width-folded, any dash becomes '-', no spaces."""
    return _DASHES.sub("-", fold(text)).replace(" ", "")


def to_hiragana(text: str) -> str:
    return jaconv.kata2hira(fold(text))


def to_katakana(text: str) -> str:
    """Readings (フリガナ) are stored in full-width katakana."""
    return jaconv.hira2kata(fold(text))


def search_key(text: str) -> str:
    """Key for matching: width-folded, case-folded, kana-folded, no spaces."""
    return to_hiragana(text).casefold().replace(" ", "").replace("\n", "")
