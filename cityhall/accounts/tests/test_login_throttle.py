"""Repeated wrong passwords lock the account out for a while (django-axes)."""

from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD


def _try(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR="203.0.113.9")


def test_five_failures_lock_the_account_even_with_the_right_password(clerk, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _try(client, clerk.email, "wrong-password-x").status_code == 200
    locked = _try(client, clerk.email, "wrong-password-x")
    assert locked.status_code == 429
    assert "ログインが一時的に制限されています" in locked.content.decode()
    assert _try(Client(), clerk.email, PASSWORD).status_code == 429
    attempt = AccessAttempt.objects.get()
    assert attempt.username == clerk.email
    assert attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT


def test_a_success_resets_the_counter(resident, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(client, resident.email, "wrong-password-x")
    assert _try(client, resident.email, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()


def test_django_admin_is_for_superusers_only(admin_user, as_user):
    response = as_user(admin_user).get("/django-admin/")
    assert response.status_code == 302
    assert "/django-admin/login/" in response["Location"]
    admin_user.is_superuser = True
    admin_user.save()
    assert as_user(admin_user).get("/django-admin/").status_code == 200
