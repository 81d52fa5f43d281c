"""The JSON API root: OpenAPI served, public reads, staff integrations with tokens."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from cityhall.accounts import services
from cityhall.accounts.models import ApiToken
from cityhall.core.errors import InvalidInputError, PermissionDeniedError
from cityhall.core.models import AuditEntry


def test_openapi_schema_is_served():
    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "cityhall API"
    assert {"/api/v1/municipality", "/api/v1/departments", "/api/v1/me"} <= set(schema["paths"])
    assert "BearerAuth" in str(schema["components"]["securitySchemes"]) or schema["components"]["securitySchemes"]


def test_public_reads(departments):
    client = Client()
    assert client.get("/api/v1/municipality").json()["code"] == "092100"
    names = [d["name"] for d in client.get("/api/v1/departments").json()]
    assert names == ["総合政策部", "情報政策課", "市民生活部", "市民課"]


def test_missing_municipality_is_a_japanese_404(db):
    response = Client().get("/api/v1/municipality")
    assert response.status_code == 404
    assert response.json()["detail"] == "地方公共団体が登録されていません。"


def test_token_lifecycle(policy_officer):
    token, raw = services.api_token_issue(actor=policy_officer, name="基幹系連携")
    assert raw.startswith("ch_") and raw not in str(ApiToken.objects.values_list())
    client = Client()
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert response.json()["email"] == policy_officer.email
    assert "audit" in response.json()["modules"]
    token.refresh_from_db()
    assert token.last_used_at is not None
    services.api_token_revoke(actor=policy_officer, token=token)
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("sequence")) == [
        "api_token.issue",
        "api_token.revoke",
    ]


def test_expired_or_unknown_tokens_are_refused(policy_officer):
    token, raw = services.api_token_issue(
        actor=policy_officer, name="短期", expires_at=timezone.now() + dt.timedelta(days=1)
    )
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    client = Client()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer ch_made-up").status_code == 401
    assert client.get("/api/v1/me").status_code == 401


def test_tokens_stop_working_when_the_owner_is_suspended(admin_user, policy_officer):
    _token, raw = services.api_token_issue(actor=policy_officer, name="x")
    services.staff_set_active(actor=admin_user, staff=policy_officer, is_active=False)
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_token_issue_rules(clerk, policy_officer):
    with pytest.raises(PermissionDeniedError):
        services.api_token_issue(actor=clerk, name="x")
    with pytest.raises(InvalidInputError, match="用途"):
        services.api_token_issue(actor=policy_officer, name="  ")
    with pytest.raises(InvalidInputError, match="有効期限"):
        services.api_token_issue(actor=policy_officer, name="x", expires_at=timezone.now() - dt.timedelta(days=1))
    assert not ApiToken.objects.exists()


def test_tokens_stop_working_when_the_module_grant_is_withdrawn(admin_user, policy_officer):
    from cityhall.accounts.models import Role

    _token, raw = services.api_token_issue(actor=policy_officer, name="x")
    services.staff_update(
        actor=admin_user, staff=policy_officer, data={}, roles=list(Role.objects.filter(code="department_clerk"))
    )
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
