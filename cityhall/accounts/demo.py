"""The demo city's organisation and personas, loaded from `data/demo_city.yaml`.

The YAML holds what is data (the 部・課, the fictional people, the committees); this
module checks its shape and writes it through `load`, which the demo registry runs
first (order 10) so the other apps' demo content can refer to the 課 codes.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from allauth.mfa.utils import encrypt
from django.conf import settings
from pydantic import BaseModel, ConfigDict

from cityhall.accounts.adapters import DEMO_TOTP_SECRETS
from cityhall.accounts.models import CommitteeMembership, DepartmentAssignment, Role, User
from cityhall.core.data_files import read_data
from cityhall.core.fiscal_year import FiscalYear
from cityhall.core.models import Department, Municipality

DEMO_PHONE = "0287-23-1111"
DEMO_LOCATION = "本庁舎"


class _Shape(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class DemoMunicipality(_Shape):
    code: str
    name: str
    name_kana: str
    name_en: str
    prefecture: str
    postal_code: str
    address: str
    phone: str
    website: str
    population: int
    latitude: str
    longitude: str


class Unit(_Shape):
    """A 課 (or an office outside the 部)."""

    code: str
    name: str
    name_en: str


class Bureau(Unit):
    """A 部 and its 課."""

    sections: list[Unit]


class Persona(_Shape):
    key: str
    email: str
    password: str
    name: str
    kana: str
    department: str | None
    title: str
    role: str | None
    label: str


class Official(_Shape):
    email: str
    name: str
    kana: str
    department: str | None
    title: str


class CommitteeSeat(_Shape):
    committee: str
    email: str
    position: str


class Assignment(_Shape):
    kind: str
    section: str
    email: str


class DemoCity(_Shape):
    municipality: DemoMunicipality
    bureaus: list[Bureau]
    offices: list[Unit]
    personas: list[Persona]
    officials: list[Official]
    committee_start: dt.date
    committees: list[CommitteeSeat]
    assignments: list[Assignment]

    def divisions(self) -> list[Unit]:
        """Every 課 and office, in the order of the organisation chart."""
        return [section for bureau in self.bureaus for section in bureau.sections] + list(self.offices)


@cache
def city() -> DemoCity:
    """The demo city as described in `data/demo_city.yaml` (raises DataFileError when it does not fit)."""
    return read_data("cityhall.accounts", "demo_city.yaml", DemoCity)


def _department(municipality: Municipality, unit: Unit, order: int, **fields: Any) -> Department:
    department, _created = Department.objects.update_or_create(
        municipality=municipality,
        code=unit.code,
        defaults={
            "name": unit.name,
            "name_en": unit.name_en,
            "sort_order": order,
            "location": DEMO_LOCATION,
            "phone": DEMO_PHONE,
            **fields,
        },
    )
    return department


def _organisation(demo: DemoCity) -> dict[str, Department]:
    municipality, _created = Municipality.objects.update_or_create(
        code=demo.municipality.code, defaults=demo.municipality.model_dump()
    )
    departments: dict[str, Department] = {}
    order = 0
    for bureau in demo.bureaus:
        order += 10
        division = _department(municipality, bureau, order, kind=Department.Kind.BUREAU)
        departments[bureau.code] = division
        for section in bureau.sections:
            order += 1
            departments[section.code] = _department(
                municipality, section, order, kind=Department.Kind.SECTION, parent=division
            )
    for office in demo.offices:
        order += 10
        departments[office.code] = _department(municipality, office, order, kind=Department.Kind.OFFICE)
    return departments


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
    """The TOTP code valid now for `secret` (printed for the demo personas)."""
    counters = list(yield_hotp_counters_from_time())
    return str(format_hotp_value(hotp_value(secret, counters[len(counters) // 2])))


def _personas(demo: DemoCity, departments: dict[str, Department]) -> list[str]:
    lines: list[str] = []
    for persona in demo.personas:
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
    return lines


def _committees(demo: DemoCity, departments: dict[str, Department]) -> None:
    for official in demo.officials:
        user = _user(
            official.email,
            None,
            display_name=official.name,
            display_name_kana=official.kana,
            is_staff=True,
            department=departments.get(official.department or ""),
            title=official.title,
        )
        user.roles.set(Role.objects.filter(code="committee_member"))
    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.ohtawara.example.jp")}
    for seat in demo.committees:
        CommitteeMembership.objects.update_or_create(
            committee=seat.committee,
            user=users[seat.email],
            starts_on=demo.committee_start,
            defaults={"position": seat.position},
        )
    year = FiscalYear.current().year
    for assignment in demo.assignments:
        DepartmentAssignment.objects.get_or_create(
            kind=assignment.kind,
            department=departments[assignment.section],
            user=users[assignment.email],
            fiscal_year=year,
        )


def load() -> list[str]:
    """Create or update the demo city, its staff and residents; returns the lines printed for the demo."""
    demo = city()
    departments = _organisation(demo)
    lines = ["", f"大田原市（デモ）を読み込みました。ログイン: {settings.CITYHALL_BASE_URL}/accounts/login/", ""]
    lines += _personas(demo, departments)
    _committees(demo, departments)
    lines += ["", "TOTP のシークレットはデモ設定（CITYHALL_DEMO=1）でのみ有効です。", ""]
    return lines
