"""Console pages of the ICT plan (staff only; the plan has no public pages).

The pages are in `overview` (overview, schedule, dashboard, ranking), `score_rule`, `initiative`
(the initiative page and every form posted from it), `decisions`, `meetings` and `downloads`
(evidence files, CSV, Excel and the meeting pack), wired in `urls.py` and mounted by the console
at /console/plans/. Each view is decorated with `staff_passes(<predicate of plans.permissions>)`.
They are thin: parse, call one service or selector, render. This module holds the steps they share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from cityhall.core.errors import DomainError, PermissionDeniedError, http_status_for
from cityhall.core.fiscal_year import FiscalYear
from cityhall.plans.models import Plan


def submit(request: HttpRequest, form: forms.Form, save: Callable[[dict[str, Any]], Any]) -> tuple[Any, int | None]:
    """Validate `form` and call one service with its data.

    Returns (what the service returned, None), or (None, the HTTP status to render the form again with).
    A refusal of permission goes to the messages, as the form may not even be shown to this user.
    """
    if not form.is_valid():
        return None, 400
    try:
        return save(form.cleaned_data), None
    except PermissionDeniedError as error:
        messages.error(request, error.message)
        return None, http_status_for(error)
    except DomainError as error:
        form.add_error(None, error.message)
        return None, http_status_for(error)


def default_year(plan: Plan) -> int:
    year = FiscalYear.current().year
    return min(max(year, plan.first_fiscal_year), plan.last_fiscal_year)


def year_param(request: HttpRequest, plan: Plan) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:  # also "²", which str.isdigit() lets through
        return default_year(plan)
    return year if plan.covers(year) else default_year(plan)
