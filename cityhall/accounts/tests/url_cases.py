"""The organisation console's URLs: who may, who may not (collected by the URL permission matrix)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cityhall.core.tests.url_matrix import ADMIN, ADMIN_POST, LOGIN, POLICY, Case, UrlContext

CASES = {
    "console:org:home": Case("get", None, ADMIN),
    "console:org:department_create": Case("get", None, ADMIN),
    "console:org:department_edit": Case("get", "department", ADMIN),
    "console:org:department_toggle": Case("post", "department", ADMIN_POST),
    "console:org:staff_list": Case("get", None, ADMIN),
    "console:org:staff_create": Case("get", None, ADMIN),
    "console:org:staff_edit": Case("get", "staff", ADMIN),
    "console:org:staff_toggle": Case("post", "staff", ADMIN_POST),
    "console:org:role_list": Case("get", None, ADMIN),
    "console:org:role_create": Case("get", None, ADMIN),
    "console:org:role_edit": Case("get", "role", ADMIN),
    "console:org:committee_list": Case("get", None, ADMIN),
    "console:org:membership_end": Case("post", "membership", ADMIN_POST),
    "console:org:assignment_list": Case("get", None, ADMIN),
    "console:org:assignment_remove": Case("post", "assignment", ADMIN_POST),
    "console:org:token_list": Case("get", None, POLICY),
    # A token belongs to one person: others get 404, not someone else's token.
    "console:org:token_revoke": Case("post", "token", (LOGIN, 403, 403, 404, 302)),
}


def objects(ctx: UrlContext) -> dict[str, dict[str, Any]]:
    from cityhall.accounts import services
    from cityhall.accounts.models import CommitteeMembership, DepartmentAssignment, Role

    token, _raw = services.api_token_issue(actor=ctx.admin_user, name="連携")
    membership = CommitteeMembership.objects.create(committee="security", user=ctx.clerk, starts_on=dt.date(2025, 4, 1))
    assignment = DepartmentAssignment.objects.create(
        kind="it_helper", department=ctx.departments["citizens"], user=ctx.clerk, fiscal_year=2025
    )
    return {
        "department": {"department_id": ctx.departments["citizens"].pk},
        "staff": {"user_id": ctx.clerk.pk},
        "role": {"role_id": Role.objects.get(code="department_clerk").pk},
        "membership": {"membership_id": membership.pk},
        "assignment": {"assignment_id": assignment.pk},
        "token": {"token_id": token.pk},
    }
