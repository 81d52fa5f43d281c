"""The console shell's URLs (collected by the URL permission matrix)."""

from __future__ import annotations

from cityhall.core.tests.url_matrix import POLICY, POLICY_POST, STAFF, Case

CASES = {
    "console:home": Case("get", None, STAFF),
    "console:departments": Case("get", None, STAFF),
    "console:audit_list": Case("get", None, POLICY),
    "console:audit_verify": Case("post", None, POLICY_POST),
}
