"""The plan pages as the division, a department and a committee member use them."""

from django.urls import reverse

from cityhall.core.models import AuditEntry
from cityhall.plans.models import Initiative, PriorityScore, ProgressReport


def _window(departments):
    initiative = Initiative.objects.get(title="市民窓口の利便性向上")
    initiative.department = departments["citizens"]
    initiative.save()
    return initiative


def test_overview_and_gantt_show_all_18_initiatives(clerk, as_user):
    client = as_user(clerk)
    overview = client.get(reverse("console:plans:overview")).content.decode()
    assert overview.count('href="/console/plans/initiatives/') == 18
    assert "20" in overview  # the discrepancy note stays visible
    gantt = client.get(reverse("console:plans:gantt")).content.decode()
    assert gantt.count('class="gantt__bar"') == 73
    assert "令和5年度" in gantt and "令和7年度" in gantt


def test_policy_officer_scores_an_initiative(policy_officer, departments, as_user):
    initiative = _window(departments)
    client = as_user(policy_officer)
    url = reverse("console:plans:score", args=[initiative.pk])
    response = client.post(url, {"fiscal_year": 2024, "government": 3, "quality": 3, "cost": 3, "delivery": 3})
    assert response.status_code == 302
    assert PriorityScore.objects.get().rank == "B"
    response = client.post(url, {"fiscal_year": 2024, "government": 4, "quality": 3, "cost": 3, "delivery": 3})
    assert response.status_code == 400
    assert "◎・○・△のいずれかを選んでください。" in response.content.decode()
    response = client.post(url, {"fiscal_year": 2030, "government": 3, "quality": 3, "cost": 3, "delivery": 3})
    assert response.status_code == 400
    assert "計画期間（令和5〜7年度）の年度を選んでください。" in response.content.decode()
    assert PriorityScore.objects.get().government == 3
    ranking = client.get(reverse("console:plans:ranking"), {"year": 2024}).content.decode()
    assert "B 優先" in ranking


def test_department_reports_progress_and_it_shows_on_the_dashboard(clerk, departments, as_user):
    initiative = _window(departments)
    client = as_user(clerk)
    response = client.post(
        reverse("console:plans:progress", args=[initiative.pk]),
        {"fiscal_year": 2024, "half": 2, "status": "delayed", "comment": "システム改修が遅れている"},
    )
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert (report.status, report.reported_by) == ("delayed", clerk)
    assert AuditEntry.objects.filter(action="plans.progress_report", actor=clerk).exists()
    dashboard = client.get(reverse("console:plans:dashboard")).content.decode()
    assert "システム改修が遅れている" in dashboard
    # A delayed report without a reason is refused, and the earlier report stays.
    response = client.post(
        reverse("console:plans:progress", args=[initiative.pk]),
        {"fiscal_year": 2024, "half": 2, "status": "delayed", "comment": ""},
    )
    assert response.status_code == 400
    assert "理由と今後の見通し" in response.content.decode()
    assert ProgressReport.objects.get().comment == "システム改修が遅れている"


def test_clerk_cannot_report_for_another_department(clerk, departments, as_user):
    other = Initiative.objects.get(title="クラウドの導入")
    other.department = departments["ict-policy"]
    other.save()
    response = as_user(clerk).post(
        reverse("console:plans:progress", args=[other.pk]), {"fiscal_year": 2024, "half": 1, "status": "done"}
    )
    # Refused before the form is looked at: a 403 page with the reason, not field errors.
    assert response.status_code == 403
    assert "担当課または情報政策課のみ" in response.content.decode()
    assert not ProgressReport.objects.exists()
    response = as_user(clerk).post(reverse("console:plans:progress", args=[other.pk]), {})
    assert response.status_code == 403
    page = as_user(clerk).get(reverse("console:plans:initiative", args=[other.pk])).content.decode()
    assert "進捗を報告する" not in page


def test_meeting_with_decisions(policy_officer, departments, as_user):
    initiative = _window(departments)
    client = as_user(policy_officer)
    response = client.post(
        reverse("console:plans:meetings"),
        {"committee": "headquarters", "held_on": "2024-05-20", "title": "第1回推進本部会議", "agenda": "進捗報告"},
    )
    assert response.status_code == 302
    meeting_url = response["Location"]
    response = client.post(meeting_url, {"text": "窓口改革を最優先とする", "initiatives": [initiative.pk]})
    assert response.status_code == 302
    page = client.get(reverse("console:plans:initiative", args=[initiative.pk])).content.decode()
    assert "窓口改革を最優先とする" in page


def test_a_refusal_by_the_service_keeps_its_403(clerk, departments, as_user, monkeypatch):
    """Should the page's check and the service ever disagree, the service's refusal is a 403, not a 400."""
    from cityhall.plans import permissions

    other = Initiative.objects.get(title="クラウドの導入")
    other.department = departments["ict-policy"]
    other.save()
    monkeypatch.setattr(permissions, "can_report_on", lambda user, department_id: True)
    response = as_user(clerk).post(
        reverse("console:plans:progress", args=[other.pk]), {"fiscal_year": 2024, "half": 1, "status": "done"}
    )
    assert response.status_code == 403
    assert "担当課または情報政策課のみ" in response.content.decode()
    assert not ProgressReport.objects.exists()
