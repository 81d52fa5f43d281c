"""Console pages of the organisation (組織・職員管理) and of API tokens.

The pages are in `organisation` (部・課, staff), `roles` (roles, committees, appointees)
and `tokens`, wired in `urls.py` and mounted by the console at /console/org/. They are
thin adapters: parse a form, call one service, render; a DomainError from a service is
shown on the form and nothing is changed. This module holds what they share.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cityhall.core.errors import DomainError

FORM_METHODS = ["GET", "POST"]


def invalid(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, template, context, status=400)


def refuse(form: Any, error: DomainError) -> None:
    form.add_error(None, error.message)
