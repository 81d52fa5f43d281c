"""What the staff and organisation audit entries mean: labels of their actions and object types, and their pages.

The 部・課 (core.Department) are edited on the organisation pages here, so their links are registered here too.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from cityhall.core.audit_display import ObjectType, link_all, link_each
from cityhall.core.permissions import ORGANISATION, can_use_module

ACTIONS = {
    "staff.create": _("職員を登録"),
    "staff.update": _("職員の情報を変更"),
    "staff.activate": _("職員のアカウントを有効化"),
    "staff.suspend": _("職員のアカウントを停止"),
    "role.create": _("役割を作成"),
    "role.update": _("役割を変更"),
    "committee.member_add": _("委員会の構成員を追加"),
    "committee.member_end": _("委員会の構成員の任期を終了"),
    "assignment.add": _("課の担当者（ITヘルパー等）を指名"),
    "assignment.remove": _("課の担当者（ITヘルパー等）の指名を解除"),
    "api_token.issue": _("APIトークンを発行"),
    "api_token.revoke": _("APIトークンを失効"),
}


def _organisers(viewer: Any) -> bool:
    return can_use_module(viewer, ORGANISATION)


OBJECT_TYPES = {
    "accounts.user": ObjectType(
        _("職員・利用者"), link_each("console:org:staff_edit", "user_id", may_open=_organisers)
    ),
    "accounts.role": ObjectType(_("役割"), link_each("console:org:role_edit", "role_id", may_open=_organisers)),
    "accounts.committeemembership": ObjectType(
        _("委員会構成員"), link_all("console:org:committee_list", may_open=_organisers)
    ),
    "accounts.departmentassignment": ObjectType(
        _("課の担当者（ITヘルパー・セキュリティスタッフ）"),
        link_all("console:org:assignment_list", may_open=_organisers),
    ),
    # A token's page lists only its owner's tokens, so an entry about one has no page to link to.
    "accounts.apitoken": ObjectType(_("APIトークン")),
    "core.department": ObjectType(
        _("組織（部・課）"), link_each("console:org:department_edit", "department_id", may_open=_organisers)
    ),
}
