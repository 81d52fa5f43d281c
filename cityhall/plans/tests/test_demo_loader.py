"""The demo plan data goes through the services: audited, and a second run adds nothing."""

from django.core.management import call_command

from cityhall.core.audit import audit_verify
from cityhall.core.models import AuditEntry
from cityhall.plans import selectors
from cityhall.plans.models import Initiative, PriorityScore, ProgressReport


def _plan_entries():
    return AuditEntry.objects.filter(action__startswith="plans.")


def test_the_demo_plan_data_is_written_through_the_audited_services(db, capsys):
    call_command("demo")
    plan = selectors.plan_get()
    assert not Initiative.objects.filter(field__pillar__plan=plan, department=None).exists()
    counts = {
        a: _plan_entries().filter(action=a).count() for a in set(_plan_entries().values_list("action", flat=True))
    }
    assert counts == {
        "plans.initiative_update": 18,
        "plans.score_set": 18,
        "plans.progress_report": 18,
        "plans.meeting_save": 1,
    }
    assert PriorityScore.objects.filter(initiative__field__pillar__plan=plan).count() == 18
    delayed = ProgressReport.objects.filter(status="delayed")
    assert delayed.exists() and all(r.comment for r in delayed)

    call_command("demo")
    assert _plan_entries().count() == sum(counts.values())
    assert audit_verify() == []
    capsys.readouterr()
