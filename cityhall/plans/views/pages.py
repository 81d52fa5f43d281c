"""The plan as a whole: overview, schedule, dashboard, ranking, decisions, evidence downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cityhall.core.actors import acting_user
from cityhall.core.fiscal_year import FiscalYear, HalfYear
from cityhall.core.uploads import stored_file_response
from cityhall.plans import selectors, services
from cityhall.plans.forms import DecisionForm
from cityhall.plans.models import ProgressStatus
from cityhall.plans.permissions import can_edit_plan
from cityhall.plans.scoring import Rank
from cityhall.plans.views.access import reader_required, submit, year_param


@require_GET
@reader_required
def overview(request: HttpRequest) -> HttpResponse:
    plan = selectors.plan_get()
    department_id = getattr(request.user, "department_id", None)
    mine = [i for i in selectors.initiatives(plan) if department_id and i.department_id == department_id]
    return render(
        request,
        "plans/overview.html",
        {
            "plan": plan,
            "latest": selectors.latest_progress(plan),
            "can_edit": can_edit_plan(request.user),
            "mine": mine,
        },
    )


@require_GET
@reader_required
def gantt(request: HttpRequest) -> HttpResponse:
    plan = selectors.plan_get()
    return render(
        request,
        "plans/gantt.html",
        {
            "plan": plan,
            "rows": selectors.gantt_rows(plan),
            "halves": plan.half_years(),
            "current": HalfYear.containing(timezone.localdate()),
        },
    )


@require_GET
@reader_required
def dashboard(request: HttpRequest) -> HttpResponse:
    plan = selectors.plan_get()
    board = selectors.dashboard(plan, today=timezone.localdate())
    return render(
        request,
        "plans/dashboard.html",
        {
            "plan": plan,
            "board": board,
            "statuses": list(ProgressStatus),
            "ranks": list(Rank),
            "can_edit": can_edit_plan(request.user),
        },
    )


@require_GET
@reader_required
def ranking(request: HttpRequest) -> HttpResponse:
    plan = selectors.plan_get()
    year = year_param(request, plan)
    return render(
        request,
        "plans/ranking.html",
        {
            "plan": plan,
            "year": FiscalYear(year),
            "ranked": selectors.scores_for_year(plan, year),
            "years": plan.fiscal_years(),
            "matrix": selectors.score_matrix(plan),
            "can_edit": can_edit_plan(request.user),
        },
    )


@require_GET
@reader_required
def evidence(request: HttpRequest, report_id: int) -> HttpResponseBase:
    """Evidence files are private: served only after the permission check."""
    report = selectors.progress_evidence_get(actor=acting_user(request), report_id=report_id)
    assert report.evidence is not None
    return stored_file_response(report.evidence)


@require_http_methods(["GET", "POST"])
@reader_required
def decisions(request: HttpRequest) -> HttpResponse:
    plan = selectors.plan_get()
    form = DecisionForm(
        request.POST or None,
        initiatives=selectors.initiative_choices(plan),
        initial={"decided_on": timezone.localdate()},
    )
    status = 200
    if request.method == "POST":
        if not can_edit_plan(request.user):
            raise PermissionDenied
        _record, failed = submit(
            request,
            form,
            lambda data: services.decision_record(actor=acting_user(request), request=request, **data),
        )
        if failed is None:
            messages.success(request, _("判断記録を登録しました。"))
            return redirect("console:plans:decisions")
        status = failed
    return render(
        request,
        "plans/decisions.html",
        {"form": form, "records": selectors.decision_records(), "can_edit": can_edit_plan(request.user)},
        status=status,
    )
