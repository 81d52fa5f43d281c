"""Evidence files: the department in charge, the ICT policy division and committee members only."""

import datetime as dt
import logging

import pytest
from django.urls import reverse

from cityhall.accounts.models import CommitteeMembership
from cityhall.core.errors import InvalidInputError, NotFoundError
from cityhall.plans import selectors, services
from cityhall.plans.models import ProgressReport
from conftest import make_user
from tests import sample_files as files

CONTENT = files.pdf("evidence of the pilot")


@pytest.fixture
def report(clerk, window):
    return services.progress_report(
        actor=clerk,
        initiative=window,
        fiscal_year=2024,
        half=1,
        status="in_progress",
        evidence=files.upload("試行結果.pdf", CONTENT, "application/pdf"),
    )


@pytest.fixture
def other_clerk(departments):
    """Department staff of the ICT policy division's parent 部: not in charge of the window initiative."""
    return make_user("other@example.jp", role="department_clerk", department=departments["general-policy"])


def _download(client, report):
    return client.get(reverse("console:plans:evidence", args=[report.pk]))


def test_the_department_in_charge_downloads_its_evidence(clerk, report, as_user):
    response = _download(as_user(clerk), report)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_ict_policy_division_downloads_any_evidence(policy_officer, report, as_user):
    assert _download(as_user(policy_officer), report).status_code == 200


def test_a_clerk_of_another_department_is_told_it_does_not_exist(other_clerk, report, as_user):
    client = as_user(other_clerk)
    refused = _download(client, report)
    missing = client.get(reverse("console:plans:evidence", args=[report.pk + 1000]))
    assert refused.status_code == missing.status_code == 404
    assert "指定された根拠資料が見つかりません。" in refused.content.decode()
    with pytest.raises(NotFoundError):
        selectors.progress_evidence_get(actor=other_clerk, report_id=report.pk)


def test_a_committee_member_downloads_evidence(other_clerk, report, as_user):
    CommitteeMembership.objects.create(committee="promotion", user=other_clerk, starts_on=dt.date(2023, 4, 1))
    assert _download(as_user(other_clerk), report).status_code == 200


def test_a_former_committee_member_may_not(other_clerk, report, as_user):
    CommitteeMembership.objects.create(
        committee="promotion", user=other_clerk, starts_on=dt.date(2023, 4, 1), ends_on=dt.date(2024, 3, 31)
    )
    assert _download(as_user(other_clerk), report).status_code == 404


def test_the_initiative_page_links_evidence_only_for_those_who_may_download(
    clerk, other_clerk, report, window, as_user
):
    link = reverse("console:plans:evidence", args=[report.pk])
    page = reverse("console:plans:initiative", args=[window.pk])
    assert link in as_user(clerk).get(page).content.decode()
    assert link not in as_user(other_clerk).get(page).content.decode()


def test_a_missing_file_is_404_and_logged(clerk, report, as_user, caplog):
    report.evidence.file.storage.delete(report.evidence.file.name)
    with caplog.at_level(logging.WARNING, logger="cityhall.core.uploads"):
        response = _download(as_user(clerk), report)
    assert response.status_code == 404
    assert any("missing its bytes" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("malware.pdf", files.windows_executable(), "中身は実行ファイル"),
        ("集計.xlsx", files.corrupt_zip(), "壊れている"),
    ],
)
def test_evidence_passes_the_same_gate_as_every_upload(clerk, window, name, content, message):
    with pytest.raises(InvalidInputError, match=message):
        services.progress_report(
            actor=clerk,
            initiative=window,
            fiscal_year=2024,
            half=1,
            status="in_progress",
            evidence=files.upload(name, content, "application/pdf"),
        )
    assert not ProgressReport.objects.exists()
