"""Who acts: the type every service takes as `actor`, and how a view gets it from the request.

The actor is the site's user model (`settings.AUTH_USER_MODEL`, accounts' `User`). core
imports no app, so the model is named for the type checker only; at run time the
alias is a plain marker. Views behind a staff or login check pass `acting_user(request)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from cityhall.accounts.models import User

    Actor: TypeAlias = User
    Visitor: TypeAlias = User | AnonymousUser
else:  # annotations only: `from __future__ import annotations` keeps them unevaluated
    Actor = Visitor = object


def acting_user(request: HttpRequest) -> Actor:
    """The signed-in user of `request`; an anonymous visitor cannot act (PermissionDenied)."""
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    return user
