"""What お知らせ's audit entries mean: labels of their actions and object types, and their pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cityhall.announcements.permissions import can_use_console, is_admin
from cityhall.core.audit_display import ObjectType, link_all, link_each

ACTIONS = {
    "announcements.create": _("お知らせを作成"),
    "announcements.draft_save": _("お知らせの下書きを保存"),
    "announcements.submit": _("お知らせの承認を申請"),
    "announcements.approve": _("お知らせを承認"),
    "announcements.return": _("お知らせを差し戻し"),
    "announcements.withdraw": _("お知らせの掲載を終了"),
    "announcements.emergency_publish": _("緊急情報を承認なしで発信"),
    "announcements.emergency_mode": _("緊急モードを切り替え"),
    "announcements.rule_add": _("媒体の選択基準を追加"),
    "announcements.rule_change": _("媒体の選択基準を変更"),
    "announcements.rule_delete": _("媒体の選択基準を削除"),
    "announcements.paper_subscriber_add": _("紙・電話の配信先を登録"),
    "announcements.paper_subscriber_end": _("紙・電話の配信先から外す"),
}

OBJECT_TYPES = {
    "announcements.notice": ObjectType(
        _("お知らせ"), link_each("console:announcements:notice", "notice_id", may_open=can_use_console)
    ),
    "announcements.emergencystate": ObjectType(
        _("緊急モード"), link_all("console:announcements:emergency", may_open=can_use_console)
    ),
    "announcements.subscriber": ObjectType(
        _("購読者"), link_all("console:announcements:subscribers", may_open=is_admin)
    ),
    "announcements.channelrule": ObjectType(
        _("媒体の選択基準"), link_all("console:announcements:rules", may_open=is_admin)
    ),
}
