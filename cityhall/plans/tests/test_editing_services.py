"""Editing the plan itself: initiatives, schedule bars, task status and meetings. Audited; bad input changes nothing."""

import datetime as dt

import pytest

from cityhall.core.errors import InvalidInputError, PermissionDeniedError
from cityhall.core.models import AuditEntry, Department
from cityhall.plans import services
from cityhall.plans.models import ActionTask, Meeting, ScheduleBar

COMMITTEES = ["headquarters", "promotion", "security"]


def _bars():
    return sorted(ScheduleBar.objects.values_list("initiative_id", "row", "label", "start_year", "end_year"))


@pytest.fixture
def closed_department(departments):
    return Department.objects.create(
        municipality=departments["citizens"].municipality, code="old-window", name="旧窓口課", is_active=False
    )


def test_initiative_update_changes_the_fields_and_is_audited(policy_officer, departments, window):
    services.initiative_update(
        actor=policy_officer,
        initiative=window,
        data={
            "title": " 書かない窓口の推進 ",
            "caption": "待たない・書かない窓口",
            "national": True,
            "department": departments["ict-policy"],
            "field": None,  # not editable here: ignored
        },
    )
    window.refresh_from_db()
    assert (window.title, window.caption, window.national, window.prefectural) == (
        "書かない窓口の推進",
        "待たない・書かない窓口",
        True,
        False,
    )
    assert window.department == departments["ict-policy"]
    assert window.field_id is not None
    entry = AuditEntry.objects.get(action="plans.initiative_update")
    assert entry.actor == policy_officer
    assert entry.before["title"] == "市民窓口の利便性向上" and entry.after["title"] == "書かない窓口の推進"
    assert entry.before["department_id"] == departments["citizens"].pk


def test_initiative_update_refuses_bad_input_and_changes_nothing(
    policy_officer, clerk, departments, window, closed_department
):
    with pytest.raises(InvalidInputError, match="取組項目の名称を入力してください。"):
        services.initiative_update(actor=policy_officer, initiative=window, data={"title": "　 "})
    with pytest.raises(InvalidInputError, match="担当課には現在の組織の課を選んでください。"):
        services.initiative_update(actor=policy_officer, initiative=window, data={"department": closed_department})
    with pytest.raises(PermissionDeniedError, match="情報政策課の担当者のみ"):
        services.initiative_update(actor=clerk, initiative=window, data={"title": "担当課による変更"})
    window.refresh_from_db()
    assert (window.title, window.department) == ("市民窓口の利便性向上", departments["citizens"])
    assert not AuditEntry.objects.exists()


def test_a_closed_department_already_in_charge_may_stay(policy_officer, window, closed_department):
    window.department = closed_department
    window.save()
    services.initiative_update(
        actor=policy_officer, initiative=window, data={"title": "窓口改革", "department": closed_department}
    )
    window.refresh_from_db()
    assert (window.title, window.department) == ("窓口改革", closed_department)


def test_schedule_bars_are_added_changed_and_deleted_with_audit(policy_officer, window):
    bar = services.schedule_bar_save(
        actor=policy_officer, initiative=window, bar=None, row=2, label="効果検証", start=(2025, 1), end=(2025, 2)
    )
    services.schedule_bar_save(
        actor=policy_officer,
        initiative=window,
        bar=bar,
        row=2,
        label="効果検証と見直し",
        start=(2024, 2),
        end=(2025, 2),
    )
    bar.refresh_from_db()
    assert (bar.label, bar.start_year, bar.start_half, bar.end_year, bar.end_half) == (
        "効果検証と見直し",
        2024,
        2,
        2025,
        2,
    )
    services.schedule_bar_delete(actor=policy_officer, bar=bar)
    assert not ScheduleBar.objects.filter(pk=bar.pk).exists()
    entries = list(AuditEntry.objects.order_by("sequence"))
    assert [e.action for e in entries] == ["plans.schedule_save", "plans.schedule_save", "plans.schedule_delete"]
    assert entries[1].before["label"] == "効果検証" and entries[1].after["label"] == "効果検証と見直し"
    assert entries[2].before["label"] == "効果検証と見直し"
    assert all(e.department_id == window.department_id for e in entries)


def test_schedule_bar_changes_are_refused_when_wrong(policy_officer, clerk, window, cloud):
    introduce = window.schedule.get(label="導入")
    of_cloud = cloud.schedule.get()
    cases = [
        ({"bar": None, "row": 2, "label": "前倒し", "start": (2022, 2), "end": (2023, 1)}, "計画期間外"),
        ({"bar": None, "row": 2, "label": "延長", "start": (2025, 2), "end": (2026, 1)}, "計画期間外"),
        ({"bar": introduce, "row": 1, "label": "導入", "start": (2025, 2), "end": (2025, 1)}, "終了時期は開始時期以降"),
        ({"bar": introduce, "row": 1, "label": "導入", "start": (2023, 2), "end": (2025, 2)}, "期間が重なっています"),
        ({"bar": None, "row": 2, "label": "　", "start": (2024, 1), "end": (2024, 1)}, "実施内容を入力してください"),
        ({"bar": None, "row": 2, "label": "試行", "start": (2024, 3), "end": (2024, 3)}, "期は上期"),
        ({"bar": None, "row": 0, "label": "試行", "start": (2024, 1), "end": (2024, 1)}, "行は1以上"),
        (
            {"bar": of_cloud, "row": 3, "label": "移す", "start": (2024, 1), "end": (2024, 1)},
            "この取組項目の実施スケジュールではありません。",
        ),
    ]
    before = _bars()
    for kwargs, message in cases:
        with pytest.raises(InvalidInputError, match=message):
            services.schedule_bar_save(actor=policy_officer, initiative=window, **kwargs)
    with pytest.raises(PermissionDeniedError):
        services.schedule_bar_save(
            actor=clerk, initiative=window, bar=None, row=2, label="試行", start=(2024, 1), end=(2024, 1)
        )
    with pytest.raises(PermissionDeniedError):
        services.schedule_bar_delete(actor=clerk, bar=introduce)
    assert _bars() == before
    assert not AuditEntry.objects.exists()


def _close(actor, initiative, task, status="done"):
    return services.task_save(
        actor=actor,
        initiative=initiative,
        task=task,
        fiscal_year=task.fiscal_year,
        title=task.title,
        owner=task.owner,
        due_on=task.due_on,
        status=status,
    )


@pytest.fixture
def selection(policy_officer, clerk, window):
    return services.task_save(
        actor=policy_officer,
        initiative=window,
        task=None,
        fiscal_year=2024,
        title="業者選定",
        owner=clerk,
        due_on=dt.date(2024, 9, 30),
    )


def test_a_task_is_marked_done_and_open_again_with_audit(policy_officer, window, selection):
    _close(policy_officer, window, selection)
    assert ActionTask.objects.get().status == "done"
    _close(policy_officer, window, ActionTask.objects.get(), status="open")
    assert ActionTask.objects.get().status == "open"
    changes = AuditEntry.objects.filter(action="plans.task_save").order_by("sequence")[1:]
    assert [(e.before["status"], e.after["status"]) for e in changes] == [("open", "done"), ("done", "open")]


def test_a_task_whose_owner_left_can_still_be_closed(policy_officer, clerk, window, selection):
    clerk.is_active = False
    clerk.save()
    selection.refresh_from_db()
    _close(policy_officer, window, selection)
    assert ActionTask.objects.get().status == "done"
    with pytest.raises(InvalidInputError, match="有効な職員"):
        services.task_save(
            actor=policy_officer,
            initiative=window,
            task=None,
            fiscal_year=2024,
            title="別の作業",
            owner=clerk,
            due_on=dt.date(2024, 10, 31),
        )


def test_task_changes_are_refused_when_wrong(policy_officer, clerk, window, cloud, selection):
    with pytest.raises(InvalidInputError, match="この取組項目のタスクではありません。"):
        _close(policy_officer, cloud, selection)
    with pytest.raises(InvalidInputError, match="状態の指定が正しくありません。"):
        _close(policy_officer, window, selection, status="finished")
    with pytest.raises(PermissionDeniedError):
        _close(clerk, window, selection)
    assert ActionTask.objects.get().status == "open"
    assert AuditEntry.objects.filter(action="plans.task_save").count() == 1


@pytest.mark.parametrize("due_on", [dt.date(2023, 3, 31), dt.date(2026, 4, 1), dt.date(2030, 1, 1)])
def test_a_due_date_outside_the_plan_period_is_refused(policy_officer, window, due_on):
    with pytest.raises(InvalidInputError, match="期限は計画期間内の日付にしてください。"):
        services.task_save(
            actor=policy_officer,
            initiative=window,
            task=None,
            fiscal_year=2025,
            title="効果検証",
            owner=None,
            due_on=due_on,
        )
    assert not ActionTask.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("due_on", [dt.date(2023, 4, 1), dt.date(2026, 3, 31)])
def test_the_first_and_last_day_of_the_plan_are_due_dates_inside_it(policy_officer, window, due_on):
    task = services.task_save(
        actor=policy_officer,
        initiative=window,
        task=None,
        fiscal_year=2025,
        title="効果検証",
        owner=None,
        due_on=due_on,
    )
    assert task.due_on == due_on


def test_the_due_date_of_an_existing_task_is_checked_too(policy_officer, window, selection):
    with pytest.raises(InvalidInputError, match="期限は計画期間内"):
        services.task_save(
            actor=policy_officer,
            initiative=window,
            task=selection,
            fiscal_year=2024,
            title="業者選定",
            owner=selection.owner,
            due_on=dt.date(2027, 3, 31),
        )
    assert ActionTask.objects.get().due_on == dt.date(2024, 9, 30)


def test_a_meeting_is_edited_with_audit_and_bad_input_changes_nothing(policy_officer, clerk):
    meeting = services.meeting_save(
        actor=policy_officer,
        meeting=None,
        committee="headquarters",
        held_on=dt.date(2024, 5, 20),
        title="第1回推進本部会議",
        committees=COMMITTEES,
    )
    services.meeting_save(
        actor=policy_officer,
        meeting=meeting,
        committee="headquarters",
        held_on=dt.date(2024, 5, 21),
        title="第1回推進本部会議",
        agenda="進捗報告",
        minutes="全取組の進捗を確認した。",
        committees=COMMITTEES,
    )
    entry = AuditEntry.objects.filter(action="plans.meeting_save").order_by("-sequence").first()
    assert entry.before["held_on"] == "2024-05-20" and entry.after["held_on"] == "2024-05-21"
    assert entry.after["minutes"] == "全取組の進捗を確認した。"
    entries = AuditEntry.objects.count()
    bad = [("headquarters", "　", "会議名を入力してください。"), ("nope", "会議", "会議体の指定が正しくありません。")]
    for committee, title, message in bad:
        with pytest.raises(InvalidInputError, match=message):
            services.meeting_save(
                actor=policy_officer,
                meeting=meeting,
                committee=committee,
                held_on=dt.date(2024, 6, 1),
                title=title,
                committees=COMMITTEES,
            )
    with pytest.raises(PermissionDeniedError):
        services.meeting_save(
            actor=clerk,
            meeting=meeting,
            committee="headquarters",
            held_on=dt.date(2024, 6, 1),
            title="書き換え",
            committees=COMMITTEES,
        )
    stored = Meeting.objects.get()
    assert (stored.title, stored.held_on, stored.minutes) == (
        "第1回推進本部会議",
        dt.date(2024, 5, 21),
        "全取組の進捗を確認した。",
    )
    assert AuditEntry.objects.count() == entries
