"""The search over the published catalogue: this process's copy of it, its Japanese index and facets."""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from django.db import connection

from cityhall.core.readings import reading
from cityhall.core.search import SearchDocument, SearchIndex
from cityhall.opendata.models import Dataset
from cityhall.opendata.selectors.catalogue import published_datasets


@dataclass
class SearchResult:
    datasets: list[Dataset]
    count: int
    facets: dict[str, Counter[str]] = field(default_factory=dict)
    version: tuple[Any, ...] | None = None  # the catalogue's version: what is derived from it may be kept


@dataclass(frozen=True)
class _Catalog:
    """This process's copy of the published catalogue and its search index (shared-nothing)."""

    version: tuple[Any, ...]
    datasets: list[Dataset]
    facets: list[dict[str, list[str]]]
    index: SearchIndex
    pairs: list[tuple[tuple[str, str], ...]]  # each dataset's facets as (facet, value), for one Counter call
    all_counts: dict[str, Counter[str]]  # the facet counts of the whole catalogue (a search with no words)
    ranks: dict[str, list[int]] = field(default_factory=dict)

    def rank(self, attr: str) -> list[int]:
        """Each dataset's place in the order of `attr` (equal values, equal places), computed once."""
        if attr not in self.ranks:
            values = [str(d.pk) if attr == "pk" else getattr(d, attr) for d in self.datasets]
            places = {value: place for place, value in enumerate(sorted(set(values)))}
            self.ranks[attr] = [places[value] for value in values]
        return self.ranks[attr]


_catalog_lock = threading.Lock()


_catalog: _Catalog | None = None


def _document(position: int, dataset: Dataset) -> SearchDocument:
    """A dataset as the search sees it: the title with its reading, tags and their readings, groups, department."""
    words = [*dataset.tags, *(reading(tag) for tag in dataset.tags), dataset.slug, dataset.department.name]
    words += [g.title for g in dataset.groups.all()]
    return SearchDocument(
        id=position,
        title=dataset.title,
        title_kana=reading(dataset.title),
        keywords=",".join(words),
        body=dataset.description,
    )


_VERSION_SQL = (
    f"SELECT COUNT(*), MAX(updated_at), MAX(current_id) FROM {Dataset._meta.db_table} "  # noqa: S608 (a model's table)
    "WHERE state = %s AND current_id IS NOT NULL"
)


def _catalog_version() -> tuple[Any, ...]:
    """Moves whenever a published dataset is added, changed (updated_at) or taken down."""
    # Asked on every search, so written as SQL: the ORM would spend longer building it than the database answering.
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL, [Dataset.State.PUBLISHED])
        row = cursor.fetchone()
    return tuple(row)


def catalog() -> _Catalog:
    """The published catalogue with its Japanese search index (readings, kana and width folding, typos),
    rebuilt in this process when the catalogue's version moves."""
    global _catalog  # noqa: PLW0603 (one catalogue per process, swapped atomically)
    version = _catalog_version()
    current = _catalog
    if current is not None and current.version == version:
        return current
    with _catalog_lock:
        if _catalog is not None and _catalog.version == version:
            return _catalog
        datasets = list(published_datasets())
        index = SearchIndex.build(_document(i, d) for i, d in enumerate(datasets))
        facets = [dataset_facets(d) for d in datasets]
        pairs = [tuple((facet, value) for facet, values in f.items() for value in values) for f in facets]
        _catalog = _Catalog(version, datasets, facets, index, pairs, _facet_counts(pairs, range(len(datasets))))
        return _catalog


def _facet_counts(pairs: list[tuple[tuple[str, str], ...]], positions: Iterable[int]) -> dict[str, Counter[str]]:
    """How many of the datasets at `positions` carry each facet value: one Counter over all their pairs."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for (facet, value), count in Counter(chain.from_iterable(pairs[p] for p in positions)).items():
        counts[facet][value] = count
    return dict(counts)


def dataset_facets(dataset: Dataset) -> dict[str, list[str]]:
    formats = (
        [r.format.upper() if r.format != "geojson" else "GeoJSON" for r in dataset.current.resources.all()]
        if dataset.current
        else []
    )
    return {
        "tags": list(dataset.tags),
        "groups": [g.slug for g in dataset.groups.all()],
        "organization": [dataset.department.code],
        "res_format": formats,
        "license_id": [dataset.license],
    }


def search(
    *,
    q: str = "",
    filters: dict[str, list[str]] | None = None,
    sort: str = "",
    start: int = 0,
    rows: int = 20,
) -> SearchResult:
    """Search published datasets: every word of `q` must match; `filters` (facet → values) must all match.

    Words match as in the procedures guide (`cityhall.core.search`): 避難 is found by ひなん or ﾋﾅﾝ
    through the title's reading, by width and kana folding, and by small typos. Sort is "title",
    "metadata_modified desc", "score desc" (the default) and friends.
    """
    query = " ".join(w for w in q.split() if w != "*:*")
    current = catalog()
    if query.strip():
        ranked = [(hit.score, hit.id) for hit in current.index.search(query, limit=len(current.index))]
    else:
        ranked = [(0.0, i) for i in range(len(current.datasets))]
    matched = [
        (score, position)
        for score, position in ranked
        if not filters
        or all(any(v in current.facets[position].get(k, []) for v in values) for k, values in filters.items())
    ]
    _sort(matched, current, sort)
    if len(matched) == len(current.datasets):
        # every dataset matched: counted once per catalogue (copied, so no caller can change the shared one)
        facet_counts = {facet: Counter(counts) for facet, counts in current.all_counts.items()}
    else:
        facet_counts = _facet_counts(current.pairs, (position for _score, position in matched))
    found = [current.datasets[position] for _score, position in matched]
    return SearchResult(found[start : start + rows], len(found), facet_counts, current.version)


def _sort(matched: list[tuple[float, int]], current: _Catalog, sort: str) -> None:
    """CKAN's sort names: "title", "name", "metadata_modified desc", "id"; else best score first."""
    key, _sep, direction = sort.strip().partition(" ")
    reverse = direction.strip().lower() == "desc"
    attr = _SORT_ATTRIBUTES.get(key)
    if attr:
        rank = current.rank(attr)
        matched.sort(key=lambda p: rank[p[1]], reverse=reverse)
    else:
        titles = current.rank("title")
        matched.sort(key=lambda p: (-p[0], titles[p[1]]))


_SORT_ATTRIBUTES = {
    "id": "pk",
    "title_string": "title",
    "title": "title",
    "name": "slug",
    "metadata_modified": "updated_at",
    "metadata_created": "created_at",
}
