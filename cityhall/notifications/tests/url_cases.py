"""The outbox pages: the ICT policy division only (collected by the URL permission matrix)."""

from __future__ import annotations

from typing import Any

from cityhall.core.tests.url_matrix import POLICY, POLICY_POST, Case, UrlContext

CASES = {
    "console:notifications:outbox": Case("get", None, POLICY),
    "console:notifications:outbox_detail": Case("get", "email", POLICY),
    "console:notifications:outbox_retry": Case("post", "email", POLICY_POST),
}


def objects(ctx: UrlContext) -> dict[str, dict[str, Any]]:
    from cityhall.notifications.models import OutboundEmail

    failed = OutboundEmail.objects.create(
        message_id="<failed@example.jp>",
        from_email="noreply@example.jp",
        to=["a@example.jp"],
        subject="件名",
        body="本文",
        status=OutboundEmail.Status.PERMANENT_FAILURE,
    )
    return {"email": {"email_id": failed.pk}}
