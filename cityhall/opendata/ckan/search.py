"""package_search: Solr's ``q``/``fq`` syntax (the subset harvesters use) over the search selector."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from cityhall.opendata import selectors
from cityhall.opendata.ckan.dicts import FORMAT_LABELS, Site, license_title
from cityhall.opendata.ckan.params import JsonDict, search_error
from cityhall.opendata.models import Dataset, License

FACET_FIELDS = ("tags", "groups", "organization", "res_format", "license_id")
DEFAULT_SORT = "score desc, metadata_modified desc"
SORT_FIELDS = {
    "score", "relevance", "rank", "title_string", "title", "name", "id", "metadata_modified", "metadata_created",
}  # fmt: skip


@dataclass(frozen=True)
class _Condition:
    """One term of ``fq``: ``field:value``, ``field:(a OR b)`` or ``field:[from TO to]``; all terms must hold."""

    field: str
    values: tuple[str, ...] = ()
    low: dt.datetime | None = None
    high: dt.datetime | None = None
    is_range: bool = False
    negate: bool = False

    def holds(self, dataset: Dataset, site: Site) -> bool:
        return self.negate != (self._range_holds(dataset) if self.is_range else self._match_holds(dataset, site))

    def _range_holds(self, dataset: Dataset) -> bool:
        value = dataset.updated_at if self.field == "metadata_modified" else dataset.created_at
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)

    def _match_holds(self, dataset: Dataset, site: Site) -> bool:
        return any(v in _field_values(dataset, self.field, site) for v in self.values)


_CONSTANT_FIELDS = {"dataset_type": "dataset", "type": "dataset", "state": "active", "capacity": "public"}
_MATCH_FIELDS = {*FACET_FIELDS, "owner_org", "name", "id", "private", *_CONSTANT_FIELDS}
_RANGE_FIELDS = {"metadata_modified", "metadata_created"}
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<keyword>AND|OR|NOT|&&|\|\|)(?=\s|$)
      | (?P<sign>[+-])?(?P<field>[A-Za-z_][\w.]*):
        (?P<value>"(?:[^"\\]|\\.)*"|\([^)]*\)|[\[{][^\]}]*[\]}]|(?:[^\s()\\]|\\.)+)
      | (?P<word>"(?:[^"\\]|\\.)*"|\S+)
    )""",
    re.VERBOSE,
)


def _field_values(dataset: Dataset, field: str, site: Site) -> list[str]:
    if field in FACET_FIELDS:
        return selectors.dataset_facets(dataset)[field]
    if field == "owner_org":
        return [site.uuid("organization", dataset.department.code)]
    if field == "name":
        return [dataset.slug]
    if field == "id":
        return [str(dataset.pk)]
    if field == "private":
        return ["false"]
    return [_CONSTANT_FIELDS[field]]


def _unescape(raw: str) -> str:
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    return re.sub(r"\\(.)", r"\1", raw)


def _values(raw: str) -> tuple[str, ...]:
    if not raw.startswith("("):
        return (_unescape(raw),)
    parts = re.findall(r'"(?:[^"\\]|\\.)*"|[^\s]+', raw[1:-1])
    if any(p in ("AND", "&&", "NOT") for p in parts):
        raise search_error("括弧の中では OR だけが使えます（例: tags:(a OR b)）。")
    return tuple(_unescape(p) for p in parts if p not in ("OR", "||"))


def _canonical(field: str, value: str) -> str:
    """Format and licence names match whatever their case (CKAN's Solr would need the exact case)."""
    known = {"res_format": FORMAT_LABELS.values(), "license_id": License.values}.get(field, ())
    return next((k for k in known if k.casefold() == value.casefold()), value)


def _bound(raw: str) -> dt.datetime | None:
    raw = _unescape(raw)
    if raw == "*":
        return None
    now = re.fullmatch(r"NOW(?:-(\d+)DAYS?)?", raw)
    if now:
        return timezone.now() - dt.timedelta(days=int(now.group(1) or 0))
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise search_error(f"日時「{raw}」を読み取れません（例: 2025-04-01T00:00:00Z）。") from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _condition(field: str, raw: str, negate: bool) -> _Condition:
    if field in _RANGE_FIELDS:
        found = re.fullmatch(r"[\[{]\s*(\S+)\s+TO\s+(\S+)\s*[\]}]", raw)
        if not found:
            raise search_error(f"{field} は範囲で指定してください（例: {field}:[2025-04-01T00:00:00Z TO *]）。")
        return _Condition(field, low=_bound(found.group(1)), high=_bound(found.group(2)), is_range=True, negate=negate)
    if field not in _MATCH_FIELDS:
        supported = ", ".join(sorted(_MATCH_FIELDS | _RANGE_FIELDS))
        raise search_error(f"項目「{field}」では絞り込めません（使える項目: {supported}）。")
    return _Condition(field, values=tuple(_canonical(field, v) for v in _values(raw)), negate=negate)


def _either(before: _Condition | None, after: _Condition) -> _Condition:
    """``field:a OR field:b`` is ``field:(a OR b)``; OR between different fields is beyond this search."""
    plain = before is not None and not (before.is_range or before.negate or after.is_range or after.negate)
    if before is None or not plain or before.field != after.field:
        raise search_error("fq の OR は同じ項目どうしでだけ使えます（例: organization:a OR organization:b）。")
    return _Condition(before.field, values=before.values + after.values)


def _parse_query(text: str, *, is_filter: bool) -> tuple[list[str], list[_Condition]]:
    """Split ``q`` or ``fq`` into free words and field conditions (Solr's syntax, the common subset)."""
    words: list[str] = []
    conditions: list[_Condition] = []
    negate_next = or_next = False
    for found in _TOKEN.finditer(text):
        keyword, field, word = found.group("keyword"), found.group("field"), found.group("word")
        if keyword in ("NOT",):
            negate_next = True
        elif keyword in ("OR", "||") and is_filter:
            or_next = True  # only between terms on one field (ckanext-harvest's organizations filter)
        elif field and (is_filter or field in _MATCH_FIELDS or field in _RANGE_FIELDS):
            negate = negate_next or found.group("sign") == "-"
            condition = _condition(field, found.group("value"), negate)
            if or_next:
                conditions.append(_either(conditions.pop() if conditions else None, condition))
            else:
                conditions.append(condition)
            negate_next = or_next = False
        elif field:  # q: title:…, notes:…, text:… and unknown fields search the text
            words.extend(_values(found.group("value")))
        elif word and word != "*:*":
            if is_filter:
                raise search_error(f"fq は「項目:値」の形で指定してください（「{word}」）。")
            words.append(_unescape(word))
    return words, conditions


def check_sort(sort: str) -> None:
    for clause in sort.split(","):
        field, _sep, direction = clause.strip().partition(" ")
        if field not in SORT_FIELDS or direction.strip().lower() not in ("", "asc", "desc"):
            raise search_error(f"「{clause.strip()}」では並べ替えられません。")


@dataclass
class Found:
    datasets: list[Dataset]
    count: int
    facets: dict[str, Counter[str]]
    version: tuple[Any, ...] | None = None  # the catalogue's version the datasets come from


def run_search(site: Site, *, q: str, fq: str, sort: str, start: int, rows: int) -> Found:
    """Run the search selector; terms it cannot express (ranges, NOT, a field twice) are applied here."""
    words, conditions = _parse_query(q, is_filter=False)
    conditions += _parse_query(fq, is_filter=True)[1]
    simple: dict[str, list[str]] = {}
    rest: list[_Condition] = []
    for condition in conditions:
        plain = condition.field in FACET_FIELDS and not condition.is_range and not condition.negate
        if plain and condition.field not in simple:
            simple[condition.field] = list(condition.values)
        else:
            rest.append(condition)
    query = " ".join(words)
    if not rest:
        result = selectors.search(q=query, filters=simple, sort=sort, start=start, rows=rows)
        return Found(result.datasets, result.count, result.facets, result.version)
    everything_found = selectors.search(q=query, filters=simple, sort=sort, start=0, rows=10**9)
    everything = everything_found.datasets
    matched = [d for d in everything if all(c.holds(d, site) for c in rest)]
    facets: dict[str, Counter[str]] = {f: Counter() for f in FACET_FIELDS}
    for dataset in matched:
        for facet, values in selectors.dataset_facets(dataset).items():
            facets[facet].update(values)
    return Found(matched[start : start + rows], len(matched), facets, everything_found.version)


def _facet_display_names(site: Site, field: str) -> Callable[[str], str]:
    if field == "groups":
        titles = {g.slug: g.title for g in selectors.groups()}
    elif field == "organization":
        titles = {d.code: d.full_name for d, _n in selectors.organizations()}
    elif field == "license_id":
        titles = {v: license_title(v) for v in License.values}
    else:
        titles = {}
    return lambda name: titles.get(name) or name


def facet_results(site: Site, found: Found, fields: list[str], limit: int, mincount: int) -> tuple[JsonDict, JsonDict]:
    facets: JsonDict = {}
    search_facets: JsonDict = {}
    for field in fields:
        counts = sorted(found.facets.get(field, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))
        counts = [(name, n) for name, n in counts if n >= mincount]
        if limit >= 0:
            counts = counts[:limit]
        facets[field] = dict(counts)
        display = _facet_display_names(site, field)
        items = [{"name": name, "display_name": display(name), "count": n} for name, n in counts]
        # CKAN sorts search_facets items by display name, descending, after the count-ordered facets.
        search_facets[field] = {"title": field, "items": sorted(items, key=lambda i: i["display_name"], reverse=True)}
    return facets, search_facets
