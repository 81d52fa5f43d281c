from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from cityhall.core import forms as core_forms
from cityhall.core import wareki
from cityhall.core.fiscal_year import FiscalYear
from cityhall.plans.models import ActionTask, Evaluation, HalfChoices, Initiative, Plan, ProgressStatus

MARKS = [(3, "◎（3）"), (2, "○（2）"), (1, "△（1）")]
MARK_CHOICE = {"invalid_choice": _("◎・○・△のいずれかを選んでください。")}
DATE = forms.DateInput(attrs={"type": "date"})


def plan_period_label(plan: Plan) -> str:
    """令和5〜7年度: the plan period as the document writes it (full labels across eras or in English)."""
    first, last = FiscalYear(plan.first_fiscal_year), FiscalYear(plan.last_fiscal_year)
    if first == last:
        return first.label
    if not (get_language() or "ja").startswith("ja"):
        return f"{first.label} – {last.label}"
    (era, first_number), (last_era, last_number) = (wareki.era_year(fy.starts_on) for fy in (first, last))
    if era == last_era:
        return f"{wareki.year_label(era.name, first_number)}〜{last_number}年度"
    return f"{first.label}〜{last.label}"


def _year_field(plan: Plan, label: Any = None) -> forms.TypedChoiceField:
    message = _t("計画期間（%(period)s）の年度を選んでください。") % {"period": plan_period_label(plan)}
    return forms.TypedChoiceField(
        label=label or _("年度"),
        coerce=int,
        choices=[(fy.year, fy.label) for fy in plan.fiscal_years()],
        error_messages={"invalid_choice": message},
    )


def _mark_field(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=MARKS, coerce=int, widget=forms.RadioSelect, error_messages=MARK_CHOICE
    )


class PlanForm(core_forms.Form):
    """A form whose 年度 choices are the plan's years."""

    year_fields: tuple[str, ...] = ("fiscal_year",)

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.year_fields:
            self.fields[name] = _year_field(plan, self.fields[name].label)


class ScoreForm(PlanForm):
    fiscal_year = forms.IntegerField(label=_("年度"))
    government = _mark_field(_("G（Government：国・県の方針との整合）"))
    quality = _mark_field(_("Q（Quality：市民サービスの質の向上）"))
    cost = _mark_field(_("C（Cost：費用対効果）"))
    delivery = _mark_field(_("D（Delivery：実現性・スケジュール）"))
    comment = forms.CharField(label=_("評価コメント"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ScoreRuleForm(core_forms.Form):
    """The divisor and rank thresholds of the priority score; the service decides whether they work together."""

    divisor = forms.DecimalField(
        label=_("割る数"),
        max_digits=4,
        decimal_places=2,
        help_text=_("点数＝G×Q×C×D÷割る数。計画書では4です。1以上81以下で、小数は第2位まで。"),
    )
    rank_a_from = forms.DecimalField(label=_("A 最優先の基準点（この点数以上）"), max_digits=5, decimal_places=2)
    rank_b_from = forms.DecimalField(label=_("B 優先の基準点（この点数以上）"), max_digits=5, decimal_places=2)
    note = forms.CharField(
        label=_("変更の理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("優先度の画面・会議資料・監査ログに残ります。"),
    )

    @staticmethod
    def initial_for(plan: Plan) -> dict[str, Any]:
        rule = plan.score_rule
        return {"divisor": rule.divisor, "rank_a_from": rule.rank_a_from, "rank_b_from": rule.rank_b_from}


class ProgressForm(PlanForm):
    fiscal_year = forms.IntegerField(label=_("年度"))
    half = forms.TypedChoiceField(label=_("期"), choices=HalfChoices.choices, coerce=int, widget=forms.RadioSelect)
    status = forms.ChoiceField(label=_("進捗"), choices=ProgressStatus.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("コメント"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("遅延の場合は理由と今後の見通しを記入してください。"),
    )
    evidence = forms.FileField(label=_("根拠資料（任意・10MBまで）"), required=False)


class AnnualPlanForm(PlanForm):
    fiscal_year = forms.IntegerField(label=_("年度"))
    goal = forms.CharField(label=_("年度の目標"), widget=forms.Textarea(attrs={"rows": 3}))
    master_schedule = forms.CharField(
        label=_("マスタースケジュール"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class TaskForm(PlanForm):
    fiscal_year = forms.IntegerField(label=_("年度"))
    title = forms.CharField(label=_("タスク"), max_length=200)
    owner: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("担当者"), queryset=None, required=False)
    due_on = forms.DateField(label=_("期限"), widget=DATE)
    status = forms.ChoiceField(label=_("状態"), choices=ActionTask.Status.choices, initial=ActionTask.Status.OPEN)

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = staff


class TaskStatusForm(core_forms.Form):
    """Mark one task done or open again; the buttons on the task list post it."""

    status = forms.ChoiceField(label=_("状態"), choices=ActionTask.Status.choices)


class EvaluationForm(PlanForm):
    fiscal_year = forms.IntegerField(label=_("年度"))
    achievement = forms.ChoiceField(label=_("達成度"), choices=Evaluation.Achievement.choices, widget=forms.RadioSelect)
    results = forms.CharField(label=_("成果"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    issues = forms.CharField(label=_("課題"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    next_actions = forms.CharField(label=_("次年度の改善"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class InitiativeChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]  # not subscriptable at run time (no django_stubs_ext)
    def label_from_instance(self, obj: Any) -> str:
        assert isinstance(obj, Initiative)
        return f"{obj.code} {obj.title}"


class DepartmentChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]  # not subscriptable at run time (no django_stubs_ext)
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name)


class InitiativeForm(core_forms.Form):
    title = forms.CharField(label=_("取組項目"), max_length=100)
    description = forms.CharField(label=_("取組内容"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    caption = forms.CharField(label=_("目標（標語）"), max_length=200, required=False)
    national = forms.BooleanField(label=_("国も取り組む"), required=False)
    prefectural = forms.BooleanField(label=_("県も取り組む"), required=False)
    department = DepartmentChoiceField(label=_("担当課"), queryset=None, required=False)

    def __init__(self, *args: Any, departments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        department = self.fields["department"]
        assert isinstance(department, forms.ModelChoiceField)
        department.queryset = departments

    @staticmethod
    def initial_for(initiative: Initiative) -> dict[str, Any]:
        return {
            name: getattr(initiative, name) for name in ("title", "description", "caption", "national", "prefectural")
        } | {"department": initiative.department_id}


class ScheduleBarForm(PlanForm):
    """One bar of the 実施スケジュール: the service checks the span against the plan and the other bars."""

    year_fields = ("start_year", "end_year")

    row = forms.IntegerField(
        label=_("行"),
        min_value=1,
        max_value=20,
        initial=1,
        help_text=_("同じ行の実施内容は期間が重ならないようにします。"),
    )
    label = forms.CharField(label=_("実施内容"), max_length=200)
    start_year = forms.IntegerField(label=_("開始年度"))
    start_half = forms.TypedChoiceField(label=_("開始期"), choices=HalfChoices.choices, coerce=int)
    end_year = forms.IntegerField(label=_("終了年度"))
    end_half = forms.TypedChoiceField(label=_("終了期"), choices=HalfChoices.choices, coerce=int)

    @staticmethod
    def initial_for(bar: Any) -> dict[str, Any]:
        names = ("row", "label", "start_year", "start_half", "end_year", "end_half")
        return {name: getattr(bar, name) for name in names}


class DecisionForm(core_forms.Form):
    initiative = InitiativeChoiceField(label=_("関連する取組項目（任意）"), queryset=None, required=False)
    decided_on = forms.DateField(label=_("判断日"), widget=DATE)
    observe = forms.CharField(label=_("Observe（観察・情報収集）"), widget=forms.Textarea(attrs={"rows": 2}))
    orient = forms.CharField(label=_("Orient（状況・方向性判断）"), widget=forms.Textarea(attrs={"rows": 2}))
    decide = forms.CharField(label=_("Decide（意思決定）"), widget=forms.Textarea(attrs={"rows": 2}))
    act = forms.CharField(label=_("Act（行動）"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, initiatives: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["initiative"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = initiatives


class MeetingForm(core_forms.Form):
    committee = forms.ChoiceField(label=_("会議体"))
    held_on = forms.DateField(label=_("開催日"), widget=DATE)
    title = forms.CharField(label=_("会議名"), max_length=200)
    agenda = forms.CharField(label=_("議題"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    minutes = forms.CharField(label=_("議事録"), required=False, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args: Any, committees: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        committee = self.fields["committee"]
        assert isinstance(committee, forms.ChoiceField)
        committee.choices = committees

    @staticmethod
    def initial_for(meeting: Any) -> dict[str, Any]:
        return {name: getattr(meeting, name) for name in ("committee", "held_on", "title", "agenda", "minutes")}


class MeetingDecisionForm(core_forms.Form):
    text = forms.CharField(label=_("決定事項"), widget=forms.Textarea(attrs={"rows": 3}))
    initiatives: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("関連する取組項目"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, initiatives: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["initiatives"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = initiatives
