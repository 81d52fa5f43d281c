"""Readings (よみ) of Japanese text, for search keys only: 避難所 → ひなんじょ.

A resident who types ひなん or ﾋﾅﾝ expects to find 避難所, but a dataset title has no
reading field as a procedure page has. pykakasi's dictionary supplies one (ADR 0005).
The reading is never stored or shown: it only joins the search key, so a wrong reading
costs a missed match, not a changed text.
"""

from __future__ import annotations

import threading

import pykakasi

_lock = threading.Lock()
_converter: pykakasi.kakasi | None = None


def reading(text: str) -> str:
    """The hiragana reading of `text` (kanji read, katakana and ASCII as they are)."""
    global _converter  # noqa: PLW0603 (one dictionary per process, loaded on first use)
    if not text:
        return ""
    with _lock:  # the converter keeps state while converting
        if _converter is None:
            _converter = pykakasi.kakasi()  # type: ignore[no-untyped-call]  # pykakasi ships no annotations
        parts = _converter.convert(text)
    return "".join(str(part["hira"]) for part in parts)
