"""A clerk writes a notice in the console, the section chief approves it, and it is on the news page;
the emergency page publishes at once; the ICT policy division edits the channel rules."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cityhall.announcements.models import ChannelRule, Notice
from conftest import login


def test_write_submit_approve_through_the_console(clerk, chief, categories):
    writer = login(Client(), clerk)
    form = {
        "title": "図書館の臨時休館（12月）",
        "body": "蔵書点検のため、12月15日（月）〜19日（金）は休館します。\n返却はブックポストへ。",
        "category": categories["kurashi"].pk,
        "urgency": "normal",
        "channels_reason": "",
    }
    response = writer.post(reverse("console:announcements:notice_new"), form)
    notice = Notice.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "console:announcements:notice", args=[notice.pk]
    )
    assert notice.channels == ["web", "email"], "no channels chosen: the rule's"
    assert notice.body == form["body"], "prose is kept as typed"
    page = writer.get(reverse("console:announcements:notice", args=[notice.pk])).content.decode()
    assert "ホームページ（お知らせ・Atomフィード）" in page and "メール配信" in page
    writer.post(reverse("console:announcements:notice_submit", args=[notice.pk]))
    assert writer.post(reverse("console:announcements:notice_approve", args=[notice.pk])).status_code == 403
    approver = login(Client(), chief)
    queue = approver.get(reverse("console:announcements:notices")).content.decode()
    assert "あなたの承認を待っているお知らせ" in queue and form["title"] in queue
    approver.post(reverse("console:announcements:notice_approve", args=[notice.pk]))
    notice.refresh_from_db()
    assert notice.status == Notice.Status.APPROVED
    assert form["title"] in Client().get(reverse("announcements:index")).content.decode()


def test_a_changed_channel_needs_a_reason_and_the_form_keeps_what_was_typed(clerk, categories):
    writer = login(Client(), clerk)
    form = {
        "title": "（重要）水道料金の改定について",
        "body": "本文",
        "category": categories["kurashi"].pk,
        "urgency": "normal",
        "channels": ["web", "line"],
    }
    response = writer.post(reverse("console:announcements:notice_new"), form)
    assert response.status_code == 400
    body = response.content.decode()
    assert "理由を入力してください" in body and "（重要）水道料金の改定について" in body
    assert not Notice.objects.exists()
    response = writer.post(reverse("console:announcements:notice_new"), {**form, "channels_reason": "LINEで周知"})
    assert response.status_code == 302
    assert Notice.objects.get().channels == ["web", "line"]


def test_emergency_page_publishes_at_once(policy_officer, categories):
    officer = login(Client(), policy_officer)
    response = officer.post(
        reverse("console:announcements:emergency_publish"),
        {"title": "避難指示", "body": "那珂川が氾濫危険水位に達しました。", "category": categories["bousai"].pk},
    )
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert notice.skipped_approval and notice.is_live()
    top = Client().get(reverse("portal:home")).content.decode()
    assert "那珂川が氾濫危険水位に達しました" in top


def test_channel_rules_page(policy_officer, categories):
    officer = login(Client(), policy_officer)
    page = officer.get(reverse("console:announcements:rules")).content.decode()
    assert "入札・契約はホームページのみ" in page
    before = ChannelRule.objects.count()
    response = officer.post(
        reverse("console:announcements:rules"),
        {
            "order": "5",
            "urgency": "",
            "category": categories["kosodate"].pk,
            "channels": ["web", "line"],
            "note": "子育て",
        },
    )
    assert response.status_code == 302 and ChannelRule.objects.count() == before + 1
    bad = officer.post(reverse("console:announcements:rules"), {"order": "5", "channels": []})
    assert bad.status_code == 400 and ChannelRule.objects.count() == before + 1
