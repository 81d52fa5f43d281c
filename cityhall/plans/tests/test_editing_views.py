"""Editing the plan from the initiative and meeting pages, as the ICT policy division does."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cityhall.core.models import AuditEntry
from cityhall.plans import services
from cityhall.plans.models import ActionTask, Meeting, PriorityScore, ScheduleBar


def _page(initiative):
    return reverse("console:plans:initiative", args=[initiative.pk])


def _bar_data(prefix, **data):
    values = {"row": 2, "label": "効果検証", "start_year": 2025, "start_half": 1, "end_year": 2025, "end_half": 2}
    return {f"{prefix}-{name}": value for name, value in {**values, **data}.items()}


@pytest.fixture
def november_2024(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: dt.date(2024, 11, 1))


def test_editors_see_the_editing_panels_and_clerks_do_not(policy_officer, clerk, window, as_user):
    editor_page = as_user(policy_officer).get(_page(window)).content.decode()
    clerk_page = as_user(clerk).get(_page(window)).content.decode()
    for panel in ("取組項目を編集する", "実施内容を追加する", "この実施内容を削除する", 'name="initiative-title"'):
        assert panel in editor_page
        assert panel not in clerk_page


def test_the_initiative_is_edited(policy_officer, departments, window, as_user):
    response = as_user(policy_officer).post(
        reverse("console:plans:initiative_edit", args=[window.pk]),
        {
            "initiative-title": "書かない窓口の推進",
            "initiative-description": "申請書を書かずに済む窓口にする。",
            "initiative-caption": "待たない・書かない窓口",
            "initiative-prefectural": "on",
            "initiative-department": departments["ict-policy"].pk,
        },
    )
    assert response.status_code == 302
    window.refresh_from_db()
    assert (window.title, window.national, window.prefectural, window.department) == (
        "書かない窓口の推進",
        False,
        True,
        departments["ict-policy"],
    )
    assert AuditEntry.objects.filter(action="plans.initiative_update", actor=policy_officer).exists()


def test_an_invalid_initiative_edit_changes_nothing(policy_officer, departments, window, as_user):
    departments["general-policy"].is_active = False
    departments["general-policy"].save()
    response = as_user(policy_officer).post(
        reverse("console:plans:initiative_edit", args=[window.pk]),
        {"initiative-title": "", "initiative-department": departments["general-policy"].pk},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_initiative-title_error"' in page
    assert 'id="id_initiative-department_error"' in page  # closed departments are not offered
    window.refresh_from_db()
    assert window.title == "市民窓口の利便性向上"


def test_schedule_bars_are_added_edited_and_deleted(policy_officer, window, as_user):
    client = as_user(policy_officer)
    response = client.post(reverse("console:plans:schedule_add", args=[window.pk]), _bar_data("bar-new"))
    assert response.status_code == 302
    bar = ScheduleBar.objects.get(initiative=window, label="効果検証")
    assert f"bar-{bar.pk}-label" in client.get(_page(window)).content.decode()

    url = reverse("console:plans:schedule_edit", args=[window.pk, bar.pk])
    response = client.post(url, _bar_data(f"bar-{bar.pk}", label="効果検証と見直し", start_year=2024, start_half=2))
    assert response.status_code == 302
    bar.refresh_from_db()
    assert (bar.label, bar.start_year, bar.start_half) == ("効果検証と見直し", 2024, 2)

    response = client.post(reverse("console:plans:schedule_delete", args=[window.pk, bar.pk]))
    assert response.status_code == 302
    assert not ScheduleBar.objects.filter(pk=bar.pk).exists()


def test_a_refused_bar_is_shown_again_with_the_reason(policy_officer, window, as_user):
    client = as_user(policy_officer)
    bar = window.schedule.get(label="導入")
    url = reverse("console:plans:schedule_edit", args=[window.pk, bar.pk])
    overlapping = _bar_data(f"bar-{bar.pk}", row=1, label="導入", start_year=2023, start_half=2)
    response = client.post(url, overlapping)
    assert response.status_code == 400
    assert "「書かない窓口の検討」と期間が重なっています" in response.content.decode()
    reversed_span = _bar_data("bar-new", start_year=2025, start_half=2, end_year=2025, end_half=1)
    response = client.post(reverse("console:plans:schedule_add", args=[window.pk]), reversed_span)
    assert response.status_code == 400
    assert "終了時期は開始時期以降にしてください。" in response.content.decode()
    outside = _bar_data("bar-new", end_year=2026)
    response = client.post(reverse("console:plans:schedule_add", args=[window.pk]), outside)
    assert response.status_code == 400
    assert "計画期間（令和5〜7年度）の年度を選んでください。" in response.content.decode()
    bar.refresh_from_db()
    assert (bar.start_year, bar.start_half) == (2024, 1)
    assert window.schedule.count() == 2


def test_a_bar_or_task_of_another_initiative_is_not_found_under_this_one(policy_officer, window, cloud, as_user):
    client = as_user(policy_officer)
    of_cloud = cloud.schedule.get()
    task = ActionTask.objects.create(initiative=cloud, fiscal_year=2024, title="移行", due_on=dt.date(2024, 9, 30))
    edit = client.post(reverse("console:plans:schedule_edit", args=[window.pk, of_cloud.pk]), _bar_data("x"))
    delete = client.post(reverse("console:plans:schedule_delete", args=[window.pk, of_cloud.pk]))
    status = client.post(reverse("console:plans:task_status", args=[window.pk, task.pk]), {"status": "done"})
    assert edit.status_code == delete.status_code == status.status_code == 404
    assert cloud.schedule.get() == of_cloud
    assert ActionTask.objects.get().status == "open"


def test_a_task_is_marked_done_and_open_again(policy_officer, clerk, window, as_user):
    client = as_user(policy_officer)
    task = services.task_save(
        actor=policy_officer,
        initiative=window,
        task=None,
        fiscal_year=2024,
        title="業者選定",
        owner=clerk,
        due_on=dt.date(2024, 9, 30),
    )
    url = reverse("console:plans:task_status", args=[window.pk, task.pk])
    assert "完了にする" in client.get(_page(window)).content.decode()
    assert client.post(url, {"status": "done"}).status_code == 302
    task.refresh_from_db()
    assert task.status == "done"
    assert "未完了に戻す" in client.get(_page(window)).content.decode()
    response = client.post(url, {"status": "finished"})
    assert response.status_code == 400
    assert 'class="notice notice--error"' in response.content.decode()
    assert client.post(url, {"status": "open"}).status_code == 302
    task.refresh_from_db()
    assert (task.status, task.title, task.owner, task.due_on) == ("open", "業者選定", clerk, dt.date(2024, 9, 30))


def test_a_meeting_is_edited(policy_officer, as_user):
    meeting = Meeting.objects.create(
        committee="headquarters", held_on=dt.date(2024, 5, 20), title="第1回推進本部会議", created_by=policy_officer
    )
    client = as_user(policy_officer)
    url = reverse("console:plans:meeting_edit", args=[meeting.pk])
    page = client.get(reverse("console:plans:meeting", args=[meeting.pk])).content.decode()
    assert "会議の内容を編集する" in page and 'value="第1回推進本部会議"' in page
    data = {
        "meeting-committee": "headquarters",
        "meeting-held_on": "2024-05-21",
        "meeting-title": "第1回推進本部会議",
        "meeting-agenda": "進捗報告",
        "meeting-minutes": "全取組の進捗を確認した。",
    }
    assert client.post(url, data).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.held_on, meeting.minutes) == (dt.date(2024, 5, 21), "全取組の進捗を確認した。")
    response = client.post(url, {**data, "meeting-committee": "nope", "meeting-minutes": "書き換え"})
    assert response.status_code == 400
    meeting.refresh_from_db()
    assert meeting.minutes == "全取組の進捗を確認した。"


def test_an_empty_agenda_and_minutes_show_a_dash(policy_officer, as_user):
    meeting = Meeting.objects.create(
        committee="headquarters", held_on=dt.date(2024, 5, 20), title="臨時会議", created_by=policy_officer
    )
    page = as_user(policy_officer).get(reverse("console:plans:meeting", args=[meeting.pk])).content.decode()
    assert page.count("<p>—</p>") == 2
    assert "<p></p>" not in page


def test_the_initiative_page_marks_the_current_half_and_names_years_in_wareki(
    policy_officer, window, as_user, november_2024
):
    services.score_set(
        actor=policy_officer, initiative=window, fiscal_year=2024, government=3, quality=3, cost=3, delivery=3
    )
    page = as_user(policy_officer).get(_page(window)).content.decode()
    assert page.count("gantt__half--current") == 1
    assert "<td>令和6年度</td>" in page
    assert "<td>2024</td>" not in page


def test_a_simultaneous_scoring_is_answered_with_409(policy_officer, window, as_user, monkeypatch):
    services.score_set(
        actor=policy_officer, initiative=window, fiscal_year=2024, government=1, quality=1, cost=1, delivery=1
    )
    monkeypatch.setattr(PriorityScore.objects, "select_for_update", PriorityScore.objects.none)
    response = as_user(policy_officer).post(
        reverse("console:plans:score", args=[window.pk]),
        {"fiscal_year": 2024, "government": 3, "quality": 3, "cost": 3, "delivery": 3},
    )
    assert response.status_code == 409
    assert "同時に登録されました" in response.content.decode()
    assert PriorityScore.objects.get().government == 1
