"""Reads of the data requests (データ公開リクエスト): the public list and the staff one."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from cityhall.core.errors import NotFoundError
from cityhall.opendata.models import DataRequest
from cityhall.opendata.permissions import is_admin


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
