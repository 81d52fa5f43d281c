"""A resident registers, confirms by e-mail (delivered over real SMTP) and reaches my page."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from cityhall.accounts.models import User
from cityhall.notifications import services as mail_services

SIGNUP = {
    "email": "Taro.Nasu@Example.jp",
    "password1": "kuri-no-ki-2026",
    "password2": "kuri-no-ki-2026",
    "agree": "on",
}


def _confirmation_link(inbox) -> str:
    (body,) = inbox.bodies()
    match = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s/]+/", body)
    assert match, body
    return match.group(0).split("testserver", 1)[-1]


def test_resident_signs_up_confirms_and_sees_my_page(municipality, smtp_server, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email__iexact="taro.nasu@example.jp")
    assert not user.is_staff
    (_sender, rcpts, message) = smtp_server.messages[0]
    assert rcpts == [user.email]
    assert message["Subject"].strip() == "【大田原市 電子市役所】メールアドレスの確認"
    body = smtp_server.bodies()[0]
    assert body.startswith("大田原市 電子市役所からのお知らせです。")
    assert "--\r\n大田原市 電子市役所\r\n" in body, "signed by the city, not by the host that served the request"

    link = _confirmation_link(smtp_server)
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified

    client = Client()
    response = client.post(reverse("account_login"), {"login": "taro.nasu@example.jp", "password": SIGNUP["password1"]})
    assert response.status_code == 302
    page = client.get(reverse("portal:mypage"))
    assert page.status_code == 200
    assert "taro.nasu@example.jp" in page.content.decode()


def test_signup_needs_consent_and_matching_passwords(db):
    client = Client()
    response = client.post(reverse("account_signup"), SIGNUP | {"agree": "", "password2": "different-2026"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "利用規約への同意が必要です" in body
    assert "同じパスワード" in body
    assert not User.objects.exists()


def test_login_before_confirming_is_held_at_the_confirmation_step(db, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)
    response = Client().post(reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]


@pytest.mark.parametrize("days", [-1])
def test_expired_confirmation_link_is_refused_in_japanese(
    db, settings, smtp_server, days, django_capture_on_commit_callbacks
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)
    link = _confirmation_link(smtp_server)
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = days
    response = client.get(link)
    body = response.content.decode()
    assert "期限が切れて" in body or "無効" in body
    client.post(link)
    assert not User.objects.get().emailaddress_set.get().verified


def test_wrong_password_gets_a_japanese_message(resident):
    response = Client().post(reverse("account_login"), {"login": resident.email, "password": "wrong-password-1"})
    assert response.status_code == 200
    assert "メールアドレスもしくはパスワードが正しくありません" in response.content.decode()


def test_outbox_delivery_is_idempotent(db, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = mail_services.outbound_email_queue(
            from_email="noreply@city.example.jp",
            to=["a@example.jp"],
            cc=[],
            bcc=[],
            reply_to=[],
            subject="件名",
            body="本文",
        )
    assert len(smtp_server.messages) == 1
    assert mail_services.outbound_email_deliver(email_id=email.pk) == "sent"
    assert len(smtp_server.messages) == 1
