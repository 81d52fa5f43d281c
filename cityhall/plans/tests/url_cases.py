"""The plan's console pages: who may, who may not (collected by the URL permission matrix)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cityhall.core.tests.url_matrix import LOGIN, POLICY, POLICY_POST, STAFF, Case, UrlContext

READ = STAFF  # module plans (department staff, committee members) or plans_admin
EDIT_POST = (LOGIN, 403, 403, 400, 400)  # editors get past the check; the empty form is refused

CASES = {
    "console:plans:overview": Case("get", None, READ),
    "console:plans:gantt": Case("get", None, READ),
    "console:plans:dashboard": Case("get", None, READ),
    "console:plans:ranking": Case("get", None, READ),
    "console:plans:score_rule": Case("get", None, POLICY),  # POST: plans/tests/test_score_rule.py
    "console:plans:initiative": Case("get", "initiative", READ),
    "console:plans:initiative_edit": Case("post", "initiative", EDIT_POST),
    "console:plans:schedule_add": Case("post", "initiative", EDIT_POST),
    "console:plans:schedule_edit": Case("post", "bar", EDIT_POST),
    "console:plans:schedule_delete": Case("post", "bar", POLICY_POST),
    "console:plans:score": Case("post", "initiative", EDIT_POST),
    # The clerk's department is in charge of this initiative, so the clerk may report.
    "console:plans:progress": Case("post", "initiative", (LOGIN, 403, 400, 400, 400)),
    "console:plans:annual_plan": Case("post", "initiative", EDIT_POST),
    "console:plans:task": Case("post", "initiative", EDIT_POST),
    "console:plans:task_status": Case("post", "task", EDIT_POST),
    "console:plans:evaluation": Case("post", "initiative", EDIT_POST),
    # The clerk's department is in charge (and the clerk sits on a committee); others would get 404.
    "console:plans:evidence": Case("get", "evidence", READ),
    "console:plans:decisions": Case("get", None, READ),
    "console:plans:meetings": Case("get", None, READ),
    "console:plans:meeting": Case("get", "meeting", READ),
    "console:plans:meeting_edit": Case("post", "meeting", EDIT_POST),
    "console:plans:export_csv": Case("get", "dataset", READ),
    "console:plans:export_xlsx": Case("get", None, READ),
    "console:plans:meeting_pack": Case("get", None, READ),
}


def objects(ctx: UrlContext) -> dict[str, dict[str, Any]]:
    from cityhall.accounts.models import CommitteeMembership
    from cityhall.plans import services
    from cityhall.plans.models import ActionTask, Initiative, Meeting
    from tests import sample_files

    CommitteeMembership.objects.create(committee="security", user=ctx.clerk, starts_on=dt.date(2025, 4, 1))
    initiative = Initiative.objects.filter(title="市民窓口の利便性向上").get()
    initiative.department = ctx.departments["citizens"]
    initiative.save()
    report = services.progress_report(
        actor=ctx.admin_user,
        initiative=initiative,
        fiscal_year=2024,
        half=1,
        status="done",
        evidence=sample_files.upload("根拠.pdf", sample_files.pdf()),
    )
    meeting = Meeting.objects.create(
        committee="headquarters", held_on=dt.date(2024, 5, 1), title="会議", created_by=ctx.admin_user
    )
    bar = initiative.schedule.first()
    assert bar is not None
    task = ActionTask.objects.create(
        initiative=initiative, fiscal_year=2024, title="業者選定", due_on=dt.date(2024, 9, 30)
    )
    return {
        "initiative": {"initiative_id": initiative.pk},
        "evidence": {"report_id": report.pk},
        "meeting": {"meeting_id": meeting.pk},
        "bar": {"initiative_id": initiative.pk, "bar_id": bar.pk},
        "task": {"initiative_id": initiative.pk, "task_id": task.pk},
        "dataset": {"dataset": "initiatives"},
    }
