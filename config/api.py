"""The JSON API root (/api/v1/): wiring only; each app contributes a router."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from cityhall.accounts.api import router as accounts_router
from cityhall.core.api import router as core_router
from cityhall.core.errors import DomainError, http_status_for

api = NinjaAPI(
    title="cityhall API",
    version="1.0.0",
    description="電子市役所 cityhall の公開API。職員向けの操作は APIトークン（Bearer）で認証します。",
    urls_namespace="api-v1",
)
api.add_router("/", core_router)
api.add_router("/", accounts_router)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return api.create_response(request, {"detail": exc.message}, status=http_status_for(exc))


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    detail = gettext("有効なAPIトークンが必要です。Authorization: Bearer <トークン> を付けてください。")
    response = api.create_response(request, {"detail": detail}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response
