"""Quick decisions (判断記録, OODA): the list, and recording one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.plans import permissions, selectors, services
from cityhall.plans.console import submit
from cityhall.plans.forms import DecisionForm


@require_http_methods(["GET", "POST"])
@staff_passes(permissions.can_read_plan)
def decisions(request: HttpRequest) -> HttpResponse:
    plan = selectors.plan_get()
    form = DecisionForm(
        request.POST or None,
        initiatives=selectors.initiative_choices(plan),
        initial={"decided_on": timezone.localdate()},
    )
    status = 200
    if request.method == "POST":
        if not permissions.can_edit_plan(request.user):
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
        {"form": form, "records": selectors.decision_records(), "can_edit": permissions.can_edit_plan(request.user)},
        status=status,
    )
