from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from cityhall.accounts import selectors as accounts_selectors
from cityhall.console import selectors as console_selectors
from cityhall.core import selectors as core_selectors
from cityhall.core.audit import audit_verify
from cityhall.core.decorators import module_required, staff_required
from cityhall.core.htmx import render_page_or_fragment
from cityhall.core.permissions import AUDIT


@require_GET
@staff_required
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "modules": accounts_selectors.modules_for_user(request.user),
        "department_count": core_selectors.department_list().count(),
    }
    return render(request, "console/home.html", context)


@require_GET
@staff_required
def departments(request: HttpRequest) -> HttpResponse:
    """The city's organisation chart, for every staff member."""
    return render(request, "console/departments.html", {"tree": core_selectors.department_tree()})


@require_GET
@module_required(AUDIT)
def audit_list(request: HttpRequest) -> HttpResponse:
    actor = request.GET.get("actor", "").strip()[:200]
    entries = core_selectors.audit_entry_list(
        object_type=request.GET.get("type", "")[:80],
        actor_label=actor,
        actor_ids=accounts_selectors.user_ids_named(actor),
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render_page_or_fragment(
        request,
        page="console/audit_list.html",
        fragment="console/audit_table.html",
        context={
            "page": page,
            "rows": console_selectors.audit_rows(list(page.object_list), viewer=request.user),
            "types": console_selectors.audit_object_type_choices(),
            "filters": request.GET,
        },
    )


@require_POST
@module_required(AUDIT)
def audit_check(request: HttpRequest) -> HttpResponse:
    problems = audit_verify()
    if problems:
        messages.error(
            request,
            ngettext(
                "監査ログに改ざんの疑いがあります（%(n)d件）。",
                "監査ログに改ざんの疑いがあります（%(n)d件）。",
                len(problems),
            )
            % {"n": len(problems)},
        )
        for problem in problems[:20]:
            messages.error(request, f"#{problem.sequence}: {problem.message}")
    else:
        messages.success(request, _("監査ログは改ざんされていません。"))
    return redirect("console:audit_list")
