from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import HttpBearer

from cityhall.accounts import selectors
from cityhall.accounts.models import User
from cityhall.core.api import ErrorOut

router = Router(tags=["staff"])


class ApiTokenAuth(HttpBearer):
    """Bearer token issued to a staff member in the console."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = selectors.api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


class MeOut(Schema):
    email: str
    display_name: str
    department: str | None
    modules: list[str]


@router.get("/me", response={200: MeOut, 401: ErrorOut}, auth=ApiTokenAuth(), summary="トークンの持ち主（職員）の情報")
def me(request: HttpRequest) -> dict[str, Any]:
    user = request.user  # ApiTokenAuth.authenticate put the token's holder there
    assert isinstance(user, User)
    return {
        "email": user.email,
        "display_name": user.display_name,
        "department": user.department.name if user.department else None,
        "modules": [m.key for m in selectors.modules_for_user(user)],
    }
