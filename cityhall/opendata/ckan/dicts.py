"""CKAN's dicts (package, resource, organization, group, tag) built from the catalogue's models."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from cityhall.core import selectors as core_selectors
from cityhall.core.models import Department
from cityhall.opendata import links, selectors
from cityhall.opendata.ckan.params import JsonDict
from cityhall.opendata.dcat import FREQUENCIES, MEDIA_TYPES
from cityhall.opendata.models import Dataset, DatasetVersion, Format, Frequency, Group, License, Resource

FORMAT_LABELS = {Format.CSV: "CSV", Format.JSON: "JSON", Format.GEOJSON: "GeoJSON", Format.XLSX: "XLSX"}


@dataclass(frozen=True)
class Site:
    """What every dict of one request needs: addresses and the publishing municipality."""

    base_url: str
    name: str
    code: str

    @classmethod
    def current(cls) -> Site:
        municipality = core_selectors.municipality_find()
        return cls(
            base_url=links.base_url(),
            name=municipality.name if municipality else "",
            code=municipality.code if municipality else "",
        )

    def uuid(self, kind: str, key: str) -> str:
        """A stable id for objects CKAN identifies by UUID but the catalogue by code (organisations, groups, tags)."""
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:cityhall:{self.code}:{kind}:{key}"))


def ckan_time(value: dt.datetime | None) -> str | None:
    """CKAN's timestamps: UTC, ISO 8601 without an offset."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat()


def license_title(license_id: str) -> str:
    try:
        return str(License(license_id).label)
    except ValueError:
        return license_id


def organization_dict(site: Site, department: Department, package_count: int | None = None) -> JsonDict:
    title = department.full_name
    data: JsonDict = {
        "id": site.uuid("organization", department.code),
        "name": department.code,
        "title": title,
        "display_name": title,
        "description": "",
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
        "image_display_url": "",
    }
    if package_count is not None:
        data["package_count"] = package_count
    return data


def group_dict(site: Site, group: Group, package_count: int | None = None) -> JsonDict:
    """A group as listed in a package (short) or by group_list/group_show (with package_count)."""
    data: JsonDict = {
        "id": site.uuid("group", group.slug),
        "name": group.slug,
        "title": group.title,
        "display_name": group.title,
        "description": group.description,
        "image_display_url": "",
    }
    if package_count is None:
        return data
    return {
        **data,
        "package_count": package_count,
        "type": "group",
        "is_organization": False,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
    }


def tag_dict(site: Site, tag: str) -> JsonDict:
    return {"id": site.uuid("tag", tag), "name": tag, "display_name": tag, "state": "active", "vocabulary_id": None}


def resource_dict(dataset: Dataset, version: DatasetVersion, resource: Resource, position: int) -> JsonDict:
    fmt = Format(resource.format)
    return {
        "id": str(resource.pk),
        "package_id": str(dataset.pk),
        "name": f"{dataset.title}（{FORMAT_LABELS[fmt]}）",
        "description": f"第{version.number}版・{version.rows}件",
        "format": FORMAT_LABELS[fmt],
        "url": links.download_url(resource),
        "mimetype": MEDIA_TYPES[fmt],
        "mimetype_inner": None,
        "size": resource.size,
        "hash": resource.sha256,
        "created": ckan_time(resource.created_at),
        "last_modified": ckan_time(resource.created_at),
        "metadata_modified": ckan_time(resource.created_at),
        "position": position,
        "url_type": None,
        "resource_type": None,
        "state": "active",
        "cache_url": None,
        "cache_last_updated": None,
        "datastore_active": False,
    }


def _extras(dataset: Dataset) -> list[JsonDict]:
    version = dataset.current
    standard = selectors.published_standard(dataset)
    extras = {
        "frequency": str(FREQUENCIES[Frequency(dataset.frequency)]),
        "update_frequency": dataset.get_frequency_display(),
        "contact": dataset.contact,
        "issued": ckan_time(dataset.published_at) or "",
        "standard_dataset": standard.name_ja if standard else "",
        "standard_dataset_key": standard.key if standard else "",
        "standard_dataset_edition": standard.edition if standard else "",
        "version_number": str(version.number) if version else "",
        "version_note": version.note if version else "",
        "record_count": str(version.rows) if version else "",
    }
    return [{"key": key, "value": value} for key, value in sorted(extras.items()) if value]


def package_dict(site: Site, dataset: Dataset) -> JsonDict:
    version = dataset.current
    resources = selectors.resources_of(version) if version else []
    if version is not None:
        # download_url() reads resource.version.dataset; the selector's prefetch leaves that one
        # relation uncached, which would cost a query per file of every dataset listed.
        version.dataset = dataset
    department = dataset.department
    return {
        "id": str(dataset.pk),
        "name": dataset.slug,
        "title": dataset.title,
        "notes": dataset.description,
        "url": links.dataset_url(dataset),
        "author": site.name,
        "author_email": None,
        "maintainer": dataset.contact or department.full_name,
        "maintainer_email": department.email or None,
        "license_id": dataset.license,
        "license_title": license_title(dataset.license),
        "license_url": dataset.license_url,
        "isopen": True,
        "version": str(version.number) if version else None,
        "metadata_created": ckan_time(dataset.created_at),
        "metadata_modified": ckan_time(dataset.updated_at),
        "state": "active",
        "type": "dataset",
        "private": False,
        "owner_org": site.uuid("organization", department.code),
        "creator_user_id": None,
        "organization": organization_dict(site, department),
        "groups": [group_dict(site, g) for g in dataset.groups.all()],
        "tags": [tag_dict(site, t) for t in dataset.tags],
        "num_tags": len(dataset.tags),
        "extras": _extras(dataset),
        "resources": [resource_dict(dataset, version, r, i) for i, r in enumerate(resources) if version],
        "num_resources": len(resources),
        "relationships_as_object": [],
        "relationships_as_subject": [],
    }
