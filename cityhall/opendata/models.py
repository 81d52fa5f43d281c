"""Open data catalogue (オープンデータ): datasets, their published versions, uploads, requests and usage."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class License(models.TextChoices):
    CC_BY_4_0 = "CC-BY-4.0", _("クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）")
    PDL_1_0 = "PDL-1.0", _("公共データ利用規約 第1.0版（PDL1.0）")


LICENSE_URLS = {
    License.CC_BY_4_0: "https://creativecommons.org/licenses/by/4.0/deed.ja",
    License.PDL_1_0: "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0",
}


class Frequency(models.TextChoices):
    IRREGULAR = "irregular", _("不定期")
    DAILY = "daily", _("毎日")
    WEEKLY = "weekly", _("毎週")
    MONTHLY = "monthly", _("毎月")
    QUARTERLY = "quarterly", _("四半期ごと")
    YEARLY = "yearly", _("毎年")


class Format(models.TextChoices):
    CSV = "csv", "CSV"
    JSON = "json", "JSON"
    GEOJSON = "geojson", "GeoJSON"
    XLSX = "xlsx", "XLSX"


class CatalogSettings(models.Model):
    """The catalogue's one row of settings: the area used to check coordinates and the contact shown."""

    min_lat = models.FloatField(_("範囲（南端の緯度）"), null=True, blank=True)
    min_lon = models.FloatField(_("範囲（西端の経度）"), null=True, blank=True)
    max_lat = models.FloatField(_("範囲（北端の緯度）"), null=True, blank=True)
    max_lon = models.FloatField(_("範囲（東端の経度）"), null=True, blank=True)
    contact = models.CharField(_("問い合わせ先"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("カタログ設定")
        verbose_name_plural = _("カタログ設定")

    def __str__(self) -> str:
        return "catalog settings"

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        min_lat, min_lon, max_lat, max_lon = self.min_lat, self.min_lon, self.max_lat, self.max_lon
        if min_lat is None or min_lon is None or max_lat is None or max_lon is None:
            return None
        return (float(min_lat), float(min_lon), float(max_lat), float(max_lon))


class SchemaDefinition(models.Model):
    """A 自治体標準オープンデータセット definition as data: seeded from the reference JSON, editable by staff."""

    class Edition(models.TextChoices):
        CURRENT = "current", _("現行（自治体標準オープンデータセット）")
        LEGACY = "legacy", _("旧（推奨データセット）")

    class Certainty(models.TextChoices):
        """How far the definition was checked against the national documents (the reference's `status`)."""

        COMPLETE = "complete", _("確認済み（項目定義書どおり）")
        PARTIAL = "partial", _("一部未確認")
        COLUMNS_ONLY = "columns_only", _("項目名のみ確認（型・形式は未確認）")

    key = models.SlugField(_("キー"), max_length=80, unique=True)
    name_ja = models.CharField(_("データセット名"), max_length=100)
    edition = models.CharField(_("版"), max_length=10, choices=Edition.choices, default=Edition.CURRENT)
    status = models.CharField(_("定義の確度"), max_length=30, blank=True, choices=Certainty.choices)
    source = models.TextField(_("出典"), blank=True)
    columns = models.JSONField(_("項目"), default=list)
    is_active = models.BooleanField(_("使用する"), default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("データセット定義")
        verbose_name_plural = _("データセット定義")
        ordering: ClassVar[list[str]] = ["edition", "name_ja"]

    def __str__(self) -> str:
        return f"{self.name_ja}（{self.get_edition_display()}）"


class Group(models.Model):
    """A category of datasets (CKAN group)."""

    slug = models.SlugField(_("URL名"), max_length=40, unique=True)
    title = models.CharField(_("分類名"), max_length=60)
    title_en = models.CharField(_("分類名（英語）"), max_length=100, blank=True)
    description = models.TextField(_("説明"), blank=True)
    sort_order = models.PositiveIntegerField(_("表示順"), default=0)

    class Meta:
        verbose_name = _("分類")
        verbose_name_plural = _("分類")
        ordering: ClassVar[list[str]] = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.title


class Dataset(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("未公開")
        PUBLISHED = "published", _("公開中")
        WITHDRAWN = "withdrawn", _("公開停止")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("URL名"), max_length=100, unique=True)
    title = models.CharField(_("タイトル"), max_length=120)
    description = models.TextField(_("説明"), blank=True)
    department = models.ForeignKey(
        "core.Department", on_delete=models.PROTECT, related_name="+", verbose_name=_("担当課")
    )
    groups = models.ManyToManyField(Group, blank=True, related_name="datasets", verbose_name=_("分類"))
    tags = models.JSONField(_("タグ"), default=list, blank=True)
    license = models.CharField(_("利用条件"), max_length=20, choices=License.choices, default=License.CC_BY_4_0)
    frequency = models.CharField(_("更新頻度"), max_length=20, choices=Frequency.choices, default=Frequency.IRREGULAR)
    contact = models.CharField(_("問い合わせ先"), max_length=200, blank=True)
    schema = models.ForeignKey(
        SchemaDefinition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="datasets",
        verbose_name=_("標準データセット"),
    )
    state = models.CharField(_("状態"), max_length=10, choices=State.choices, default=State.DRAFT)
    current = models.OneToOneField(
        "DatasetVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("公開中の版"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("データセット")
        verbose_name_plural = _("データセット")
        ordering: ClassVar[list[str]] = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.state == self.State.PUBLISHED and self.current_id is not None

    @property
    def license_url(self) -> str:
        return LICENSE_URLS.get(License(self.license), "")


class Upload(models.Model):
    """A file a clerk uploaded for a dataset: validated, fixed, then published (or discarded)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("検査中")
        CHECKED = "checked", _("検査済み")
        FAILED = "failed", _("読み取れません")
        PUBLISHING = "publishing", _("公開処理中")
        PUBLISHED = "published", _("公開済み")
        DISCARDED = "discarded", _("取り消し")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="uploads")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    original_name = models.CharField(_("ファイル名"), max_length=200)
    size = models.PositiveBigIntegerField(default=0)
    raw = models.FileField(upload_to="opendata/uploads/", max_length=200)
    work = models.FileField(upload_to="opendata/uploads/", max_length=200, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    revision = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    schema_key = models.CharField(max_length=80, blank=True)
    rows = models.PositiveIntegerField(default=0)
    header = models.JSONField(default=list)
    unknown_columns = models.JSONField(default=list)
    counts = models.JSONField(default=dict)
    fixable = models.JSONField(default=dict)
    problems = models.JSONField(default=list)
    fixes_applied = models.JSONField(default=list)
    # Columns a fix added as 不明 that a person confirmed as 該当なし in every row, with why:
    # [{"columns": [...], "reason": "...", "by": email, "by_name": name, "at": iso}]; shown with the version.
    confirmations = models.JSONField(default=list, blank=True)
    # What reading the file took off and why (empty rows and footer lines after the table), for the clerk.
    notes = models.JSONField(default=list, blank=True)
    pending_fix = models.JSONField(null=True, blank=True)  # {"codes": [...] or None, "reorder": bool}
    publish_note = models.TextField(blank=True)  # the 変更内容 typed when 公開する was pressed
    publish_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)  # publishing runs started (a stuck one is retried)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def problem_count(self) -> int:
        return sum(int(v) for v in self.counts.values())

    @property
    def fixable_count(self) -> int:
        return sum(int(v) for v in self.fixable.values())

    @property
    def columns_to_confirm(self) -> list[str]:
        """Columns whose rows are still 不明 (problem `flag_unknown`), in the order the problem list shows them."""
        return list(dict.fromkeys(p["column"] for p in self.problems if p.get("code") == "flag_unknown"))

    @property
    def can_publish(self) -> bool:
        return self.status == self.Status.CHECKED and not self.counts and self.rows > 0


class DatasetVersion(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    upload = models.OneToOneField(Upload, on_delete=models.PROTECT, related_name="version")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(default=timezone.now)
    rows = models.PositiveIntegerField(default=0)
    header = models.JSONField(default=list)
    # The definition the file was checked against: the edition (current or legacy) its header has, which is
    # not always the one the dataset was created with. The catalogue names it as the standard the data follows.
    schema = models.ForeignKey(
        SchemaDefinition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("準拠する標準"),
    )
    changes = models.JSONField(default=dict)
    note = models.TextField(_("変更内容"), blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(_("取り下げの理由"), max_length=200, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-number"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["dataset", "number"], name="opendata_version_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.dataset_id} v{self.number}"


class Resource(models.Model):
    """One downloadable file of a version, in one format (a CKAN resource)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey(DatasetVersion, on_delete=models.CASCADE, related_name="resources")
    format = models.CharField(max_length=10, choices=Format.choices)
    file = models.FileField(upload_to="opendata/files/", max_length=200)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["version", "format"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["version", "format"], name="opendata_resource_format_unique")
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.format}"


class DataRequest(models.Model):
    """データ公開リクエスト: a resident or business asks for data; staff answer in public."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("受付")
        REVIEWING = "reviewing", _("検討中")
        PUBLISHED = "published", _("公開済み")
        DECLINED = "declined", _("公開できません")

    title = models.CharField(_("欲しいデータ"), max_length=120)
    body = models.TextField(_("内容・使い道"))
    requester_name = models.CharField(_("お名前・団体名"), max_length=100, blank=True)
    email = models.EmailField(_("回答の連絡先メールアドレス"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(_("状況"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    answer = models.TextField(_("回答"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("担当課"),
    )
    dataset = models.ForeignKey(
        Dataset, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("公開したデータ")
    )
    # New requests stay off the public list until staff have read them (spam, third parties' personal data).
    is_hidden = models.BooleanField(_("公開サイトに掲載しない"), default=True)

    class Meta:
        verbose_name = _("データ公開リクエスト")
        verbose_name_plural = _("データ公開リクエスト")
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class UsageDaily(models.Model):
    """Downloads and API calls per dataset per day, by format and referrer class. No personal data."""

    class Referrer(models.TextChoices):
        DIRECT = "direct", _("直接")
        INTERNAL = "internal", _("サイト内")
        SEARCH = "search", _("検索エンジン")
        EXTERNAL = "external", _("外部サイト")
        APP = "app", _("プログラム")

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    day = models.DateField(db_index=True)
    format = models.CharField(max_length=10)  # csv/json/geojson/xlsx, or "api"
    referrer = models.CharField(max_length=10, choices=Referrer.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["dataset", "day"])]

    def __str__(self) -> str:
        return f"{self.day} {self.dataset_id} {self.format} {self.referrer} {self.count}"
