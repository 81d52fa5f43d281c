"""Who may edit, approve and administer the procedures guide.

- "procedures": department staff edit their own department's procedures.
- "procedures_approve": a section chief (課長) approves their department's changes.
- "procedures_admin": the ICT policy division — every department, the gap list,
  synonyms, life-event rules, notices and emergency mode.
"""

from __future__ import annotations

from typing import Any

from cityhall.core.permissions import can_use_module

PROCEDURES = "procedures"
PROCEDURES_APPROVE = "procedures_approve"
PROCEDURES_ADMIN = "procedures_admin"


def is_admin(user: Any) -> bool:
    return can_use_module(user, PROCEDURES_ADMIN)


def can_edit(user: Any, department_id: int | None) -> bool:
    if is_admin(user):
        return True
    return can_use_module(user, PROCEDURES) and department_id is not None and user.department_id == department_id


def can_approve(user: Any, department_id: int | None) -> bool:
    if is_admin(user):
        return True
    return (
        can_use_module(user, PROCEDURES_APPROVE) and department_id is not None and user.department_id == department_id
    )


def can_use_console(user: Any) -> bool:
    return any(can_use_module(user, key) for key in (PROCEDURES, PROCEDURES_APPROVE, PROCEDURES_ADMIN))
