"""Staff must pass a second factor; the demo TOTP secrets only work in demo settings."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from allauth.mfa.utils import encrypt
from django.test import Client
from django.urls import reverse

from cityhall.accounts.adapters import DEMO_TOTP_SECRETS
from conftest import PASSWORD, login


def _code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    return str(format_hotp_value(hotp_value(secret, counters[len(counters) // 2])))


def _with_totp(user, secret):
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(secret)})


def test_staff_without_an_authenticator_is_sent_to_set_one_up(clerk):
    client = login(Client(), clerk, mfa=False)
    response = client.get(reverse("console:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_staff_session_without_second_factor_must_reauthenticate(clerk):
    _with_totp(clerk, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = login(Client(), clerk, mfa=False)
    response = client.get(reverse("console:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))


def test_staff_with_second_factor_reaches_the_console(clerk):
    assert login(Client(), clerk).get(reverse("console:home")).status_code == 200


def test_residents_are_not_forced_into_mfa(resident):
    assert login(Client(), resident, mfa=False).get(reverse("portal:mypage")).status_code == 200


def _password_then_totp(user, code):
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    return client, client.post(reverse("mfa_authenticate"), {"code": code})


def test_full_login_with_password_and_totp_opens_the_console(clerk):
    secret = DEMO_TOTP_SECRETS["department_clerk"]
    _with_totp(clerk, secret)
    client, response = _password_then_totp(clerk, _code(secret))
    assert response.status_code == 302
    assert response["Location"] == reverse("console:home"), "staff land on the console, not マイページ"
    assert client.get(reverse("console:home")).status_code == 200


def test_residents_land_on_my_page_which_knows_their_second_factor(resident):
    client = Client()
    response = client.post(reverse("account_login"), {"login": resident.email, "password": PASSWORD})
    assert response["Location"] == reverse("portal:mypage")
    page = client.get(reverse("portal:mypage")).content.decode()
    assert "二段階認証を設定する" in page and "未設定" in page
    _with_totp(resident, DEMO_TOTP_SECRETS["resident"])
    page = client.get(reverse("portal:mypage")).content.decode()
    assert "二段階認証を設定する" not in page and "二段階認証の設定を確認・変更する" in page


def test_wrong_totp_code_is_refused_in_japanese(clerk):
    _with_totp(clerk, DEMO_TOTP_SECRETS["department_clerk"])
    client, response = _password_then_totp(
        clerk, "000000" if _code(DEMO_TOTP_SECRETS["department_clerk"]) != "000000" else "111111"
    )
    assert response.status_code == 200
    assert "コードが正しくありません" in response.content.decode()
    assert client.get(reverse("console:home")).status_code == 302


def test_demo_secret_is_useless_outside_demo_settings(clerk, settings):
    secret = DEMO_TOTP_SECRETS["department_clerk"]
    _with_totp(clerk, secret)
    settings.CITYHALL_DEMO = False
    client, response = _password_then_totp(clerk, _code(secret))
    assert response.status_code == 200
    assert client.get(reverse("console:home")).status_code == 302


def test_superusers_need_mfa_for_django_admin_even_without_staff_flag(db):
    from cityhall.accounts.models import User

    boss = User.objects.create_superuser(email="root@example.jp", password="x-very-long-pass", is_staff=False)
    assert login(Client(), boss, mfa=False).get("/django-admin/").status_code == 302
    assert login(Client(), boss, mfa=True).get("/django-admin/").status_code == 200


def test_english_console_paths_are_protected_too(clerk):
    response = login(Client(), clerk, mfa=False).get("/en/console/")
    assert response.status_code == 302
    assert "/2fa/" in response["Location"]
