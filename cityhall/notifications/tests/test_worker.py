"""Tasks through the real database queue and the real db_worker command."""

import pytest
from django.core.mail import send_mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from cityhall.notifications.models import OutboundEmail

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_mail_is_queued_on_commit_and_delivered_by_the_worker(settings, smtp_server):
    settings.TASKS = DB_TASKS
    send_mail("【大田原市】登録のご案内", "本文", None, ["a@example.jp"])
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.QUEUED
    (job,) = DBTaskResult.objects.all()
    assert job.args_kwargs["args"] == [email.pk]  # the task carries an ID, not the object
    assert smtp_server.messages == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len(smtp_server.messages) == 1
    job.refresh_from_db()
    assert job.status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_a_failed_delivery_is_rescheduled_with_backoff(settings):
    settings.TASKS = DB_TASKS
    settings.CITYHALL_EMAIL_TRANSPORT = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1
    send_mail("件名", "本文", None, ["a@example.jp"])
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.TEMPORARY_FAILURE
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after is not None
    assert retry.args_kwargs["args"] == [email.pk]
