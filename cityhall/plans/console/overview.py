"""The plan as a whole: overview, schedule (Gantt), dashboard and priority ranking."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cityhall.core.decorators import staff_passes
from cityhall.core.fiscal_year import FiscalYear, HalfYear
from cityhall.plans import permissions, selectors
from cityhall.plans.console import year_param
from cityhall.plans.models import ProgressStatus
from cityhall.plans.scoring import Rank


@require_GET
@staff_passes(permissions.can_read_plan)
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
            "can_edit": permissions.can_edit_plan(request.user),
            "mine": mine,
        },
    )


@require_GET
@staff_passes(permissions.can_read_plan)
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
@staff_passes(permissions.can_read_plan)
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
            "can_edit": permissions.can_edit_plan(request.user),
        },
    )


@require_GET
@staff_passes(permissions.can_read_plan)
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
            "can_edit": permissions.can_edit_plan(request.user),
        },
    )
