import datetime as dt

import pytest
from django.core import mail
from django.test import Client

from cityhall.accounts import services
from cityhall.accounts.models import CommitteeMembership, DepartmentAssignment, Role, User
from cityhall.core.audit import audit_verify
from cityhall.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from cityhall.core.models import AuditEntry


def _roles(*codes):
    return list(Role.objects.filter(code__in=codes))


def test_admin_creates_staff_who_gets_an_invitation(admin_user, departments, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        staff = services.staff_create(
            actor=admin_user,
            email=" New.Clerk@Example.JP ",
            data={"display_name": "新人 職員", "department": departments["citizens"], "employee_number": "A100"},
            roles=_roles("department_clerk"),
        )
    assert staff.email == "new.clerk@example.jp"
    assert staff.is_staff and not staff.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["new.clerk@example.jp"]
    assert message.subject == "【大田原市 電子市役所】職員アカウントのご案内"
    assert "大田原市 電子市役所の職員アカウントが作成されました。" in message.body
    link = next(line for line in message.body.splitlines() if "/accounts/password/reset/key/" in line)
    # The invitation link really lets the new member set a password.
    path = link.split("127.0.0.1:8000", 1)[-1].strip()
    client = Client()
    response = client.get(path, follow=True)
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action="staff.create")
    assert entry.after["roles"] == ["department_clerk"]
    assert entry.after["employee_number"] == "A100"


def test_staff_creation_refuses_bad_and_duplicate_input(admin_user):
    with pytest.raises(InvalidInputError, match="メールアドレスの形式"):
        services.staff_create(actor=admin_user, email="not-an-address", data={}, roles=[])
    with pytest.raises(ConflictError, match="既に登録"):
        services.staff_create(actor=admin_user, email="ADMIN@example.jp", data={}, roles=[])
    services.staff_create(actor=admin_user, email="a@example.jp", data={"employee_number": "X1"}, roles=[])
    with pytest.raises(ConflictError, match="職員番号"):
        services.staff_create(actor=admin_user, email="b@example.jp", data={"employee_number": "X1"}, roles=[])
    assert not User.objects.filter(email="b@example.jp").exists()
    assert AuditEntry.objects.filter(action="staff.create").count() == 1


@pytest.mark.parametrize("persona", ["clerk", "policy_officer", "resident"])
def test_only_organisation_admins_manage_staff(persona, request):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDeniedError):
        services.staff_create(actor=user, email="x@example.jp", data={}, roles=[])


def test_role_changes_are_audited_and_the_last_admin_stays(admin_user, clerk):
    services.staff_update(actor=admin_user, staff=clerk, data={"title": "主任"}, roles=_roles("ict_policy"))
    entry = AuditEntry.objects.get(action="staff.update")
    assert entry.before["roles"] == ["department_clerk"]
    assert entry.after["roles"] == ["ict_policy"]
    assert entry.after["title"] == "主任"
    with pytest.raises(ConflictError, match="システム管理者が一人もいなく"):
        services.staff_update(actor=admin_user, staff=admin_user, data={}, roles=[])
    assert admin_user.roles.filter(code="administrator").exists()
    with pytest.raises(ConflictError, match="自分自身"):
        services.staff_set_active(actor=admin_user, staff=admin_user, is_active=False)


def test_suspended_staff_lose_module_access(admin_user, policy_officer):
    assert policy_officer.has_perm("module.audit")
    services.staff_set_active(actor=admin_user, staff=policy_officer, is_active=False)
    policy_officer.refresh_from_db()
    assert not policy_officer.has_perm("module.audit")


def test_roles_only_grant_known_modules(admin_user):
    with pytest.raises(InvalidInputError, match="存在しないモジュール"):
        services.role_save(actor=admin_user, role=None, code="x", name="X", description="", modules=["nope"])
    role = services.role_save(
        actor=admin_user, role=None, code="auditor", name="監査担当", description="", modules=["audit", "audit"]
    )
    assert role.modules == ["audit"]
    builtin = Role.objects.get(code="ict_policy")
    with pytest.raises(InvalidInputError, match="標準の役割"):
        services.role_save(actor=admin_user, role=builtin, code="renamed", name="x", description="", modules=[])


def test_committee_membership_has_a_period(admin_user, policy_officer, resident):
    start = dt.date(2025, 4, 1)
    membership = services.committee_member_add(
        actor=admin_user, committee="security", user=policy_officer, position="vice_chair", starts_on=start
    )
    with pytest.raises(ConflictError):
        services.committee_member_add(
            actor=admin_user, committee="security", user=policy_officer, position="member", starts_on=start
        )
    with pytest.raises(InvalidInputError, match="有効な職員"):
        services.committee_member_add(
            actor=admin_user, committee="security", user=resident, position="member", starts_on=start
        )
    with pytest.raises(InvalidInputError, match="終了日"):
        services.committee_member_end(actor=admin_user, membership=membership, ends_on=dt.date(2025, 3, 1))
    services.committee_member_end(actor=admin_user, membership=membership, ends_on=dt.date(2026, 3, 31))
    assert CommitteeMembership.objects.get().ends_on == dt.date(2026, 3, 31)
    assert list(AuditEntry.objects.order_by("sequence").values_list("action", flat=True)) == [
        "committee.member_add",
        "committee.member_end",
    ]


def test_it_helpers_and_security_staff_are_named_per_year(admin_user, clerk, departments):
    assignment = services.assignment_add(
        actor=admin_user, kind="it_helper", department=departments["citizens"], user=clerk, fiscal_year=2025
    )
    with pytest.raises(ConflictError, match="同じ年度"):
        services.assignment_add(
            actor=admin_user, kind="it_helper", department=departments["citizens"], user=clerk, fiscal_year=2025
        )
    services.assignment_add(
        actor=admin_user, kind="it_helper", department=departments["citizens"], user=clerk, fiscal_year=2026
    )
    services.assignment_remove(actor=admin_user, assignment=assignment)
    assert list(DepartmentAssignment.objects.values_list("fiscal_year", flat=True)) == [2026]
    removed = AuditEntry.objects.get(action="assignment.remove")
    assert removed.before["fiscal_year"] == 2025
    assert audit_verify() == []


def test_stripping_the_admin_role_of_its_modules_is_refused(admin_user):
    admin_role = Role.objects.get(code="administrator")
    with pytest.raises(ConflictError, match="システム管理者が一人もいなく"):
        services.role_save(
            actor=admin_user, role=admin_role, code="administrator", name="管理者", description="", modules=["audit"]
        )
    admin_role.refresh_from_db()
    assert admin_role.modules == ["*"]
