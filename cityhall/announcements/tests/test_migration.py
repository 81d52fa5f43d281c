"""Moving the portal's notices and emergency switch from procedures loses nothing (migration 0002)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("announcements", "0001_initial"),
    ("procedures", "0005_department_page_hours_as_times"),
]
AFTER = [("procedures", "0006_notices_moved_to_announcements")]


def test_notices_and_the_switch_move_with_their_data(migrator):
    old = migrator.apply_initial_migration(BEFORE)
    User = old.apps.get_model("accounts", "User")
    municipality = old.apps.get_model("core", "Municipality").objects.create(
        code="092100", name="大田原市", prefecture="栃木県"
    )
    department = old.apps.get_model("core", "Department").objects.create(
        code="kiki", name="危機管理課", municipality=municipality
    )
    author = User.objects.create(email="a@example.jp", department=department)
    Notice = old.apps.get_model("procedures", "Notice")
    start = dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC)
    Notice.objects.create(
        level="emergency", title="避難所を開設しました", body="本文は\nそのまま", published_at=start, created_by=author
    )
    Notice.objects.create(
        level="news",
        title="（お知らせ）窓口の時間",
        published_at=start,
        expires_at=start + dt.timedelta(days=3),
        created_by=author,
    )
    old.apps.get_model("procedures", "PortalState").objects.create(
        pk=1, emergency_mode=True, emergency_message="大雨のため避難指示", catalog_token="t"
    )

    new = migrator.apply_tested_migration(AFTER)
    moved = {n.title: n for n in new.apps.get_model("announcements", "Notice").objects.all()}
    assert set(moved) == {"避難所を開設しました", "（お知らせ）窓口の時間"}
    emergency, news = moved["避難所を開設しました"], moved["（お知らせ）窓口の時間"]
    assert emergency.urgency == "emergency" and emergency.category.key == "bousai"
    assert emergency.body == "本文は\nそのまま" and emergency.publish_at == start and emergency.expires_at is None
    assert news.urgency == "normal" and news.expires_at == start + dt.timedelta(days=3)
    for notice in moved.values():
        assert notice.status == "approved" and notice.channels == ["web"] and notice.created_by_id == author.pk
        assert notice.department_id == department.pk
    state = new.apps.get_model("announcements", "EmergencyState").objects.get(pk=1)
    assert state.on and state.message == "大雨のため避難指示"
    assert new.apps.get_model("procedures", "PortalState").objects.get(pk=1).catalog_token == "t"
    roles = {r.code: r.modules for r in new.apps.get_model("accounts", "Role").objects.all()}
    assert "announcements_approve" in roles["section_chief"]
    assert "announcements_emergency" in roles["crisis_management"]

    back = migrator.apply_tested_migration(BEFORE)
    titles = set(back.apps.get_model("procedures", "Notice").objects.values_list("title", flat=True))
    assert titles == {"避難所を開設しました", "（お知らせ）窓口の時間"}, "a rollback puts them back"
