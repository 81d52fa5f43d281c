"""お知らせ: notices written once for every channel, the rules that pick their channels, and the
portal's emergency switch."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """Where a notice can be published. Delivery through each one comes with the notification
    pipeline; the web (news pages and the Atom feed) publishes as soon as a notice is live."""

    WEB = "web", _("ホームページ（お知らせ・Atomフィード）")
    EMAIL = "email", _("メール配信")
    LINE = "line", _("LINE公式アカウント")
    X = "x", _("X（旧Twitter）")
    FACEBOOK = "facebook", _("Facebook")
    WEBHOOK = "webhook", _("外部システム連携（Webhook）")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("通常")
    IMPORTANT = "important", _("重要")
    EMERGENCY = "emergency", _("緊急")


class Category(models.Model):
    """A kind of information (防災, 子育て, イベント, 入札…); channel rules and subscriptions use it."""

    key = models.SlugField(_("コード"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    order = models.PositiveIntegerField(_("表示順"), default=0)

    class Meta:
        verbose_name = _("分類")
        verbose_name_plural = _("分類")
        ordering: ClassVar[list[str]] = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    """A district (地区) a notice can be aimed at; a notice with no area is for the whole city."""

    code = models.SlugField(_("コード"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    order = models.PositiveIntegerField(_("表示順"), default=0)

    class Meta:
        verbose_name = _("地区")
        verbose_name_plural = _("地区")
        ordering: ClassVar[list[str]] = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class ChannelRule(models.Model):
    """媒体の選択基準: the first rule (by `order`) whose urgency and category match a notice gives its
    channels. A blank urgency or category matches any."""

    order = models.PositiveIntegerField(_("優先順"), default=0)
    urgency = models.CharField(_("緊急度"), max_length=20, choices=Urgency.choices, blank=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("分類")
    )
    channels = models.JSONField(_("媒体"), default=list)
    note = models.CharField(_("説明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("媒体の選択基準")
        verbose_name_plural = _("媒体の選択基準")
        ordering: ClassVar[list[str]] = ["order", "id"]

    def __str__(self) -> str:
        return self.note or f"rule {self.pk}"

    def matches(self, *, urgency: str, category_id: int | None) -> bool:
        return (not self.urgency or self.urgency == urgency) and (
            self.category_id is None or self.category_id == category_id
        )


class Notice(models.Model):
    """One お知らせ: drafted by a department, approved by its section chief (or published at once as
    an emergency by authorised staff), live on the web between `publish_at` and `expires_at`."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("下書き")
        PENDING = "pending", _("承認待ち")
        APPROVED = "approved", _("承認済み")
        WITHDRAWN = "withdrawn", _("掲載終了")

    title = models.CharField(_("見出し"), max_length=200)
    body = models.TextField(_("本文"), blank=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="notices", verbose_name=_("分類"))
    areas = models.ManyToManyField(Area, blank=True, related_name="notices", verbose_name=_("対象地区"))
    urgency = models.CharField(_("緊急度"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL)
    video_url = models.URLField(_("動画のURL"), blank=True)
    publish_at = models.DateTimeField(_("掲載開始"), default=timezone.now)
    expires_at = models.DateTimeField(_("掲載終了"), null=True, blank=True)
    channels = models.JSONField(_("媒体"), default=list)
    channels_reason = models.CharField(_("媒体を変えた理由"), max_length=200, blank=True)
    status = models.CharField(_("状態"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    department = models.ForeignKey(
        "core.Department", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("担当課")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    return_note = models.TextField(_("差し戻しの理由"), blank=True)
    skipped_approval = models.BooleanField(_("緊急のため承認を省略"), default=False)
    # When the notice was handed to the notification pipeline for its subscribers (once live).
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("お知らせ")
        verbose_name_plural = _("お知らせ")
        ordering: ClassVar[list[str]] = ["-publish_at", "-id"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["status", "publish_at"])]

    def __str__(self) -> str:
        return self.title

    def is_live(self, now: dt.datetime | None = None) -> bool:
        now = now or timezone.now()
        return (
            self.status == self.Status.APPROVED
            and self.publish_at <= now
            and (self.expires_at is None or self.expires_at > now)
        )

    def is_scheduled(self, now: dt.datetime | None = None) -> bool:
        return self.status == self.Status.APPROVED and self.publish_at > (now or timezone.now())


class EmergencyState(models.Model):
    """Single row (pk 1): the portal's emergency switch and the message its top page shows."""

    on = models.BooleanField(_("緊急モード"), default=False)
    message = models.TextField(_("緊急時のメッセージ"), blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("緊急モード")
        verbose_name_plural = _("緊急モード")

    def __str__(self) -> str:
        return "emergency" if self.on else "normal"


class Subscriber(models.Model):
    """A person who receives notices: by e-mail (confirmed by a link first), in LINE (by following the
    official account; only LINE's own user ID is kept), or on a printed/phone list that staff keep for
    residents without a smartphone. Topics and districts left empty mean all of them."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("メール")
        LINE = "line", _("LINE")
        PAPER = "paper", _("紙・電話（職員が登録）")

    class Status(models.TextChoices):
        PENDING = "pending", _("確認待ち")
        ACTIVE = "active", _("配信中")
        ENDED = "ended", _("配信停止")

    kind = models.CharField(_("受け取り方"), max_length=10, choices=Kind.choices)
    # The e-mail address or LINE user ID; for the paper list, empty (the contact is in name/phone/note).
    address = models.CharField(_("宛先"), max_length=254, blank=True)
    name = models.CharField(_("氏名"), max_length=100, blank=True)
    phone = models.CharField(_("電話番号"), max_length=20, blank=True)
    note = models.CharField(_("備考（届け方など）"), max_length=200, blank=True)
    categories = models.ManyToManyField(Category, blank=True, related_name="+", verbose_name=_("分類"))
    areas = models.ManyToManyField(Area, blank=True, related_name="+", verbose_name=_("地区"))
    status = models.CharField(_("状態"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("購読者")
        verbose_name_plural = _("購読者")
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["kind", "address"],
                condition=~models.Q(address=""),
                name="announcements_one_subscriber_per_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"
