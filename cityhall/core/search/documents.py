"""What is indexed: the documents, their folded fields and how a field scores a key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from cityhall.core.search import keys

# Field scores: exact title > title prefix > title substring > reading > keyword > body.
TITLE_EXACT, TITLE_PREFIX, TITLE_SUBSTRING = 100.0, 80.0, 60.0
KANA_EXACT, KANA_PREFIX, KANA_SUBSTRING = 56.0, 48.0, 44.0
KEYWORD_EXACT, KEYWORD_SUBSTRING = 36.0, 30.0
BODY = 12.0
COVERAGE = 4.0  # bonus for matching more of a title or reading: shorter titles win ties


@dataclass(frozen=True)
class SearchDocument:
    id: int
    title: str
    title_kana: str  # hiragana reading; may be ""
    keywords: str  # comma or space separated
    body: str  # plain text


@dataclass(frozen=True)
class SearchHit:
    id: int
    score: float
    matched: tuple[str, ...]  # normalised query terms, synonyms or corrections that matched


class Fields(NamedTuple):
    title: str
    kana: str
    keywords: str  # keys.SEP-delimited, with keys.SEP at both ends so a whole keyword can be tested
    body: str  # keys.SEP-joined lines

    def score(self, key: str) -> float:
        """Score of the best field containing `key`, 0 if none does."""
        if key in self.title:
            base = TITLE_EXACT if key == self.title else TITLE_PREFIX if self.title.startswith(key) else TITLE_SUBSTRING
            return base + COVERAGE * len(key) / len(self.title)
        if key in self.kana:
            base = KANA_EXACT if key == self.kana else KANA_PREFIX if self.kana.startswith(key) else KANA_SUBSTRING
            return base + COVERAGE * len(key) / len(self.kana)
        if key in self.keywords:
            return KEYWORD_EXACT if f"{keys.SEP}{key}{keys.SEP}" in self.keywords else KEYWORD_SUBSTRING
        return BODY if key in self.body else 0.0


class Entry(NamedTuple):
    doc_id: int
    exact: Fields
    loose: Fields  # title, reading and keywords only: prose is matched literally
    indexed: str  # loose title, reading and keywords, then the exact body: what the bigrams cover


class Alternative(NamedTuple):
    key: str
    loose: str
    weight: float


TermMatches = dict[int, tuple[float, str]]  # document index -> (score, label)


def index_entry(doc: SearchDocument) -> tuple[Entry, list[str], list[str]]:
    """The entry and its short fields (title, reading, keywords), exact and loose."""
    parts = (doc.title, doc.title_kana, doc.keywords, doc.body)
    title, kana, keywords, body = keys.fold(keys.FIELD_SEP.join(p.replace(keys.FIELD_SEP, " ") for p in parts)).split(
        keys.FIELD_SEP
    )
    short = [
        keys.strip(title),
        keys.strip(kana),
        *(k for k in map(keys.strip, keys.KEYWORD_SPLIT.split(keywords)) if k),
    ]
    loose_short = keys.loose(keys.SEP.join(short)).split(keys.SEP)  # one pass; keys.SEP keeps the fields apart
    body = keys.SEP.join(line for line in map(keys.strip, body.splitlines()) if line)
    exact = Fields(short[0], short[1], keys.SEP + keys.SEP.join(short[2:]) + keys.SEP, body)
    lax = Fields(loose_short[0], loose_short[1], keys.SEP + keys.SEP.join(loose_short[2:]) + keys.SEP, "")
    return Entry(doc.id, exact, lax, keys.SEP.join([*loose_short, body])), short, loose_short
