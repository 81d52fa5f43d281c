"""The ICT plan (地域ICT総合推進計画): pillars, fields, initiatives, schedules and their management."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cityhall.core.fiscal_year import FiscalYear, Half, HalfYear
from cityhall.plans.scoring import DIVISOR_MAX, DIVISOR_MIN, DOCUMENT_RULE, Rank, ScoreRule


class HalfChoices(models.IntegerChoices):
    FIRST = 1, _("上期")
    SECOND = 2, _("下期")


class Plan(models.Model):
    name = models.CharField(_("計画名"), max_length=100)
    first_fiscal_year = models.PositiveSmallIntegerField(_("開始年度（西暦）"))
    last_fiscal_year = models.PositiveSmallIntegerField(_("終了年度（西暦）"))
    note = models.TextField(_("注記"), blank=True)
    # The priority score's rule (scoring.ScoreRule); the defaults are the document's formula.
    score_divisor = models.DecimalField(
        _("優先度の割る数"), max_digits=4, decimal_places=2, default=DOCUMENT_RULE.divisor
    )
    rank_a_from = models.DecimalField(
        _("A 最優先の基準点"), max_digits=5, decimal_places=2, default=DOCUMENT_RULE.rank_a_from
    )
    rank_b_from = models.DecimalField(
        _("B 優先の基準点"), max_digits=5, decimal_places=2, default=DOCUMENT_RULE.rank_b_from
    )
    score_rule_note = models.TextField(_("算定式を変更した理由"), blank=True)
    score_rule_changed_at = models.DateTimeField(_("算定式の変更日時"), null=True, blank=True)

    class Meta:
        verbose_name = _("計画")
        verbose_name_plural = _("計画")
        constraints: ClassVar[list[Any]] = [
            models.CheckConstraint(
                condition=models.Q(last_fiscal_year__gte=models.F("first_fiscal_year")), name="plan_period_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(score_divisor__gte=DIVISOR_MIN, score_divisor__lte=DIVISOR_MAX),
                name="plan_score_divisor_range",
            ),
            models.CheckConstraint(
                condition=models.Q(rank_a_from__gt=models.F("rank_b_from")), name="plan_rank_thresholds_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def fiscal_years(self) -> list[FiscalYear]:
        return [FiscalYear(y) for y in range(self.first_fiscal_year, self.last_fiscal_year + 1)]

    def half_years(self) -> list[HalfYear]:
        return [fy.half(h) for fy in self.fiscal_years() for h in (Half.FIRST, Half.SECOND)]

    def covers(self, fiscal_year: int) -> bool:
        return self.first_fiscal_year <= fiscal_year <= self.last_fiscal_year

    @property
    def score_rule(self) -> ScoreRule:
        return ScoreRule(divisor=self.score_divisor, rank_a_from=self.rank_a_from, rank_b_from=self.rank_b_from)


class Pillar(models.Model):
    """施策の柱 (I, II)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="pillars")
    number = models.PositiveSmallIntegerField(_("番号"))
    roman = models.CharField(max_length=5)
    title = models.CharField(_("名称"), max_length=100)

    class Meta:
        ordering: ClassVar[list[str]] = ["number"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["plan", "number"], name="pillar_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.roman} {self.title}"


class Field(models.Model):
    """取組分野."""

    pillar = models.ForeignKey(Pillar, on_delete=models.CASCADE, related_name="fields")
    number = models.PositiveSmallIntegerField(_("番号"))
    title = models.CharField(_("名称"), max_length=100)
    description = models.TextField(_("説明"), blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["pillar__number", "number"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["pillar", "number"], name="field_number_unique")
        ]

    def __str__(self) -> str:
        return f"({self.number}) {self.title}"


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


class Initiative(models.Model):
    """取組項目."""

    field = models.ForeignKey(Field, on_delete=models.CASCADE, related_name="initiatives")
    number = models.PositiveSmallIntegerField(_("番号"))
    title = models.CharField(_("取組項目"), max_length=100)
    description = models.TextField(_("取組内容"), blank=True)
    caption = models.CharField(_("目標（標語）"), max_length=200, blank=True)
    national = models.BooleanField(_("国も取り組む"), default=False)
    prefectural = models.BooleanField(_("県も取り組む"), default=False)
    department = models.ForeignKey(
        "core.Department", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("担当課")
    )

    class Meta:
        verbose_name = _("取組項目")
        verbose_name_plural = _("取組項目")
        ordering: ClassVar[list[str]] = ["field__pillar__number", "field__number", "number"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["field", "number"], name="initiative_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def code(self) -> str:
        """I-(3)-② style reference used in the document."""
        circled = CIRCLED[self.number - 1] if 1 <= self.number <= len(CIRCLED) else str(self.number)
        return f"{self.field.pillar.roman}-({self.field.number}){circled}"


class ScheduleBar(models.Model):
    """One bar of the 実施スケジュール: a label over a span of half-years."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="schedule")
    row = models.PositiveSmallIntegerField(_("行"))
    label = models.CharField(_("実施内容"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("開始年度"))
    start_half = models.PositiveSmallIntegerField(_("開始期"), choices=HalfChoices.choices)
    end_year = models.PositiveSmallIntegerField(_("終了年度"))
    end_half = models.PositiveSmallIntegerField(_("終了期"), choices=HalfChoices.choices)

    class Meta:
        verbose_name = _("実施スケジュール")
        verbose_name_plural = _("実施スケジュール")
        ordering: ClassVar[list[str]] = ["row", "start_year", "start_half"]
        constraints: ClassVar[list[Any]] = [
            models.CheckConstraint(
                condition=models.Q(end_year__gt=models.F("start_year"))
                | models.Q(end_year=models.F("start_year"), end_half__gte=models.F("start_half")),
                name="schedule_bar_order",
            ),
            models.CheckConstraint(
                condition=models.Q(start_half__in=[1, 2], end_half__in=[1, 2]), name="schedule_bar_halves"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def start(self) -> HalfYear:
        return HalfYear(FiscalYear(self.start_year), Half(self.start_half))

    @property
    def end(self) -> HalfYear:
        return HalfYear(FiscalYear(self.end_year), Half(self.end_half))


class PreviousPlanReview(models.Model):
    """第3次計画 review: what happened to each earlier initiative."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="previous_reviews")
    pillar_number = models.PositiveSmallIntegerField()
    field_title = models.CharField(max_length=100)
    item = models.CharField(_("取組項目（第3次）"), max_length=100)
    continued = models.BooleanField(_("継続"))
    note = models.TextField(_("備考"), blank=True)
    successor = models.ForeignKey(Initiative, on_delete=models.SET_NULL, null=True, blank=True, related_name="history")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering: ClassVar[list[str]] = ["pillar_number", "order"]

    def __str__(self) -> str:
        return self.item


class PriorityScore(models.Model):
    """G・Q・C・D scoring of an initiative for one 年度 (◎=3, ○=2, △=1)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="scores")
    fiscal_year = models.PositiveSmallIntegerField(_("年度（西暦）"))
    government = models.PositiveSmallIntegerField("G", validators=[MinValueValidator(1), MaxValueValidator(3)])
    quality = models.PositiveSmallIntegerField("Q", validators=[MinValueValidator(1), MaxValueValidator(3)])
    cost = models.PositiveSmallIntegerField("C", validators=[MinValueValidator(1), MaxValueValidator(3)])
    delivery = models.PositiveSmallIntegerField("D", validators=[MinValueValidator(1), MaxValueValidator(3)])
    score = models.DecimalField(_("点数"), max_digits=5, decimal_places=2)
    rank = models.CharField(_("優先度"), max_length=1, choices=Rank.choices)
    comment = models.TextField(_("評価コメント"), blank=True)
    scored_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    scored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("優先度評価")
        verbose_name_plural = _("優先度評価")
        ordering: ClassVar[list[str]] = ["-fiscal_year", "-score"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["initiative", "fiscal_year"], name="score_per_year_unique"),
            *[
                models.CheckConstraint(condition=models.Q(**{f"{f}__gte": 1, f"{f}__lte": 3}), name=f"score_{f}_1_3")
                for f in ("government", "quality", "cost", "delivery")
            ],
        ]

    def __str__(self) -> str:
        return f"{self.initiative} {self.fiscal_year}: {self.score} ({self.rank})"


class AnnualPlan(models.Model):
    """年次計画（マスタースケジュール）for one initiative and 年度."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="annual_plans")
    fiscal_year = models.PositiveSmallIntegerField(_("年度（西暦）"))
    goal = models.TextField(_("年度の目標"))
    master_schedule = models.TextField(_("マスタースケジュール"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["initiative", "fiscal_year"], name="annual_plan_unique")
        ]

    def __str__(self) -> str:
        return f"{self.initiative} {self.fiscal_year}"


class ActionTask(models.Model):
    """実施計画（アクションプラン）: a task with an owner and a due date."""

    class Status(models.TextChoices):
        OPEN = "open", _("未完了")
        DONE = "done", _("完了")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="tasks")
    fiscal_year = models.PositiveSmallIntegerField(_("年度（西暦）"))
    title = models.CharField(_("タスク"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("担当者"),
    )
    due_on = models.DateField(_("期限"))
    status = models.CharField(_("状態"), max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering: ClassVar[list[str]] = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("未着手")
    IN_PROGRESS = "in_progress", _("実施中")
    DONE = "done", _("完了")
    DELAYED = "delayed", _("遅延")


class ProgressReport(models.Model):
    """進捗報告 for one initiative and half-year, by the department in charge."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="progress")
    fiscal_year = models.PositiveSmallIntegerField(_("年度（西暦）"))
    half = models.PositiveSmallIntegerField(_("期"), choices=HalfChoices.choices)
    status = models.CharField(_("進捗"), max_length=20, choices=ProgressStatus.choices)
    comment = models.TextField(_("コメント"), blank=True)
    evidence = models.ForeignKey(
        "core.StoredFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("根拠資料")
    )
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("進捗報告")
        verbose_name_plural = _("進捗報告")
        ordering: ClassVar[list[str]] = ["-fiscal_year", "-half"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["initiative", "fiscal_year", "half"], name="progress_per_half_unique"),
            models.CheckConstraint(condition=models.Q(half__in=[1, 2]), name="progress_half_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.initiative} {self.fiscal_year}-{self.half}: {self.get_status_display()}"

    @property
    def half_year(self) -> HalfYear:
        return HalfYear(FiscalYear(self.fiscal_year), Half(self.half))


class Evaluation(models.Model):
    """年度評価 (PDCA の Check/Action) per initiative."""

    class Achievement(models.TextChoices):
        ACHIEVED = "achieved", _("達成")
        MOSTLY = "mostly", _("概ね達成")
        PARTLY = "partly", _("一部達成")
        NOT_ACHIEVED = "not_achieved", _("未達成")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="evaluations")
    fiscal_year = models.PositiveSmallIntegerField(_("年度（西暦）"))
    achievement = models.CharField(_("達成度"), max_length=20, choices=Achievement.choices)
    results = models.TextField(_("成果"), blank=True)
    issues = models.TextField(_("課題"), blank=True)
    next_actions = models.TextField(_("次年度の改善"), blank=True)
    evaluated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    evaluated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["initiative", "fiscal_year"], name="evaluation_per_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.initiative} {self.fiscal_year}"


class DecisionRecord(models.Model):
    """判断記録: an OODA-style quick decision between yearly reviews."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, null=True, blank=True, related_name="decisions"
    )
    decided_on = models.DateField(_("判断日"))
    observe = models.TextField(_("Observe（観察・情報収集）"))
    orient = models.TextField(_("Orient（状況・方向性判断）"))
    decide = models.TextField(_("Decide（意思決定）"))
    act = models.TextField(_("Act（行動）"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering: ClassVar[list[str]] = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.decided_on} {self.decide[:30]}"


class Meeting(models.Model):
    """A meeting of a 第5章 committee, with agenda, minutes and decisions."""

    committee = models.CharField(_("会議体"), max_length=20)  # accounts.Committee values
    held_on = models.DateField(_("開催日"))
    title = models.CharField(_("会議名"), max_length=200)
    agenda = models.TextField(_("議題"), blank=True)
    minutes = models.TextField(_("議事録"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering: ClassVar[list[str]] = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.title}"


class MeetingDecision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("決定事項"))
    initiatives = models.ManyToManyField(
        Initiative, blank=True, related_name="meeting_decisions", verbose_name=_("関連する取組項目")
    )

    def __str__(self) -> str:
        return self.text[:40]
