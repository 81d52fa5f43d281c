"""Shared test personas: resident, department clerk, ICT-policy officer, administrator.

`login(client, user)` signs a user in the way allauth would after password and
(for staff) a second factor, so console pages can be reached.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from cityhall.accounts.models import Role, User
from cityhall.core.models import Department, Municipality

PASSWORD = "correct-horse-battery-42"

# Data migrations whose rows tests rely on. A transactional test ends with a
# flush that removes them, so the persona fixtures put them back (idempotent).
DATA_MIGRATIONS = [
    ("cityhall.accounts.migrations.0003_builtin_roles", "create_roles"),
    ("cityhall.plans.migrations.0002_role_grants", "grant"),
    ("cityhall.plans.migrations.0003_seed_plan", "load"),
    ("cityhall.procedures.migrations.0002_roles", "grant"),
    ("cityhall.opendata.migrations.0002_seed", "seed"),
    ("cityhall.notifications.migrations.0003_outbox_role_grant", "grant"),
    ("cityhall.announcements.migrations.0002_seed_and_move_portal_notices", "seed_and_grant"),
]


def restore_migration_data() -> None:
    from importlib import import_module

    from django.apps import apps

    for module, function in DATA_MIGRATIONS:
        getattr(import_module(module), function)(apps, None)


@pytest.fixture(autouse=True)
def _japanese_by_default() -> Any:
    """Each test starts in Japanese; a test that switched to English must not leak it."""
    from django.utils import translation

    with translation.override("ja"):
        yield


@pytest.fixture(autouse=True)
def _mail_through_the_outbox(settings: Any) -> None:
    """Django's test set-up swaps EMAIL_BACKEND for locmem; put the outbox back in front.

    The outbox's own transport stays locmem (mail.outbox) unless a test uses smtp_server.
    """
    settings.EMAIL_BACKEND = "cityhall.notifications.backends.OutboxEmailBackend"


@pytest.fixture
def municipality(db: Any) -> Municipality:
    restore_migration_data()
    return Municipality.objects.create(
        code="092100",
        name="大田原市",
        prefecture="栃木県",
        address="栃木県大田原市本町1丁目4番1号",
        postal_code="324-8641",
        phone="0287-23-1111",
    )


@pytest.fixture
def departments(municipality: Municipality) -> dict[str, Department]:
    division = Department.objects.create(
        municipality=municipality, code="general-policy", name="総合政策部", kind=Department.Kind.BUREAU, sort_order=1
    )
    ict = Department.objects.create(
        municipality=municipality, code="ict-policy", name="情報政策課", parent=division, sort_order=2
    )
    citizens_div = Department.objects.create(
        municipality=municipality, code="citizens-life", name="市民生活部", kind=Department.Kind.BUREAU, sort_order=3
    )
    citizens = Department.objects.create(
        municipality=municipality, code="citizens", name="市民課", parent=citizens_div, sort_order=4
    )
    return {"general-policy": division, "ict-policy": ict, "citizens-life": citizens_div, "citizens": citizens}


def make_user(email: str, *, role: str | None = None, department: Department | None = None, **extra: Any) -> User:
    user = User.objects.create_user(
        email=email,
        password=PASSWORD,
        is_staff=role is not None,
        department=department,
        display_name=extra.pop("display_name", email.split("@", maxsplit=1)[0]),
        **extra,
    )
    if role:
        user.roles.set(Role.objects.filter(code=role))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def resident(db: Any) -> User:
    restore_migration_data()
    return make_user("resident@example.jp")


@pytest.fixture
def clerk(departments: dict[str, Department]) -> User:
    return make_user("clerk@example.jp", role="department_clerk", department=departments["citizens"])


@pytest.fixture
def policy_officer(departments: dict[str, Department]) -> User:
    return make_user("policy@example.jp", role="ict_policy", department=departments["ict-policy"])


@pytest.fixture
def admin_user(departments: dict[str, Department]) -> User:
    return make_user("admin@example.jp", role="administrator", department=departments["ict-policy"])


def login(client: Client, user: User, *, mfa: bool = True) -> Client:
    """Sign in as allauth does; staff sessions also record a passed second factor."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    records: list[dict[str, Any]] = [{"method": "password", "at": time.time(), "email": user.email}]
    if mfa:
        records.append({"method": "mfa", "at": time.time(), "type": "totp", "id": 1})
    session["account_authentication_methods"] = records
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


@pytest.fixture
def as_user(client: Client) -> Any:
    """as_user(user) → a client signed in as that user (None: anonymous)."""

    def _as(user: User | None) -> Client:
        if user is None:
            return Client()
        return login(Client(), user)

    return _as


class _Inbox:
    """Messages received by the local SMTP server, as (envelope sender, recipients, email.message)."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd API)
        import email
        from email import policy

        parsed = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 OK"

    def bodies(self) -> list[str]:
        return [str(m.get_body(preferencelist=("plain",)).get_content()) for _f, _t, m in self.messages]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp_server(settings: Any) -> Any:
    """A real SMTP server (aiosmtpd) on localhost; mail goes to it through the real SMTP backend."""
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.CITYHALL_EMAIL_TRANSPORT = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """On PostgreSQL, end stray sessions to the test database before it is dropped.

    A connection opened in a helper thread during a test can outlive the test; DROP DATABASE
    then fails at teardown ("is being accessed by other users") although every test passed.
    """
    yield
    with django_db_blocker.unblock():
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
