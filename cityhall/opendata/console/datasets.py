"""Console pages of a dataset: the list, registering and editing, its state and its versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.core.errors import DomainError
from cityhall.opendata import charts, permissions, selectors, services
from cityhall.opendata.console import GET_POST, managed_dataset
from cityhall.opendata.forms import DatasetForm, UploadForm
from cityhall.opendata.models import Dataset


@require_GET
@staff_passes(permissions.can_use_console)
def dataset_list(request: HttpRequest) -> HttpResponse:
    datasets = selectors.datasets_for_staff(request.user)
    return render(
        request,
        "opendata/console/list.html",
        {
            "datasets": datasets,
            "all_departments": permissions.is_admin(request.user),
            "totals": selectors.catalog_totals(),
        },
    )


@require_http_methods(GET_POST)
@staff_passes(permissions.can_use_console)
def dataset_create(request: HttpRequest) -> HttpResponse:
    departments = selectors.departments_for_staff(request.user)
    form = DatasetForm(
        request.POST or None,
        departments=departments,
        initial={"department": getattr(request.user, "department_id", None)},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            dataset = services.dataset_create(
                actor=acting_user(request),
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
@staff_passes(permissions.can_use_console)
def dataset_edit(request: HttpRequest, dataset_id: Any) -> HttpResponse:
    dataset = managed_dataset(request, dataset_id)
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
    form = DatasetForm(
        request.POST or None, departments=selectors.departments_for_staff(request.user), editing=True, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.dataset_update(
                actor=acting_user(request), dataset=dataset, groups=data.pop("groups"), request=request, **data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("データセットの情報を保存しました。"))
            return redirect("console:opendata:detail", dataset_id=dataset.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "opendata/console/dataset_form.html", {"form": form, "dataset": dataset}, status=status)


@require_GET
@staff_passes(permissions.can_use_console)
def dataset_detail(request: HttpRequest, dataset_id: Any) -> HttpResponse:
    dataset = managed_dataset(request, dataset_id)
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
@staff_passes(permissions.can_use_console)
def dataset_state(request: HttpRequest, dataset_id: Any) -> HttpResponse:
    dataset = managed_dataset(request, dataset_id)
    try:
        services.dataset_set_state(
            actor=acting_user(request), dataset=dataset, state=request.POST.get("state", ""), request=request
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
@staff_passes(permissions.can_use_console)
def version_withdraw(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.version_get(version_id=version_id)
    if not permissions.can_manage(request.user, version.dataset.department_id):
        raise PermissionDenied
    try:
        services.version_withdraw(
            actor=acting_user(request), version=version, reason=request.POST.get("reason", "")[:200], request=request
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("この版のファイルを取り下げました。公開サイトからダウンロードできなくなります。"))
    return redirect("console:opendata:detail", dataset_id=version.dataset_id)
