"""The open data catalogue's URLs: public, CKAN API and console (collected by the URL permission matrix)."""

from __future__ import annotations

from typing import Any

from cityhall.core.tests.url_matrix import POLICY, PUBLIC, STAFF, STAFF_POST, Case, UrlContext

CASES = {
    "ckan:action": Case("get", "ckan_action", PUBLIC),  # read-only API; writes answer 403 (test_ckan.py)
    "ckan-unversioned:action": Case("get", "ckan_action", PUBLIC),
    "opendata:index": Case("get", None, PUBLIC),
    "opendata:api_guide": Case("get", None, PUBLIC),
    "opendata:catalog_jsonld": Case("get", None, PUBLIC),
    "opendata:catalog_ttl": Case("get", None, PUBLIC),
    "opendata:dataset": Case("get", "od_slug", PUBLIC),
    "opendata:dataset_jsonld": Case("get", "od_slug", PUBLIC),
    "opendata:dataset_ttl": Case("get", "od_slug", PUBLIC),
    "opendata:download": Case("get", "od_resource", PUBLIC),
    "opendata:requests": Case("get", None, PUBLIC),
    "opendata:request_new": Case("get", None, PUBLIC),
    "opendata:request": Case("get", "od_request", PUBLIC),
    # The opendata module; the dataset belongs to the clerk's division.
    "console:opendata:list": Case("get", None, STAFF),
    "console:opendata:create": Case("get", None, STAFF),
    "console:opendata:detail": Case("get", "od_dataset", STAFF),
    "console:opendata:edit": Case("get", "od_dataset", STAFF),
    "console:opendata:state": Case("post", "od_dataset", STAFF_POST),  # no state given: refused with a message
    "console:opendata:upload": Case("get", "od_dataset", STAFF),
    "console:opendata:version_withdraw": Case("post", "od_version", STAFF_POST),  # the current version: refused
    "console:opendata:upload_detail": Case("get", "od_upload", STAFF),
    "console:opendata:upload_fix": Case("post", "od_upload", STAFF_POST),  # already published: refused
    "console:opendata:upload_confirm": Case("post", "od_upload", STAFF_POST),  # no column given: refused
    "console:opendata:upload_publish": Case("post", "od_upload", STAFF_POST),
    "console:opendata:upload_discard": Case("post", "od_upload", STAFF_POST),
    "console:opendata:upload_work": Case("get", "od_upload", STAFF),
    "console:opendata:requests": Case("get", None, STAFF),
    "console:opendata:demo_messy_file": Case("get", None, STAFF),
    "console:opendata:request_answer": Case("get", "od_request", STAFF),
    "console:opendata:usage": Case("get", None, STAFF),
    "console:opendata:usage_csv": Case("get", None, STAFF),
    "console:opendata:usage_year_csv": Case("get", "od_year", STAFF),
    "console:opendata:schemas": Case("get", None, POLICY),
    "console:opendata:schema_new": Case("get", None, POLICY),
    "console:opendata:schema_edit": Case("get", "od_schema", POLICY),
    "console:opendata:settings": Case("get", None, POLICY),
}


def objects(ctx: UrlContext) -> dict[str, dict[str, Any]]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cityhall.opendata import services
    from cityhall.opendata.models import DataRequest

    dataset = services.dataset_create(
        actor=ctx.clerk, slug="budget", title="予算", department=ctx.departments["citizens"]
    )
    upload = services.upload_create(
        actor=ctx.clerk, dataset=dataset, file=SimpleUploadedFile("budget.csv", "項目,金額\r\n歳入,100\r\n".encode())
    )
    upload = services.upload_publish(actor=ctx.clerk, upload=upload)
    dataset.refresh_from_db()
    assert dataset.current is not None
    request = DataRequest.objects.create(
        title="遊具", body="一覧がほしい", department=ctx.departments["citizens"], is_hidden=False
    )
    return {
        "od_slug": {"slug": "budget"},
        "od_dataset": {"dataset_id": dataset.pk},
        "od_upload": {"upload_id": upload.pk},
        "od_version": {"version_id": dataset.current_id},
        "od_resource": {"resource_id": dataset.current.resources.get(format="csv").pk, "filename": "budget.csv"},
        "od_request": {"pk": request.pk},
        "od_year": {"year": 2026},
        "od_schema": {"key": "public_toilets"},
        "ckan_action": {"name": "package_list"},
    }
