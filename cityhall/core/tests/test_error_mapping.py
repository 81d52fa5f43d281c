import pytest
from django.http import HttpRequest
from django.test import RequestFactory

from cityhall.core.errors import ConflictError, DomainError, NotFoundError, PermissionDeniedError
from cityhall.core.middleware import DomainErrorMiddleware


@pytest.mark.parametrize(
    ("error", "status", "text"),
    [
        (DomainError(), 400, "入力内容を確認"),
        (PermissionDeniedError(), 403, "権限がありません"),
        (NotFoundError("指定された組織が見つかりません。"), 404, "指定された組織"),
        (ConflictError(), 409, "競合"),
    ],
)
def test_domain_errors_become_pages_with_their_message(db, error, status, text):
    request = RequestFactory().get("/x")
    request.user = __import__("django.contrib.auth.models", fromlist=["AnonymousUser"]).AnonymousUser()
    response = DomainErrorMiddleware(lambda r: None).process_exception(request, error)
    assert response is not None
    assert response.status_code == status
    assert text in response.content.decode()


def test_htmx_requests_get_just_the_fragment(db):
    request: HttpRequest = RequestFactory().get("/x", HTTP_HX_REQUEST="true")
    response = DomainErrorMiddleware(lambda r: None).process_exception(request, ConflictError())
    assert response is not None
    body = response.content.decode()
    assert "<html" not in body
    assert 'role="alert"' in body


def test_other_exceptions_are_left_alone(db):
    request = RequestFactory().get("/x")
    assert DomainErrorMiddleware(lambda r: None).process_exception(request, ValueError()) is None
