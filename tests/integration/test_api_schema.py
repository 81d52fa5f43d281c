"""Schemathesis against /api/v1/openapi.json: every answer is one the schema documents.

Bounded (a fixed number of examples per operation, no database writes through the API), run
anonymously and with a staff token, on the WSGI application in this process.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from cityhall.accounts import services
from config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
BOUNDED = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: the WSGI app must not close the connection the test's transaction holds.

    Schemathesis calls the WSGI application directly; its request signals would otherwise close
    the connection (on PostgreSQL the transaction the test runs in then fails).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def staff_token(policy_officer):
    _token, raw = services.api_token_issue(actor=policy_officer, name="schemathesis")
    return raw


@schema.parametrize()
@BOUNDED
@pytest.mark.django_db
def test_anonymous_answers_are_documented(case, departments):
    response = case.call_and_validate()
    assert response.status_code < 500


@schema.parametrize()
@BOUNDED
def test_answers_with_a_token_are_documented(case, staff_token):
    response = case.call_and_validate(headers={"Authorization": f"Bearer {staff_token}"})
    assert response.status_code < 500


def test_a_request_without_a_token_is_told_in_japanese(client, db):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "APIトークン" in response.json()["detail"]
    documented = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/me"]["get"]["responses"]
    assert {"200", "401"} <= set(documented)
