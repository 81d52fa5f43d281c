"""A department's procedures: the list, new procedures, drafts, submitting for approval, 様式 files."""

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
from cityhall.procedures import permissions, selectors, services
from cityhall.procedures.console import GET_POST
from cityhall.procedures.forms import ContentForm, FileForm, NewProcedureForm
from cityhall.procedures.models import Channel, Procedure, ProcedureVersion


def _editable(request: HttpRequest, procedure_id: int) -> Procedure:
    procedure = selectors.procedure_get(procedure_id=procedure_id)
    if not permissions.can_edit(request.user, procedure.department_id):
        raise PermissionDenied
    return procedure


@require_GET
@staff_passes(permissions.can_use_console)
def staff_list(request: HttpRequest) -> HttpResponse:
    all_departments = permissions.is_admin(request.user)
    rows = selectors.procedures_for_staff(request.user, all_departments=all_departments)
    return render(request, "procedures/console/list.html", {"rows": rows, "all_departments": all_departments})


@require_http_methods(GET_POST)
@staff_passes(permissions.can_use_console)
def create(request: HttpRequest) -> HttpResponse:
    departments = selectors.departments_for_staff(request.user, all_departments=permissions.is_admin(request.user))
    form = NewProcedureForm(request.POST or None, departments=departments)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        slug, category, department = data.pop("slug"), data.pop("category"), data.pop("department")
        try:
            version = services.procedure_create(
                actor=acting_user(request),
                department=department,
                category=category,
                slug=slug,
                content=data,
                request=request,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("下書きを作成しました。内容を確認して承認を依頼してください。"))
            return redirect("console:procedures:edit", procedure_id=version.procedure_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "procedures/console/create.html", {"form": form}, status=status)


@require_http_methods(GET_POST)
@staff_passes(permissions.can_use_console)
def edit(request: HttpRequest, procedure_id: int) -> HttpResponse:
    procedure = _editable(request, procedure_id)
    current = selectors.open_version(procedure) or procedure.published
    form = ContentForm(request.POST or None, initial=ContentForm.initial_from(current))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.draft_save(
                    actor=acting_user(request), procedure=procedure, content=form.cleaned_data, request=request
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("下書きを保存しました。"))
                return redirect("console:procedures:edit", procedure_id=procedure.pk)
        status = 400
    return render(request, "procedures/console/edit.html", _edit_context(procedure, form), status=status)


def _edit_context(procedure: Procedure, form: ContentForm) -> dict[str, Any]:
    """The edit page shows the draft if there is one, else the published version, with its files and history."""
    draft = selectors.open_version(procedure)
    shown: ProcedureVersion | None = draft or procedure.published
    labels = dict(Channel.choices)
    return {
        "procedure": procedure,
        "form": form,
        "draft": draft,
        "file_form": FileForm(prefix="file"),
        "files": selectors.version_files(shown),
        "preview": shown,
        "preview_channels": [(labels.get(c["kind"], c["kind"]), c.get("note", "")) for c in shown.channels]
        if shown
        else [],
        "versions": selectors.version_history(procedure),
    }


@require_POST
@staff_passes(permissions.can_use_console)
def submit(request: HttpRequest, procedure_id: int) -> HttpResponse:
    procedure = _editable(request, procedure_id)
    draft = selectors.open_version(procedure)
    if draft is None:
        messages.error(request, _("承認を依頼する下書きがありません。"))
    else:
        try:
            services.version_submit(actor=acting_user(request), version=draft, request=request)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("課長に承認を依頼しました。"))
    return redirect("console:procedures:edit", procedure_id=procedure.pk)


@require_POST
@staff_passes(permissions.can_use_console)
def file_upload(request: HttpRequest, procedure_id: int) -> HttpResponse:
    procedure = _editable(request, procedure_id)
    form = FileForm(request.POST, request.FILES, prefix="file")
    if form.is_valid():
        try:
            services.file_add(
                actor=acting_user(request),
                procedure=procedure,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["upload"],
                request=request,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("様式を下書きに追加しました。承認されると公開されます。"))
    else:
        messages.error(request, _("様式名とファイルを指定してください。"))
    return redirect("console:procedures:edit", procedure_id=procedure.pk)


@require_POST
@staff_passes(permissions.can_use_console)
def file_remove(request: HttpRequest, procedure_id: int, stored_id: int) -> HttpResponse:
    procedure = _editable(request, procedure_id)
    try:
        services.file_remove(actor=acting_user(request), procedure=procedure, stored_id=stored_id, request=request)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("様式を下書きから外しました。承認されると公開ページからも消えます。"))
    return redirect("console:procedures:edit", procedure_id=procedure.pk)
