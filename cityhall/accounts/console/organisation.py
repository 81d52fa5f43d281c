"""The organisation chart's pages: 部・課 and staff."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cityhall.accounts import selectors, services
from cityhall.accounts.console import FORM_METHODS, invalid, refuse
from cityhall.accounts.forms import (
    DepartmentForm,
    StaffForm,
)
from cityhall.core import selectors as core_selectors
from cityhall.core import services as core_services
from cityhall.core.actors import acting_user
from cityhall.core.decorators import module_required
from cityhall.core.errors import DomainError
from cityhall.core.permissions import ORGANISATION


@require_GET
@module_required(ORGANISATION)
def org_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/org_home.html",
        {
            "departments": core_selectors.department_list(include_inactive=True),
        },
    )


@require_http_methods(FORM_METHODS)
@module_required(ORGANISATION)
def department_create(request: HttpRequest) -> HttpResponse:
    form = DepartmentForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                core_services.department_create(
                    actor=acting_user(request),
                    municipality=core_selectors.municipality_get(),
                    data=form.cleaned_data,
                    request=request,
                )
            except DomainError as error:
                refuse(form, error)
            else:
                messages.success(request, _("組織を登録しました。"))
                return redirect("console:org:home")
        return invalid(request, "accounts/form_page.html", {"form": form, "title": _("組織の登録")})
    return render(request, "accounts/form_page.html", {"form": form, "title": _("組織の登録")})


@require_http_methods(FORM_METHODS)
@module_required(ORGANISATION)
def department_edit(request: HttpRequest, department_id: int) -> HttpResponse:
    department = core_selectors.department_get(department_id=department_id)
    form = DepartmentForm(request.POST or None, instance=department)
    context = {"form": form, "title": _("組織の編集：%(name)s") % {"name": department.name}}
    if request.method == "POST":
        if form.is_valid():
            try:
                core_services.department_update(
                    actor=acting_user(request), department=department, data=form.cleaned_data, request=request
                )
            except DomainError as error:
                refuse(form, error)
            else:
                messages.success(request, _("組織を更新しました。"))
                return redirect("console:org:home")
        return invalid(request, "accounts/form_page.html", context)
    return render(request, "accounts/form_page.html", context)


@require_POST
@module_required(ORGANISATION)
def department_toggle(request: HttpRequest, department_id: int) -> HttpResponse:
    department = core_selectors.department_get(department_id=department_id)
    core_services.department_set_active(
        actor=acting_user(request), department=department, is_active=not department.is_active, request=request
    )
    messages.success(request, _("組織の状態を変更しました。"))
    return redirect("console:org:home")


@require_GET
@module_required(ORGANISATION)
def staff_list(request: HttpRequest) -> HttpResponse:
    staff = selectors.staff_list(include_inactive=True)
    return render(request, "accounts/staff_list.html", {"staff": staff})


@require_http_methods(FORM_METHODS)
@module_required(ORGANISATION)
def staff_create(request: HttpRequest) -> HttpResponse:
    form = StaffForm(request.POST or None)
    context = {"form": form, "title": _("職員の登録")}
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            roles = list(data.pop("roles"))
            try:
                services.staff_create(
                    actor=acting_user(request), email=data.pop("email"), data=data, roles=roles, request=request
                )
            except DomainError as error:
                refuse(form, error)
            else:
                messages.success(request, _("職員を登録し、パスワード設定の案内メールを送りました。"))
                return redirect("console:org:staff_list")
        return invalid(request, "accounts/form_page.html", context)
    return render(request, "accounts/form_page.html", context)


@require_http_methods(FORM_METHODS)
@module_required(ORGANISATION)
def staff_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    staff = selectors.staff_get(user_id=user_id)
    initial = {
        "email": staff.email,
        "display_name": staff.display_name,
        "display_name_kana": staff.display_name_kana,
        "department": staff.department,
        "title": staff.title,
        "employee_number": staff.employee_number,
        "roles": list(staff.roles.all()),
    }
    form = StaffForm(request.POST or None, initial=initial)
    form.fields["email"].disabled = True
    context = {"form": form, "title": _("職員の編集：%(name)s") % {"name": staff}, "staff_member": staff}
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            roles = list(data.pop("roles"))
            data.pop("email", None)
            try:
                services.staff_update(actor=acting_user(request), staff=staff, data=data, roles=roles, request=request)
            except DomainError as error:
                refuse(form, error)
            else:
                messages.success(request, _("職員情報を更新しました。"))
                return redirect("console:org:staff_list")
        return invalid(request, "accounts/form_page.html", context)
    return render(request, "accounts/form_page.html", context)


@require_POST
@module_required(ORGANISATION)
def staff_toggle(request: HttpRequest, user_id: int) -> HttpResponse:
    staff = selectors.staff_get(user_id=user_id)
    try:
        services.staff_set_active(
            actor=acting_user(request), staff=staff, is_active=not staff.is_active, request=request
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("アカウントの状態を変更しました。"))
    return redirect("console:org:staff_list")
