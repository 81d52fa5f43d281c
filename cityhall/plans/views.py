"""Console pages of the ICT plan. Thin: parse, call one service or selector, render."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cityhall.accounts import selectors as account_selectors
from cityhall.core.decorators import staff_required
from cityhall.core.errors import DomainError, PermissionDeniedError
from cityhall.core.fiscal_year import FiscalYear, HalfYear
from cityhall.plans import selectors, services
from cityhall.plans.forms import (
    AnnualPlanForm,
    DecisionForm,
    EvaluationForm,
    MeetingDecisionForm,
    MeetingForm,
    ProgressForm,
    ScoreForm,
    TaskForm,
)
from cityhall.plans.models import Initiative, Plan, ProgressReport, ProgressStatus, Rank
from cityhall.plans.permissions import can_edit_plan, can_read_plan, can_report_on

View = Callable[..., HttpResponseBase]


def reader_required(view: View) -> View:
    @staff_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_read_plan(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def editor_required(view: View) -> View:
    @staff_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_edit_plan(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _default_year(plan: Plan) -> int:
    year = FiscalYear.current().year
    return min(max(year, plan.first_fiscal_year), plan.last_fiscal_year)


def _year_param(request: HttpRequest, plan: Plan) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and plan.covers(int(raw)) else _default_year(plan)


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
    year = _year_param(request, plan)
    return render(
        request,
        "plans/ranking.html",
        {
            "plan": plan,
            "year": FiscalYear(year),
            "pairs": selectors.scores_for_year(plan, year),
            "years": plan.fiscal_years(),
            "matrix": selectors.score_matrix(plan),
        },
    )


def _detail_context(request: HttpRequest, initiative: Initiative, **forms: Any) -> dict[str, Any]:
    plan = initiative.field.pillar.plan
    year = _default_year(plan)
    current = HalfYear.containing(timezone.localdate())
    progress_initial = {"fiscal_year": year, "half": int(current.half) if plan.covers(current.fiscal_year.year) else 1}
    staff = account_selectors.staff_list()
    context: dict[str, Any] = {
        "plan": plan,
        "initiative": initiative,
        "halves": plan.half_years(),
        "rows": selectors.gantt_rows(plan, [initiative]),
        "scores": selectors.score_history(initiative),
        "progress": initiative.progress.select_related("reported_by"),
        "annual_plans": initiative.annual_plans.order_by("fiscal_year"),
        "tasks": initiative.tasks.select_related("owner"),
        "evaluations": initiative.evaluations.order_by("fiscal_year"),
        "history": initiative.history.all(),
        "can_edit": can_edit_plan(request.user),
        "can_report": can_report_on(request.user, initiative.department_id),
        "score_form": ScoreForm(plan=plan, initial={"fiscal_year": year}),
        "progress_form": ProgressForm(plan=plan, initial=progress_initial),
        "annual_form": AnnualPlanForm(plan=plan, initial={"fiscal_year": year}),
        "task_form": TaskForm(plan=plan, staff=staff, initial={"fiscal_year": year}),
        "evaluation_form": EvaluationForm(plan=plan, initial={"fiscal_year": year}),
    }
    context.update(selectors.decisions_for(initiative))
    context.update(forms)
    return context


@require_GET
@reader_required
def initiative_detail(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative = selectors.initiative_get(initiative_id=initiative_id)
    return render(request, "plans/initiative_detail.html", _detail_context(request, initiative))


def _post_form(
    request: HttpRequest,
    *,
    initiative_id: int,
    form_name: str,
    build: Callable[[Plan], Any],
    save: Callable[[Initiative, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    """Validate a form posted from the initiative page and call one service."""
    initiative = selectors.initiative_get(initiative_id=initiative_id)
    form = build(initiative.field.pillar.plan)
    if form.is_valid():
        try:
            save(initiative, form.cleaned_data)
        except PermissionDeniedError as error:
            messages.error(request, error.message)  # the form may not even be shown to this user
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, done)
            return redirect("console:plans:initiative", initiative_id=initiative.pk)
    context = _detail_context(request, initiative, **{form_name: form})
    return render(request, "plans/initiative_detail.html", context, status=400)


@require_POST
@editor_required
def score(request: HttpRequest, initiative_id: int) -> HttpResponse:
    return _post_form(
        request,
        initiative_id=initiative_id,
        form_name="score_form",
        build=lambda plan: ScoreForm(request.POST, plan=plan),
        save=lambda i, data: services.score_set(actor=request.user, initiative=i, request=request, **data),
        done=_("優先度を評価しました。"),
    )


@require_POST
@reader_required
def progress(request: HttpRequest, initiative_id: int) -> HttpResponse:
    return _post_form(
        request,
        initiative_id=initiative_id,
        form_name="progress_form",
        build=lambda plan: ProgressForm(request.POST, request.FILES, plan=plan),
        save=lambda i, data: services.progress_report(actor=request.user, initiative=i, request=request, **data),
        done=_("進捗を報告しました。"),
    )


@require_POST
@editor_required
def annual_plan(request: HttpRequest, initiative_id: int) -> HttpResponse:
    return _post_form(
        request,
        initiative_id=initiative_id,
        form_name="annual_form",
        build=lambda plan: AnnualPlanForm(request.POST, plan=plan),
        save=lambda i, data: services.annual_plan_save(actor=request.user, initiative=i, request=request, **data),
        done=_("年次計画を保存しました。"),
    )


@require_POST
@editor_required
def task(request: HttpRequest, initiative_id: int) -> HttpResponse:
    staff = account_selectors.staff_list()
    return _post_form(
        request,
        initiative_id=initiative_id,
        form_name="task_form",
        build=lambda plan: TaskForm(request.POST, plan=plan, staff=staff),
        save=lambda i, data: services.task_save(actor=request.user, initiative=i, task=None, request=request, **data),
        done=_("実施計画にタスクを追加しました。"),
    )


@require_POST
@editor_required
def evaluation(request: HttpRequest, initiative_id: int) -> HttpResponse:
    return _post_form(
        request,
        initiative_id=initiative_id,
        form_name="evaluation_form",
        build=lambda plan: EvaluationForm(request.POST, plan=plan),
        save=lambda i, data: services.evaluation_save(actor=request.user, initiative=i, request=request, **data),
        done=_("年度評価を保存しました。"),
    )


@require_GET
@reader_required
def evidence(request: HttpRequest, report_id: int) -> HttpResponseBase:
    """Evidence files are private: served only after the permission check."""
    report = ProgressReport.objects.filter(pk=report_id).exclude(evidence="").first()
    if report is None:
        raise Http404
    return FileResponse(report.evidence.open("rb"), as_attachment=True, filename=report.evidence.name.rsplit("/")[-1])


@require_http_methods(["GET", "POST"])
@reader_required
def decisions(request: HttpRequest) -> HttpResponse:
    plan = selectors.plan_get()
    form = DecisionForm(request.POST or None, initial={"decided_on": timezone.localdate()})
    status = 200
    if request.method == "POST":
        if not can_edit_plan(request.user):
            raise PermissionDenied
        initiative = None
        raw = request.POST.get("initiative", "")
        if raw.isdigit():
            initiative = selectors.initiative_get(initiative_id=int(raw))
        if form.is_valid():
            try:
                services.decision_record(
                    actor=request.user, initiative=initiative, request=request, **form.cleaned_data
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("判断記録を登録しました。"))
                return redirect("console:plans:decisions")
        status = 400
    records = selectors.decision_records()
    return render(
        request,
        "plans/decisions.html",
        {
            "form": form,
            "records": records,
            "initiatives": selectors.initiatives(plan),
            "can_edit": can_edit_plan(request.user),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@reader_required
def meetings(request: HttpRequest) -> HttpResponse:
    committees = account_selectors.committee_choices()
    form = MeetingForm(request.POST or None, committees=committees, initial={"held_on": timezone.localdate()})
    status = 200
    if request.method == "POST":
        if not can_edit_plan(request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                meeting = services.meeting_save(
                    actor=request.user,
                    meeting=None,
                    request=request,
                    committees=[c for c, _label in committees],
                    **form.cleaned_data,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("会議を登録しました。"))
                return redirect("console:plans:meeting", meeting_id=meeting.pk)
        status = 400
    labels = dict(committees)
    rows = [(m, labels.get(m.committee, m.committee)) for m in selectors.meetings()]
    return render(
        request,
        "plans/meetings.html",
        {"form": form, "rows": rows, "can_edit": can_edit_plan(request.user)},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@reader_required
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(meeting_id=meeting_id)
    plan = selectors.plan_get()
    choices = Initiative.objects.filter(field__pillar__plan=plan).select_related("field__pillar")
    form = MeetingDecisionForm(request.POST or None, initiatives=choices)
    status = 200
    if request.method == "POST":
        if not can_edit_plan(request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.meeting_decision_add(
                    actor=request.user,
                    meeting=meeting,
                    request=request,
                    text=form.cleaned_data["text"],
                    initiatives=list(form.cleaned_data["initiatives"]),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("決定事項を登録しました。"))
                return redirect("console:plans:meeting", meeting_id=meeting.pk)
        status = 400
    label = dict(account_selectors.committee_choices()).get(meeting.committee, meeting.committee)
    return render(
        request,
        "plans/meeting_detail.html",
        {
            "meeting": meeting,
            "committee_label": label,
            "form": form,
            "can_edit": can_edit_plan(request.user),
        },
        status=status,
    )
