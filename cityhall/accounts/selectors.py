from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cityhall.accounts.backends import ALL_MODULES, granted_modules
from cityhall.accounts.models import ApiToken, Committee, CommitteeMembership, DepartmentAssignment, Role, User
from cityhall.core import modules as module_registry
from cityhall.core import selectors as core_selectors
from cityhall.core.errors import NotFoundError
from cityhall.core.permissions import API_TOKENS, module_perm


def modules_for_user(user: Any) -> list[module_registry.ConsoleModule]:
    """The console modules this staff member's roles allow, in display order."""
    if getattr(user, "is_superuser", False) and user.is_staff and user.is_active:
        return module_registry.all_modules()
    granted = granted_modules(user)
    return [m for m in module_registry.all_modules() if ALL_MODULES in granted or m.key in granted]


def staff_list(*, department_id: int | None = None, include_inactive: bool = False) -> QuerySet[User]:
    qs = User.objects.filter(is_staff=True).select_related("department").prefetch_related("roles")
    if department_id is not None:
        qs = qs.filter(department_id=department_id)
    if not include_inactive:
        qs = qs.filter(is_active=True)
    return qs.order_by("department__sort_order", "employee_number", "id")


def staff_get(*, user_id: int) -> User:
    try:
        return User.objects.select_related("department").get(pk=user_id, is_staff=True)
    except User.DoesNotExist as exc:
        raise NotFoundError("指定された職員が見つかりません。") from exc


@dataclass(frozen=True)
class PersonName:
    """How a person is named in lists that hold only their id (the audit log): name, department, e-mail."""

    name: str
    department: str
    email: str


def person_names(*, user_ids: Collection[int]) -> dict[int, PersonName]:
    """Names of these users as they are now, by id; a user without a display name goes by e-mail."""
    users = User.objects.filter(pk__in=user_ids).select_related("department")
    return {
        u.pk: PersonName(u.display_name or u.email, u.department.name if u.department else "", u.email) for u in users
    }


def user_ids_named(text: str) -> list[int]:
    """Ids of the users whose name, reading or e-mail contains `text` (case-insensitive)."""
    if not text:
        return []
    found = User.objects.filter(
        Q(display_name__icontains=text) | Q(display_name_kana__icontains=text) | Q(email__icontains=text)
    )
    return list(found.values_list("pk", flat=True)[:500])


def role_list() -> QuerySet[Role]:
    return Role.objects.order_by("id")


def role_get(*, role_id: int) -> Role:
    try:
        return Role.objects.get(pk=role_id)
    except Role.DoesNotExist as exc:
        raise NotFoundError("指定された役割が見つかりません。") from exc


def committee_choices() -> list[tuple[str, str]]:
    """(value, label) of the 第5章 committees, for other apps' forms."""
    return [(c.value, str(c.label)) for c in Committee]


def committee_members(*, on: Any = None) -> dict[str, list[CommitteeMembership]]:
    """Current members of each committee, keyed by Committee value."""
    day = on or timezone.localdate()
    qs = (
        CommitteeMembership.objects.select_related("user", "user__department")
        .filter(starts_on__lte=day)
        .exclude(ends_on__lt=day)
    )
    grouped: dict[str, list[CommitteeMembership]] = {c.value: [] for c in Committee}
    for membership in qs:
        grouped[membership.committee].append(membership)
    return grouped


def membership_get(*, membership_id: int) -> CommitteeMembership:
    try:
        return CommitteeMembership.objects.select_related("user").get(pk=membership_id)
    except CommitteeMembership.DoesNotExist as exc:
        raise NotFoundError("指定された委員会構成員が見つかりません。") from exc


def assignments_for_year(*, fiscal_year: int) -> QuerySet[DepartmentAssignment]:
    return DepartmentAssignment.objects.select_related("user", "department").filter(fiscal_year=fiscal_year)


def assignment_get(*, assignment_id: int) -> DepartmentAssignment:
    try:
        return DepartmentAssignment.objects.select_related("user", "department").get(pk=assignment_id)
    except DepartmentAssignment.DoesNotExist as exc:
        raise NotFoundError("指定された担当者が見つかりません。") from exc


def is_committee_member(user: Any, *, on: Any = None) -> bool:
    day = on or timezone.localdate()
    if getattr(user, "pk", None) is None:
        return False
    return CommitteeMembership.objects.filter(user_id=user.pk, starts_on__lte=day).exclude(ends_on__lt=day).exists()


def api_tokens_for(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def api_token_get(*, user: Any, token_id: int) -> ApiToken:
    try:
        return ApiToken.objects.get(pk=token_id, user=user)
    except ApiToken.DoesNotExist as exc:
        raise NotFoundError("指定されたトークンが見つかりません。") from exc


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_authenticate(raw: str) -> User | None:
    """The staff member behind a bearer token, or None; records last use."""
    token = (
        ApiToken.objects.select_related("user")
        .prefetch_related(Prefetch("user__roles"))
        .filter(token_hash=hash_token(raw))
        .first()
    )
    if token is None or not token.is_usable:
        return None
    user = token.user
    if not (user.is_active and user.is_staff and user.has_perm(module_perm(API_TOKENS))):
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return user


@dataclass(frozen=True)
class CitySite:
    """What allauth's e-mail templates call `current_site`: the city, not the host that served the request."""

    name: str
    domain: str
    url: str


def city_site() -> CitySite:
    name = str(_("%(city)s 電子市役所") % {"city": core_selectors.site_name(language=get_language() or "ja")})
    return CitySite(name=name, domain=urlparse(settings.CITYHALL_BASE_URL).netloc, url=settings.CITYHALL_BASE_URL)


def mfa_kinds(user: Any) -> list[str]:
    """The second factors a user has set up: "totp", "webauthn", "recovery_codes"."""
    from allauth.mfa.models import Authenticator

    return sorted(set(Authenticator.objects.filter(user=user).values_list("type", flat=True)))
