import itertools

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from cityhall.core.audit import GENESIS_HASH, audit_record, audit_verify
from cityhall.core.models import AuditEntry


@pytest.fixture
def chain(admin_user):
    return [
        audit_record(
            actor=admin_user,
            action=f"test.action{i}",
            object_type="test",
            object_id=str(i),
            before={"n": i},
            after={"n": i + 1, "名前": "大田原"},
        )
        for i in range(5)
    ]


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_entries_form_a_chain(chain, admin_user):
    assert [e.sequence for e in chain] == [1, 2, 3, 4, 5]
    assert chain[0].prev_hash == GENESIS_HASH
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(chain))
    assert chain[0].actor_label == admin_user.email
    assert audit_verify() == []
    call_command("audit_verify")


def test_entries_cannot_be_changed_or_deleted_through_the_orm(chain):
    entry = AuditEntry.objects.get(sequence=2)
    entry.action = "forged"
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(sequence=2).update(action="forged")
    with pytest.raises(TypeError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(sequence=2).action == "test.action1"


def test_edited_entry_is_detected(chain):
    _raw(f"UPDATE {AuditEntry._meta.db_table} SET after = %s WHERE sequence = 3", ['{"n": 999}'])
    problems = audit_verify()
    assert [p.sequence for p in problems] == [3]
    assert "edited" in problems[0].message
    with pytest.raises(CommandError, match="NOT intact"):
        call_command("audit_verify")


def test_rewritten_entry_with_recomputed_hash_breaks_the_next_link(chain):
    forged = AuditEntry.objects.get(sequence=2)
    forged.actor_label = "someone-else@example.jp"
    from cityhall.core.audit import compute_hash

    new_hash = compute_hash(forged)
    _raw(
        f"UPDATE {AuditEntry._meta.db_table} SET actor_label = %s, hash = %s WHERE sequence = 2",
        [forged.actor_label, new_hash],
    )
    problems = audit_verify()
    assert [(p.sequence, "link" in p.message) for p in problems] == [(3, True)]


def test_deleted_entry_in_the_middle_is_detected(chain):
    _raw(f"DELETE FROM {AuditEntry._meta.db_table} WHERE sequence = %s", [2])
    messages = [p.message for p in audit_verify()]
    assert any("missing" in m for m in messages)
    assert any("link" in m for m in messages)


def test_deleted_tail_is_detected_through_the_chain_head(chain):
    _raw(f"DELETE FROM {AuditEntry._meta.db_table} WHERE sequence = %s", [5])
    problems = audit_verify()
    assert len(problems) == 1
    assert "tail removed" in problems[0].message


def test_system_actions_are_recorded_without_a_user(db):
    entry = audit_record(actor=None, action="system.job", object_type="job")
    assert entry.actor is None
    assert entry.actor_label == "system"
    assert audit_verify() == []


def test_audited_save_refuses_a_duplicate_in_japanese_and_records_nothing(municipality, admin_user):
    from django.db import transaction

    from cityhall.core.audit import audited_save
    from cityhall.core.errors import ConflictError
    from cityhall.core.models import AuditEntry, Department

    with transaction.atomic():
        first = Department(municipality=municipality, code="dup", name="一つ目")
        audited_save(actor=admin_user, action="department.create", target=first, conflict="同じ組織コードがあります。")
        before = AuditEntry.objects.count()
        with pytest.raises(ConflictError, match="同じ組織コードがあります。"):
            audited_save(
                actor=admin_user,
                action="department.create",
                target=Department(municipality=municipality, code="dup", name="二つ目"),
                conflict="同じ組織コードがあります。",
            )
        assert AuditEntry.objects.count() == before, "nothing recorded for the refused write"
        assert Department.objects.filter(code="dup").count() == 1, "the transaction is still usable"
