"""What the notifications' audit entries mean: labels of their actions and object types, and their pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cityhall.core.audit_display import ObjectType, link_each
from cityhall.core.permissions import can_use_module
from cityhall.notifications.permissions import OUTBOX

ACTIONS = {"notifications.email_retry": _("失敗したメールを再送")}

OBJECT_TYPES = {
    "notifications.outboundemail": ObjectType(
        _("送信メール"),
        link_each(
            "console:notifications:outbox_detail", "email_id", may_open=lambda user: can_use_module(user, OUTBOX)
        ),
    ),
    "notifications.caughtemail": ObjectType(_("受信したデモメール")),
}
