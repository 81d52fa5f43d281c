"""Staff console of the open data catalogue: datasets, uploads with problem lists and fixes, publishing,
data requests, dataset definitions and usage figures.

The pages are in the submodules (`datasets`, `uploads`, `data_requests`, `usage`, `schemas`), wired in
`cityhall/opendata/console_urls.py`; this module holds the checks they share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from cityhall.core import selectors as core_selectors
from cityhall.core.decorators import staff_passes
from cityhall.opendata import selectors
from cityhall.opendata.models import Dataset, Upload
from cityhall.opendata.permissions import can_manage, can_use_console, is_admin

View = Callable[..., HttpResponseBase]
GET_POST = ["GET", "POST"]


console_required = staff_passes(can_use_console)


admin_required = staff_passes(is_admin)


def _dataset(request: HttpRequest, dataset_id: Any) -> Dataset:
    dataset = selectors.dataset_get(dataset_id=dataset_id)
    if not can_manage(request.user, dataset.department_id):
        raise PermissionDenied
    return dataset


def _upload(request: HttpRequest, upload_id: Any) -> Upload:
    upload = selectors.upload_get(upload_id=upload_id)
    if not can_manage(request.user, upload.dataset.department_id):
        raise PermissionDenied
    return upload


def _departments(request: HttpRequest) -> Any:
    departments = core_selectors.department_list()
    if not is_admin(request.user):
        departments = departments.filter(pk=getattr(request.user, "department_id", None) or 0)
    return departments
