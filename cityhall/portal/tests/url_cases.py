"""The portal's URLs (collected by the URL permission matrix)."""

from __future__ import annotations

from cityhall.core.tests.url_matrix import PUBLIC, SIGNED_IN, Case

CASES = {
    "portal:home": Case("get", None, PUBLIC),
    "portal:terms": Case("get", None, PUBLIC),
    "portal:mypage": Case("get", None, SIGNED_IN),
}
