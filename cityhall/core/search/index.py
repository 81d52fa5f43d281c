"""The inverted index and the query: candidates by bigram bitsets, then verification and ranking."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from cityhall.core.search import keys
from cityhall.core.search.documents import Alternative, Entry, SearchDocument, SearchHit, TermMatches, index_entry
from cityhall.core.search.fuzzy import best_window

MAX_QUERY_CHARS = 100
CORRECTIONS_REMEMBERED = 4096

# How a term reached the text: literal > loose variant > synonym > partial synonym > fuzzy.
VARIANT = 0.9
SYNONYM = 0.85
PARTIAL_SYNONYM = 0.6  # times the share of the term the synonym covers, the rest being dropped
FUZZY = 0.6
CONTAINMENT_SIMILARITY = 0.7
FUZZY_CANDIDATES = 30
MAX_CORRECTIONS = 8


def _bits(mask: int) -> Iterator[int]:
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


class SearchIndex:
    """Immutable index of documents (procedures, datasets); build once with `build`, search from any thread."""

    def __init__(
        self,
        entries: list[Entry],
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
            for gram in {*text, *keys.bigrams(text)}:
                grams = self._vocab_grams.get(gram)
                if grams is None:
                    self._vocab_grams[gram] = [v]
                else:
                    grams.append(v)
        self._synonyms = synonyms
        # Corrections depend only on the term and this immutable index: people repeat the same typos.
        self._corrected: dict[str, list[Alternative]] = {}

    @classmethod
    def build(cls, documents: Iterable[SearchDocument], synonyms: Iterable[Sequence[str]] = ()) -> SearchIndex:
        """Index `documents`; raise ValueError if two share an id."""
        entries: list[Entry] = []
        masks: dict[str, int] = {}
        vocabulary: dict[str, str] = {}  # loose short field -> its exact form (first seen)
        for i, doc in enumerate(documents):
            entry, short, loose_short = index_entry(doc)
            entries.append(entry)
            bit = 1 << i
            for gram in set(keys.bigrams(entry.indexed)):
                masks[gram] = masks.get(gram, 0) | bit
            for text, loose_text in zip(short, loose_short, strict=True):
                if text:
                    vocabulary.setdefault(loose_text, text)
        if len({e.doc_id for e in entries}) != len(entries):
            raise ValueError("SearchIndex.build: document ids must be unique")
        groups = []
        for group in synonyms:
            words = list(dict.fromkeys(k for k in map(keys.key, group) if k))
            if len(words) > 1:  # longest first, so the most specific contained word is found
                groups.append([(w, keys.loose(w)) for w in sorted(words, key=lambda w: (-len(w), w))])
        return cls(entries, masks, vocabulary, groups)

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Documents matching every term of `query`, best first."""
        terms = list(
            dict.fromkeys(k for k in map(keys.strip, keys.TERM_SPLIT.split(keys.fold(query[:MAX_QUERY_CHARS]))) if k)
        )
        if not terms or limit <= 0:
            return []
        plans = [self._expand(term) for term in terms]
        candidates = [[self._candidates(alt) for alt in plan] for plan, _ in plans]
        per_term: list[TermMatches] = [{} for _ in terms]
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

    def _expand(self, term: str) -> tuple[list[Alternative], list[Alternative]]:
        """The term with the synonyms it equals or contains; and the bare synonyms it contains.

        "国保加入" becomes 国保加入 or 国民健康保険加入, and failing both, 国保 or 国民健康保険.
        """
        term_loose = keys.loose(term)
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
            [Alternative(key, keys.loose(key), weight) for key, weight in weights.items()],
            [Alternative(key, keys.loose(key), weight) for key, weight in partial.items()],
        )

    def _candidates(self, alt: Alternative) -> int:
        """A superset of the documents `alt` matches: those holding all its bigrams, exact or loose."""
        if len(alt.key) == 1:
            return self._containing(alt.key) | self._containing(alt.loose)
        mask = self._holding_bigrams(alt.key)
        return mask if alt.loose == alt.key else mask | self._holding_bigrams(alt.loose)

    def _holding_bigrams(self, text: str) -> int:
        mask = -1
        for gram in keys.bigrams(text):
            mask &= self._bigrams.get(gram, 0)
            if not mask:
                break
        return mask

    def _containing(self, char: str) -> int:
        if char not in self._unigrams:
            self._unigrams[char] = sum(1 << i for i, e in enumerate(self._entries) if char in e.indexed)
        return self._unigrams[char]

    def _match_exact(self, plan: list[Alternative], candidates: list[int], alive: int | None) -> TermMatches:
        matches: TermMatches = {}
        for alt, mask in zip(plan, candidates, strict=True):
            for i in _bits(mask if alive is None else mask & alive):
                entry = self._entries[i]
                score = max(entry.exact.score(alt.key), VARIANT * entry.loose.score(alt.loose)) * alt.weight
                if score and score > matches.get(i, (0.0, ""))[0]:
                    matches[i] = (score, alt.key)
        return matches

    def _match_fallback(self, term: str, partial: list[Alternative], alive: int | None) -> TermMatches:
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

    def _corrections(self, term: str) -> list[Alternative]:
        """`_fuzzy_corrections`, remembered for up to CORRECTIONS_REMEMBERED terms per index."""
        found = self._corrected.get(term)
        if found is None:
            found = self._fuzzy_corrections(term)
            if len(self._corrected) < CORRECTIONS_REMEMBERED:  # a dict write is atomic: safe across threads
                self._corrected[term] = found
        return found

    def _fuzzy_corrections(self, term: str) -> list[Alternative]:
        """Windows of titles, readings and keywords close to `term`, as weighted alternatives."""
        term_loose = keys.loose(term)
        m = len(term_loose)
        if m == 2:  # one edit would leave one character, found everywhere: only a swap is a typo
            swapped = term_loose[::-1]
            return [Alternative(swapped, swapped, FUZZY * 2 / 3)] if swapped in self._vocab_grams else []
        if m < 2:
            return []
        max_distance = 1 if m <= 4 else 2
        grams = set(keys.bigrams(term_loose))
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
        return [Alternative(exact, keys.loose(exact), FUZZY * sim) for sim, exact in best]
