"""Who may do what in the plan.

- The ICT policy division (module "plans_admin") edits everything.
- Department staff (module "plans") read the plan and report on their own department's initiatives.
- Committee members read everything, evidence files included.
"""

from __future__ import annotations

from typing import Any

from cityhall.accounts.selectors import is_committee_member
from cityhall.core.permissions import can_use_module

PLANS = "plans"
PLANS_ADMIN = "plans_admin"


def can_edit_plan(user: Any) -> bool:
    return can_use_module(user, PLANS_ADMIN)


def can_read_plan(user: Any) -> bool:
    return can_use_module(user, PLANS) or can_edit_plan(user)


def can_report_on(user: Any, department_id: int | None) -> bool:
    """Progress is reported by the department in charge (or the ICT policy division)."""
    if can_edit_plan(user):
        return True
    return can_use_module(user, PLANS) and department_id is not None and user.department_id == department_id


def can_download_evidence(user: Any, department_id: int | None) -> bool:
    """Evidence files are for the department in charge, the ICT policy division and committee members."""
    return can_report_on(user, department_id) or (can_read_plan(user) and is_committee_member(user))
