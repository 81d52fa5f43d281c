"""Staff console of the open data catalogue: datasets, uploads with problem lists and fixes, publishing,
data requests, dataset definitions and usage figures.

The pages are in the submodules (`datasets`, `uploads`, `data_requests`, `usage`, `schemas`), wired in
`console/urls.py` and each decorated with `staff_passes(permissions.<predicate>)`; this module holds
the object-level checks they share.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from cityhall.opendata import permissions, selectors
from cityhall.opendata.models import Dataset, Upload

GET_POST = ["GET", "POST"]


def managed_dataset(request: HttpRequest, dataset_id: Any) -> Dataset:
    """The dataset, if the signed-in staff member may manage it (else PermissionDenied; NotFoundError if none)."""
    dataset = selectors.dataset_get(dataset_id=dataset_id)
    if not permissions.can_manage(request.user, dataset.department_id):
        raise PermissionDenied
    return dataset


def managed_upload(request: HttpRequest, upload_id: Any) -> Upload:
    """The upload, if the signed-in staff member may manage its dataset (else PermissionDenied)."""
    upload = selectors.upload_get(upload_id=upload_id)
    if not permissions.can_manage(request.user, upload.dataset.department_id):
        raise PermissionDenied
    return upload
