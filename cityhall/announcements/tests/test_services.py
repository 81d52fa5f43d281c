"""A notice's life through the services: who may do each step, and what each step refuses."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cityhall.announcements import selectors, services
from cityhall.announcements.models import Channel, Notice
from cityhall.announcements.tests.conftest import draft_fields
from cityhall.core.errors import InvalidInputError, PermissionDeniedError
from cityhall.core.models import AuditEntry


def test_draft_submit_approve_makes_it_live(clerk, chief, categories):
    notice = services.notice_save(actor=clerk, notice=None, **draft_fields(categories))
    assert notice.status == Notice.Status.DRAFT and notice.department_id == clerk.department_id
    assert not selectors.live_notices().filter(pk=notice.pk).exists(), "a draft is not public"
    services.notice_submit(actor=clerk, notice=notice)
    with pytest.raises(PermissionDeniedError):
        services.notice_approve(actor=clerk, notice=notice)
    services.notice_approve(actor=chief, notice=notice)
    notice.refresh_from_db()
    assert notice.status == Notice.Status.APPROVED and notice.decided_by == chief
    assert list(selectors.live_notices()) == [notice]
    actions = list(
        AuditEntry.objects.filter(object_type="announcements.notice")
        .order_by("sequence")
        .values_list("action", flat=True)
    )
    assert actions == ["announcements.create", "announcements.submit", "announcements.approve"]


def test_nobody_approves_their_own_notice(chief, categories):
    notice = services.notice_save(actor=chief, notice=None, **draft_fields(categories))
    services.notice_submit(actor=chief, notice=notice)
    with pytest.raises(InvalidInputError, match="ご自身が作成"):
        services.notice_approve(actor=chief, notice=notice)
    notice.refresh_from_db()
    assert notice.status == Notice.Status.PENDING


def test_a_clerk_cannot_approve_and_another_department_cannot_write(clerk, chief, categories, departments):
    from conftest import make_user

    notice = services.notice_save(actor=clerk, notice=None, **draft_fields(categories))
    services.notice_submit(actor=clerk, notice=notice)
    other_clerk = make_user("other@example.jp", role="department_clerk", department=departments["ict-policy"])
    with pytest.raises(PermissionDeniedError):
        services.notice_approve(actor=other_clerk, notice=notice)
    with pytest.raises(PermissionDeniedError):
        services.notice_save(actor=other_clerk, notice=notice, **draft_fields(categories))
    other_chief = make_user("otherchief@example.jp", role="section_chief", department=departments["ict-policy"])
    with pytest.raises(PermissionDeniedError):
        services.notice_approve(actor=other_chief, notice=notice)
    notice.refresh_from_db()
    assert notice.status == Notice.Status.PENDING


def test_returned_with_a_reason_and_edited_again(clerk, chief, categories):
    notice = services.notice_save(actor=clerk, notice=None, **draft_fields(categories))
    services.notice_submit(actor=clerk, notice=notice)
    with pytest.raises(InvalidInputError, match="理由"):
        services.notice_return(actor=chief, notice=notice, note="  ")
    services.notice_return(actor=chief, notice=notice, note="日付の曜日を確認してください")
    notice.refresh_from_db()
    assert notice.status == Notice.Status.DRAFT and notice.return_note == "日付の曜日を確認してください"
    services.notice_save(actor=clerk, notice=notice, **draft_fields(categories, title="直した見出し"))
    services.notice_submit(actor=clerk, notice=notice)
    notice.refresh_from_db()
    assert notice.title == "直した見出し" and notice.return_note == ""


def test_only_drafts_can_be_edited(clerk, chief, categories):
    notice = services.notice_save(actor=clerk, notice=None, **draft_fields(categories))
    services.notice_submit(actor=clerk, notice=notice)
    notice.refresh_from_db()
    with pytest.raises(InvalidInputError, match="下書き"):
        services.notice_save(actor=clerk, notice=notice, **draft_fields(categories, title="変更"))
    notice.refresh_from_db()
    assert notice.title != "変更"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "　"}, "見出し"),
        ({"channels": []}, "媒体を1つ以上"),
        ({"channels": ["web", "fax"]}, "媒体の指定"),
        ({"channels": ["web", "line"]}, "理由"),  # not what the rule says, and no reason given
        ({"urgency": "later"}, "緊急度"),
        (
            {
                "publish_at": dt.datetime(2027, 1, 2, tzinfo=dt.UTC),
                "expires_at": dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
            },
            "掲載終了",
        ),
    ],
)
def test_bad_content_is_refused_and_nothing_is_saved(clerk, categories, changes, message):
    with pytest.raises(InvalidInputError, match=message):
        services.notice_save(actor=clerk, notice=None, **draft_fields(categories, **changes))
    assert not Notice.objects.exists()


def test_the_channel_rules_pick_channels_and_a_reason_allows_a_change(clerk, categories):
    def rule(urgency, key):
        return selectors.channels_by_rule(urgency=urgency, category_id=categories[key].pk)[0]

    assert rule("emergency", "gyousei") == ["web", "email", "line", "x", "facebook", "webhook"]
    assert rule("normal", "nyusatsu") == ["web"]
    assert rule("normal", "event") == ["web", "line", "x"]
    assert rule("important", "kurashi") == ["web", "email", "line"]
    assert rule("normal", "kurashi") == ["web", "email"]
    notice = services.notice_save(
        actor=clerk,
        notice=None,
        **draft_fields(categories, channels=["web", "line", "email"], channels_reason="子育て世帯に届けるため"),
    )
    assert notice.channels == ["web", "email", "line"] and notice.channels_reason == "子育て世帯に届けるため"


def test_rules_are_data_the_policy_division_edits(policy_officer, clerk, categories):
    with pytest.raises(PermissionDeniedError):
        services.channel_rule_save(
            actor=clerk, rule=None, order=1, urgency="", category=categories["kurashi"], channels=["web"]
        )
    services.channel_rule_save(
        actor=policy_officer, rule=None, order=1, urgency="", category=categories["kurashi"], channels=["line", "web"]
    )
    assert selectors.channels_by_rule(urgency="normal", category_id=categories["kurashi"].pk)[0] == ["web", "line"]


def test_emergency_publishing_skips_approval_and_is_recorded(crisis_officer, clerk, categories):
    with pytest.raises(PermissionDeniedError):
        services.notice_publish_emergency(
            actor=clerk, title="避難指示", body="直ちに避難", category=categories["bousai"]
        )
    assert not selectors.emergency().active
    notice = services.notice_publish_emergency(
        actor=crisis_officer, title="避難指示（緊急）", body="直ちに避難してください", category=categories["bousai"]
    )
    assert notice.is_live() and notice.skipped_approval and notice.channels == list(Channel.values)
    assert selectors.emergency().active, "a live emergency notice switches the portal"
    entry = AuditEntry.objects.get(action="announcements.emergency_publish")
    assert entry.actor_id == crisis_officer.pk
    services.notice_withdraw(actor=crisis_officer, notice=notice)
    assert not selectors.emergency().active


def test_the_emergency_switch(policy_officer, clerk):
    with pytest.raises(PermissionDeniedError):
        services.emergency_mode_set(actor=clerk, on=True, message="避難してください")
    with pytest.raises(InvalidInputError, match="メッセージ"):
        services.emergency_mode_set(actor=policy_officer, on=True, message="")
    assert not selectors.emergency().active
    services.emergency_mode_set(actor=policy_officer, on=True, message="大雨のため避難指示")
    assert selectors.emergency().active and selectors.emergency().message == "大雨のため避難指示"
    services.emergency_mode_set(actor=policy_officer, on=False)
    assert not selectors.emergency().active


def test_scheduled_and_expired_notices_are_not_live(clerk, chief, categories):
    later = timezone.now() + dt.timedelta(days=2)
    notice = services.notice_save(actor=clerk, notice=None, **draft_fields(categories, publish_at=later))
    services.notice_submit(actor=clerk, notice=notice)
    services.notice_approve(actor=chief, notice=notice)
    notice.refresh_from_db()
    assert notice.is_scheduled() and not selectors.live_notices().exists()
    assert selectors.live_notices(now=later + dt.timedelta(minutes=1)).get() == notice
    services.notice_withdraw(actor=chief, notice=notice)
    assert not selectors.live_notices(now=later + dt.timedelta(minutes=1)).exists()
