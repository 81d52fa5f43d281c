"""Console pages of an upload: sending a file, its problems and fixes, publishing or discarding it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.core.errors import DomainError, NotFoundError
from cityhall.core.htmx import is_htmx
from cityhall.opendata import permissions, selectors, services
from cityhall.opendata.console import GET_POST, managed_dataset, managed_upload
from cityhall.opendata.forms import ConfirmUnknownForm, PublishForm, UploadForm
from cityhall.opendata.models import Upload
from cityhall.opendata.validation import PROBLEM_LABELS

PROBLEMS_PER_PAGE = 50


@require_http_methods(GET_POST)
@staff_passes(permissions.can_use_console)
def upload(request: HttpRequest, dataset_id: Any) -> HttpResponse:
    dataset = managed_dataset(request, dataset_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.upload_create(
                actor=acting_user(request), dataset=dataset, file=form.cleaned_data["file"], request=request
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            return redirect("console:opendata:upload_detail", upload_id=created.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "opendata/console/upload.html", {"dataset": dataset, "form": form}, status=status)


@require_GET
@staff_passes(permissions.can_use_console)
def upload_detail(request: HttpRequest, upload_id: Any) -> HttpResponse:
    item = managed_upload(request, upload_id)
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
        "confirm_form": ConfirmUnknownForm(columns=item.columns_to_confirm, auto_id="confirm-%s"),
        "schema": selectors.schema_get(key=item.schema_key) if item.schema_key not in ("", "generic") else None,
        "untidy_header": item.status == Upload.Status.CHECKED and selectors.header_is_untidy(item),
    }
    if is_htmx(request) and request.GET.get("poll"):
        if item.status in (Upload.Status.PENDING, Upload.Status.PUBLISHING):
            return render(request, "opendata/console/_upload_wait.html", context)
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "opendata/console/upload_detail.html", context)


@require_POST
@staff_passes(permissions.can_use_console)
def upload_fix(request: HttpRequest, upload_id: Any) -> HttpResponse:
    item = managed_upload(request, upload_id)
    codes = request.POST.getlist("code")
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = -1
    try:
        services.upload_apply_fixes(
            actor=acting_user(request), upload=item, codes=codes or None, revision=revision, request=request
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("自動修正を適用して、もう一度検査しました。"))
    return redirect("console:opendata:upload_detail", upload_id=item.pk)


@require_POST
@staff_passes(permissions.can_use_console)
def upload_confirm(request: HttpRequest, upload_id: Any) -> HttpResponse:
    """Columns still 不明 confirmed as 該当なし in every row, with the reason."""
    item = managed_upload(request, upload_id)
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = -1
    try:
        services.upload_confirm_unknown(
            actor=acting_user(request),
            upload=item,
            columns=request.POST.getlist("column"),
            reason=request.POST.get("reason", ""),
            revision=revision,
            request=request,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("確認した内容と理由を記録して、もう一度検査しました。"))
    return redirect("console:opendata:upload_detail", upload_id=item.pk)


@require_POST
@staff_passes(permissions.can_use_console)
def upload_publish(request: HttpRequest, upload_id: Any) -> HttpResponse:
    item = managed_upload(request, upload_id)
    form = PublishForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.upload_publish(actor=acting_user(request), upload=item, note=note, request=request)
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
@staff_passes(permissions.can_use_console)
def upload_discard(request: HttpRequest, upload_id: Any) -> HttpResponse:
    item = managed_upload(request, upload_id)
    try:
        services.upload_discard(actor=acting_user(request), upload=item, request=request)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("console:opendata:upload_detail", upload_id=item.pk)
    messages.success(request, _("アップロードを取り消しました。"))
    return redirect("console:opendata:detail", dataset_id=item.dataset_id)


@require_GET
@staff_passes(permissions.can_use_console)
def upload_work(request: HttpRequest, upload_id: Any) -> HttpResponseBase:
    """The file as it is now (after fixes), for the clerk to check in Excel: UTF-8 with BOM, streamed."""
    item = managed_upload(request, upload_id)
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
@staff_passes(permissions.can_use_console)
def demo_messy_file(request: HttpRequest) -> HttpResponse:
    """In the demo only: a real-world style messy 公衆トイレ一覧 (CP932, odd headers) to try the fixes on."""
    from django.conf import settings

    if not getattr(settings, "CITYHALL_DEMO", False):
        raise NotFoundError("デモ環境でのみ使えます。")
    from cityhall.opendata.demo import messy

    response = HttpResponse(messy.messy_upload(), content_type="text/csv; charset=shift_jis")
    response["Content-Disposition"] = 'attachment; filename="toilets-messy.csv"'
    return response
