"""Public pages of the open data catalogue: search, dataset pages, downloads, data requests."""

from __future__ import annotations

import csv
import io
import logging
from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from cityhall.core.decorators import public_when_anonymous
from cityhall.core.errors import NotFoundError
from cityhall.opendata import charts, formats, links, selectors, services
from cityhall.opendata.forms import DataRequestForm
from cityhall.opendata.models import DataRequest, Format

logger = logging.getLogger(__name__)
PAGE_SIZE = 20
PREVIEW_ROWS = 20
MAP_MAX_ROWS = 5000
CONTENT_TYPES = {
    Format.CSV: "text/csv; charset=utf-8",
    Format.JSON: "application/json",
    Format.GEOJSON: "application/geo+json",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_safe
@public_when_anonymous(60)
def index(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:200]
    filters: dict[str, list[str]] = {}
    for param, facet in (("group", "groups"), ("tag", "tags"), ("format", "res_format"), ("org", "organization")):
        value = request.GET.get(param, "")[:100]
        if value:
            filters[facet] = [value]
    result = selectors.search(q=q, filters=filters, sort=request.GET.get("sort", ""), start=0, rows=10_000)
    page = Paginator(result.datasets, PAGE_SIZE).get_page(request.GET.get("page"))
    departments = {d.code: d.name for d, _n in selectors.organizations()}
    return render(
        request,
        "opendata/index.html",
        {
            "q": q,
            "page": page,
            "count": result.count,
            "groups": selectors.groups(),
            "top_tags": result.facets.get("tags", Counter()).most_common(30),
            "org_name": departments.get(request.GET.get("org", ""), ""),
            "filters": {k: v for k, v in request.GET.items() if k in ("q", "group", "tag", "format", "org", "sort")},
            "totals": selectors.catalog_totals(),
            "contact": selectors.catalog_settings().contact,
        },
    )


def _preview(text: str) -> tuple[list[str], list[list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    rows = []
    for row in reader:
        rows.append(row)
        if len(rows) >= PREVIEW_ROWS:
            break
    return header, rows


@require_safe
@public_when_anonymous(60)
def dataset(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        found = selectors.dataset_published(slug=slug)
    except NotFoundError:
        raise Http404 from None
    version = found.current
    assert version is not None
    try:
        text = selectors.current_csv_text(found) if version.rows <= MAP_MAX_ROWS else selectors.current_csv_head(found)
    except OSError:  # the file is missing from storage: show the page without a preview
        logger.exception("open data file missing for dataset %s", found.slug)
        text = ""
    header, rows = _preview(text)
    standard = selectors.published_standard(found)
    schema = selectors.schema_of(standard) if standard else None
    points = formats.points(text, schema) if version.rows <= MAP_MAX_ROWS else []
    bbox = selectors.catalog_settings().bbox
    usage = selectors.usage_recent(days=30, dataset_id=found.pk)
    resources = selectors.resources_of(version)
    return render(
        request,
        "opendata/dataset.html",
        {
            "dataset": found,
            "version": version,
            "standard": standard,
            "resources": [(r, links.download_path(r)) for r in resources],
            "versions": [
                (v, [] if v.withdrawn_at else [(r, links.download_path(r)) for r in selectors.resources_of(v)])
                for v in selectors.versions_of(found)
                if v.pk != version.pk
            ],
            "header": header,
            "rows": rows,
            "map": charts.point_map(points, bbox, tiles_url=settings.CITYHALL_MAP_TILES_URL),
            "map_attribution": settings.CITYHALL_MAP_TILES_ATTRIBUTION,
            "point_count": len(points),
            "chart": charts.bar_chart(usage.days),
            "usage": usage,
            "api_base": links.base_url() + "/api/3/action/",
            "base": links.base_url(),
            "dataset_url": links.dataset_url(found),
        },
    )


@require_safe
def download(request: HttpRequest, resource_id: str, filename: str) -> HttpResponseBase:
    try:
        resource = selectors.resource_get(resource_id=resource_id)
    except NotFoundError:
        raise Http404 from None
    if filename != links.filename(resource):
        return redirect(links.download_path(resource))
    try:
        handle = resource.file.open("rb")
    except OSError:
        logger.exception("open data file missing: resource %s", resource.pk)
        raise Http404 from None
    if request.method == "GET":  # link checkers send HEAD: not a use of the data
        services.usage_record_request(request, dataset_id=resource.version.dataset_id, fmt=resource.format)
    response = FileResponse(
        handle,
        as_attachment=resource.format in (Format.CSV, Format.XLSX),
        filename=filename,
        content_type=CONTENT_TYPES.get(Format(resource.format), "application/octet-stream"),
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-store"
    return response


@require_safe
@public_when_anonymous(300)
def api_guide(request: HttpRequest) -> HttpResponse:
    example = selectors.published_datasets().first()
    return render(
        request,
        "opendata/api_guide.html",
        {"example": example, "api_base": links.base_url() + "/api/3/action/", "base": links.base_url()},
    )


@require_safe
def requests_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    page = Paginator(selectors.data_requests_public(status=status), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "opendata/requests.html",
        {"page": page, "status": status, "statuses": DataRequest.Status.choices, "filters": {"status": status}},
    )


REQUESTS_PER_HOUR = 5


def _too_many_requests(request: HttpRequest) -> bool:
    """At most REQUESTS_PER_HOUR data requests per address per hour (the address lives only in the cache)."""
    key = "opendata:request-rate:" + (request.META.get("REMOTE_ADDR") or "unknown")
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) > REQUESTS_PER_HOUR
    except ValueError:  # expired between add and incr
        return False


@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    form = DataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _too_many_requests(request):
        form.add_error(
            None, _("短い時間に多くのリクエストが送られました。1時間ほどたってから、もう一度お試しください。")
        )
        return render(request, "opendata/request_new.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.get("website"):  # a bot filled the hidden field: pretend it worked, store nothing
            messages.success(request, _("リクエストを受け付けました。"))
            return redirect("opendata:requests")  # the same answer a person gets, minus the number
        created = services.data_request_submit(
            title=data["title"], body=data["body"], requester_name=data["requester_name"], email=data["email"]
        )
        messages.success(
            request,
            _(
                "リクエストを受け付けました（受付番号 %(n)s）。担当者が内容を確認してから、この一覧に掲載して回答します。"
            )
            % {"n": created.pk},
        )
        return redirect("opendata:requests")
    return render(request, "opendata/request_new.html", {"form": form}, status=400 if form.errors else 200)


@require_safe
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        found = selectors.data_request_public(request_id=pk)
    except NotFoundError:
        raise Http404 from None
    return render(request, "opendata/request.html", {"item": found})
