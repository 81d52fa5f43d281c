"""core's own URL (collected by the URL permission matrix)."""

from __future__ import annotations

from cityhall.core.tests.url_matrix import PUBLIC, Case

CASES = {"healthz": Case("get", None, PUBLIC)}
