"""The priority score's formula and rank thresholds: shown to editors, changed with a reason."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.plans import permissions, selectors, services
from cityhall.plans.console import submit
from cityhall.plans.forms import ScoreRuleForm
from cityhall.plans.scoring import DOCUMENT_RULE


@require_http_methods(["GET", "POST"])
@staff_passes(permissions.can_edit_plan)
def score_rule(request: HttpRequest) -> HttpResponse:
    plan = selectors.plan_get()
    form = ScoreRuleForm(request.POST or None, initial=ScoreRuleForm.initial_for(plan))
    status = 200
    if request.method == "POST":
        changed, failed = submit(
            request,
            form,
            lambda data: services.score_rule_set(actor=acting_user(request), plan=plan, request=request, **data),
        )
        if failed is None:
            done = ngettext(
                "算定式と基準点を変更しました。%(n)d件の優先度評価を計算し直しました。",
                "算定式と基準点を変更しました。%(n)d件の優先度評価を計算し直しました。",
                changed,
            )
            messages.success(request, done % {"n": changed})
            return redirect("console:plans:ranking")
        status = failed
    context = {"plan": plan, "rule": plan.score_rule, "document_rule": DOCUMENT_RULE, "form": form}
    return render(request, "plans/score_rule.html", context, status=status)
