import pytest

from cityhall.core import services
from cityhall.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from cityhall.core.models import AuditEntry, Department


def _data(**overrides):
    return {"code": "tax", "name": "税務課", "kind": Department.Kind.SECTION, "sort_order": 5} | overrides


def test_admin_creates_a_department_and_it_is_audited(admin_user, municipality, departments):
    dept = services.department_create(
        actor=admin_user, municipality=municipality, data=_data(parent=departments["general-policy"])
    )
    assert dept.full_name == "総合政策部税務課"
    entry = AuditEntry.objects.get(action="department.create")
    assert entry.actor == admin_user
    assert entry.after["name"] == "税務課"
    assert entry.department_id == dept.pk


@pytest.mark.parametrize("persona", ["clerk", "policy_officer", "resident"])
def test_only_the_organisation_module_may_create(persona, request, municipality):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDeniedError):
        services.department_create(actor=user, municipality=municipality, data=_data())
    assert not Department.objects.filter(code="tax").exists()
    assert not AuditEntry.objects.exists()


def test_duplicate_code_is_a_conflict_and_nothing_is_written(admin_user, municipality, departments):
    with pytest.raises(ConflictError, match="組織コード"):
        services.department_create(actor=admin_user, municipality=municipality, data=_data(code="citizens"))
    assert Department.objects.filter(code="citizens").count() == 1
    assert not AuditEntry.objects.exists()


def test_invalid_input_gets_a_japanese_message(admin_user, municipality):
    with pytest.raises(InvalidInputError) as excinfo:
        services.department_create(actor=admin_user, municipality=municipality, data=_data(name="", code="bad code"))
    message = excinfo.value.message
    assert "名称: このフィールドは空ではいけません。" in message
    assert "組織コード: " in message
    assert not Department.objects.filter(code="bad code").exists()


def test_update_records_before_and_after(admin_user, departments):
    citizens = departments["citizens"]
    services.department_update(
        actor=admin_user, department=citizens, data={"name": "市民窓口課", "phone": "0287-23-0000"}
    )
    citizens.refresh_from_db()
    assert citizens.name == "市民窓口課"
    entry = AuditEntry.objects.get(action="department.update")
    assert (entry.before["name"], entry.after["name"]) == ("市民課", "市民窓口課")


def test_parent_cycles_are_refused(admin_user, departments):
    division = departments["general-policy"]
    with pytest.raises(InvalidInputError, match="循環"):
        services.department_update(actor=admin_user, department=division, data={"parent": departments["ict-policy"]})
    division.refresh_from_db()
    assert division.parent is None


def test_departments_are_retired_not_deleted(admin_user, departments):
    dept = services.department_set_active(actor=admin_user, department=departments["citizens"], is_active=False)
    assert dept.is_active is False
    assert Department.objects.filter(pk=dept.pk).exists()
    assert AuditEntry.objects.filter(action="department.deactivate").count() == 1
    # Repeating the same change is a no-op, not a second audit entry.
    services.department_set_active(actor=admin_user, department=dept, is_active=False)
    assert AuditEntry.objects.filter(action="department.deactivate").count() == 1


def test_a_bureau_with_active_sections_cannot_be_retired(admin_user, departments):
    with pytest.raises(ConflictError, match="所属する課が有効なまま"):
        services.department_set_active(actor=admin_user, department=departments["citizens-life"], is_active=False)
    services.department_set_active(actor=admin_user, department=departments["citizens"], is_active=False)
    services.department_set_active(actor=admin_user, department=departments["citizens-life"], is_active=False)
    assert not Department.objects.get(code="citizens-life").is_active
