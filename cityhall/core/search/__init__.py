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

from cityhall.core.search.documents import SearchDocument, SearchHit
from cityhall.core.search.fuzzy import best_window
from cityhall.core.search.index import MAX_QUERY_CHARS, SearchIndex
from cityhall.core.search.keys import loose

__all__ = ["MAX_QUERY_CHARS", "SearchDocument", "SearchHit", "SearchIndex", "best_window", "loose"]
