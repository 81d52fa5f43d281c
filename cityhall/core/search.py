"""In-memory search tolerant of how residents actually type (the procedures guide, the open data catalogue).

Documents and queries are compared by a key with `cityhall.core.text.search_key`
semantics (NFKC, katakana to hiragana, case-folded) with spaces and punctuation
removed. For titles, readings and keywords a second, *loose* key also folds small kana
to large (ょ→よ, っ→つ), drops voicing marks (が→か, ぱ→は) and reads a romaji "n" left
after kana as ん, so the commonest slips cost only a small penalty. Bodies are prose and
are matched literally.

Query terms (split on whitespace and commas) must all match (AND). A term matches
literally or through a synonym group it equals or contains (国保加入 → 国民健康保険加入).
Only when none of those is anywhere in the corpus does it fall back to the bare synonyms
inside it (国保) and to fuzzy corrections: the closest window (Damerau–Levenshtein,
optimal string alignment) of a title, reading or keyword, or a long reading or keyword
holding most of the term's bigrams. A correction is then searched like a literal term, at
a discount. Fuzzy matching never reads bodies.

Candidates come from an inverted index of character bigrams (loose titles, readings and
keywords; exact bodies) kept as Python ints used as bitsets (bit i = document i), so the
AND of postings is one `&`. Every candidate is verified by substring checks before scoring.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import add
from typing import NamedTuple

import jaconv

__all__ = ["MAX_QUERY_CHARS", "SearchDocument", "SearchHit", "SearchIndex"]

MAX_QUERY_CHARS = 100

# Field scores: exact title > title prefix > title substring > reading > keyword > body.
TITLE_EXACT, TITLE_PREFIX, TITLE_SUBSTRING = 100.0, 80.0, 60.0
KANA_EXACT, KANA_PREFIX, KANA_SUBSTRING = 56.0, 48.0, 44.0
KEYWORD_EXACT, KEYWORD_SUBSTRING = 36.0, 30.0
BODY = 12.0
COVERAGE = 4.0  # bonus for matching more of a title or reading: shorter titles win ties
# How a term reached the text: literal > loose variant > synonym > partial synonym > fuzzy.
VARIANT = 0.9
SYNONYM = 0.85
PARTIAL_SYNONYM = 0.6  # times the share of the term the synonym covers, the rest being dropped
FUZZY = 0.6
CONTAINMENT_SIMILARITY = 0.7
FUZZY_CANDIDATES = 30
MAX_CORRECTIONS = 8

_STRIP = re.compile(r"[\W_]+")  # spaces, punctuation, symbols, control characters
_TERM_SPLIT = re.compile(r"[\s、,]+")
_KEYWORD_SPLIT = re.compile(r"[\s、,;/]+")
_LOOSE_N = re.compile(r"(?<=[ぁ-ゖー])n(?![a-z])")  # "けｎ": the IME had not turned n into ん yet
# Stable starters (NFKC leaves them alone and never joins them to the character before):
# ASCII, CJK punctuation and brackets, kana, CJK unified ideographs. A test checks this list.
_STABLE = "\x00-\x7f\u3001-\u3003\u3005-\u301f\u3041-\u3096\u30a1-\u30fe\u4e00-\u9fff"
_UNSTABLE_RUN = re.compile(f"(?s).?[^{_STABLE}]+")
_KATAKANA_RUN = re.compile(r"[\u30a0-\u30ff\u31f0-\u31ff]+")  # every character jaconv.kata2hira changes
_SEP = "\x1f"  # between keywords and body lines; _STRIP guarantees no key contains it
_FIELD_SEP = "\x1e"


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


def _nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), fast for text that is mostly normalised already.

    NFKC is the costliest step of indexing, yet a procedure page has only a few characters
    it changes (（, ：, full-width digits). Only runs of characters outside _STABLE, with the
    character before them, are normalised: NFKC never combines or reorders a stable starter
    with what precedes it (UAX #15), so the pieces normalise independently.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    return _UNSTABLE_RUN.sub(_nfkc_match, text)


def _nfkc_match(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def _kata2hira(match: re.Match[str]) -> str:
    return str(jaconv.kata2hira(match.group()))


def _fold(text: str) -> str:
    """search_key(text) without its whitespace handling: NFKC, katakana→hiragana, casefold.

    `cityhall.core.text.fold` also maps ～ to 〜 and tidies spaces: punctuation and space
    that `_key` strips anyway. jaconv maps character by character, so mapping only the
    katakana runs gives the same text.
    """
    return _KATAKANA_RUN.sub(_kata2hira, _nfkc(text)).casefold()


def _strip(folded: str) -> str:
    return _STRIP.sub("", folded)


def _key(text: str) -> str:
    return _strip(_fold(text))


def loose(key: str) -> str:
    """Secondary key: small kana and voiced kana folded. Same length as `key`, char for char."""
    return _LOOSE_N.sub("ん", key.translate(_LOOSE))


def _bigrams(text: str) -> Iterator[str]:
    return map(add, text, text[1:])


def _bits(mask: int) -> Iterator[int]:
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


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


class _Fields(NamedTuple):
    title: str
    kana: str
    keywords: str  # _SEP-delimited, with _SEP at both ends so a whole keyword can be tested
    body: str  # _SEP-joined lines

    def score(self, key: str) -> float:
        """Score of the best field containing `key`, 0 if none does."""
        if key in self.title:
            base = TITLE_EXACT if key == self.title else TITLE_PREFIX if self.title.startswith(key) else TITLE_SUBSTRING
            return base + COVERAGE * len(key) / len(self.title)
        if key in self.kana:
            base = KANA_EXACT if key == self.kana else KANA_PREFIX if self.kana.startswith(key) else KANA_SUBSTRING
            return base + COVERAGE * len(key) / len(self.kana)
        if key in self.keywords:
            return KEYWORD_EXACT if f"{_SEP}{key}{_SEP}" in self.keywords else KEYWORD_SUBSTRING
        return BODY if key in self.body else 0.0


class _Entry(NamedTuple):
    doc_id: int
    exact: _Fields
    loose: _Fields  # title, reading and keywords only: prose is matched literally
    indexed: str  # loose title, reading and keywords, then the exact body: what the bigrams cover


class _Alternative(NamedTuple):
    key: str
    loose: str
    weight: float


_TermMatches = dict[int, tuple[float, str]]  # document index -> (score, label)


def _entry(doc: SearchDocument) -> tuple[_Entry, list[str], list[str]]:
    """The entry and its short fields (title, reading, keywords), exact and loose."""
    parts = (doc.title, doc.title_kana, doc.keywords, doc.body)
    title, kana, keywords, body = _fold(_FIELD_SEP.join(p.replace(_FIELD_SEP, " ") for p in parts)).split(_FIELD_SEP)
    short = [_strip(title), _strip(kana), *(k for k in map(_strip, _KEYWORD_SPLIT.split(keywords)) if k)]
    loose_short = loose(_SEP.join(short)).split(_SEP)  # one pass; _SEP keeps the fields apart
    body = _SEP.join(line for line in map(_strip, body.splitlines()) if line)
    exact = _Fields(short[0], short[1], _SEP + _SEP.join(short[2:]) + _SEP, body)
    lax = _Fields(loose_short[0], loose_short[1], _SEP + _SEP.join(loose_short[2:]) + _SEP, "")
    return _Entry(doc.id, exact, lax, _SEP.join([*loose_short, body])), short, loose_short


def best_window(pattern: str, text: str, max_distance: int) -> tuple[int, int, int] | None:
    """(distance, start, end) of the substring of `text` closest to `pattern`, or None if too far.

    Semi-global optimal-string-alignment distance: the window may start and end anywhere.
    Among equally close windows the one nearest the pattern's length wins (a wrong kanji
    is likelier than a missing one), then the leftmost.
    """
    m, n = len(pattern), len(text)
    prev2_d: list[int] = []
    prev2_s: list[int] = []
    prev_d, prev_s = [0] * (n + 1), list(range(n + 1))
    prev_min = 0
    for i in range(1, m + 1):
        pc = pattern[i - 1]
        cur_d, cur_s = [i] * (n + 1), [0] * (n + 1)
        for j in range(1, n + 1):
            tc = text[j - 1]
            best, start = prev_d[j - 1] + (pc != tc), prev_s[j - 1]
            if prev_d[j] + 1 < best:
                best, start = prev_d[j] + 1, prev_s[j]
            if cur_d[j - 1] + 1 < best:
                best, start = cur_d[j - 1] + 1, cur_s[j - 1]
            swapped = i > 1 and j > 1 and pc != tc and pc == text[j - 2] and pattern[i - 2] == tc
            if swapped and prev2_d[j - 2] + 1 < best:
                best, start = prev2_d[j - 2] + 1, prev2_s[j - 2]
            cur_d[j], cur_s[j] = best, start
        row_min = min(cur_d)
        if row_min > max_distance and prev_min > max_distance:
            return None  # a transposition can lower a row by one below the row before, not more
        prev_min = row_min
        prev2_d, prev2_s, prev_d, prev_s = prev_d, prev_s, cur_d, cur_s
    found = [
        (prev_d[j], abs(j - prev_s[j] - m), prev_s[j], j)
        for j in range(1, n + 1)
        if prev_d[j] <= max_distance and prev_s[j] < j
    ]
    if not found:
        return None
    distance, _, start, end = min(found)
    return distance, start, end


class SearchIndex:
    """Immutable index of documents (procedures, datasets); build once with `build`, search from any thread."""

    def __init__(
        self,
        entries: list[_Entry],
        bigrams: dict[str, int],
        vocabulary: dict[str, str],
        synonyms: list[list[tuple[str, str]]],
    ) -> None:
        self._entries = entries
        self._bigrams = bigrams
        self._unigrams: dict[str, int] = {}  # filled lazily: one-character terms are rare
        self._vocab_loose = list(vocabulary)
        self._vocab_exact = list(vocabulary.values())
        self._vocab_grams: dict[str, list[int]] = {}
        for v, text in enumerate(self._vocab_loose):
            for gram in {*text, *_bigrams(text)}:
                grams = self._vocab_grams.get(gram)
                if grams is None:
                    self._vocab_grams[gram] = [v]
                else:
                    grams.append(v)
        self._synonyms = synonyms

    @classmethod
    def build(cls, documents: Iterable[SearchDocument], synonyms: Iterable[Sequence[str]] = ()) -> SearchIndex:
        """Index `documents`; raise ValueError if two share an id."""
        entries: list[_Entry] = []
        masks: dict[str, int] = {}
        vocabulary: dict[str, str] = {}  # loose short field -> its exact form (first seen)
        for i, doc in enumerate(documents):
            entry, short, loose_short = _entry(doc)
            entries.append(entry)
            bit = 1 << i
            for gram in set(_bigrams(entry.indexed)):
                masks[gram] = masks.get(gram, 0) | bit
            for text, loose_text in zip(short, loose_short, strict=True):
                if text:
                    vocabulary.setdefault(loose_text, text)
        if len({e.doc_id for e in entries}) != len(entries):
            raise ValueError("SearchIndex.build: document ids must be unique")
        groups = []
        for group in synonyms:
            words = list(dict.fromkeys(k for k in map(_key, group) if k))
            if len(words) > 1:  # longest first, so the most specific contained word is found
                groups.append([(w, loose(w)) for w in sorted(words, key=lambda w: (-len(w), w))])
        return cls(entries, masks, vocabulary, groups)

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Documents matching every term of `query`, best first."""
        terms = list(dict.fromkeys(k for k in map(_strip, _TERM_SPLIT.split(_fold(query[:MAX_QUERY_CHARS]))) if k))
        if not terms or limit <= 0:
            return []
        plans = [self._expand(term) for term in terms]
        candidates = [[self._candidates(alt) for alt in plan] for plan, _ in plans]
        per_term: list[_TermMatches] = [{} for _ in terms]
        alive: int | None = None
        # Rarest term first: later terms verify only documents that are still in the running.
        for t in sorted(range(len(terms)), key=lambda t: sum(c.bit_count() for c in candidates[t])):
            plan, partial = plans[t]
            matches = self._match_exact(plan, candidates[t], alive)
            if not matches:
                if alive is not None and self._match_exact(plan, [c & ~alive for c in candidates[t]], None):
                    return []  # the term is in the corpus, just not with the other terms
                matches = self._match_fallback(terms[t], partial, alive)
                if not matches:
                    return []
            per_term[t] = matches
            alive = sum(1 << i for i in matches)
        assert alive is not None
        ranked = sorted(
            (-round(sum(m[i][0] for m in per_term), 6), len(self._entries[i].exact.title), self._entries[i].doc_id, i)
            for i in _bits(alive)
        )
        return [
            SearchHit(id=doc_id, score=-negated, matched=tuple(dict.fromkeys(m[i][1] for m in per_term)))
            for negated, _, doc_id, i in ranked[:limit]
        ]

    def _expand(self, term: str) -> tuple[list[_Alternative], list[_Alternative]]:
        """The term with the synonyms it equals or contains; and the bare synonyms it contains.

        "国保加入" becomes 国保加入 or 国民健康保険加入, and failing both, 国保 or 国民健康保険.
        """
        term_loose = loose(term)
        weights: dict[str, float] = {term: 1.0}
        partial: dict[str, float] = {}
        for group in self._synonyms:
            for word, word_loose in group:
                if term in (word, word_loose) or term_loose == word_loose:
                    weights.update((other, SYNONYM) for other, _ in group if other not in weights)
                    break
                if len(word) >= 2 and word in term:
                    for other, _ in group:
                        weights.setdefault(term.replace(word, other), SYNONYM)
                        # weighed by how much of the term it stands for: the rest is dropped
                        partial[other] = max(partial.get(other, 0.0), PARTIAL_SYNONYM * len(word) / len(term))
                    break
        return (
            [_Alternative(key, loose(key), weight) for key, weight in weights.items()],
            [_Alternative(key, loose(key), weight) for key, weight in partial.items()],
        )

    def _candidates(self, alt: _Alternative) -> int:
        """A superset of the documents `alt` matches: those holding all its bigrams, exact or loose."""
        if len(alt.key) == 1:
            return self._containing(alt.key) | self._containing(alt.loose)
        mask = self._holding_bigrams(alt.key)
        return mask if alt.loose == alt.key else mask | self._holding_bigrams(alt.loose)

    def _holding_bigrams(self, text: str) -> int:
        mask = -1
        for gram in _bigrams(text):
            mask &= self._bigrams.get(gram, 0)
            if not mask:
                break
        return mask

    def _containing(self, char: str) -> int:
        if char not in self._unigrams:
            self._unigrams[char] = sum(1 << i for i, e in enumerate(self._entries) if char in e.indexed)
        return self._unigrams[char]

    def _match_exact(self, plan: list[_Alternative], candidates: list[int], alive: int | None) -> _TermMatches:
        matches: _TermMatches = {}
        for alt, mask in zip(plan, candidates, strict=True):
            for i in _bits(mask if alive is None else mask & alive):
                entry = self._entries[i]
                score = max(entry.exact.score(alt.key), VARIANT * entry.loose.score(alt.loose)) * alt.weight
                if score and score > matches.get(i, (0.0, ""))[0]:
                    matches[i] = (score, alt.key)
        return matches

    def _match_fallback(self, term: str, partial: list[_Alternative], alive: int | None) -> _TermMatches:
        """For a term found nowhere: the synonyms inside it, and its corrections.

        Corrections are weighted by closeness and by how many documents they find: a typo
        is likelier to be one of a common word than of a rare one.
        """
        matches = self._match_exact(partial, [self._candidates(alt) for alt in partial], alive)
        found = [self._match_exact([alt], [self._candidates(alt)], None) for alt in self._corrections(term)]
        most = max(map(len, found), default=0) or 1
        for corrected in found:
            prior = 0.85 + 0.15 * len(corrected) / most  # the more common reading of a typo is likelier
            for i, (score, label) in corrected.items():
                if (alive is None or alive >> i & 1) and score * prior > matches.get(i, (0.0, ""))[0]:
                    matches[i] = (score * prior, label)
        return matches

    def _corrections(self, term: str) -> list[_Alternative]:
        """Windows of titles, readings and keywords close to `term`, as weighted alternatives."""
        term_loose = loose(term)
        m = len(term_loose)
        if m == 2:  # one edit would leave one character, found everywhere: only a swap is a typo
            swapped = term_loose[::-1]
            return [_Alternative(swapped, swapped, FUZZY * 2 / 3)] if swapped in self._vocab_grams else []
        if m < 2:
            return []
        max_distance = 1 if m <= 4 else 2
        grams = set(_bigrams(term_loose))
        shared_bigrams: Counter[int] = Counter()
        for gram in grams:
            shared_bigrams.update(self._vocab_grams.get(gram, ()))
        shared_chars: Counter[int] = Counter()
        if m <= 4:  # too few bigrams to survive one edit: count characters too
            for char in set(term_loose):
                shared_chars.update(self._vocab_grams.get(char, ()))
        # q-gram lemma: an edit destroys at most three bigrams (a swap). Long terms with bigrams
        # to spare may instead match by containment, which needs three quarters of them.
        need = max(1, min(len(grams) - 3 * max_distance, -(-3 * len(grams) // 4)))
        pool = [
            v
            for v in shared_bigrams.keys() | shared_chars.keys()
            if shared_bigrams[v] >= need or shared_chars[v] >= m - max_distance
        ]
        pool.sort(key=lambda v: (-shared_bigrams[v], -shared_chars[v], v))
        similarity: dict[str, tuple[float, str]] = {}
        for v in pool[:FUZZY_CANDIDATES]:
            text = self._vocab_loose[v]
            window = best_window(term_loose, text, max_distance)
            if window:
                distance, start, end = window
                sim, exact = 1 - distance / (m + 1), self._vocab_exact[v][start:end]
            elif m >= 5 and shared_bigrams[v] >= 0.75 * len(grams):
                # most of a long term is there, split or reordered: いんかんしょうめい ~ いんかんとうろくしょうめいしょ
                sim, exact = CONTAINMENT_SIMILARITY * shared_bigrams[v] / len(grams), self._vocab_exact[v]
            else:
                continue
            if sim > similarity.get(exact, (0.0, ""))[0]:
                similarity[exact] = (sim, exact)
        best = sorted(similarity.values(), key=lambda s: (-s[0], s[1]))[:MAX_CORRECTIONS]
        return [_Alternative(exact, loose(exact), FUZZY * sim) for sim, exact in best]
