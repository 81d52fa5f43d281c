import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cityhall.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from cityhall.core.models import AuditEntry
from cityhall.plans import services
from cityhall.plans.models import Evaluation, PriorityScore, ProgressReport
from cityhall.plans.scoring import DOCUMENT_RULE
from tests import sample_files as files


@pytest.mark.parametrize(
    ("g", "q", "c", "d", "score", "rank"),
    [(3, 3, 3, 3, "20.25", "B"), (3, 3, 3, 2, "13.50", "C"), (2, 2, 2, 2, "4.00", "C"), (1, 1, 1, 1, "0.25", "C")],
)
def test_the_plan_formula(g, q, c, d, score, rank):
    assert DOCUMENT_RULE.scored(g, q, c, d) == (Decimal(score), rank)


def test_policy_officer_scores_and_rescoring_replaces_with_audit(policy_officer, window):
    first = services.score_set(
        actor=policy_officer,
        initiative=window,
        fiscal_year=2024,
        government=3,
        quality=3,
        cost=3,
        delivery=3,
        comment="国の方針と一致",
    )
    assert (first.score, first.rank) == (Decimal("20.25"), "B")
    services.score_set(
        actor=policy_officer, initiative=window, fiscal_year=2024, government=3, quality=3, cost=2, delivery=2
    )
    assert PriorityScore.objects.get().rank == "C"
    entries = list(AuditEntry.objects.filter(action="plans.score_set").order_by("sequence"))
    assert len(entries) == 2
    assert entries[1].before["cost"] == 3 and entries[1].after["cost"] == 2
    assert entries[1].department_id == window.department_id


@pytest.mark.parametrize("bad", [0, 4, -1, True])
def test_invalid_scores_are_refused_and_nothing_changes(policy_officer, window, bad):
    with pytest.raises(InvalidInputError, match="◎（3）・○（2）・△（1）"):
        services.score_set(
            actor=policy_officer, initiative=window, fiscal_year=2024, government=bad, quality=3, cost=3, delivery=3
        )
    assert not PriorityScore.objects.exists()
    assert not AuditEntry.objects.exists()


def test_years_outside_the_plan_are_refused(policy_officer, window):
    with pytest.raises(InvalidInputError, match="計画期間外"):
        services.score_set(
            actor=policy_officer, initiative=window, fiscal_year=2026, government=3, quality=3, cost=3, delivery=3
        )
    with pytest.raises(InvalidInputError, match="計画期間外"):
        services.schedule_bar_save(
            actor=policy_officer, initiative=window, bar=None, row=2, label="延長", start=(2025, 2), end=(2026, 1)
        )
    with pytest.raises(InvalidInputError, match="終了時期"):
        services.schedule_bar_save(
            actor=policy_officer, initiative=window, bar=None, row=2, label="逆", start=(2025, 1), end=(2024, 2)
        )


def test_clerks_cannot_score(clerk, window):
    with pytest.raises(PermissionDeniedError):
        services.score_set(
            actor=clerk, initiative=window, fiscal_year=2024, government=3, quality=3, cost=3, delivery=3
        )


def test_department_reports_on_its_own_initiative(clerk, window):
    evidence = files.upload("議事メモ.pdf", files.pdf(), "application/pdf")
    report = services.progress_report(
        actor=clerk,
        initiative=window,
        fiscal_year=2024,
        half=1,
        status="in_progress",
        comment="検討中",
        evidence=evidence,
    )
    assert report.reported_by == clerk
    assert report.evidence.name == "議事メモ.pdf" and report.evidence.content_type == "application/pdf"
    entry = AuditEntry.objects.get(action="plans.progress_report")
    assert entry.actor == clerk and entry.after["status"] == "in_progress"


def test_a_report_for_another_departments_initiative_is_refused(clerk, cloud):
    with pytest.raises(PermissionDeniedError, match="担当課"):
        services.progress_report(actor=clerk, initiative=cloud, fiscal_year=2024, half=1, status="done")
    assert not ProgressReport.objects.exists()


def test_progress_rules(clerk, policy_officer, window, cloud):
    with pytest.raises(InvalidInputError, match="遅延の場合"):
        services.progress_report(actor=clerk, initiative=window, fiscal_year=2024, half=1, status="delayed")
    with pytest.raises(InvalidInputError, match="期は上期"):
        services.progress_report(actor=clerk, initiative=window, fiscal_year=2024, half=3, status="done")
    with pytest.raises(InvalidInputError, match="進捗は"):
        services.progress_report(actor=clerk, initiative=window, fiscal_year=2024, half=1, status="finished")
    big = SimpleUploadedFile("x.pdf", b"0" * (services.EVIDENCE_FILES.max_bytes + 1))
    with pytest.raises(InvalidInputError, match="10MB"):
        services.progress_report(actor=clerk, initiative=window, fiscal_year=2024, half=1, status="done", evidence=big)
    exe = SimpleUploadedFile("tool.exe", b"MZ")
    with pytest.raises(InvalidInputError, match="PDF"):
        services.progress_report(actor=clerk, initiative=window, fiscal_year=2024, half=1, status="done", evidence=exe)
    assert not ProgressReport.objects.exists()
    # The ICT policy division may report on any initiative.
    services.progress_report(actor=policy_officer, initiative=cloud, fiscal_year=2024, half=2, status="done")
    assert ProgressReport.objects.count() == 1


def test_yearly_cycle_is_audited(policy_officer, clerk, window):
    services.annual_plan_save(actor=policy_officer, initiative=window, fiscal_year=2024, goal="書かない窓口の試行")
    services.task_save(
        actor=policy_officer,
        initiative=window,
        task=None,
        fiscal_year=2024,
        title="業者選定",
        owner=clerk,
        due_on=dt.date(2024, 9, 30),
    )
    services.evaluation_save(
        actor=policy_officer,
        initiative=window,
        fiscal_year=2024,
        achievement="mostly",
        issues="周知不足",
        next_actions="広報を強化",
    )
    services.decision_record(
        actor=policy_officer,
        initiative=window,
        decided_on=dt.date(2024, 11, 1),
        observe="待ち時間が増加",
        orient="繁忙期の集中",
        decide="予約制を前倒し",
        act="12月から試行",
    )
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"plans.annual_plan_save", "plans.task_save", "plans.evaluation_save", "plans.decision_record"} <= actions
    with pytest.raises(InvalidInputError, match="すべて"):
        services.decision_record(
            actor=policy_officer,
            initiative=None,
            decided_on=dt.date(2024, 11, 1),
            observe="x",
            orient="",
            decide="y",
            act="z",
        )
    with pytest.raises(PermissionDeniedError):
        services.annual_plan_save(actor=clerk, initiative=window, fiscal_year=2024, goal="x")


def test_meetings_link_decisions_to_initiatives(policy_officer, window, cloud):
    committees = ["headquarters", "promotion", "security"]
    meeting = services.meeting_save(
        actor=policy_officer,
        meeting=None,
        committee="headquarters",
        held_on=dt.date(2024, 5, 20),
        title="第1回推進本部会議",
        agenda="進捗報告",
        committees=committees,
    )
    decision = services.meeting_decision_add(
        actor=policy_officer, meeting=meeting, text="窓口改革を最優先とする", initiatives=[window, cloud]
    )
    assert set(decision.initiatives.all()) == {window, cloud}
    assert window.meeting_decisions.get() == decision
    with pytest.raises(InvalidInputError, match="会議体"):
        services.meeting_save(
            actor=policy_officer,
            meeting=None,
            committee="nope",
            held_on=dt.date(2024, 5, 20),
            title="x",
            committees=committees,
        )


def test_schedule_bars_in_one_row_may_not_overlap(policy_officer, window):
    with pytest.raises(InvalidInputError, match="期間が重なっています"):
        services.schedule_bar_save(
            actor=policy_officer, initiative=window, bar=None, row=1, label="重複", start=(2023, 2), end=(2024, 1)
        )
    bar = services.schedule_bar_save(
        actor=policy_officer, initiative=window, bar=None, row=2, label="別の行", start=(2023, 2), end=(2024, 1)
    )
    assert bar.row == 2


def _score(actor, initiative, cost=3):
    return services.score_set(
        actor=actor, initiative=initiative, fiscal_year=2024, government=3, quality=3, cost=cost, delivery=3
    )


def test_replacing_a_record_stamps_the_time_of_the_change(policy_officer, clerk, window):
    _score(policy_officer, window)
    services.progress_report(actor=clerk, initiative=window, fiscal_year=2024, half=1, status="in_progress")
    services.evaluation_save(actor=policy_officer, initiative=window, fiscal_year=2024, achievement="partly")
    long_ago = timezone.now() - dt.timedelta(days=90)
    PriorityScore.objects.update(scored_at=long_ago)
    ProgressReport.objects.update(reported_at=long_ago)
    Evaluation.objects.update(evaluated_at=long_ago)

    replaced_from = timezone.now()
    _score(policy_officer, window, cost=2)
    services.progress_report(actor=clerk, initiative=window, fiscal_year=2024, half=1, status="done")
    services.evaluation_save(actor=policy_officer, initiative=window, fiscal_year=2024, achievement="achieved")

    assert PriorityScore.objects.get().scored_at >= replaced_from
    assert ProgressReport.objects.get().reported_at >= replaced_from
    assert Evaluation.objects.get().evaluated_at >= replaced_from


def test_a_simultaneous_first_scoring_is_a_conflict_not_a_crash(policy_officer, window, monkeypatch):
    theirs = _score(policy_officer, window, cost=1)
    entries = AuditEntry.objects.count()
    # Our lookup ran before their row was committed: it finds nothing, and the insert then breaks the unique key.
    monkeypatch.setattr(PriorityScore.objects, "select_for_update", PriorityScore.objects.none)
    with pytest.raises(ConflictError, match="同時に登録されました"):
        _score(policy_officer, window)
    assert PriorityScore.objects.get() == theirs
    assert PriorityScore.objects.get().cost == 1
    assert AuditEntry.objects.count() == entries
