from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_safe

from cityhall.accounts import selectors as account_selectors
from cityhall.announcements import selectors as announcement_selectors
from cityhall.core.decorators import public_when_anonymous
from cityhall.procedures import selectors as procedure_selectors


@require_safe
def home(request: HttpRequest) -> HttpResponseBase:
    """What do you want to do? In emergency mode: a small, static, cacheable page instead."""
    state = announcement_selectors.emergency()
    if state.active:
        response = render(request, "portal/emergency.html", {"emergency": state})
        patch_cache_control(response, public=True, max_age=30, s_maxage=60)
        return response
    return _home(request)


@public_when_anonymous(30)
def _home(request: HttpRequest) -> HttpResponseBase:
    return render(
        request,
        "portal/home.html",
        {
            "events": procedure_selectors.life_events(),
            "categories": procedure_selectors.categories(),
            "notices": announcement_selectors.live_notices()[:5],
        },
    )


@require_GET
def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/terms.html")


@require_GET
@login_required
def mypage(request: HttpRequest) -> HttpResponse:
    mfa_types = account_selectors.mfa_kinds(request.user)
    return render(request, "portal/mypage.html", {"mfa_types": mfa_types})
