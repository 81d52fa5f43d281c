from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from cityhall.core.errors import DomainError, http_status_for
from cityhall.core.htmx import is_htmx


class DomainErrorMiddleware:
    """Turns a DomainError escaping a view into a page with its message."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DomainError):
            return None
        template = "core/error_fragment.html" if is_htmx(request) else "core/error.html"
        response = TemplateResponse(
            request,
            template,
            {"message": exception.message},
            status=http_status_for(exception),
        )
        return response.render()


class MethodNotAllowedPageMiddleware:
    """Gives Django's empty 405 (a view refusing GET or POST) the Japanese page other errors have.

    The Allow header stays, so clients still learn which methods the address takes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != HTTPStatus.METHOD_NOT_ALLOWED or response.streaming or response.content:
            return response
        page = TemplateResponse(request, "405.html", status=HTTPStatus.METHOD_NOT_ALLOWED).render()
        page["Allow"] = response.get("Allow", "")
        return page
