"""Write use cases for staff, roles, committees and API tokens. Every write is audited."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cityhall.accounts.backends import ALL_MODULES
from cityhall.accounts.models import ApiToken, CommitteeMembership, DepartmentAssignment, Role, User
from cityhall.accounts.selectors import city_site, hash_token
from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_save, audited_update, save_unique, snapshot
from cityhall.core.errors import ConflictError, InvalidInputError
from cityhall.core.modules import module_keys
from cityhall.core.permissions import API_TOKENS, ORGANISATION, require_module

_STAFF_FIELDS = ("display_name", "display_name_kana", "department", "title", "employee_number")


def _staff_snapshot(user: User) -> dict[str, Any]:
    data = snapshot(
        user,
        [
            "email",
            "display_name",
            "display_name_kana",
            "department",
            "title",
            "employee_number",
            "is_active",
            "is_staff",
        ],
    )
    data["roles"] = sorted(user.roles.values_list("code", flat=True)) if user.pk else []
    return data


def _ensure_an_administrator_remains() -> None:
    """Someone active must still hold the organisation module (directly or through "*")."""
    admin_roles = [r.pk for r in Role.objects.all() if ALL_MODULES in r.modules or ORGANISATION in r.modules]
    if not User.objects.filter(is_active=True, is_staff=True, roles__in=admin_roles).exists():
        raise ConflictError("システム管理者が一人もいなくなるため、この変更はできません。")


def _invite(user: User, request: HttpRequest | None) -> None:
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    url = request.build_absolute_uri(path) if request else f"{settings.CITYHALL_BASE_URL}{path}"
    site = city_site()
    body = render_to_string("accounts/email/staff_invitation.txt", {"user": user, "url": url, "site": site})
    send_mail(_("【%(site)s】職員アカウントのご案内") % {"site": site.name}, body, None, [user.email])


@transaction.atomic
def staff_create(
    *, actor: Actor, email: str, data: dict[str, Any], roles: list[Role], request: HttpRequest | None = None
) -> User:
    """Create a staff account and e-mail a link to set the password.

    Raises PermissionDeniedError, InvalidInputError, ConflictError.
    """
    require_module(actor, ORGANISATION)
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise InvalidInputError("メールアドレスの形式が正しくありません。") from exc
    if User.objects.filter(email__iexact=email).exists():
        raise ConflictError("このメールアドレスは既に登録されています。")
    user = User(email=email, is_staff=True, **{k: v for k, v in data.items() if k in _STAFF_FIELDS})
    user.set_unusable_password()
    save_unique(user, conflict="職員番号が他の職員と重複しています。")
    user.roles.set(roles)
    # The address was given by an administrator; the invitation link proves it works.
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    audit_record(
        actor=actor,
        action="staff.create",
        target=user,
        department_id=user.department_id,
        after=_staff_snapshot(user),
        request=request,
    )
    transaction.on_commit(lambda: _invite(user, request))
    return user


@transaction.atomic
def staff_update(
    *,
    actor: Actor,
    staff: User,
    data: dict[str, Any],
    roles: list[Role] | None = None,
    request: HttpRequest | None = None,
) -> User:
    """Change a staff member's profile and, when given, roles."""
    require_module(actor, ORGANISATION)
    staff = User.objects.select_for_update().get(pk=staff.pk, is_staff=True)
    before = _staff_snapshot(staff)
    for field, value in data.items():
        if field in _STAFF_FIELDS:
            setattr(staff, field, value)
    save_unique(staff, conflict="職員番号が他の職員と重複しています。")
    if roles is not None:
        staff.roles.set(roles)
        _ensure_an_administrator_remains()
    after = _staff_snapshot(staff)
    if after != before:
        audit_record(
            actor=actor,
            action="staff.update",
            target=staff,
            department_id=staff.department_id,
            before=before,
            after=after,
            request=request,
        )
    return staff


@transaction.atomic
def staff_set_active(*, actor: Actor, staff: User, is_active: bool, request: HttpRequest | None = None) -> User:
    """Suspend or restore a staff account (accounts are never deleted)."""
    require_module(actor, ORGANISATION)
    if staff.pk == getattr(actor, "pk", None) and not is_active:
        raise ConflictError("自分自身のアカウントは停止できません。")
    staff = User.objects.select_for_update().get(pk=staff.pk, is_staff=True)
    before = _staff_snapshot(staff)
    staff.is_active = is_active
    staff.save(update_fields=["is_active"])
    _ensure_an_administrator_remains()
    audit_record(
        actor=actor,
        action="staff.activate" if is_active else "staff.suspend",
        target=staff,
        department_id=staff.department_id,
        before=before,
        after=_staff_snapshot(staff),
        request=request,
    )
    return staff


def _clean_modules(modules: list[str]) -> list[str]:
    known = set(module_keys()) | {ALL_MODULES}
    unknown = [m for m in modules if m not in known]
    if unknown:
        raise InvalidInputError(f"存在しないモジュールが指定されました: {', '.join(unknown)}")
    return sorted(set(modules))


@transaction.atomic
def role_save(
    *,
    actor: Actor,
    role: Role | None,
    code: str,
    name: str,
    description: str,
    modules: list[str],
    request: HttpRequest | None = None,
) -> Role:
    """Create (role=None) or change a role. Built-in roles keep their code."""
    require_module(actor, ORGANISATION)
    if role is not None:
        role = Role.objects.select_for_update().get(pk=role.pk)
        if role.is_builtin and role.code != code:
            raise InvalidInputError("標準の役割のコードは変更できません。")
    before = snapshot(role) if role is not None else None
    target = role or Role()
    target.code, target.name, target.description = code, name, description
    target.modules = _clean_modules(modules)
    save_unique(target, conflict="同じコードの役割が既にあります。")
    if role is not None:
        _ensure_an_administrator_remains()
    audit_record(
        actor=actor,
        action="role.update" if role else "role.create",
        target=target,
        before=before,
        after=snapshot(target),
        request=request,
    )
    return target


@transaction.atomic
def committee_member_add(
    *,
    actor: Actor,
    committee: str,
    user: User,
    position: str,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    request: HttpRequest | None = None,
) -> CommitteeMembership:
    require_module(actor, ORGANISATION)
    if not user.is_staff or not user.is_active:
        raise InvalidInputError("委員会の構成員には有効な職員のみ登録できます。")
    if ends_on is not None and ends_on < starts_on:
        raise InvalidInputError("終了日は開始日以降の日付にしてください。")
    membership = CommitteeMembership(
        committee=committee, user=user, position=position, starts_on=starts_on, ends_on=ends_on
    )
    try:
        membership.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise InvalidInputError("委員会または役職の指定が正しくありません。") from exc
    audited_save(
        actor=actor,
        action="committee.member_add",
        target=membership,
        conflict="同じ職員が同じ日から既に登録されています。",
        department_id=user.department_id,
        request=request,
    )
    return membership


@transaction.atomic
def committee_member_end(
    *, actor: Actor, membership: CommitteeMembership, ends_on: dt.date, request: HttpRequest | None = None
) -> CommitteeMembership:
    """End a membership on `ends_on` (kept as history, never deleted)."""
    require_module(actor, ORGANISATION)
    membership = CommitteeMembership.objects.select_for_update().get(pk=membership.pk)
    if ends_on < membership.starts_on:
        raise InvalidInputError("終了日は開始日以降の日付にしてください。")
    audited_update(
        actor=actor, action="committee.member_end", target=membership, changes={"ends_on": ends_on}, request=request
    )
    return membership


@transaction.atomic
def assignment_add(
    *, actor: Actor, kind: str, department: Any, user: User, fiscal_year: int, request: HttpRequest | None = None
) -> DepartmentAssignment:
    """Name a staff member ITヘルパー or セキュリティスタッフ of a 課 for one 年度."""
    require_module(actor, ORGANISATION)
    if not user.is_staff or not user.is_active:
        raise InvalidInputError("有効な職員のみ指名できます。")
    if kind not in DepartmentAssignment.Kind.values:
        raise InvalidInputError("種別の指定が正しくありません。")
    assignment = DepartmentAssignment(kind=kind, department=department, user=user, fiscal_year=fiscal_year)
    audited_save(
        actor=actor,
        action="assignment.add",
        target=assignment,
        conflict="同じ年度に同じ職員が既に指名されています。",
        department_id=department.pk,
        request=request,
    )
    return assignment


@transaction.atomic
def assignment_remove(*, actor: Actor, assignment: DepartmentAssignment, request: HttpRequest | None = None) -> None:
    require_module(actor, ORGANISATION)
    before = snapshot(assignment)
    audit_record(
        actor=actor,
        action="assignment.remove",
        target=assignment,
        department_id=assignment.department_id,
        before=before,
        request=request,
    )
    assignment.delete()


@transaction.atomic
def api_token_issue(
    *, actor: Actor, name: str, expires_at: dt.datetime | None = None, request: HttpRequest | None = None
) -> tuple[ApiToken, str]:
    """Issue a token for the acting staff member. The plain token is returned once and never stored."""
    require_module(actor, API_TOKENS)
    name = name.strip()
    if not name:
        raise InvalidInputError("用途を入力してください。")
    if expires_at is not None and expires_at <= timezone.now():
        raise InvalidInputError("有効期限は現在より後の日時にしてください。")
    raw = "ch_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor, name=name[:100], prefix=raw[:10], token_hash=hash_token(raw), expires_at=expires_at
    )
    audit_record(
        actor=actor,
        action="api_token.issue",
        target=token,
        after=snapshot(token, ["name", "prefix", "expires_at", "user"]),
        request=request,
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor: Actor, token: ApiToken, request: HttpRequest | None = None) -> ApiToken:
    require_module(actor, API_TOKENS)
    token = ApiToken.objects.select_for_update().get(pk=token.pk, user=actor)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            action="api_token.revoke",
            target=token,
            after=snapshot(token, ["name", "prefix", "revoked_at"]),
            request=request,
        )
    return token
