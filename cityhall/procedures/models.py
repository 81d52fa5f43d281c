"""Procedures guide (手続き案内), life-event navigator rules and portal notices."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    RESIDENT_RECORDS = "resident_records", _("住民記録・戸籍")
    CERTIFICATES = "certificates", _("証明書")
    TAX = "tax", _("税金")
    INSURANCE_PENSION = "insurance_pension", _("国民健康保険・年金")
    CHILDCARE = "childcare", _("子育て・教育")
    WELFARE = "welfare", _("福祉")
    ELDERLY_CARE = "elderly_care", _("高齢者・介護")
    WASTE = "waste", _("ごみ・環境")
    FACILITIES = "facilities", _("施設・住まい")
    OTHER = "other", _("その他")


class Channel(models.TextChoices):
    ONLINE = "online", _("オンライン")
    COUNTER = "counter", _("窓口")
    MAIL = "mail", _("郵送")
    KONBINI = "konbini", _("コンビニ交付")
    PHONE = "phone", _("電話")


class Procedure(models.Model):
    """A procedure's stable identity; its content lives in versions."""

    slug = models.SlugField(_("URL名"), max_length=80, unique=True)
    department = models.ForeignKey(
        "core.Department", on_delete=models.PROTECT, related_name="+", verbose_name=_("担当課")
    )
    category = models.CharField(_("分類"), max_length=30, choices=Category.choices)
    published = models.OneToOneField(
        "ProcedureVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("公開中の版"),
    )
    related = models.ManyToManyField("self", blank=True, symmetrical=True, verbose_name=_("関連する手続き"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("手続き")
        verbose_name_plural = _("手続き")
        ordering: ClassVar[list[str]] = ["category", "slug"]

    def __str__(self) -> str:
        return self.published.title if self.published else self.slug


class ProcedureVersion(models.Model):
    """One revision of a procedure page, through draft → review → publication."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("下書き")
        PENDING = "pending", _("承認待ち")
        SCHEDULED = "scheduled", _("公開予約")
        PUBLISHED = "published", _("公開中")
        SUPERSEDED = "superseded", _("過去の版")

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("版"))
    status = models.CharField(_("状態"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField(_("手続き名"), max_length=120)
    title_kana = models.CharField(_("よみがな"), max_length=200, blank=True)
    summary = models.TextField(_("概要"))
    eligibility = models.TextField(_("申請できる人"), blank=True)
    documents = models.TextField(_("持ち物・必要書類"), blank=True, help_text=_("1行に1つ"))
    fee = models.CharField(_("手数料"), max_length=200, blank=True)
    deadline = models.CharField(_("期限"), max_length=200, blank=True)
    processing_time = models.CharField(_("処理期間"), max_length=200, blank=True)
    counter = models.CharField(_("窓口"), max_length=200, blank=True)
    channels = models.JSONField(
        _("手続きの方法"), default=list, blank=True, help_text=_('おすすめ順。[{"kind": "online", "note": "…"}]')
    )
    online_form_url = models.URLField(_("オンライン申請のURL"), blank=True)
    keywords = models.CharField(_("検索キーワード"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Everyone who wrote this version's content (ids); none of them may approve it.
    editors = models.JSONField(default=list, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("審査コメント"), blank=True)
    publish_at = models.DateTimeField(_("公開日時"), null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("手続きの版")
        verbose_name_plural = _("手続きの版")
        ordering: ClassVar[list[str]] = ["procedure", "-number"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["procedure", "number"], name="procedure_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    @property
    def channel_kinds(self) -> list[str]:
        return [str(c.get("kind")) for c in self.channels if isinstance(c, dict)]

    @property
    def document_list(self) -> list[str]:
        return [line.strip() for line in self.documents.splitlines() if line.strip()]


class ProcedureFile(models.Model):
    """A downloadable 申請様式 of one version: it goes live with the version, through approval."""

    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("様式名"), max_length=120)
    stored = models.ForeignKey("core.StoredFile", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("申請様式")
        verbose_name_plural = _("申請様式")
        ordering: ClassVar[list[str]] = ["title", "id"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["version", "stored"], name="procedure_file_once_per_version"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def download_name(self) -> str:
        """The 様式名 with the stored file's extension: 転入届.pdf."""
        return f"{self.title}{PurePath(self.stored.name).suffix}"


class Synonym(models.Model):
    """Words residents use for the same thing (住民票 ↔ 住民票の写し); maintained by staff."""

    words = models.CharField(_("同義語（読点または ; で区切る）"), max_length=300)

    class Meta:
        verbose_name = _("同義語")
        verbose_name_plural = _("同義語")

    def __str__(self) -> str:
        return self.words

    def terms(self) -> list[str]:
        return [w.strip() for w in self.words.replace("、", ";").replace(",", ";").split(";") if w.strip()]


class LifeEvent(models.Model):
    """A life event of the navigator (引っ越し, 出生, おくやみ …)."""

    slug = models.SlugField(max_length=40, unique=True)
    title = models.CharField(_("名称"), max_length=60)
    description = models.CharField(_("説明"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering: ClassVar[list[str]] = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class LifeEventQuestion(models.Model):
    """A question of a life event; answers are choice keys."""

    event = models.ForeignKey(LifeEvent, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(max_length=40)
    text = models.CharField(_("質問"), max_length=200)
    choices = models.JSONField(_("選択肢"), default=list, help_text=_('[["yes", "はい"], ["no", "いいえ"]]'))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering: ClassVar[list[str]] = ["order", "id"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["event", "key"], name="life_event_question_key_unique"),
        ]

    def __str__(self) -> str:
        return self.text


class LifeEventRule(models.Model):
    """Which answers add which procedure to the checklist (all conditions must hold)."""

    event = models.ForeignKey(LifeEvent, on_delete=models.CASCADE, related_name="rules")
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="+")
    conditions = models.JSONField(
        _("条件"), default=dict, blank=True, help_text=_('{"質問キー": ["選択肢", …]}。空なら常に表示')
    )
    note = models.CharField(_("補足"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering: ClassVar[list[str]] = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.event}: {self.procedure}"

    def matches(self, answers: dict[str, str]) -> bool:
        for key, allowed in (self.conditions or {}).items():
            values = allowed if isinstance(allowed, list) else [allowed]
            if answers.get(key) not in values:
                return False
        return True


class PortalState(models.Model):
    """Single row: the version of what the procedures search can find. (The emergency switch that
    lived here moved to announcements.EmergencyState.)"""

    # Replaced (a fresh random token) in the same transaction as any change to what search
    # can find; every web process compares it with the token its in-memory index was built
    # from. A token, not a counter: a restored or rolled-back database never repeats one.
    catalog_token = models.CharField(max_length=32, default="", blank=True)

    def __str__(self) -> str:
        return self.catalog_token or "portal state"


class DepartmentPage(models.Model):
    """Public page of a department: introduction and opening hours."""

    department = models.OneToOneField("core.Department", on_delete=models.CASCADE, related_name="+")
    introduction = models.TextField(_("紹介"), blank=True)
    opens_at = models.TimeField(_("開庁時刻"), default=dt.time(8, 30))
    closes_at = models.TimeField(_("閉庁時刻"), default=dt.time(17, 15))
    hours_note = models.CharField(_("受付時間の補足"), max_length=200, blank=True)

    def __str__(self) -> str:
        return str(self.department)
