"""The search over the published catalogue: this process's copy of it, its Japanese index and facets."""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max

from cityhall.core.readings import reading
from cityhall.core.search import SearchDocument, SearchIndex
from cityhall.opendata.models import Dataset
from cityhall.opendata.selectors.catalogue import published_datasets


@dataclass
class SearchResult:
    datasets: list[Dataset]
    count: int
    facets: dict[str, Counter[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Catalog:
    """This process's copy of the published catalogue and its search index (shared-nothing)."""

    version: tuple[Any, ...]
    datasets: list[Dataset]
    facets: list[dict[str, list[str]]]
    index: SearchIndex


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


def _catalog_version() -> tuple[Any, ...]:
    """Moves whenever a published dataset is added, changed (updated_at) or taken down."""
    found = Dataset.objects.filter(state=Dataset.State.PUBLISHED, current__isnull=False).aggregate(
        n=Count("pk"), last=Max("updated_at"), current=Max("current_id")
    )
    return (found["n"], found["last"], found["current"])


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
        _catalog = _Catalog(version, datasets, [dataset_facets(d) for d in datasets], index)
        return _catalog


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
    _sort(matched, current.datasets, sort)
    facet_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for _score, position in matched:
        for facet, values in current.facets[position].items():
            facet_counts[facet].update(values)
    found = [current.datasets[position] for _score, position in matched]
    return SearchResult(datasets=found[start : start + rows], count=len(found), facets=dict(facet_counts))


def _sort(matched: list[tuple[float, int]], datasets: list[Dataset], sort: str) -> None:
    """CKAN's sort names: "title", "name", "metadata_modified desc", "id"; else best score first."""
    key, _sep, direction = sort.strip().partition(" ")
    reverse = direction.strip().lower() == "desc"
    if key == "id":
        matched.sort(key=lambda p: str(datasets[p[1]].pk), reverse=reverse)
    elif key in ("title_string", "title", "name"):
        attr = "slug" if key == "name" else "title"
        matched.sort(key=lambda p: getattr(datasets[p[1]], attr), reverse=reverse)
    elif key in ("metadata_modified", "metadata_created"):
        attr = "updated_at" if key == "metadata_modified" else "created_at"
        matched.sort(key=lambda p: getattr(datasets[p[1]], attr), reverse=reverse)
    else:
        matched.sort(key=lambda p: (-p[0], datasets[p[1]].title))
