"""Roles, committee members and the divisions' appointees (ITヘルパー, セキュリティスタッフ)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cityhall.accounts import selectors, services
from cityhall.accounts.console import FORM_METHODS, invalid, refuse
from cityhall.accounts.forms import (
    AssignmentForm,
    CommitteeMemberForm,
    MembershipEndForm,
    RoleForm,
)
from cityhall.accounts.models import Committee
from cityhall.core.actors import acting_user
from cityhall.core.decorators import module_required
from cityhall.core.errors import DomainError
from cityhall.core.fiscal_year import FiscalYear
from cityhall.core.modules import all_modules
from cityhall.core.permissions import ORGANISATION


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
                refuse(form, error)
            else:
                messages.success(request, _("役割を保存しました。"))
                return redirect("console:org:role_list")
        return invalid(request, "accounts/form_page.html", context)
    return render(request, "accounts/form_page.html", context)


@require_http_methods(FORM_METHODS)
@module_required(ORGANISATION)
def role_create(request: HttpRequest) -> HttpResponse:
    return _role_form_view(request, None)


@require_http_methods(FORM_METHODS)
@module_required(ORGANISATION)
def role_edit(request: HttpRequest, role_id: int) -> HttpResponse:
    return _role_form_view(request, selectors.role_get(role_id=role_id))


@require_http_methods(FORM_METHODS)
@module_required(ORGANISATION)
def committee_list(request: HttpRequest) -> HttpResponse:
    form = CommitteeMemberForm(
        request.POST or None, staff_queryset=selectors.staff_list(), initial={"starts_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.committee_member_add(actor=acting_user(request), request=request, **form.cleaned_data)
        except DomainError as error:
            refuse(form, error)
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


@require_http_methods(FORM_METHODS)
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
            refuse(form, error)
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
