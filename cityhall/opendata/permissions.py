"""Who may do what in the open data catalogue.

- "opendata": department staff manage their own department's datasets (upload, fix, publish)
  and answer data requests assigned to their department.
- "opendata_admin": the ICT policy division — every dataset, the schema definitions, the
  categories, every data request and the usage figures of the whole catalogue.
"""

from __future__ import annotations

from typing import Any

from cityhall.core.permissions import can_use_module

OPENDATA = "opendata"
OPENDATA_ADMIN = "opendata_admin"


def is_admin(user: Any) -> bool:
    return can_use_module(user, OPENDATA_ADMIN)


def can_use_console(user: Any) -> bool:
    return is_admin(user) or can_use_module(user, OPENDATA)


def can_manage(user: Any, department_id: int | None) -> bool:
    if is_admin(user):
        return True
    return can_use_module(user, OPENDATA) and department_id is not None and user.department_id == department_id
