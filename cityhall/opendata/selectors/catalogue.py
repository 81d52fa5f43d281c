"""Reads of the published catalogue: settings, groups, datasets, versions, files and their text."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import Prefetch, QuerySet

from cityhall.core import selectors as core_selectors
from cityhall.core.errors import NotFoundError
from cityhall.opendata.models import CatalogSettings, Dataset, DatasetVersion, Format, Group, Resource

FORMAT_ORDER = [Format.CSV, Format.XLSX, Format.JSON, Format.GEOJSON]


def catalog_settings() -> CatalogSettings:
    settings, _created = CatalogSettings.objects.get_or_create(pk=1)
    return settings


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
