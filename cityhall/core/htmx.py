"""Helpers for htmx requests: partial rendering and client-side triggers."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def render_page_or_fragment(
    request: HttpRequest,
    *,
    page: str,
    fragment: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    """Full page for a normal request, just the fragment for htmx."""
    template = fragment if is_htmx(request) else page
    return render(request, template, context, status=status)


def trigger(response: HttpResponse, event: str, detail: dict[str, Any] | None = None) -> HttpResponse:
    """Ask the client to fire `event` after the swap (HX-Trigger)."""
    response["HX-Trigger"] = json.dumps({event: detail or {}}, ensure_ascii=False)
    return response


def redirect(url: str) -> HttpResponse:
    """Full-page redirect that works for htmx (HX-Redirect) requests."""
    response = HttpResponse(status=204)
    response["HX-Redirect"] = url
    return response
