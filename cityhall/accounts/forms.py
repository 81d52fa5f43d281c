from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from cityhall.accounts.models import Committee, CommitteeMembership, DepartmentAssignment, Role
from cityhall.core import forms as core_forms
from cityhall.core.models import Department


class SignupForm(core_forms.NormalizingMixin, AllauthSignupForm):
    """Resident registration: e-mail, password, and consent to the terms."""

    agree = forms.BooleanField(
        label=_("利用規約と個人情報の取扱いに同意します"),
        error_messages={"required": _("登録には利用規約への同意が必要です。")},
    )


class DepartmentForm(core_forms.ModelForm):
    class Meta:
        model = Department
        fields = ("parent", "code", "name", "name_en", "kind", "phone", "email", "location", "sort_order")
        field_classes = {
            "name": core_forms.NameField,
            "name_en": core_forms.NameField,
            "phone": core_forms.PhoneField,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent = self.fields["parent"]
        assert isinstance(parent, forms.ModelChoiceField)
        parent.queryset = Department.objects.filter(kind=Department.Kind.BUREAU, is_active=True)


class StaffForm(core_forms.Form):
    email = forms.EmailField(label=_("メールアドレス"), max_length=254)
    display_name = core_forms.NameField(label=_("氏名"), max_length=100)
    display_name_kana = core_forms.ReadingField(label=_("氏名（カナ）"), max_length=100, required=False)
    department = forms.ModelChoiceField(
        label=_("所属"), queryset=Department.objects.filter(is_active=True), required=False
    )
    title = forms.CharField(label=_("役職"), max_length=60, required=False)
    employee_number = core_forms.CodeField(label=_("職員番号"), max_length=20, required=False)
    roles = forms.ModelMultipleChoiceField(
        label=_("役割"), queryset=Role.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )


class RoleForm(core_forms.Form):
    code = forms.SlugField(label=_("コード（半角英数字）"), max_length=40)
    name = core_forms.NameField(label=_("名称"), max_length=60)
    description = forms.CharField(label=_("説明"), max_length=200, required=False)
    modules = forms.MultipleChoiceField(
        label=_("利用できるモジュール"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, module_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        modules = self.fields["modules"]
        assert isinstance(modules, forms.MultipleChoiceField)
        modules.choices = [("*", _("すべてのモジュール")), *module_choices]


class CommitteeMemberForm(core_forms.Form):
    committee = forms.ChoiceField(label=_("会議体"), choices=Committee.choices)
    user: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("職員"), queryset=None)
    position = forms.ChoiceField(label=_("役職"), choices=CommitteeMembership.Position.choices)
    starts_on = forms.DateField(label=_("開始日"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("終了日"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, staff_queryset: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = self.fields["user"]
        assert isinstance(user, forms.ModelChoiceField)
        user.queryset = staff_queryset


class AssignmentForm(core_forms.Form):
    kind = forms.ChoiceField(label=_("種別"), choices=DepartmentAssignment.Kind.choices)
    department = forms.ModelChoiceField(
        label=_("課"), queryset=Department.objects.filter(is_active=True).exclude(kind=Department.Kind.BUREAU)
    )
    user: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("職員"), queryset=None)

    def __init__(self, *args: Any, staff_queryset: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = self.fields["user"]
        assert isinstance(user, forms.ModelChoiceField)
        user.queryset = staff_queryset


class MembershipEndForm(core_forms.Form):
    ends_on = forms.DateField(label=_("終了日"), widget=forms.DateInput(attrs={"type": "date"}))


class ApiTokenForm(core_forms.Form):
    name = forms.CharField(label=_("用途"), max_length=100)
    expires_on = forms.DateField(
        label=_("有効期限（任意）"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
