"""The audit log as people read it: Japanese actions, staff names, links to objects, the exact record kept."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cityhall.core import services as core_services
from cityhall.core.audit import audit_record, audit_verify
from cityhall.core.models import AuditEntry
from cityhall.plans import services as plan_services
from cityhall.plans.models import Initiative, PriorityScore

URL = reverse("console:audit_list")


@pytest.fixture
def entries(policy_officer, admin_user, departments):
    """A score by the policy officer (named), a department closed by the admin, and a system entry."""
    policy_officer.display_name = "政策 花子"
    policy_officer.save(update_fields=["display_name"])
    initiative = Initiative.objects.filter(title="市民窓口の利便性向上").get()
    plan_services.score_set(
        actor=policy_officer, initiative=initiative, fiscal_year=2024, government=3, quality=3, cost=3, delivery=2
    )
    core_services.department_set_active(actor=admin_user, department=departments["citizens"], is_active=False)
    audit_record(actor=None, action="demo.load", object_type="demo", after={"loaders": []})
    return initiative


def _row(page: str, action_label: str) -> str:
    """The table row whose 操作 cell is `action_label`."""
    cell = f'class="audit-phrase audit-action"><div>{action_label}</div></td>'
    assert cell in page, f"no row for {action_label}"
    return page.split(cell, maxsplit=1)[0].rsplit("<tr>", 1)[1] + cell + page.split(cell)[1].split("</tr>", 1)[0]


def test_actions_are_in_japanese_and_the_codes_stay_in_the_record(policy_officer, entries, as_user):
    page = as_user(policy_officer).get(URL).content.decode()
    row = _row(page, "優先度を評価")
    assert "<code>plans.score_set</code>" in row  # in 詳細, exactly as recorded
    assert 'class="code"' not in page  # no monospace codes broken mid-word in the list
    assert "部・課を無効化" in page and "デモデータを読み込み" in page


def test_staff_show_by_name_and_department_and_the_email_stays_in_the_record(policy_officer, entries, as_user):
    row = _row(as_user(policy_officer).get(URL).content.decode(), "優先度を評価")
    assert '<span class="nowrap">政策 花子</span> <span class="audit-sub nowrap">情報政策課</span>' in row
    assert row.count("policy@example.jp") == 1
    assert "<dt>記録上の職員</dt><dd>policy@example.jp</dd>" in row


def test_entries_without_a_person_say_system(policy_officer, entries, as_user):
    row = _row(as_user(policy_officer).get(URL).content.decode(), "デモデータを読み込み")
    assert "システム（自動処理）" in row
    assert '<span class="audit-sub">デモデータ</span>' in row


def test_objects_link_to_their_console_page(policy_officer, entries, as_user):
    row = _row(as_user(policy_officer).get(URL).content.decode(), "優先度を評価")
    score = PriorityScore.objects.get(initiative=entries)
    link = reverse("console:plans:initiative", kwargs={"initiative_id": entries.pk}) + "#scores"
    assert f'<span class="audit-sub">優先度評価</span> <a href="{link}">{score}</a>' in row


def test_links_only_to_pages_the_viewer_may_open(policy_officer, admin_user, departments, entries, as_user):
    edit = reverse("console:org:department_edit", kwargs={"department_id": departments["citizens"].pk})
    # The ICT policy division reads the log but does not manage the organisation: the name, no link.
    officer_row = _row(as_user(policy_officer).get(URL).content.decode(), "部・課を無効化")
    assert "市民課" in officer_row and edit not in officer_row
    assert f'<a href="{edit}">市民課</a>' in _row(as_user(admin_user).get(URL).content.decode(), "部・課を無効化")


def test_a_name_finds_the_persons_entries(policy_officer, entries, as_user):
    client = as_user(policy_officer)
    by_name = client.get(URL, {"actor": "花子"}).content.decode()
    assert "優先度を評価" in by_name and "部・課を無効化" not in by_name
    by_email = client.get(URL, {"actor": "admin@"}).content.decode()
    assert "部・課を無効化" in by_email and "優先度を評価" not in by_email


def test_the_type_filter_offers_japanese_names(policy_officer, entries, as_user):
    client = as_user(policy_officer)
    page = client.get(URL).content.decode()
    assert '<option value="plans.priorityscore" >優先度評価</option>' in page
    only = client.get(URL, {"type": "plans.priorityscore"}).content.decode()
    assert '<option value="plans.priorityscore" selected>優先度評価</option>' in only
    assert "優先度を評価" in only and "部・課を無効化" not in only


def test_the_page_costs_the_same_queries_for_more_entries(policy_officer, entries, as_user):
    client = as_user(policy_officer)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for fiscal_year in (2023, 2025):
        for initiative in Initiative.objects.all()[:10]:
            plan_services.score_set(
                actor=policy_officer,
                initiative=initiative,
                fiscal_year=fiscal_year,
                government=2,
                quality=2,
                cost=2,
                delivery=2,
            )
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert AuditEntry.objects.count() >= 23
    assert len(many.captured_queries) == len(few.captured_queries)


def test_labels_are_presentation_only_the_chain_still_verifies(policy_officer, entries, as_user):
    as_user(policy_officer).get(URL)
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("sequence"))[-3:] == [
        "plans.score_set",
        "department.deactivate",
        "demo.load",
    ]
    assert audit_verify() == []
