"""The initiative page and every form posted from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cityhall.accounts import selectors as account_selectors
from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.core.errors import PermissionDeniedError
from cityhall.core.fiscal_year import HalfYear
from cityhall.plans import permissions, selectors, services
from cityhall.plans.console import default_year, submit
from cityhall.plans.forms import (
    AnnualPlanForm,
    EvaluationForm,
    InitiativeForm,
    ProgressForm,
    ScheduleBarForm,
    ScoreForm,
    TaskForm,
    TaskStatusForm,
)
from cityhall.plans.models import Initiative, Plan


def _editor_forms(initiative: Initiative, forms_given: dict[str, Any]) -> dict[str, Any]:
    """The editing forms of the initiative page; a form posted back with errors replaces its blank one."""
    plan = initiative.field.pillar.plan
    bar_forms = [
        (
            bar,
            forms_given.get(f"bar_form_{bar.pk}")
            or ScheduleBarForm(plan=plan, prefix=f"bar-{bar.pk}", initial=ScheduleBarForm.initial_for(bar)),
        )
        for bar in selectors.schedule_bars(initiative)
    ]
    return {
        "initiative_form": InitiativeForm(
            departments=selectors.department_choices(initiative),
            prefix="initiative",
            initial=InitiativeForm.initial_for(initiative),
        ),
        "bar_form": ScheduleBarForm(plan=plan, prefix="bar-new"),
        "bar_forms": bar_forms,
    }


def _detail_context(request: HttpRequest, initiative: Initiative, **forms_given: Any) -> dict[str, Any]:
    plan = initiative.field.pillar.plan
    year = default_year(plan)
    current = HalfYear.containing(timezone.localdate())
    progress_initial = {"fiscal_year": year, "half": int(current.half) if plan.covers(current.fiscal_year.year) else 1}
    staff = account_selectors.staff_list()
    can_edit = permissions.can_edit_plan(request.user)
    context: dict[str, Any] = {
        "plan": plan,
        "initiative": initiative,
        "halves": plan.half_years(),
        "current": current,
        "rows": selectors.gantt_rows(plan, [initiative]),
        "scores": selectors.score_history(initiative),
        **selectors.initiative_records(initiative),
        "can_edit": can_edit,
        "can_report": permissions.can_report_on(request.user, initiative.department_id),
        "can_download_evidence": permissions.can_download_evidence(request.user, initiative.department_id),
        "score_form": ScoreForm(plan=plan, initial={"fiscal_year": year}),
        "progress_form": ProgressForm(plan=plan, initial=progress_initial),
        "annual_form": AnnualPlanForm(plan=plan, initial={"fiscal_year": year}),
        "task_form": TaskForm(plan=plan, staff=staff, initial={"fiscal_year": year}),
        "evaluation_form": EvaluationForm(plan=plan, initial={"fiscal_year": year}),
    }
    if can_edit:
        context.update(_editor_forms(initiative, forms_given))
    context.update(selectors.decisions_for(initiative))
    context.update(forms_given)
    return context


@require_GET
@staff_passes(permissions.can_read_plan)
def initiative_detail(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative = selectors.initiative_get(initiative_id=initiative_id)
    return render(request, "plans/initiative_detail.html", _detail_context(request, initiative))


def _post_form(
    request: HttpRequest,
    *,
    initiative: Initiative,
    form_name: str,
    build: Callable[[Plan], forms.Form],
    save: Callable[[Initiative, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    """Validate a form posted from the initiative page and call one service."""
    form = build(initiative.field.pillar.plan)
    _result, failed = submit(request, form, lambda data: save(initiative, data))
    if failed is None:
        messages.success(request, done)
        return redirect("console:plans:initiative", initiative_id=initiative.pk)
    context = _detail_context(request, initiative, **{form_name: form})
    return render(request, "plans/initiative_detail.html", context, status=failed)


@require_POST
@staff_passes(permissions.can_edit_plan)
def score(request: HttpRequest, initiative_id: int) -> HttpResponse:
    return _post_form(
        request,
        initiative=selectors.initiative_get(initiative_id=initiative_id),
        form_name="score_form",
        build=lambda plan: ScoreForm(request.POST, plan=plan),
        save=lambda i, data: services.score_set(actor=acting_user(request), initiative=i, request=request, **data),
        done=_("優先度を評価しました。"),
    )


@require_POST
@staff_passes(permissions.can_read_plan)
def progress(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative = selectors.initiative_get(initiative_id=initiative_id)
    # Checked before the form: someone who may not report gets a refusal, not a list of field errors.
    if not permissions.can_report_on(request.user, initiative.department_id):
        raise PermissionDeniedError(services.PROGRESS_REPORTERS_ONLY)
    return _post_form(
        request,
        initiative=initiative,
        form_name="progress_form",
        build=lambda plan: ProgressForm(request.POST, request.FILES, plan=plan),
        save=lambda i, data: services.progress_report(
            actor=acting_user(request), initiative=i, request=request, **data
        ),
        done=_("進捗を報告しました。"),
    )


@require_POST
@staff_passes(permissions.can_edit_plan)
def annual_plan(request: HttpRequest, initiative_id: int) -> HttpResponse:
    return _post_form(
        request,
        initiative=selectors.initiative_get(initiative_id=initiative_id),
        form_name="annual_form",
        build=lambda plan: AnnualPlanForm(request.POST, plan=plan),
        save=lambda i, data: services.annual_plan_save(
            actor=acting_user(request), initiative=i, request=request, **data
        ),
        done=_("年次計画を保存しました。"),
    )


@require_POST
@staff_passes(permissions.can_edit_plan)
def task(request: HttpRequest, initiative_id: int) -> HttpResponse:
    staff = account_selectors.staff_list()
    return _post_form(
        request,
        initiative=selectors.initiative_get(initiative_id=initiative_id),
        form_name="task_form",
        build=lambda plan: TaskForm(request.POST, plan=plan, staff=staff),
        save=lambda i, data: services.task_save(
            actor=acting_user(request), initiative=i, task=None, request=request, **data
        ),
        done=_("実施計画にタスクを追加しました。"),
    )


@require_POST
@staff_passes(permissions.can_edit_plan)
def task_status(request: HttpRequest, initiative_id: int, task_id: int) -> HttpResponse:
    initiative = selectors.initiative_get(initiative_id=initiative_id)
    existing = selectors.task_get(initiative=initiative, task_id=task_id)
    return _post_form(
        request,
        initiative=initiative,
        form_name="task_status_form",
        build=lambda plan: TaskStatusForm(request.POST),
        save=lambda i, data: services.task_save(
            actor=acting_user(request),
            initiative=i,
            task=existing,
            fiscal_year=existing.fiscal_year,
            title=existing.title,
            owner=existing.owner,
            due_on=existing.due_on,
            status=data["status"],
            request=request,
        ),
        done=_("タスクの状態を変更しました。"),
    )


@require_POST
@staff_passes(permissions.can_edit_plan)
def evaluation(request: HttpRequest, initiative_id: int) -> HttpResponse:
    return _post_form(
        request,
        initiative=selectors.initiative_get(initiative_id=initiative_id),
        form_name="evaluation_form",
        build=lambda plan: EvaluationForm(request.POST, plan=plan),
        save=lambda i, data: services.evaluation_save(
            actor=acting_user(request), initiative=i, request=request, **data
        ),
        done=_("年度評価を保存しました。"),
    )


@require_POST
@staff_passes(permissions.can_edit_plan)
def initiative_edit(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative = selectors.initiative_get(initiative_id=initiative_id)
    departments = selectors.department_choices(initiative)
    return _post_form(
        request,
        initiative=initiative,
        form_name="initiative_form",
        build=lambda plan: InitiativeForm(request.POST, departments=departments, prefix="initiative"),
        save=lambda i, data: services.initiative_update(
            actor=acting_user(request), initiative=i, data=data, request=request
        ),
        done=_("取組項目を変更しました。"),
    )


def _bar_save(request: HttpRequest, initiative: Initiative, bar: Any, data: dict[str, Any]) -> Any:
    return services.schedule_bar_save(
        actor=acting_user(request),
        initiative=initiative,
        bar=bar,
        row=data["row"],
        label=data["label"],
        start=(data["start_year"], data["start_half"]),
        end=(data["end_year"], data["end_half"]),
        request=request,
    )


@require_POST
@staff_passes(permissions.can_edit_plan)
def schedule_add(request: HttpRequest, initiative_id: int) -> HttpResponse:
    return _post_form(
        request,
        initiative=selectors.initiative_get(initiative_id=initiative_id),
        form_name="bar_form",
        build=lambda plan: ScheduleBarForm(request.POST, plan=plan, prefix="bar-new"),
        save=lambda i, data: _bar_save(request, i, None, data),
        done=_("実施スケジュールに追加しました。"),
    )


@require_POST
@staff_passes(permissions.can_edit_plan)
def schedule_edit(request: HttpRequest, initiative_id: int, bar_id: int) -> HttpResponse:
    initiative = selectors.initiative_get(initiative_id=initiative_id)
    bar = selectors.schedule_bar_get(initiative=initiative, bar_id=bar_id)
    return _post_form(
        request,
        initiative=initiative,
        form_name=f"bar_form_{bar.pk}",
        build=lambda plan: ScheduleBarForm(request.POST, plan=plan, prefix=f"bar-{bar.pk}"),
        save=lambda i, data: _bar_save(request, i, bar, data),
        done=_("実施スケジュールを変更しました。"),
    )


@require_POST
@staff_passes(permissions.can_edit_plan)
def schedule_delete(request: HttpRequest, initiative_id: int, bar_id: int) -> HttpResponse:
    initiative = selectors.initiative_get(initiative_id=initiative_id)
    bar = selectors.schedule_bar_get(initiative=initiative, bar_id=bar_id)
    services.schedule_bar_delete(actor=acting_user(request), bar=bar, request=request)
    messages.success(request, _("実施スケジュールから削除しました。"))
    return redirect("console:plans:initiative", initiative_id=initiative.pk)
