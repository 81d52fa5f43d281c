"""Base forms and field kinds: each field normalises what it means, and bounds its size.

Every form in the project subclasses `Form`/`ModelForm` (or mixes in
`NormalizingMixin`). A text field is normalised by its kind (see `cityhall.core.text`):
a plain `CharField` is prose and keeps every character typed; declare a name,
reading, code, phone or postal number with the field classes below. E-mail, URL,
slug and pattern fields and non-text inputs (numbers, dates, times) fold width,
because 全角 and 半角 digits mean the same there. Passwords and choices are
left exactly as sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

from cityhall.core import text

Normalizer = Callable[[str], str]


class ProseField(forms.CharField):
    """Free text (titles, bodies, notes, comments): kept as typed. A plain CharField means the same."""

    text_kind: Normalizer = staticmethod(text.prose)


class NameField(forms.CharField):
    """A person's or organisation's name: trimmed, spaces between its parts unified."""

    text_kind: Normalizer = staticmethod(text.name)


class CodeField(forms.CharField):
    """An identifier typed by people (職員番号, 課コード): width-folded."""

    text_kind: Normalizer = staticmethod(text.code)


class PhoneField(forms.CharField):
    """A phone number: width-folded, dashes unified; digits, dashes and brackets only."""

    text_kind: Normalizer = staticmethod(text.number_like)
    default_validators = [
        RegexValidator(r"^[0-9()+\-]{6,20}$", _("電話番号は数字とハイフンで入力してください（例: 0287-23-1111）。"))
    ]


class PostalCodeField(forms.CharField):
    """A postal code (郵便番号): 3 + 4 digits, stored as 123-4567."""

    text_kind: Normalizer = staticmethod(text.number_like)
    default_error_messages = {"invalid": _("郵便番号は7桁の数字で入力してください（例: 324-8641）。")}

    def to_python(self, value: Any) -> str:
        value = str(super().to_python(value))
        digits = value.replace("-", "")
        if value and (len(digits) != 7 or not digits.isdigit()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return f"{digits[:3]}-{digits[3:]}" if value else ""


class ReadingField(forms.CharField):
    """A reading (フリガナ): hiragana and half-width kana stored as full-width katakana.

    `hiragana=True` stores hiragana instead, for fields labelled よみがな（ひらがな）.
    """

    text_kind: Normalizer = staticmethod(text.to_katakana)
    default_error_messages = {"not_kana": _("カタカナ（またはひらがな）で入力してください。")}

    def __init__(self, *args: Any, hiragana: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if hiragana:
            self.text_kind = text.to_hiragana

    def validate(self, value: Any) -> None:
        super().validate(value)
        reading = text.to_katakana(value or "")
        if reading and not all(ch in " ・ー=" or "\u30a0" <= ch <= "\u30ff" for ch in reading):
            raise forms.ValidationError(self.error_messages["not_kana"], code="not_kana")


_FOLDED_TEXT = (forms.EmailField, forms.URLField, forms.SlugField, forms.RegexField)
_EXACT = (forms.ChoiceField, forms.FileField, forms.BooleanField, forms.NullBooleanField)


def normalizer_for(field: forms.Field) -> Normalizer | None:
    """How a form normalises this field's input before validation; None: left as sent."""
    if isinstance(field.widget, forms.PasswordInput) or isinstance(field, _EXACT):
        return None
    kind: Normalizer | None = getattr(field, "text_kind", None)
    if kind is not None:
        return kind
    if isinstance(field, _FOLDED_TEXT) or not isinstance(field, forms.CharField):
        return text.fold  # numbers, dates and times: 全角 digits mean the same
    return text.prose


def _bounded(field: forms.Field) -> bool:
    return isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput)


class NormalizingMixin:
    """Normalises bound input by each field's kind before validation runs.

    Text fields without an explicit max_length get the site-wide bound, so
    oversized input is refused with a message instead of reaching the database.
    """

    fields: dict[str, forms.Field]
    data: Any
    is_bound: bool
    add_prefix: Callable[[str], str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = settings.CITYHALL_FORM_MAX_CHARS
        for field in self.fields.values():
            if _bounded(field) and getattr(field, "max_length", None) is None:
                assert isinstance(field, forms.CharField)
                field.max_length = limit
                field.validators.append(MaxLengthValidator(limit))
                field.widget.attrs.setdefault("maxlength", str(limit))
        if self.is_bound:
            self.data = self._normalised(self.data)

    def _normalised(self, data: Any) -> Any:
        copy = data.copy()
        for name, field in self.fields.items():
            normalize = normalizer_for(field)
            if normalize is None:
                continue
            key = self.add_prefix(name)
            if hasattr(copy, "getlist"):
                values = copy.getlist(key)
                if values:
                    copy.setlist(key, [normalize(v) if isinstance(v, str) else v for v in values])
            elif isinstance(copy.get(key), str):
                copy[key] = normalize(copy[key])
        return copy


class Form(NormalizingMixin, forms.Form):
    pass


class ModelForm(NormalizingMixin, forms.ModelForm):  # type: ignore[type-arg]  # generic in django-stubs only; apps subclass it with their model
    pass
