"""Every form of every app, bound to text full of （）「」～・ー－ and 全角英数: what is kept.

Prose keeps every character typed. Only the fields listed in FOLDED (codes,
numbers, addresses) may change the text, and only to its width-folded form; a
name only unifies its spaces, a reading only becomes kana. A new form, or a new
text field that folds, fails here until it is listed with the reason it may.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from django import forms
from django.http import QueryDict

import cityhall
from cityhall.core.forms import NameField, NormalizingMixin, PhoneField, PostalCodeField, ReadingField

SAMPLE = "（注）「住民票の写し」～・ー－ＡＢＣ１２３ 1通350円（例）\u3000ｶﾅ"

# (form, field) whose input is folded because width does not change its meaning.
FOLDED = {
    ("DepartmentForm", "code"),  # 課コード
    ("DepartmentForm", "phone"),
    ("DepartmentForm", "email"),
    ("StaffForm", "email"),
    ("StaffForm", "employee_number"),
    ("RoleForm", "code"),
    ("SignupForm", "email"),
    ("NewProcedureForm", "slug"),
    ("ContentForm", "online_form_url"),
    ("NewProcedureForm", "online_form_url"),
    ("NoticeForm", "video_url"),
    ("SubscribeForm", "email"),
    ("RuleForm", "conditions"),  # question keys and choice keys
    ("DatasetForm", "slug"),
    ("DataRequestForm", "email"),
    ("SchemaForm", "key"),
    ("ColumnForm", "physical_name"),
}


def _bases() -> set[type[Any]]:
    """Base classes that are not forms of their own."""
    from cityhall.core import forms as core_forms
    from cityhall.plans.forms import PlanForm

    return {core_forms.Form, core_forms.ModelForm, PlanForm}


def _project_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(cityhall.__path__, "cityhall."):
        if ".tests" not in module.name and ".migrations" not in module.name:
            importlib.import_module(module.name)
    found: set[type[forms.BaseForm]] = set()
    pending: list[type[Any]] = [forms.BaseForm]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("cityhall.") and ".tests" not in cls.__module__ and cls not in _bases():
            found.add(cls)
    return sorted(found, key=lambda c: c.__qualname__)


def _constructor_arguments(form_class: type[Any]) -> dict[str, Any]:
    from cityhall.accounts.models import User
    from cityhall.core.models import Department
    from cityhall.plans.models import Initiative, Plan
    from cityhall.procedures.models import Procedure

    known: dict[str, Callable[[], Any]] = {
        "plan": Plan.objects.first,
        "staff": User.objects.none,
        "staff_queryset": User.objects.none,
        "departments": Department.objects.all,
        "initiatives": Initiative.objects.none,
        "procedures": Procedure.objects.none,
        "committees": list,
        "module_choices": list,
        "columns": list,
        "editing": lambda: False,
    }
    arguments = {}
    for cls in form_class.__mro__:
        for name, parameter in inspect.signature(vars(cls).get("__init__", object.__init__)).parameters.items():
            if parameter.kind is inspect.Parameter.KEYWORD_ONLY and parameter.default is inspect.Parameter.empty:
                assert name in known, f"{form_class.__qualname__}: teach this test how to build `{name}`"
                arguments[name] = known[name]()
    return arguments


def _expected(form_class: type[Any], name: str, field: forms.Field) -> str | None:  # noqa: PLR0911
    """What the field's input becomes; None: not text (choices, files, flags)."""
    if isinstance(field, forms.ChoiceField | forms.FileField | forms.BooleanField):
        return None
    if isinstance(field.widget, forms.PasswordInput):
        return SAMPLE
    if isinstance(field, ReadingField):
        return None  # checked in test_readings_become_kana: the sample is not a reading
    if isinstance(field, NameField):
        return SAMPLE.replace("ｶﾅ", "カナ")  # spaces already single: U+3000 between non-ASCII, else ASCII
    folded = unicodedata.normalize("NFKC", SAMPLE.replace("～", "〜"))
    if isinstance(field, PhoneField | PostalCodeField):
        return folded.replace("ー", "-").replace(" ", "")  # ０２８７ー２３ー１１１１ is a phone number
    if (form_class.__name__, name) in FOLDED or not isinstance(field, forms.CharField):
        return folded
    return SAMPLE


def test_every_project_form_normalises_by_field_kind() -> None:
    offenders = [f.__qualname__ for f in _project_forms() if not issubclass(f, NormalizingMixin)]
    assert offenders == [], "subclass cityhall.core.forms.Form/ModelForm"


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", _project_forms(), ids=lambda c: c.__qualname__)
def test_form_keeps_what_was_typed(form_class: type[Any], municipality: Any) -> None:
    template = form_class(**_constructor_arguments(form_class))
    data = QueryDict(mutable=True)
    for name in template.fields:
        data[template.add_prefix(name)] = SAMPLE
    form = form_class(data, **_constructor_arguments(form_class))
    form.is_valid()
    checked = 0
    for name, field in form.fields.items():
        expected = _expected(form_class, name, field)
        if expected is None:
            continue
        checked += 1
        assert form.data[form.add_prefix(name)] == expected, name
        if name in form.cleaned_data and isinstance(form.cleaned_data[name], str):
            assert form.cleaned_data[name] == expected, name
    assert checked or not any(isinstance(f, forms.CharField) for f in form.fields.values())


def test_prose_in_the_issue_report_survives_an_edit() -> None:
    """The 手数料 of 住民票の写し kept its full-width brackets once the form is saved."""
    from cityhall.procedures.forms import ContentForm

    form = ContentForm(
        {"title": "住民票の写し", "summary": "概要", "channels": "窓口｜本庁舎1階", "fee": "1通350円（例）"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["fee"] == "1通350円（例）"


def test_names_unify_spaces_and_readings_become_kana() -> None:
    from cityhall.accounts.forms import StaffForm

    form = StaffForm(
        {"email": "ｔａｒｏ@example.jp", "display_name": " 大田原  太郎 ", "display_name_kana": "おおたわら　ﾀﾛｳ"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["display_name"] == "大田原\u3000太郎"
    assert form.cleaned_data["display_name_kana"] == "オオタワラ タロウ"
    assert form.cleaned_data["email"] == "taro@example.jp"
