"""Staff console of the open data catalogue: datasets, uploads with problem lists and fixes, publishing,
data requests, dataset definitions and usage figures."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cityhall.core import selectors as core_selectors
from cityhall.core.decorators import staff_required
from cityhall.core.errors import DomainError, NotFoundError
from cityhall.core.fiscal_year import FiscalYear
from cityhall.opendata import charts, selectors, services
from cityhall.opendata.formats import neutralise_formula
from cityhall.opendata.forms import (
    AnswerForm,
    ColumnFormSet,
    DatasetForm,
    PublishForm,
    SchemaForm,
    SettingsForm,
    UploadForm,
)
from cityhall.opendata.models import Dataset, Upload, UsageDaily
from cityhall.opendata.permissions import can_manage, can_use_console, is_admin
from cityhall.opendata.validation import PROBLEM_LABELS

View = Callable[..., HttpResponseBase]
GET_POST = ["GET", "POST"]
PROBLEMS_PER_PAGE = 50


def console_required(view: View) -> View:
    @staff_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_use_console(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def admin_required(view: View) -> View:
    @staff_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_admin(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


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


# ------------------------------------------------------------------------------------------ datasets


@require_GET
@console_required
def dataset_list(request: HttpRequest) -> HttpResponse:
    datasets = selectors.datasets_for_staff(request.user)
    return render(
        request,
        "opendata/console/list.html",
        {"datasets": datasets, "all_departments": is_admin(request.user), "totals": selectors.catalog_totals()},
    )


@require_http_methods(GET_POST)
@console_required
def dataset_create(request: HttpRequest) -> HttpResponse:
    departments = _departments(request)
    form = DatasetForm(
        request.POST or None,
        departments=departments,
        initial={"department": getattr(request.user, "department_id", None)},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            dataset = services.dataset_create(
                actor=request.user,
                slug=data.pop("slug"),
                groups=data.pop("groups"),
                request=request,
                **data,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("データセットを登録しました。ファイルをアップロードしてください。"))
            return redirect("console:opendata:upload", dataset_id=dataset.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "opendata/console/dataset_form.html", {"form": form, "dataset": None}, status=status)


@require_http_methods(GET_POST)
@console_required
def dataset_edit(request: HttpRequest, dataset_id: Any) -> HttpResponse:
    dataset = _dataset(request, dataset_id)
    initial = {
        "title": dataset.title,
        "description": dataset.description,
        "department": dataset.department_id,
        "schema": dataset.schema_id,
        "groups": list(dataset.groups.all()),
        "tags": "、".join(dataset.tags),
        "license": dataset.license,
        "frequency": dataset.frequency,
        "contact": dataset.contact,
    }
    form = DatasetForm(request.POST or None, departments=_departments(request), editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.dataset_update(
                actor=request.user, dataset=dataset, groups=data.pop("groups"), request=request, **data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("データセットの情報を保存しました。"))
            return redirect("console:opendata:detail", dataset_id=dataset.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "opendata/console/dataset_form.html", {"form": form, "dataset": dataset}, status=status)


@require_GET
@console_required
def dataset_detail(request: HttpRequest, dataset_id: Any) -> HttpResponse:
    dataset = _dataset(request, dataset_id)
    usage = selectors.usage_recent(days=90, dataset_id=dataset.pk)
    return render(
        request,
        "opendata/console/detail.html",
        {
            "dataset": dataset,
            "uploads": selectors.uploads_of(dataset)[:20],
            "versions": selectors.versions_of(dataset),
            "usage": usage,
            "chart": charts.bar_chart(usage.days),
            "upload_form": UploadForm(),
        },
    )


@require_POST
@console_required
def dataset_state(request: HttpRequest, dataset_id: Any) -> HttpResponse:
    dataset = _dataset(request, dataset_id)
    try:
        services.dataset_set_state(
            actor=request.user, dataset=dataset, state=request.POST.get("state", ""), request=request
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if dataset.state == Dataset.State.WITHDRAWN:
            messages.success(request, _("公開を停止しました。カタログとAPIに表示されなくなります。"))
        else:
            messages.success(request, _("公開を再開しました。"))
    return redirect("console:opendata:detail", dataset_id=dataset.pk)


@require_POST
@console_required
def version_withdraw(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.version_get(version_id=version_id)
    if not can_manage(request.user, version.dataset.department_id):
        raise PermissionDenied
    try:
        services.version_withdraw(
            actor=request.user, version=version, reason=request.POST.get("reason", "")[:200], request=request
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("この版のファイルを取り下げました。公開サイトからダウンロードできなくなります。"))
    return redirect("console:opendata:detail", dataset_id=version.dataset_id)


# ------------------------------------------------------------------------------------------ uploads


@require_http_methods(GET_POST)
@console_required
def upload(request: HttpRequest, dataset_id: Any) -> HttpResponse:
    dataset = _dataset(request, dataset_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.upload_create(
                actor=request.user, dataset=dataset, file=form.cleaned_data["file"], request=request
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            return redirect("console:opendata:upload_detail", upload_id=created.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "opendata/console/upload.html", {"dataset": dataset, "form": form}, status=status)


@require_GET
@console_required
def upload_detail(request: HttpRequest, upload_id: Any) -> HttpResponse:
    item = _upload(request, upload_id)
    code = request.GET.get("code", "")
    problems = [p for p in item.problems if not code or p.get("code") == code]
    page = Paginator(problems, PROBLEMS_PER_PAGE).get_page(request.GET.get("page"))
    counts = sorted(item.counts.items(), key=lambda kv: -int(kv[1]))
    context = {
        "upload": item,
        "dataset": item.dataset,
        "page": page,
        "code": code,
        "filters": {"code": code} if code else {},
        "counts": [(c, PROBLEM_LABELS.get(c, c), n, int(item.fixable.get(c, 0))) for c, n in counts],
        "stored_all": len(item.problems) >= item.problem_count,
        "publish_form": PublishForm(),
        "schema": selectors.schema_get(key=item.schema_key) if item.schema_key not in ("", "generic") else None,
    }
    if request.htmx and request.GET.get("poll"):  # type: ignore[attr-defined]
        if item.status in (Upload.Status.PENDING, Upload.Status.PUBLISHING):
            return render(request, "opendata/console/_upload_wait.html", context)
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "opendata/console/upload_detail.html", context)


@require_POST
@console_required
def upload_fix(request: HttpRequest, upload_id: Any) -> HttpResponse:
    item = _upload(request, upload_id)
    codes = request.POST.getlist("code")
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = -1
    try:
        services.upload_apply_fixes(
            actor=request.user, upload=item, codes=codes or None, revision=revision, request=request
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("自動修正を適用して、もう一度検査しました。"))
    return redirect("console:opendata:upload_detail", upload_id=item.pk)


@require_POST
@console_required
def upload_publish(request: HttpRequest, upload_id: Any) -> HttpResponse:
    item = _upload(request, upload_id)
    form = PublishForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.upload_publish(actor=request.user, upload=item, note=note, request=request)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("console:opendata:upload_detail", upload_id=item.pk)
    item.refresh_from_db()
    if item.status == Upload.Status.PUBLISHED:
        messages.success(request, _("公開しました。CSV・JSON・Excel（位置情報があればGeoJSONも）を作成しました。"))
        return redirect("console:opendata:detail", dataset_id=item.dataset_id)
    messages.success(request, _("公開処理を始めました。大きなファイルは数分かかります。"))
    return redirect("console:opendata:upload_detail", upload_id=item.pk)


@require_POST
@console_required
def upload_discard(request: HttpRequest, upload_id: Any) -> HttpResponse:
    item = _upload(request, upload_id)
    try:
        services.upload_discard(actor=request.user, upload=item, request=request)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("console:opendata:upload_detail", upload_id=item.pk)
    messages.success(request, _("アップロードを取り消しました。"))
    return redirect("console:opendata:detail", dataset_id=item.dataset_id)


@require_GET
@console_required
def upload_work(request: HttpRequest, upload_id: Any) -> HttpResponseBase:
    """The file as it is now (after fixes), for the clerk to check in Excel: UTF-8 with BOM, streamed."""
    item = _upload(request, upload_id)
    if not item.work:
        raise NotFoundError("まだ検査が終わっていません。")
    try:
        handle = item.work.open("rb")
    except OSError:
        raise NotFoundError("ファイルが見つかりません。") from None

    def chunks() -> Iterator[bytes]:
        yield b"\xef\xbb\xbf"
        with handle:
            while block := handle.read(1 << 20):
                yield bytes(block)

    response = StreamingHttpResponse(chunks(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{item.dataset.slug}-r{item.revision}.csv"'
    return response


@require_GET
@console_required
def demo_messy_file(request: HttpRequest) -> HttpResponse:
    """In the demo only: a real-world style messy 公衆トイレ一覧 (CP932, odd headers) to try the fixes on."""
    from django.conf import settings

    if not getattr(settings, "CITYHALL_DEMO", False):
        raise NotFoundError("デモ環境でのみ使えます。")
    from cityhall.opendata import demo_data

    response = HttpResponse(demo_data.messy_upload(), content_type="text/csv; charset=shift_jis")
    response["Content-Disposition"] = 'attachment; filename="toilets-messy.csv"'
    return response


# ------------------------------------------------------------------------------------------ requests


@require_GET
@console_required
def request_list(request: HttpRequest) -> HttpResponse:
    items = selectors.data_requests_for_staff(request.user)
    page = Paginator(items, 30).get_page(request.GET.get("page"))
    return render(request, "opendata/console/requests.html", {"page": page, "filters": {}})


@require_http_methods(GET_POST)
@console_required
def request_answer(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.data_request_get(request_id=pk)
    if not (is_admin(request.user) or can_manage(request.user, item.department_id)):
        raise PermissionDenied
    form = AnswerForm(
        request.POST or None,
        departments=core_selectors.department_list() if is_admin(request.user) else None,
        initial={
            "status": item.status,
            "answer": item.answer,
            "department": item.department_id,
            "dataset": item.dataset_id,
            "is_hidden": item.is_hidden,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.data_request_answer(
                actor=request.user,
                data_request=item,
                status=data["status"],
                answer=data["answer"],
                department=data.get("department"),
                dataset=data["dataset"],
                is_hidden=data["is_hidden"],
                request=request,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("回答を保存しました。"))
            return redirect("console:opendata:requests")
    status = 400 if request.method == "POST" else 200
    return render(request, "opendata/console/request_answer.html", {"item": item, "form": form}, status=status)


# ------------------------------------------------------------------------------------------ usage


def _usage_scope(request: HttpRequest) -> int | None:
    """The department whose figures the user sees (None: all, for the ICT policy division)."""
    return None if is_admin(request.user) else (getattr(request.user, "department_id", None) or 0)


def _parse_day(value: str, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return default


@require_GET
@console_required
def usage(request: HttpRequest) -> HttpResponse:
    department_id = _usage_scope(request)
    today = timezone.localdate()
    recent = selectors.usage_recent(days=90, department_id=department_id)
    year = selectors.current_fiscal_year()
    raw_year = request.GET.get("year", "")
    if raw_year.isdigit() and 2000 <= int(raw_year) <= 2100:
        year = int(raw_year)
    summary = selectors.usage_fiscal_year(year, department_id=department_id)
    previous = selectors.usage_fiscal_year(year - 1, department_id=department_id)
    return render(
        request,
        "opendata/console/usage.html",
        {
            "recent": recent,
            "usage": recent,
            "chart": charts.bar_chart(recent.days),
            "summary": summary,
            "previous": previous,
            "year": year,
            "year_label": FiscalYear(year).label,
            "years": list(range(selectors.current_fiscal_year(), selectors.current_fiscal_year() - 5, -1)),
            "referrers": dict(UsageDaily.Referrer.choices),
            "today": today,
            "totals": selectors.catalog_totals(),
            "all_departments": department_id is None,
        },
    )


@require_GET
@console_required
def usage_csv(request: HttpRequest) -> HttpResponse:
    """Daily figures per dataset, format and referrer class between two days (default: the last 90)."""
    department_id = _usage_scope(request)
    today = timezone.localdate()
    end = _parse_day(request.GET.get("to", ""), today)
    if not dt.date(2000, 1, 1) <= end <= today + dt.timedelta(days=366):
        end = today
    start = _parse_day(request.GET.get("from", ""), end - dt.timedelta(days=89))
    if start > end or (end - start).days > 3660:
        start = end - dt.timedelta(days=89)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="opendata-usage-{start}-{end}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(["日付", "データセット", "URL名", "形式", "参照元", "回数"])
    referrers = dict(UsageDaily.Referrer.choices)
    for row in selectors.usage_rows(start=start, end=end, department_id=department_id):
        writer.writerow(
            [
                row["day"].isoformat(),
                neutralise_formula(row["title"] or "（カタログ全体）"),
                neutralise_formula(row["slug"] or ""),
                row["format"],
                str(referrers.get(row["referrer"], row["referrer"])),
                row["n"],
            ]
        )
    return response


@require_GET
@console_required
def usage_year_csv(request: HttpRequest, year: int) -> HttpResponse:
    """The yearly summary for the plan's evaluation: per dataset, downloads by format and API calls."""
    if not 2000 <= year <= 2100:
        raise NotFoundError("年度の指定が正しくありません。")
    department_id = _usage_scope(request)
    summary = selectors.usage_year_table(year, department_id=department_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="opendata-usage-fy{year}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(
        ["年度", "データセット", "URL名", "CSV", "Excel", "JSON", "GeoJSON", "ダウンロード計", "API", "合計"]
    )
    label = FiscalYear(year).label
    for title, slug, *numbers in summary:
        writer.writerow([label, neutralise_formula(title), neutralise_formula(slug), *numbers])
    return response


# ------------------------------------------------------------------------------------------ schemas


@require_GET
@admin_required
def schema_list(request: HttpRequest) -> HttpResponse:
    return render(request, "opendata/console/schemas.html", {"schemas": selectors.schema_definitions()})


@require_http_methods(GET_POST)
@admin_required
def schema_edit(request: HttpRequest, key: str = "") -> HttpResponse:
    definition = selectors.schema_get(key=key) if key else None
    initial: dict[str, Any] = {}
    columns_initial: list[dict[str, Any]] = []
    if definition is not None:
        initial = {
            "name_ja": definition.name_ja,
            "edition": definition.edition,
            "source": definition.source,
            "is_active": definition.is_active,
        }
        columns_initial = [
            {k: c.get(k, "") for k in ("name", "type", "required", "format", "physical_name", "english_name")}
            for c in definition.columns
        ]
    form = SchemaForm(request.POST or None, editing=definition is not None, initial=initial)
    formset = ColumnFormSet(request.POST or None, initial=columns_initial, prefix="col")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        old = {c.get("name"): c for c in (definition.columns if definition else [])}
        columns = []
        for column in formset.cleaned_data:
            if not column or column.get("DELETE") or not column.get("name"):
                continue
            kept = dict(old.get(column["name"], {}))  # descriptions, examples and notes stay as they were
            kept.update({k: v for k, v in column.items() if k != "DELETE"})
            kept["required"] = bool(column["required"])
            columns.append(kept)
        data = {**form.cleaned_data, "columns": columns}
        try:
            saved = services.schema_save(actor=request.user, definition=definition, data=data, request=request)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("データセット定義を保存しました。次のアップロードから使われます。"))
            return redirect("console:opendata:schema_edit", key=saved.key)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "opendata/console/schema_form.html",
        {"form": form, "formset": formset, "definition": definition},
        status=status,
    )


@require_http_methods(GET_POST)
@admin_required
def settings_edit(request: HttpRequest) -> HttpResponse:
    current = selectors.catalog_settings()
    form = SettingsForm(
        request.POST or None,
        initial={k: getattr(current, k) for k in ("min_lat", "min_lon", "max_lat", "max_lon", "contact")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.catalog_settings_update(actor=request.user, request=request, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("設定を保存しました。"))
            return redirect("console:opendata:settings")
    status = 400 if request.method == "POST" else 200
    return render(request, "opendata/console/settings.html", {"form": form}, status=status)
