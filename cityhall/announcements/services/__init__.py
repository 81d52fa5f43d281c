"""Write use cases of お知らせ. Every staff write is audited and drops the cached public pages when
what the public sees changes.

Split by use case: `notices` (drafts, approval, emergency publishing, withdrawal), `emergency`
(the portal's emergency switch), `rules` (媒体の選択基準), `delivery` (a live notice handed to the
notification pipeline once) and `subscriptions` (who receives
notices, by e-mail with double opt-in, in LINE, or on staff's printed/phone list). Other apps and the tests use the
names re-exported here.
"""

from __future__ import annotations

from cityhall.announcements.services.delivery import notice_deliver, notices_deliver_due
from cityhall.announcements.services.emergency import emergency_mode_set
from cityhall.announcements.services.notices import (
    notice_approve,
    notice_publish_emergency,
    notice_return,
    notice_save,
    notice_submit,
    notice_withdraw,
)
from cityhall.announcements.services.rules import channel_rule_delete, channel_rule_save
from cityhall.announcements.services.subscriptions import (
    line_follow,
    line_unfollow,
    paper_subscriber_add,
    paper_subscriber_end,
    subscriber_for_link,
    subscription_confirm,
    subscription_end,
    subscription_request,
    subscription_update,
    token_for,
)

__all__ = [
    "channel_rule_delete",
    "channel_rule_save",
    "emergency_mode_set",
    "line_follow",
    "line_unfollow",
    "notice_approve",
    "notice_deliver",
    "notice_publish_emergency",
    "notice_return",
    "notice_save",
    "notice_submit",
    "notice_withdraw",
    "notices_deliver_due",
    "paper_subscriber_add",
    "paper_subscriber_end",
    "subscriber_for_link",
    "subscription_confirm",
    "subscription_end",
    "subscription_request",
    "subscription_update",
    "token_for",
]
