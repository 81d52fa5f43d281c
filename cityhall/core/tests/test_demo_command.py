import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cityhall.accounts.models import CommitteeMembership, User
from cityhall.core.audit import audit_verify
from cityhall.core.models import Department, Municipality


def test_demo_loads_the_city_and_prints_every_persona(db, capsys):
    call_command("demo")
    out = capsys.readouterr().out
    for email in ("admin@", "policy@", "clerk@", "resident@"):
        assert f"{email}demo.ohtawara.example.jp" in out
    assert "TOTP シークレット" in out
    city = Municipality.objects.get()
    assert (city.code, city.name) == ("092100", "大田原市")
    assert Department.objects.get(code="ict-policy").full_name == "総合政策部情報政策課"
    assert User.objects.get(email="admin@demo.ohtawara.example.jp").has_perm("module.organisation")
    assert not User.objects.get(email="resident@demo.ohtawara.example.jp").is_staff
    assert {m.committee for m in CommitteeMembership.objects.all()} == {"headquarters", "promotion", "security"}


def test_demo_is_idempotent(db):
    call_command("demo")
    counts = (User.objects.count(), Department.objects.count(), CommitteeMembership.objects.count())
    call_command("demo")
    assert (User.objects.count(), Department.objects.count(), CommitteeMembership.objects.count()) == counts
    assert audit_verify() == []


def test_demo_refuses_outside_demo_settings(db, settings):
    settings.CITYHALL_DEMO = False
    with pytest.raises(CommandError, match="CITYHALL_DEMO"):
        call_command("demo")
    assert not Municipality.objects.exists()
