"""Console pages for the organisation: departments, staff, roles, committees, API tokens.

Thin adapters: parse a form, call one service, render. A DomainError from a
service is shown on the form and nothing is changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cityhall.accounts import selectors, services
from cityhall.accounts.forms import (
    ApiTokenForm,
    AssignmentForm,
    CommitteeMemberForm,
    DepartmentForm,
    MembershipEndForm,
    RoleForm,
    StaffForm,
)
from cityhall.accounts.models import Committee
from cityhall.core import selectors as core_selectors
from cityhall.core import services as core_services
from cityhall.core.actors import acting_user
from cityhall.core.decorators import module_required
from cityhall.core.errors import DomainError
from cityhall.core.fiscal_year import FiscalYear
from cityhall.core.modules import all_modules
from cityhall.core.permissions import API_TOKENS, ORGANISATION

_FORM_METHODS = ["GET", "POST"]


def _invalid(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, template, context, status=400)


def _refuse(form: Any, error: DomainError) -> None:
    form.add_error(None, error.message)


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


@require_http_methods(_FORM_METHODS)
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
                _refuse(form, error)
            else:
                messages.success(request, _("組織を登録しました。"))
                return redirect("console:org:home")
        return _invalid(request, "accounts/form_page.html", {"form": form, "title": _("組織の登録")})
    return render(request, "accounts/form_page.html", {"form": form, "title": _("組織の登録")})


@require_http_methods(_FORM_METHODS)
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
                _refuse(form, error)
            else:
                messages.success(request, _("組織を更新しました。"))
                return redirect("console:org:home")
        return _invalid(request, "accounts/form_page.html", context)
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


@require_http_methods(_FORM_METHODS)
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
                _refuse(form, error)
            else:
                messages.success(request, _("職員を登録し、パスワード設定の案内メールを送りました。"))
                return redirect("console:org:staff_list")
        return _invalid(request, "accounts/form_page.html", context)
    return render(request, "accounts/form_page.html", context)


@require_http_methods(_FORM_METHODS)
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
                _refuse(form, error)
            else:
                messages.success(request, _("職員情報を更新しました。"))
                return redirect("console:org:staff_list")
        return _invalid(request, "accounts/form_page.html", context)
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


def _module_choices() -> list[tuple[str, str]]:
    return [(m.key, str(m.label)) for m in all_modules()]


@require_GET
@module_required(ORGANISATION)
def role_list(request: HttpRequest) -> HttpResponse:
    labels = dict(_module_choices()) | {"*": _("すべてのモジュール")}
    roles = [(role, [labels.get(k, k) for k in role.modules]) for role in selectors.role_list()]
    return render(request, "accounts/role_list.html", {"roles": roles})


def _role_form_view(request: HttpRequest, role: Any) -> HttpResponse:
    initial = (
        {"code": role.code, "name": role.name, "description": role.description, "modules": role.modules}
        if role
        else None
    )
    form = RoleForm(request.POST or None, initial=initial, module_choices=_module_choices())
    title = _("役割の編集：%(name)s") % {"name": role.name} if role else _("役割の登録")
    context = {"form": form, "title": title}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.role_save(actor=acting_user(request), role=role, request=request, **form.cleaned_data)
            except DomainError as error:
                _refuse(form, error)
            else:
                messages.success(request, _("役割を保存しました。"))
                return redirect("console:org:role_list")
        return _invalid(request, "accounts/form_page.html", context)
    return render(request, "accounts/form_page.html", context)


@require_http_methods(_FORM_METHODS)
@module_required(ORGANISATION)
def role_create(request: HttpRequest) -> HttpResponse:
    return _role_form_view(request, None)


@require_http_methods(_FORM_METHODS)
@module_required(ORGANISATION)
def role_edit(request: HttpRequest, role_id: int) -> HttpResponse:
    return _role_form_view(request, selectors.role_get(role_id=role_id))


@require_http_methods(_FORM_METHODS)
@module_required(ORGANISATION)
def committee_list(request: HttpRequest) -> HttpResponse:
    form = CommitteeMemberForm(
        request.POST or None, staff_queryset=selectors.staff_list(), initial={"starts_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.committee_member_add(actor=acting_user(request), request=request, **form.cleaned_data)
        except DomainError as error:
            _refuse(form, error)
        else:
            messages.success(request, _("委員会の構成員を登録しました。"))
            return redirect("console:org:committee_list")
    members = selectors.committee_members()
    committees = [(c.label, members[c.value]) for c in Committee]
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/committee_list.html",
        {"committees": committees, "form": form, "end_form": MembershipEndForm()},
        status=status,
    )


@require_POST
@module_required(ORGANISATION)
def membership_end(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = selectors.membership_get(membership_id=membership_id)
    form = MembershipEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("終了日を正しく入力してください。"))
    else:
        try:
            services.committee_member_end(
                actor=acting_user(request), membership=membership, ends_on=form.cleaned_data["ends_on"], request=request
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("構成員の任期を終了しました。"))
    return redirect("console:org:committee_list")


def _year_param(request: HttpRequest) -> FiscalYear:
    raw = request.GET.get("year", "")
    if raw.isdigit() and 2000 <= int(raw) <= 2100:
        return FiscalYear(int(raw))
    return FiscalYear.current()


@require_http_methods(_FORM_METHODS)
@module_required(ORGANISATION)
def assignment_list(request: HttpRequest) -> HttpResponse:
    year = _year_param(request)
    form = AssignmentForm(request.POST or None, staff_queryset=selectors.staff_list())
    if request.method == "POST" and form.is_valid():
        try:
            services.assignment_add(
                actor=acting_user(request), fiscal_year=year.year, request=request, **form.cleaned_data
            )
        except DomainError as error:
            _refuse(form, error)
        else:
            messages.success(request, _("担当者を指名しました。"))
            return redirect(f"{request.path}?year={year.year}")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/assignment_list.html",
        {
            "year": year,
            "previous_year": FiscalYear(year.year - 1),
            "next_year": year.next(),
            "assignments": selectors.assignments_for_year(fiscal_year=year.year),
            "form": form,
        },
        status=status,
    )


@require_POST
@module_required(ORGANISATION)
def assignment_remove(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = selectors.assignment_get(assignment_id=assignment_id)
    services.assignment_remove(actor=acting_user(request), assignment=assignment, request=request)
    messages.success(request, _("指名を取り消しました。"))
    return redirect(f"{reverse('console:org:assignment_list')}?year={assignment.fiscal_year}")


@require_http_methods(_FORM_METHODS)
@module_required(API_TOKENS)
def token_list(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        expires_on: dt.date | None = form.cleaned_data["expires_on"]
        expires_at = timezone.make_aware(dt.datetime.combine(expires_on, dt.time(23, 59, 59))) if expires_on else None
        try:
            _token, new_token = services.api_token_issue(
                actor=acting_user(request), name=form.cleaned_data["name"], expires_at=expires_at, request=request
            )
        except DomainError as error:
            _refuse(form, error)
        else:
            form = ApiTokenForm()
    status = 400 if request.method == "POST" and new_token is None else 200
    return render(
        request,
        "accounts/token_list.html",
        {
            "tokens": selectors.api_tokens_for(request.user),
            "form": form,
            "new_token": new_token,
        },
        status=status,
    )


@require_POST
@module_required(API_TOKENS)
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = selectors.api_token_get(user=request.user, token_id=token_id)
    services.api_token_revoke(actor=acting_user(request), token=token, request=request)
    messages.success(request, _("トークンを失効させました。"))
    return redirect("console:org:token_list")
