"""API tokens: each staff member issues and revokes their own."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cityhall.accounts import selectors, services
from cityhall.accounts.console import FORM_METHODS, refuse
from cityhall.accounts.forms import (
    ApiTokenForm,
)
from cityhall.core.actors import acting_user
from cityhall.core.decorators import module_required
from cityhall.core.errors import DomainError
from cityhall.core.permissions import API_TOKENS


@require_http_methods(FORM_METHODS)
@module_required(API_TOKENS)
def token_list(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        expires_on: dt.date | None = form.cleaned_data["expires_on"]
        expires_at = timezone.make_aware(dt.datetime.combine(expires_on, dt.time(23, 59, 59))) if expires_on else None
        try:
            _token, new_token = services.api_token_issue(
                actor=acting_user(request), name=form.cleaned_data["name"], expires_at=expires_at, request=request
            )
        except DomainError as error:
            refuse(form, error)
        else:
            form = ApiTokenForm()
    status = 400 if request.method == "POST" and new_token is None else 200
    return render(
        request,
        "accounts/token_list.html",
        {
            "tokens": selectors.api_tokens_for(request.user),
            "form": form,
            "new_token": new_token,
        },
        status=status,
    )


@require_POST
@module_required(API_TOKENS)
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = selectors.api_token_get(user=request.user, token_id=token_id)
    services.api_token_revoke(actor=acting_user(request), token=token, request=request)
    messages.success(request, _("トークンを失効させました。"))
    return redirect("console:org:token_list")
