"""Who may write, approve and run お知らせ.

- "announcements": department staff draft notices for their own department.
- "announcements_approve": a section chief (課長) approves their department's notices.
- "announcements_emergency": staff who may publish an emergency notice at once, skipping approval
  (危機管理課, the ICT policy division), and switch the portal's emergency mode.
- "announcements_admin": the ICT policy division — every department's notices, the channel rules
  (媒体の選択基準), categories and areas.
"""

from __future__ import annotations

from typing import Any

from cityhall.core.permissions import can_use_module

ANNOUNCEMENTS = "announcements"
ANNOUNCEMENTS_APPROVE = "announcements_approve"
ANNOUNCEMENTS_EMERGENCY = "announcements_emergency"
ANNOUNCEMENTS_ADMIN = "announcements_admin"
KEYS = (ANNOUNCEMENTS, ANNOUNCEMENTS_APPROVE, ANNOUNCEMENTS_EMERGENCY, ANNOUNCEMENTS_ADMIN)


def is_admin(user: Any) -> bool:
    return can_use_module(user, ANNOUNCEMENTS_ADMIN)


def _own_department(user: Any, department_id: int | None) -> bool:
    return department_id is not None and user.department_id == department_id


def can_write(user: Any, department_id: int | None) -> bool:
    return is_admin(user) or (can_use_module(user, ANNOUNCEMENTS) and _own_department(user, department_id))


def can_approve(user: Any, department_id: int | None) -> bool:
    return is_admin(user) or (can_use_module(user, ANNOUNCEMENTS_APPROVE) and _own_department(user, department_id))


def can_publish_emergency(user: Any) -> bool:
    return is_admin(user) or can_use_module(user, ANNOUNCEMENTS_EMERGENCY)


def can_withdraw(user: Any, notice: Any) -> bool:
    """End a notice: its department's approver, or for an emergency notice also those who may
    publish one."""
    return can_approve(user, notice.department_id) or (notice.urgency == "emergency" and can_publish_emergency(user))


def can_use_console(user: Any) -> bool:
    return any(can_use_module(user, key) for key in KEYS)
