from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cityhall.core.municipality_code import validate_municipality_code


class Municipality(models.Model):
    """The local government running this installation (one row)."""

    code = models.CharField(
        _("全国地方公共団体コード"), max_length=6, unique=True, validators=[validate_municipality_code]
    )
    name = models.CharField(_("団体名"), max_length=50)
    name_kana = models.CharField(_("団体名（カナ）"), max_length=100, blank=True)
    name_en = models.CharField(_("団体名（英語）"), max_length=100, blank=True)
    prefecture = models.CharField(_("都道府県"), max_length=10)
    postal_code = models.CharField(_("郵便番号"), max_length=8, blank=True)
    address = models.CharField(_("所在地"), max_length=200, blank=True)
    phone = models.CharField(_("代表電話"), max_length=20, blank=True)
    website = models.URLField(_("ウェブサイト"), blank=True)
    population = models.PositiveIntegerField(_("人口"), null=True, blank=True)
    latitude = models.DecimalField(_("緯度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("経度"), max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        verbose_name = _("地方公共団体")
        verbose_name_plural = _("地方公共団体")

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """A 部 or 課 of the city; 課 hang under their 部."""

    class Kind(models.TextChoices):
        BUREAU = "bureau", _("部")
        SECTION = "section", _("課")
        OFFICE = "office", _("室・局・その他")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="departments")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("上位組織"),
    )
    code = models.SlugField(_("組織コード"), max_length=40)
    name = models.CharField(_("名称"), max_length=60)
    name_en = models.CharField(_("名称（英語）"), max_length=120, blank=True)
    kind = models.CharField(_("種別"), max_length=10, choices=Kind.choices, default=Kind.SECTION)
    phone = models.CharField(_("電話番号"), max_length=20, blank=True)
    email = models.EmailField(_("メールアドレス"), blank=True)
    location = models.CharField(_("場所"), max_length=100, blank=True)
    sort_order = models.PositiveIntegerField(_("表示順"), default=0)
    is_active = models.BooleanField(_("有効"), default=True)

    class Meta:
        verbose_name = _("組織（部・課）")
        verbose_name_plural = _("組織（部・課）")
        ordering: ClassVar[list[str]] = ["sort_order", "id"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["municipality", "code"], name="department_code_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def full_name(self) -> str:
        return f"{self.parent.name}{self.name}" if self.parent else self.name


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise TypeError("Audit entries are append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError("Audit entries are append-only.")


class AuditEntry(models.Model):
    """One staff write: who, what, when, before and after; hash-chained."""

    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80, db_index=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    object_label = models.CharField(max_length=200, blank=True)
    department_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("監査ログ")
        verbose_name_plural = _("監査ログ")
        ordering: ClassVar[list[str]] = ["-sequence"]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise TypeError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise TypeError("Audit entries are append-only.")


class AuditChainHead(models.Model):
    """Single row holding the last sequence and hash; locked while appending."""

    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"{self.last_sequence}:{self.last_hash[:12]}"


def _stored_file_path(instance: StoredFile, filename: str) -> str:
    """A safe stored name: the use, the year and a random name; the sender's name is never a path."""
    return f"uploads/{instance.purpose.replace('.', '/')}/{instance.uploaded_at:%Y}/{uuid.uuid4().hex}{filename}"


class StoredFile(models.Model):
    """A file that passed the upload gate (`cityhall.core.uploads`); served only after a permission check."""

    purpose = models.CharField(_("用途"), max_length=60)
    name = models.CharField(_("ファイル名"), max_length=200)
    kind = models.CharField(_("形式"), max_length=10)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("大きさ（バイト）"))
    sha256 = models.CharField(max_length=64)
    file = models.FileField(upload_to=_stored_file_path, max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("登録ファイル")
        verbose_name_plural = _("登録ファイル")

    def __str__(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        from cityhall.core.file_kinds import KINDS  # the parsers load only where files are shown

        return str(KINDS[self.kind].label) if self.kind in KINDS else self.kind.upper()


class EdgeCacheState(models.Model):
    """One row: the generation of the public page caches; every web process drops its cache when it moves."""

    generation = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.generation)
