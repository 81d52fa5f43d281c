from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A resident (住民) or a staff member (職員, is_staff=True). Login is by e-mail."""

    email = models.EmailField(_("メールアドレス"), unique=True)
    display_name = models.CharField(_("氏名"), max_length=100, blank=True)
    display_name_kana = models.CharField(_("氏名（カナ）"), max_length=100, blank=True)
    is_staff = models.BooleanField(_("職員"), default=False)
    is_active = models.BooleanField(_("有効"), default=True)
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("所属"),
    )
    title = models.CharField(_("役職"), max_length=60, blank=True)
    employee_number = models.CharField(_("職員番号"), max_length=20, blank=True)
    roles = models.ManyToManyField("accounts.Role", blank=True, related_name="users", verbose_name=_("役割"))
    date_joined = models.DateTimeField(_("登録日時"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("利用者")
        verbose_name_plural = _("利用者")
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(
                fields=["employee_number"],
                condition=~models.Q(employee_number=""),
                name="user_employee_number_unique",
            )
        ]

    def __str__(self) -> str:
        return self.display_name or self.email


class Role(models.Model):
    """A staff role; grants the console modules listed in `modules`."""

    code = models.SlugField(_("コード"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    description = models.CharField(_("説明"), max_length=200, blank=True)
    modules = models.JSONField(_("利用できるモジュール"), default=list, blank=True)
    is_builtin = models.BooleanField(_("標準の役割"), default=False)

    class Meta:
        verbose_name = _("役割")
        verbose_name_plural = _("役割")
        ordering: ClassVar[list[str]] = ["id"]

    def __str__(self) -> str:
        return self.name


class Committee(models.TextChoices):
    HEADQUARTERS = "headquarters", _("電子市役所推進本部")
    PROMOTION = "promotion", _("情報化推進委員会")
    SECURITY = "security", _("情報セキュリティ委員会")


class CommitteeMembership(models.Model):
    """Membership of a 第5章 committee, for a period."""

    class Position(models.TextChoices):
        CHAIR = "chair", _("本部長・委員長")
        VICE_CHAIR = "vice_chair", _("副本部長・副委員長")
        MEMBER = "member", _("本部員・委員")
        SECRETARIAT = "secretariat", _("事務局（庶務）")

    committee = models.CharField(_("会議体"), max_length=20, choices=Committee.choices)
    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="committee_memberships", verbose_name=_("職員")
    )
    position = models.CharField(_("役職"), max_length=20, choices=Position.choices, default=Position.MEMBER)
    starts_on = models.DateField(_("開始日"))
    ends_on = models.DateField(_("終了日"), null=True, blank=True)

    class Meta:
        verbose_name = _("委員会構成員")
        verbose_name_plural = _("委員会構成員")
        ordering: ClassVar[list[str]] = ["committee", "position", "id"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["committee", "user", "starts_on"], name="committee_member_unique"),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="committee_member_period_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_committee_display()} {self.user}"


class DepartmentAssignment(models.Model):
    """ITヘルパー or セキュリティスタッフ of a 課 for one 年度 (term: one year)."""

    class Kind(models.TextChoices):
        IT_HELPER = "it_helper", _("ITヘルパー")
        SECURITY_STAFF = "security_staff", _("セキュリティスタッフ")

    kind = models.CharField(_("種別"), max_length=20, choices=Kind.choices)
    department = models.ForeignKey("core.Department", on_delete=models.PROTECT, related_name="+", verbose_name=_("課"))
    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("職員"))
    fiscal_year = models.PositiveSmallIntegerField(_("年度（西暦）"))

    class Meta:
        verbose_name = _("課の担当者（ITヘルパー・セキュリティスタッフ）")
        verbose_name_plural = _("課の担当者（ITヘルパー・セキュリティスタッフ）")
        ordering: ClassVar[list[str]] = ["fiscal_year", "kind", "id"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(
                fields=["kind", "department", "user", "fiscal_year"], name="department_assignment_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.user}"


class ApiToken(models.Model):
    """A bearer token for a staff integration; only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="api_tokens", verbose_name=_("職員"))
    name = models.CharField(_("用途"), max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("発行日時"), default=timezone.now)
    expires_at = models.DateTimeField(_("有効期限"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("最終利用"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("失効日時"), null=True, blank=True)

    class Meta:
        verbose_name = _("APIトークン")
        verbose_name_plural = _("APIトークン")
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
