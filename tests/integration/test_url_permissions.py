"""Every URL of ours, every persona: who may, who may not.

Each app declares its URLs in `cityhall/<app>/tests/url_cases.py` (see
`cityhall/core/tests/url_matrix.py`). A URL whose view lives in `cityhall` and that no
app declares fails `test_every_url_of_ours_is_declared`.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cityhall.core.tests.url_matrix import LOGIN, PERSONAS, UrlContext, collect

DECLARED = collect()


def _ours(patterns: list[Any], namespace: str = "") -> set[str]:
    """Named URLs whose views are cityhall's (allauth's, the admin's and ninja's are not)."""
    names: set[str] = set()
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}:{p.namespace}".strip(":") if p.namespace else namespace
            names |= _ours(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name and getattr(p.callback, "__module__", "").startswith("cityhall."):
            names.add(f"{namespace}:{p.name}".strip(":"))
    return names


def test_every_url_of_ours_is_declared():
    ours = _ours(get_resolver().url_patterns)
    assert len(ours) > 100, "URL enumeration found too little"
    assert ours - set(DECLARED) == set(), "declare these URLs in their app's tests/url_cases.py"
    assert set(DECLARED) - ours == set(), "these declared URLs no longer exist"


@pytest.mark.parametrize("name", sorted(DECLARED))
@pytest.mark.parametrize("persona_index", range(len(PERSONAS)))
def test_permissions(name, persona_index, request, as_user, resident, clerk, policy_officer, admin_user, departments):
    app = DECLARED[name]
    method, key, expected = app.cases[name]
    kwargs = app.objects(UrlContext(resident, clerk, policy_officer, admin_user, departments))[key] if key else None
    persona = PERSONAS[persona_index]
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    url = reverse(name, kwargs=kwargs)
    response = getattr(as_user(user), method)(url, {"ends_on": "2026-03-31"} if method == "post" else None)
    want = expected[persona_index]
    if want == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == want, f"{persona} {method.upper()} {url}"
