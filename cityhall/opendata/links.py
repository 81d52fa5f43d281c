"""Public addresses of catalogue objects, shared by the pages, the CKAN API and the DCAT metadata."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from cityhall.opendata.models import Dataset, Resource


def base_url() -> str:
    return str(settings.CITYHALL_BASE_URL).rstrip("/")


def filename(resource: Resource) -> str:
    version = resource.version
    dataset = version.dataset
    suffix = "" if dataset.current_id == version.pk else f"-v{version.number}"
    return f"{dataset.slug}{suffix}.{resource.format}"


def download_path(resource: Resource) -> str:
    return reverse("opendata:download", kwargs={"resource_id": resource.pk, "filename": filename(resource)})


def download_url(resource: Resource) -> str:
    """Absolute address, for the API and the metadata (pages link with download_path)."""
    return base_url() + download_path(resource)


def dataset_url(dataset: Dataset) -> str:
    return base_url() + reverse("opendata:dataset", kwargs={"slug": dataset.slug})
