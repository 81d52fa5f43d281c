"""Reads for the staff console: the datasets and departments a staff member manages, uploads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.utils import timezone

from cityhall.core import selectors as core_selectors
from cityhall.core.errors import NotFoundError
from cityhall.core.models import Department
from cityhall.opendata.models import Dataset, Upload
from cityhall.opendata.permissions import is_admin


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


def stuck_uploads(*, older_than: dt.timedelta) -> QuerySet[Upload]:
    cutoff = timezone.now() - older_than
    return Upload.objects.filter(
        status__in=[Upload.Status.PENDING, Upload.Status.PUBLISHING], status_changed_at__lt=cutoff
    ).order_by("status_changed_at")


def upload_work_text(upload: Upload) -> str:
    """The upload's working copy (after fixes), as text."""
    with default_storage.open(upload.work.name, "rb") as handle:
        return bytes(handle.read()).decode("utf-8")
