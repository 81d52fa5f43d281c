from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


@require_GET
def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/terms.html")


@require_GET
@login_required
def mypage(request: HttpRequest) -> HttpResponse:
    mfa_types = sorted(set(Authenticator.objects.filter(user=request.user).values_list("type", flat=True)))
    return render(request, "portal/mypage.html", {"mfa_types": mfa_types})
