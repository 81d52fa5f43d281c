"""Every URL of ours, every persona: who may, who may not.

`test_every_url_is_in_the_matrix` fails when a new URL appears without a row here.
"""

import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cityhall.accounts import services as account_services
from cityhall.accounts.models import CommitteeMembership, DepartmentAssignment
from tests import sample_files

PERSONAS = ("anonymous", "resident", "clerk", "policy_officer", "admin_user")
LOGIN = "login"  # redirected to the login page
# expected result per persona, in PERSONAS order
PUBLIC = (200, 200, 200, 200, 200)
SIGNED_IN = (LOGIN, 200, 200, 200, 200)
STAFF = (LOGIN, 403, 200, 200, 200)
AUDIT_GET = (LOGIN, 403, 403, 200, 200)
AUDIT_POST = (LOGIN, 403, 403, 302, 302)
ORG_GET = (LOGIN, 403, 403, 403, 200)
ORG_POST = (LOGIN, 403, 403, 403, 302)
TOKENS_GET = (LOGIN, 403, 403, 200, 200)
PLAN_READ = (LOGIN, 403, 200, 200, 200)
PLAN_EDIT_GET = (LOGIN, 403, 403, 200, 200)  # the ICT policy division (plans_admin) only
PLAN_EDIT_POST = (LOGIN, 403, 403, 400, 400)  # editors get past the check; the empty form is refused
PLAN_EDIT_ACTION = (LOGIN, 403, 403, 302, 302)  # editors only; no form to fill in

# name → (method, kwargs-builder key, expected)
PROC_CONSOLE = (LOGIN, 403, 200, 200, 200)  # any procedures module; the clerk's own division
PROC_CONSOLE_POST = (LOGIN, 403, 302, 302, 302)
PROC_ADMIN = (LOGIN, 403, 403, 200, 200)
PROC_ADMIN_POST = (LOGIN, 403, 403, 302, 302)
OD_CONSOLE = (LOGIN, 403, 200, 200, 200)  # opendata module; the dataset belongs to the clerk's division
OD_POST = (LOGIN, 403, 302, 302, 302)
OD_ADMIN = (LOGIN, 403, 403, 200, 200)

MATRIX = {
    "ckan:action": ("get", "ckan_action", PUBLIC),  # read-only API; writes answer 403 (test_ckan.py)
    "ckan-unversioned:action": ("get", "ckan_action", PUBLIC),
    "opendata:index": ("get", None, PUBLIC),
    "opendata:api_guide": ("get", None, PUBLIC),
    "opendata:catalog_jsonld": ("get", None, PUBLIC),
    "opendata:catalog_ttl": ("get", None, PUBLIC),
    "opendata:dataset": ("get", "od_slug", PUBLIC),
    "opendata:dataset_jsonld": ("get", "od_slug", PUBLIC),
    "opendata:dataset_ttl": ("get", "od_slug", PUBLIC),
    "opendata:download": ("get", "od_resource", PUBLIC),
    "opendata:requests": ("get", None, PUBLIC),
    "opendata:request_new": ("get", None, PUBLIC),
    "opendata:request": ("get", "od_request", PUBLIC),
    "console:opendata:list": ("get", None, OD_CONSOLE),
    "console:opendata:create": ("get", None, OD_CONSOLE),
    "console:opendata:detail": ("get", "od_dataset", OD_CONSOLE),
    "console:opendata:edit": ("get", "od_dataset", OD_CONSOLE),
    "console:opendata:state": ("post", "od_dataset", OD_POST),  # no state given: refused with a message
    "console:opendata:upload": ("get", "od_dataset", OD_CONSOLE),
    "console:opendata:version_withdraw": ("post", "od_version", OD_POST),  # the current version: refused
    "console:opendata:upload_detail": ("get", "od_upload", OD_CONSOLE),
    "console:opendata:upload_fix": ("post", "od_upload", OD_POST),  # already published: refused with a message
    "console:opendata:upload_confirm": ("post", "od_upload", OD_POST),  # no column given: refused with a message
    "console:opendata:upload_publish": ("post", "od_upload", OD_POST),
    "console:opendata:upload_discard": ("post", "od_upload", OD_POST),
    "console:opendata:upload_work": ("get", "od_upload", OD_CONSOLE),
    "console:opendata:requests": ("get", None, OD_CONSOLE),
    "console:opendata:demo_messy_file": ("get", None, OD_CONSOLE),
    "console:opendata:request_answer": ("get", "od_request", OD_CONSOLE),
    "console:opendata:usage": ("get", None, OD_CONSOLE),
    "console:opendata:usage_csv": ("get", None, OD_CONSOLE),
    "console:opendata:usage_year_csv": ("get", "od_year", OD_CONSOLE),
    "console:opendata:schemas": ("get", None, OD_ADMIN),
    "console:opendata:schema_new": ("get", None, OD_ADMIN),
    "console:opendata:schema_edit": ("get", "od_schema", OD_ADMIN),
    "console:opendata:settings": ("get", None, OD_ADMIN),
    "procedures:index": ("get", None, PUBLIC),
    "procedures:search": ("get", None, PUBLIC),
    "procedures:category": ("get", "category", PUBLIC),
    "procedures:detail": ("get", "procedure_slug", PUBLIC),
    "procedures:download": ("get", "procedure_file", PUBLIC),
    "procedures:life_events": ("get", None, PUBLIC),
    "procedures:life_event": ("get", "event", PUBLIC),
    "procedures:checklist": ("get", "event", PUBLIC),
    "procedures:checklist_pdf": ("get", "event", PUBLIC),
    "procedures:departments": ("get", None, PUBLIC),
    "procedures:department": ("get", "department_code", PUBLIC),
    "console:procedures:list": ("get", None, PROC_CONSOLE),
    "console:procedures:create": ("get", None, PROC_CONSOLE),
    "console:procedures:edit": ("get", "procedure", PROC_CONSOLE),
    "console:procedures:submit": ("post", "procedure", PROC_CONSOLE_POST),
    "console:procedures:file_upload": ("post", "procedure", PROC_CONSOLE_POST),
    "console:procedures:file_remove": ("post", "procedure_file_staff", PROC_CONSOLE_POST),
    "console:procedures:review": ("get", None, PROC_CONSOLE),
    "console:procedures:version": ("get", "version", PROC_CONSOLE),
    "console:procedures:version_file": ("get", "version_file", PROC_CONSOLE),
    "console:procedures:gaps": ("get", None, PROC_ADMIN),
    "console:procedures:synonyms": ("get", None, PROC_ADMIN),
    "console:procedures:synonym_delete": ("post", "synonym", PROC_ADMIN_POST),
    "console:procedures:rules_index": ("get", None, PROC_ADMIN_POST),  # redirects to the first event's rules
    "console:procedures:rules": ("get", "event", PROC_ADMIN),
    "console:procedures:rule_delete": ("post", "rule", PROC_ADMIN_POST),
    "console:procedures:notices": ("get", None, PROC_ADMIN),
    "console:procedures:notice_withdraw": ("post", "notice", PROC_ADMIN_POST),
    "console:procedures:emergency": ("post", None, PROC_ADMIN_POST),
    "portal:home": ("get", None, PUBLIC),
    "portal:terms": ("get", None, PUBLIC),
    "portal:mypage": ("get", None, SIGNED_IN),
    "console:home": ("get", None, STAFF),
    "console:departments": ("get", None, STAFF),
    "console:audit_list": ("get", None, AUDIT_GET),
    "console:audit_verify": ("post", None, AUDIT_POST),
    "console:org:home": ("get", None, ORG_GET),
    "console:org:department_create": ("get", None, ORG_GET),
    "console:org:department_edit": ("get", "department", ORG_GET),
    "console:org:department_toggle": ("post", "department", ORG_POST),
    "console:org:staff_list": ("get", None, ORG_GET),
    "console:org:staff_create": ("get", None, ORG_GET),
    "console:org:staff_edit": ("get", "staff", ORG_GET),
    "console:org:staff_toggle": ("post", "staff", ORG_POST),
    "console:org:role_list": ("get", None, ORG_GET),
    "console:org:role_create": ("get", None, ORG_GET),
    "console:org:role_edit": ("get", "role", ORG_GET),
    "console:org:committee_list": ("get", None, ORG_GET),
    "console:org:membership_end": ("post", "membership", ORG_POST),
    "console:org:assignment_list": ("get", None, ORG_GET),
    "console:org:assignment_remove": ("post", "assignment", ORG_POST),
    "console:org:token_list": ("get", None, TOKENS_GET),
    # A token belongs to one person: others get 404, not someone else's token.
    "console:org:token_revoke": ("post", "token", (LOGIN, 403, 403, 404, 302)),
    "healthz": ("get", None, PUBLIC),
    "console:notifications:outbox": ("get", None, AUDIT_GET),
    "console:notifications:outbox_detail": ("get", "email", AUDIT_GET),
    "console:notifications:outbox_retry": ("post", "email", AUDIT_POST),
    "console:plans:overview": ("get", None, PLAN_READ),
    "console:plans:gantt": ("get", None, PLAN_READ),
    "console:plans:dashboard": ("get", None, PLAN_READ),
    "console:plans:ranking": ("get", None, PLAN_READ),
    "console:plans:score_rule": ("get", None, PLAN_EDIT_GET),  # POST: plans/tests/test_score_rule.py
    "console:plans:initiative": ("get", "initiative", PLAN_READ),
    "console:plans:initiative_edit": ("post", "initiative", PLAN_EDIT_POST),
    "console:plans:schedule_add": ("post", "initiative", PLAN_EDIT_POST),
    "console:plans:schedule_edit": ("post", "bar", PLAN_EDIT_POST),
    "console:plans:schedule_delete": ("post", "bar", PLAN_EDIT_ACTION),
    "console:plans:score": ("post", "initiative", PLAN_EDIT_POST),
    # The clerk's department is in charge of this initiative, so the clerk may report.
    "console:plans:progress": ("post", "initiative", (LOGIN, 403, 400, 400, 400)),
    "console:plans:annual_plan": ("post", "initiative", PLAN_EDIT_POST),
    "console:plans:task": ("post", "initiative", PLAN_EDIT_POST),
    "console:plans:task_status": ("post", "task", PLAN_EDIT_POST),
    "console:plans:evaluation": ("post", "initiative", PLAN_EDIT_POST),
    # The clerk's department is in charge (and the clerk sits on a committee); others would get 404.
    "console:plans:evidence": ("get", "evidence", PLAN_READ),
    "console:plans:decisions": ("get", None, PLAN_READ),
    "console:plans:meetings": ("get", None, PLAN_READ),
    "console:plans:meeting": ("get", "meeting", PLAN_READ),
    "console:plans:meeting_edit": ("post", "meeting", PLAN_EDIT_POST),
    "console:plans:export_csv": ("get", "dataset", PLAN_READ),
    "console:plans:export_xlsx": ("get", None, PLAN_READ),
    "console:plans:meeting_pack": ("get", None, PLAN_READ),
}
OUR_NAMESPACES = {
    "portal",
    "procedures",
    "opendata",
    "ckan",
    "ckan-unversioned",
    "console",
    "console:org",
    "console:plans",
    "console:procedures",
    "console:opendata",
}


def _names(patterns, namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}:{p.namespace}".strip(":") if p.namespace else namespace
            yield from _names(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}:{p.name}".strip(":")


def test_every_url_is_in_the_matrix():
    ours = {n for n in _names(get_resolver().url_patterns) if n.rpartition(":")[0] in OUR_NAMESPACES}
    assert ours - set(MATRIX) == set(), "add these URLs to the permission matrix"
    assert ours, "URL enumeration found nothing"


@pytest.fixture
def objects(admin_user, clerk, departments):
    token, _raw = account_services.api_token_issue(actor=admin_user, name="連携")
    membership = CommitteeMembership.objects.create(committee="security", user=clerk, starts_on=dt.date(2025, 4, 1))
    assignment = DepartmentAssignment.objects.create(
        kind="it_helper", department=departments["citizens"], user=clerk, fiscal_year=2025
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cityhall.accounts.models import Role
    from cityhall.plans import services as plan_services
    from cityhall.plans.models import ActionTask, Initiative, Meeting

    initiative = Initiative.objects.filter(title="市民窓口の利便性向上").get()
    initiative.department = departments["citizens"]
    initiative.save()
    report = plan_services.progress_report(
        actor=admin_user,
        initiative=initiative,
        fiscal_year=2024,
        half=1,
        status="done",
        evidence=sample_files.upload("根拠.pdf", sample_files.pdf()),
    )
    meeting = Meeting.objects.create(
        committee="headquarters", held_on=dt.date(2024, 5, 1), title="会議", created_by=admin_user
    )
    bar = initiative.schedule.first()
    task = ActionTask.objects.create(
        initiative=initiative, fiscal_year=2024, title="業者選定", due_on=dt.date(2024, 9, 30)
    )
    from cityhall.procedures import services as procedure_services
    from cityhall.procedures.models import LifeEvent, LifeEventQuestion, LifeEventRule, Notice, Synonym

    version = procedure_services.procedure_create(
        actor=clerk,
        department=departments["citizens"],
        category="certificates",
        slug="juminhyo-copy",
        content={
            "title": "住民票の写しの交付",
            "summary": "交付します。",
            "channels": [{"kind": "counter", "note": ""}],
        },
    )
    form = procedure_services.file_add(
        actor=clerk,
        procedure=version.procedure,
        title="申請書",
        upload=sample_files.upload("申請書.pdf", sample_files.pdf()),
    )
    procedure_services.version_submit(actor=clerk, version=version)
    procedure_services.version_approve(actor=admin_user, version=version)
    event = LifeEvent.objects.create(slug="moving-in", title="引っ越し")
    LifeEventQuestion.objects.create(event=event, key="kind", text="どちらから？", choices=[["in", "市外から"]])
    rule = LifeEventRule.objects.create(event=event, procedure=version.procedure, conditions={"kind": ["in"]})
    synonym = Synonym.objects.create(words="住民票;住民票の写し")
    notice = Notice.objects.create(title="お知らせ", created_by=admin_user)
    from cityhall.opendata import services as opendata_services
    from cityhall.opendata.models import DataRequest

    od_dataset = opendata_services.dataset_create(
        actor=clerk, slug="budget", title="予算", department=departments["citizens"]
    )
    od_upload = opendata_services.upload_create(
        actor=clerk, dataset=od_dataset, file=SimpleUploadedFile("budget.csv", "項目,金額\r\n歳入,100\r\n".encode())
    )
    od_upload = opendata_services.upload_publish(actor=clerk, upload=od_upload)
    od_dataset.refresh_from_db()
    od_request = DataRequest.objects.create(
        title="遊具", body="一覧がほしい", department=departments["citizens"], is_hidden=False
    )
    from cityhall.notifications.models import OutboundEmail

    failed = OutboundEmail.objects.create(
        message_id="<failed@example.jp>",
        from_email="noreply@example.jp",
        to=["a@example.jp"],
        subject="件名",
        body="本文",
        status=OutboundEmail.Status.PERMANENT_FAILURE,
    )
    return {
        "email": {"email_id": failed.pk},
        "od_slug": {"slug": "budget"},
        "od_dataset": {"dataset_id": od_dataset.pk},
        "od_upload": {"upload_id": od_upload.pk},
        "od_version": {"version_id": od_dataset.current_id},
        "od_resource": {"resource_id": od_dataset.current.resources.get(format="csv").pk, "filename": "budget.csv"},
        "od_request": {"pk": od_request.pk},
        "od_year": {"year": 2026},
        "od_schema": {"key": "public_toilets"},
        "ckan_action": {"name": "package_list"},
        "category": {"category": "certificates"},
        "procedure_slug": {"slug": "juminhyo-copy"},
        "procedure_file": {"slug": "juminhyo-copy", "stored_id": form.stored_id},
        "procedure_file_staff": {"procedure_id": version.procedure_id, "stored_id": form.stored_id},
        "version_file": {"version_id": version.pk, "stored_id": form.stored_id},
        "procedure": {"procedure_id": version.procedure_id},
        "version": {"version_id": version.pk},
        "event": {"slug": "moving-in"},
        "department_code": {"code": "citizens"},
        "synonym": {"synonym_id": synonym.pk},
        "rule": {"rule_id": rule.pk},
        "notice": {"notice_id": notice.pk},
        "initiative": {"initiative_id": initiative.pk},
        "evidence": {"report_id": report.pk},
        "meeting": {"meeting_id": meeting.pk},
        "bar": {"initiative_id": initiative.pk, "bar_id": bar.pk},
        "task": {"initiative_id": initiative.pk, "task_id": task.pk},
        "dataset": {"dataset": "initiatives"},
        "department": {"department_id": departments["citizens"].pk},
        "staff": {"user_id": clerk.pk},
        "role": {"role_id": Role.objects.get(code="department_clerk").pk},
        "membership": {"membership_id": membership.pk},
        "assignment": {"assignment_id": assignment.pk},
        "token": {"token_id": token.pk},
    }


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona_index", range(len(PERSONAS)))
def test_permissions(name, persona_index, request, objects, as_user):
    method, kwargs_key, expected = MATRIX[name]
    persona = PERSONAS[persona_index]
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    url = reverse(name, kwargs=objects[kwargs_key] if kwargs_key else None)
    response = getattr(as_user(user), method)(url, {"ends_on": "2026-03-31"} if method == "post" else None)
    want = expected[persona_index]
    if want == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == want, f"{persona} {method.upper()} {url}"
