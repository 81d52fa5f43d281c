"""Loads the demo city's organisation and personas (see demo_city.py)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from allauth.mfa.utils import encrypt
from django.conf import settings

from cityhall.accounts import demo_city
from cityhall.accounts.adapters import DEMO_TOTP_SECRETS
from cityhall.accounts.models import CommitteeMembership, DepartmentAssignment, Role, User
from cityhall.core.fiscal_year import FiscalYear
from cityhall.core.models import Department, Municipality


def _organisation() -> tuple[Municipality, dict[str, Department]]:
    municipality, _created = Municipality.objects.update_or_create(
        code=demo_city.MUNICIPALITY["code"], defaults=demo_city.MUNICIPALITY
    )
    departments: dict[str, Department] = {}
    order = 0
    for code, name, name_en, sections in demo_city.DEPARTMENTS:
        order += 10
        division, _c = Department.objects.update_or_create(
            municipality=municipality,
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "kind": Department.Kind.BUREAU,
                "sort_order": order,
                "location": "本庁舎",
                "phone": "0287-23-1111",
            },
        )
        departments[code] = division
        for s_code, s_name, s_en in sections:
            order += 1
            departments[s_code], _c = Department.objects.update_or_create(
                municipality=municipality,
                code=s_code,
                defaults={
                    "name": s_name,
                    "name_en": s_en,
                    "kind": Department.Kind.SECTION,
                    "parent": division,
                    "sort_order": order,
                    "location": "本庁舎",
                    "phone": "0287-23-1111",
                },
            )
    for s_code, s_name, s_en in demo_city.STANDALONE:
        order += 10
        departments[s_code], _c = Department.objects.update_or_create(
            municipality=municipality,
            code=s_code,
            defaults={
                "name": s_name,
                "name_en": s_en,
                "kind": Department.Kind.OFFICE,
                "sort_order": order,
                "location": "本庁舎",
                "phone": "0287-23-1111",
            },
        )
    return municipality, departments


def _user(email: str, password: str | None, **fields: Any) -> User:
    user, created = User.objects.update_or_create(email=email, defaults=fields)
    if created or password:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _totp(user: User, secret: str) -> None:
    Authenticator.objects.update_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": encrypt(secret)}}
    )


def current_code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    return str(format_hotp_value(hotp_value(secret, counters[len(counters) // 2])))


def load() -> list[str]:
    _municipality, departments = _organisation()
    lines = ["", f"大田原市（デモ）を読み込みました。ログイン: {settings.CITYHALL_BASE_URL}/accounts/login/", ""]
    for persona in demo_city.PERSONAS:
        user = _user(
            persona.email,
            persona.password,
            display_name=persona.name,
            display_name_kana=persona.kana,
            is_staff=persona.role is not None,
            department=departments.get(persona.department or ""),
            title=persona.title,
        )
        if persona.role:
            user.roles.set(Role.objects.filter(code=persona.role))
        secret = DEMO_TOTP_SECRETS[persona.key]
        _totp(user, secret)
        lines += [
            f"■ {persona.label}",
            f"    メール: {persona.email}    パスワード: {persona.password}",
            f"    TOTP シークレット: {secret}  (今のコード: {current_code(secret)})",
            f"    otpauth://totp/cityhall:{persona.email}?secret={secret}&issuer=cityhall",
        ]
    officials = {}
    for email, name, kana, dept, title in demo_city.OFFICIALS:
        officials[email] = _user(
            email,
            None,
            display_name=name,
            display_name_kana=kana,
            is_staff=True,
            department=departments.get(dept or ""),
            title=title,
        )
        officials[email].roles.set(Role.objects.filter(code="committee_member"))
    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.ohtawara.example.jp")}
    for committee, email, position in demo_city.COMMITTEES:
        CommitteeMembership.objects.update_or_create(
            committee=committee,
            user=users[email],
            starts_on=demo_city.COMMITTEE_START,
            defaults={"position": position},
        )
    year = FiscalYear.current().year
    for kind, section, email in demo_city.ASSIGNMENTS:
        DepartmentAssignment.objects.get_or_create(
            kind=kind, department=departments[section], user=users[email], fiscal_year=year
        )
    lines += ["", "TOTP のシークレットはデモ設定（CITYHALL_DEMO=1）でのみ有効です。", ""]
    return lines
