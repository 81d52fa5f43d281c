from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboundEmail(models.Model):
    """An e-mail waiting for, or done with, delivery by the worker (the outbox)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("送信待ち")
        SENDING = "sending", _("送信中")
        SENT = "sent", _("送信済み")
        TEMPORARY_FAILURE = "temporary_failure", _("一時的な失敗（再送予定）")
        PERMANENT_FAILURE = "permanent_failure", _("送信失敗")

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    message_id = models.CharField(max_length=200, unique=True)
    from_email = models.CharField(max_length=254)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list)
    bcc = models.JSONField(default=list)
    reply_to = models.JSONField(default=list)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("送信メール")
        verbose_name_plural = _("送信メール")
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"


class CaughtEmail(models.Model):
    """A message received by the demo mail catcher (`manage.py mailcatcher`): what a real relay would get.

    Only written where no mail relay is configured (the demo and development), so
    that a newcomer can read sign-up and invitation mail in the console.
    """

    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    message_id = models.CharField(max_length=200, db_index=True)
    mail_from = models.CharField(max_length=254)
    rcpt_to = models.JSONField(default=list)
    raw = models.TextField()

    class Meta:
        verbose_name = _("受信したデモメール")
        verbose_name_plural = _("受信したデモメール")
        ordering: ClassVar[list[str]] = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.message_id} → {', '.join(self.rcpt_to)}"


class Message(models.Model):
    """Something to tell people, once, whatever the channels: the pipeline's unit of sending.

    `key` names what it is about ("announcements.notice:12"), so asking twice to send the same thing
    sends it once."""

    key = models.CharField(max_length=100, unique=True)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    link = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("配信メッセージ")
        verbose_name_plural = _("配信メッセージ")
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return self.subject


class Delivery(models.Model):
    """One message to one recipient on one channel. The unique constraint is the promise that a
    message reaches a recipient on a channel at most once, however often its sending is retried."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("送信待ち")
        SENDING = "sending", _("送信中")
        SENT = "sent", _("送信済み")
        TEMPORARY_FAILURE = "temporary_failure", _("一時的な失敗（再送予定）")
        FAILED = "failed", _("送信失敗")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=20)
    recipient = models.CharField(max_length=254)
    batch = models.PositiveIntegerField(default=0)
    # Per recipient: the links of their own subscription (manage, one-click unsubscribe).
    manage_url = models.URLField(max_length=500, blank=True)
    unsubscribe_url = models.URLField(max_length=500, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("配信")
        verbose_name_plural = _("配信")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["message", "channel", "recipient"], name="notifications_one_delivery")
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["message", "channel", "batch", "status"])]

    def __str__(self) -> str:
        return f"{self.channel} → {self.recipient}"
