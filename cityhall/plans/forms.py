from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cityhall.core import forms as core_forms
from cityhall.plans.models import ActionTask, Evaluation, HalfChoices, Plan, ProgressStatus

MARKS = [(3, "◎（3）"), (2, "○（2）"), (1, "△（1）")]
DATE = forms.DateInput(attrs={"type": "date"})


def _year_field(plan: Plan) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("年度"), coerce=int, choices=[(fy.year, fy.label) for fy in plan.fiscal_years()]
    )


class PlanForm(core_forms.Form):
    """A form whose 年度 choices are the plan's years."""

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "fiscal_year" in self.fields:
            self.fields["fiscal_year"] = _year_field(plan)
            self.order_fields(["fiscal_year"])


class ScoreForm(PlanForm):
    fiscal_year = forms.IntegerField()
    government = forms.TypedChoiceField(
        label=_("G（Government：国・県の方針との整合）"), choices=MARKS, coerce=int, widget=forms.RadioSelect
    )
    quality = forms.TypedChoiceField(
        label=_("Q（Quality：市民サービスの質の向上）"), choices=MARKS, coerce=int, widget=forms.RadioSelect
    )
    cost = forms.TypedChoiceField(label=_("C（Cost：費用対効果）"), choices=MARKS, coerce=int, widget=forms.RadioSelect)
    delivery = forms.TypedChoiceField(
        label=_("D（Delivery：実現性・スケジュール）"), choices=MARKS, coerce=int, widget=forms.RadioSelect
    )
    comment = forms.CharField(label=_("評価コメント"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ProgressForm(PlanForm):
    fiscal_year = forms.IntegerField()
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
    fiscal_year = forms.IntegerField()
    goal = forms.CharField(label=_("年度の目標"), widget=forms.Textarea(attrs={"rows": 3}))
    master_schedule = forms.CharField(
        label=_("マスタースケジュール"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class TaskForm(PlanForm):
    fiscal_year = forms.IntegerField()
    title = forms.CharField(label=_("タスク"), max_length=200)
    owner: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("担当者"), queryset=None, required=False)
    due_on = forms.DateField(label=_("期限"), widget=DATE)
    status = forms.ChoiceField(label=_("状態"), choices=ActionTask.Status.choices, initial=ActionTask.Status.OPEN)

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = staff


class EvaluationForm(PlanForm):
    fiscal_year = forms.IntegerField()
    achievement = forms.ChoiceField(label=_("達成度"), choices=Evaluation.Achievement.choices, widget=forms.RadioSelect)
    results = forms.CharField(label=_("成果"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    issues = forms.CharField(label=_("課題"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    next_actions = forms.CharField(label=_("次年度の改善"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(core_forms.Form):
    decided_on = forms.DateField(label=_("判断日"), widget=DATE)
    observe = forms.CharField(label=_("Observe（観察・情報収集）"), widget=forms.Textarea(attrs={"rows": 2}))
    orient = forms.CharField(label=_("Orient（状況・方向性判断）"), widget=forms.Textarea(attrs={"rows": 2}))
    decide = forms.CharField(label=_("Decide（意思決定）"), widget=forms.Textarea(attrs={"rows": 2}))
    act = forms.CharField(label=_("Act（行動）"), widget=forms.Textarea(attrs={"rows": 2}))


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
