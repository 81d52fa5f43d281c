"""Read use cases of the open data catalogue: the public catalogue, search, usage figures, schemas."""

from __future__ import annotations

import datetime as dt
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import Count, F, Max, Prefetch, QuerySet, Sum
from django.utils import timezone

from cityhall.core import selectors as core_selectors
from cityhall.core.errors import NotFoundError
from cityhall.core.fiscal_year import FiscalYear
from cityhall.core.models import Department
from cityhall.core.readings import reading
from cityhall.core.search import SearchDocument, SearchIndex
from cityhall.opendata.models import (
    CatalogSettings,
    DataRequest,
    Dataset,
    DatasetVersion,
    Format,
    Group,
    Resource,
    SchemaDefinition,
    Upload,
    UsageDaily,
)
from cityhall.opendata.permissions import is_admin
from cityhall.opendata.validation import ColumnRule, Schema, map_header
from cityhall.opendata.validation.schema import schema_from_entry

FORMAT_ORDER = [Format.CSV, Format.XLSX, Format.JSON, Format.GEOJSON]


def catalog_settings() -> CatalogSettings:
    settings, _created = CatalogSettings.objects.get_or_create(pk=1)
    return settings


# ------------------------------------------------------------------------------------------ schemas


def schema_of(definition: SchemaDefinition) -> Schema:
    return schema_from_entry(
        definition.key,
        {
            "name_ja": definition.name_ja,
            "edition": definition.edition,
            "status": definition.status,
            "columns": definition.columns,
        },
    )


def schema_family(definition: SchemaDefinition) -> dict[str, Schema]:
    """The definition and its other edition (current ↔ legacy), so either column scheme is accepted."""
    base = definition.key.removesuffix("_legacy")
    rows = SchemaDefinition.objects.filter(key__in=[base, f"{base}_legacy"], is_active=True)
    family = {row.key: schema_of(row) for row in rows}
    family[definition.key] = schema_of(definition)
    return family


def generic_schema(header: Sequence[str]) -> Schema:
    """For datasets outside the standard: every column is optional text (duplicates and formulas still found)."""
    seen: list[str] = []
    for cell in header:
        name = unicodedata.normalize("NFKC", cell.replace("\ufeff", "")).strip()
        if name and name not in seen:
            seen.append(name)
    return Schema(
        key="generic",
        name_ja="（標準データセット以外）",
        edition="",
        status="",
        columns=tuple(ColumnRule(name=n, kind="string", required=False) for n in seen),
    )


def published_standard(dataset: Dataset) -> SchemaDefinition | None:
    """The definition the published data follows: that of the current version's file (its header's edition,
    current or legacy), not the one the dataset was created with; None for data outside the standard."""
    return dataset.current.schema if dataset.current is not None else None


def schema_definitions() -> QuerySet[SchemaDefinition]:
    return SchemaDefinition.objects.order_by("edition", "name_ja")


def schema_get(*, key: str) -> SchemaDefinition:
    try:
        return SchemaDefinition.objects.get(key=key)
    except SchemaDefinition.DoesNotExist:
        raise NotFoundError("データセット定義が見つかりません。") from None


# ------------------------------------------------------------------------------------------ catalogue


def groups() -> QuerySet[Group]:
    return Group.objects.order_by("sort_order", "slug")


def group_get(*, slug: str) -> Group:
    try:
        return Group.objects.get(slug=slug)
    except Group.DoesNotExist:
        raise NotFoundError("分類が見つかりません。") from None


def _with_current(qs: QuerySet[Dataset]) -> QuerySet[Dataset]:
    return qs.select_related("department__parent", "current__dataset", "current__schema", "schema").prefetch_related(
        "groups", Prefetch("current__resources", queryset=Resource.objects.order_by("format"))
    )


def published_datasets() -> QuerySet[Dataset]:
    return _with_current(Dataset.objects.filter(state=Dataset.State.PUBLISHED, current__isnull=False)).order_by("title")


def dataset_published(*, slug: str) -> Dataset:
    dataset = published_datasets().filter(slug=slug).first()
    if dataset is None:
        raise NotFoundError("データセットが見つかりません。")
    return dataset


def dataset_published_by_id_or_name(ident: str) -> Dataset:
    qs = published_datasets()
    dataset = qs.filter(slug=ident).first()
    if dataset is None:
        try:
            dataset = qs.filter(pk=ident).first()
        except ValidationError:  # not a UUID
            dataset = None
    if dataset is None:
        raise NotFoundError("データセットが見つかりません。")
    return dataset


def resources_of(version: DatasetVersion) -> list[Resource]:
    order = {fmt: i for i, fmt in enumerate(FORMAT_ORDER)}
    return sorted(version.resources.all(), key=lambda r: order.get(Format(r.format), 99))


def resource_get(*, resource_id: Any, public: bool = True) -> Resource:
    qs = Resource.objects.select_related("version__dataset__department")
    try:
        resource = qs.get(pk=resource_id)
    except (Resource.DoesNotExist, ValidationError, ValueError):
        raise NotFoundError("ファイルが見つかりません。") from None
    if public and (not resource.version.dataset.is_public or resource.version.withdrawn_at is not None):
        raise NotFoundError("ファイルが見つかりません。")
    return resource


def versions_of(dataset: Dataset) -> QuerySet[DatasetVersion]:
    return dataset.versions.select_related("published_by", "upload").prefetch_related("resources").order_by("-number")


def version_get(*, version_id: int) -> DatasetVersion:
    try:
        return DatasetVersion.objects.select_related("dataset").get(pk=version_id)
    except DatasetVersion.DoesNotExist:
        raise NotFoundError("版が見つかりません。") from None


def read_resource_text(resource: Resource) -> str:
    with default_storage.open(resource.file.name, "rb") as handle:
        return bytes(handle.read()).decode("utf-8-sig")


def current_csv_head(dataset: Dataset, *, limit: int = 262_144) -> str:
    """The first `limit` bytes of the current CSV, cut at the last complete line (for previews of big files)."""
    if dataset.current is None:
        return ""
    for resource in dataset.current.resources.all():
        if resource.format == Format.CSV:
            with default_storage.open(resource.file.name, "rb") as handle:
                head = bytes(handle.read(limit))
            text = head.decode("utf-8-sig", errors="ignore")
            return text if len(head) < limit else text[: text.rfind("\n") + 1]
    return ""


def current_csv_text(dataset: Dataset) -> str:
    if dataset.current is None:
        return ""
    for resource in dataset.current.resources.all():
        if resource.format == Format.CSV:
            return read_resource_text(resource)
    return ""


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


def tag_list() -> list[str]:
    tags: set[str] = set()
    for tags_of in Dataset.objects.filter(state=Dataset.State.PUBLISHED, current__isnull=False).values_list(
        "tags", flat=True
    ):
        tags.update(tags_of or [])
    return sorted(tags)


def organizations() -> list[tuple[Any, int]]:
    """Departments that publish data, with their number of published datasets."""
    counts = Counter(
        Dataset.objects.filter(state=Dataset.State.PUBLISHED, current__isnull=False).values_list(
            "department_id", flat=True
        )
    )
    return [(d, counts[d.pk]) for d in core_selectors.department_list() if counts[d.pk]]


# ------------------------------------------------------------------------------------------ staff


def datasets_for_staff(user: Any) -> QuerySet[Dataset]:
    qs = Dataset.objects.select_related("department", "current", "schema").order_by("department__sort_order", "title")
    if not is_admin(user):
        qs = qs.filter(department_id=getattr(user, "department_id", None) or 0)
    return qs


def departments_for_staff(user: Any) -> QuerySet[Department]:
    """The departments `user` may register datasets for: every one for the ICT policy division, else their own."""
    departments = core_selectors.department_list()
    if not is_admin(user):
        departments = departments.filter(pk=getattr(user, "department_id", None) or 0)
    return departments


def dataset_get(*, dataset_id: Any) -> Dataset:
    try:
        return Dataset.objects.select_related("department", "current", "schema").get(pk=dataset_id)
    except (Dataset.DoesNotExist, ValidationError, ValueError):
        raise NotFoundError("データセットが見つかりません。") from None


def upload_get(*, upload_id: Any) -> Upload:
    try:
        return Upload.objects.select_related("dataset__department", "dataset__schema", "uploaded_by").get(pk=upload_id)
    except (Upload.DoesNotExist, ValidationError, ValueError):
        raise NotFoundError("アップロードが見つかりません。") from None


def uploads_of(dataset: Dataset) -> QuerySet[Upload]:
    return dataset.uploads.select_related("uploaded_by").order_by("-created_at")


def header_is_untidy(upload: Upload) -> bool:
    """True when the file's header differs from the standard's names or order (numbered, 半角カナ or English
    headers, columns moved, unknown columns in between): the clerk is offered to tidy it before publishing."""
    if upload.schema_key in ("", "generic") or not upload.header:
        return False
    definition = SchemaDefinition.objects.filter(key=upload.schema_key).first()
    if definition is None:
        return False
    schema = schema_of(definition)
    mapped = map_header(upload.header, schema)
    known = [name for name in mapped if name is not None]
    order = {rule.name: i for i, rule in enumerate(schema.columns)}
    renamed = any(name is not None and name != cell for cell, name in zip(upload.header, mapped, strict=True))
    moved = [order[name] for name in known] != sorted(order[name] for name in known)
    unknown_inside = None in mapped[: len(known)] if known else False
    return renamed or moved or unknown_inside


def stuck_uploads(*, older_than: dt.timedelta) -> QuerySet[Upload]:
    cutoff = timezone.now() - older_than
    return Upload.objects.filter(
        status__in=[Upload.Status.PENDING, Upload.Status.PUBLISHING], status_changed_at__lt=cutoff
    ).order_by("status_changed_at")


# ------------------------------------------------------------------------------------------ requests


def data_requests_public(*, status: str = "") -> QuerySet[DataRequest]:
    """The requests shown on the public list; only those in `status` when it is one of DataRequest.Status."""
    qs = DataRequest.objects.filter(is_hidden=False).select_related("dataset", "department")
    if status in DataRequest.Status.values:
        qs = qs.filter(status=status)
    return qs


def data_request_public(*, request_id: int) -> DataRequest:
    found = data_requests_public().filter(pk=request_id).first()
    if found is None:
        raise NotFoundError("リクエストが見つかりません。")
    return found


def data_requests_for_staff(user: Any) -> QuerySet[DataRequest]:
    qs = DataRequest.objects.select_related("dataset", "department").order_by("status", "-created_at")
    if not is_admin(user):
        qs = qs.filter(department_id=getattr(user, "department_id", None) or 0)
    return qs


def data_request_get(*, request_id: int) -> DataRequest:
    try:
        return DataRequest.objects.select_related("dataset", "department").get(pk=request_id)
    except DataRequest.DoesNotExist:
        raise NotFoundError("リクエストが見つかりません。") from None


# ------------------------------------------------------------------------------------------ usage


@dataclass
class UsageSummary:
    start: dt.date
    end: dt.date
    days: list[tuple[dt.date, int, int]]  # (day, downloads, api calls)
    by_format: dict[str, int]
    by_referrer: dict[str, int]
    by_dataset: list[tuple[Any, str, int, int]]  # (dataset id, title, downloads, api calls)

    @property
    def downloads(self) -> int:
        return sum(d for _day, d, _a in self.days)

    @property
    def api_calls(self) -> int:
        return sum(a for _day, _d, a in self.days)

    @property
    def peak(self) -> int:
        return max([d + a for _day, d, a in self.days] or [0])


def usage(*, start: dt.date, end: dt.date, dataset_id: Any = None, department_id: int | None = None) -> UsageSummary:
    """Downloads and API calls between `start` and `end` (inclusive), for one dataset, a department or all."""
    qs = UsageDaily.objects.filter(day__gte=start, day__lte=end)
    if dataset_id is not None:
        qs = qs.filter(dataset_id=dataset_id)
    if department_id is not None:
        qs = qs.filter(dataset__department_id=department_id)
    per_day: dict[dt.date, list[int]] = {start + dt.timedelta(days=i): [0, 0] for i in range((end - start).days + 1)}
    by_format: Counter[str] = Counter()
    by_referrer: Counter[str] = Counter()
    by_dataset: dict[Any, list[int]] = defaultdict(lambda: [0, 0])
    for row in qs.values("day", "format", "referrer", "dataset_id").annotate(n=Sum("count")):
        is_api = row["format"] == "api"
        per_day[row["day"]][1 if is_api else 0] += row["n"]
        by_format[row["format"]] += row["n"]
        by_referrer[row["referrer"]] += row["n"]
        if row["dataset_id"] is not None:
            by_dataset[row["dataset_id"]][1 if is_api else 0] += row["n"]
    titles = dict(Dataset.objects.filter(pk__in=list(by_dataset)).values_list("pk", "title"))
    ranked = sorted(
        ((pk, titles.get(pk, ""), d, a) for pk, (d, a) in by_dataset.items()), key=lambda r: (-(r[2] + r[3]), r[1])
    )
    return UsageSummary(
        start=start,
        end=end,
        days=[(day, d, a) for day, (d, a) in sorted(per_day.items())],
        by_format=dict(by_format),
        by_referrer=dict(by_referrer),
        by_dataset=ranked,
    )


def usage_recent(*, days: int = 30, dataset_id: Any = None, department_id: int | None = None) -> UsageSummary:
    end = timezone.localdate()
    return usage(start=end - dt.timedelta(days=days - 1), end=end, dataset_id=dataset_id, department_id=department_id)


def usage_fiscal_year(year: int, *, department_id: int | None = None) -> UsageSummary:
    """A 年度 (April to March) of usage: the yearly summary for the plan's evaluation."""
    fiscal = FiscalYear(year)
    return usage(start=fiscal.starts_on, end=fiscal.ends_on, department_id=department_id)


def current_fiscal_year() -> int:
    return FiscalYear.current().year


def catalog_totals() -> dict[str, int]:
    published = Dataset.objects.filter(state=Dataset.State.PUBLISHED, current__isnull=False)
    return {
        "datasets": published.count(),
        "standard": published.filter(schema__isnull=False).count(),
        "requests_open": DataRequest.objects.filter(
            status__in=[DataRequest.Status.RECEIVED, DataRequest.Status.REVIEWING]
        ).count(),
    }


def usage_rows(*, start: dt.date, end: dt.date, department_id: int | None = None) -> list[dict[str, Any]]:
    """Daily rows (day, title, slug, format, referrer, n) for the CSV export."""
    qs = UsageDaily.objects.filter(day__gte=start, day__lte=end)
    if department_id is not None:
        qs = qs.filter(dataset__department_id=department_id)
    return list(
        qs.values("day", "format", "referrer", title=F("dataset__title"), slug=F("dataset__slug"))
        .annotate(n=Sum("count"))
        .order_by("day", "slug", "format", "referrer")
    )


def usage_year_table(year: int, *, department_id: int | None = None) -> list[list[Any]]:
    """Per dataset for a 年度: title, slug, CSV, XLSX, JSON, GeoJSON, downloads, API, total (most used first)."""
    fiscal = FiscalYear(year)
    qs = UsageDaily.objects.filter(day__gte=fiscal.starts_on, day__lte=fiscal.ends_on, dataset__isnull=False)
    if department_id is not None:
        qs = qs.filter(dataset__department_id=department_id)
    table: dict[Any, dict[str, Any]] = {}
    for row in qs.values("dataset_id", "format", title=F("dataset__title"), slug=F("dataset__slug")).annotate(
        n=Sum("count")
    ):
        entry = table.setdefault(row["dataset_id"], {"title": row["title"], "slug": row["slug"], "by": Counter()})
        entry["by"][row["format"]] += row["n"]
    rows = []
    for entry in table.values():
        by = entry["by"]
        downloads = sum(n for fmt, n in by.items() if fmt != "api")
        rows.append(
            [entry["title"], entry["slug"], by["csv"], by["xlsx"], by["json"], by["geojson"], downloads, by["api"],
             downloads + by["api"]]
        )  # fmt: skip
    rows.sort(key=lambda r: (-r[-1], r[0]))
    return rows
