"""Base forms: every form normalises Japanese text and bounds its size."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from cityhall.core import text


def _normalisable(field: forms.Field) -> bool:
    return isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput)


class NormalizingMixin:
    """Normalises bound CharField input (NFKC etc.) before validation runs.

    Passwords are left exactly as typed. Text fields without an explicit
    max_length get the site-wide bound, so oversized input is refused with a
    message instead of reaching the database.
    """

    fields: dict[str, forms.Field]
    data: Any
    is_bound: bool
    add_prefix: Callable[[str], str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = settings.CITYHALL_FORM_MAX_CHARS
        for field in self.fields.values():
            if _normalisable(field) and getattr(field, "max_length", None) is None:
                assert isinstance(field, forms.CharField)
                field.max_length = limit
                field.validators.append(MaxLengthValidator(limit))
                field.widget.attrs.setdefault("maxlength", str(limit))
        if self.is_bound:
            self.data = self._normalised(self.data)

    def _normalised(self, data: Any) -> Any:
        copy = data.copy()
        for name, field in self.fields.items():
            if not _normalisable(field):
                continue
            key = self.add_prefix(name)
            if hasattr(copy, "getlist"):
                values = copy.getlist(key)
                if values:
                    copy.setlist(key, [text.normalize(v) for v in values])
            elif isinstance(copy.get(key), str):
                copy[key] = text.normalize(copy[key])
        return copy


class Form(NormalizingMixin, forms.Form):
    pass


class ModelForm(NormalizingMixin, forms.ModelForm):  # type: ignore[type-arg]
    pass


class KanaField(forms.CharField):
    """Furigana: hiragana and half-width kana are accepted and stored as full-width katakana."""

    default_error_messages = {"not_kana": _("カタカナ（またはひらがな）で入力してください。")}

    def to_python(self, value: Any) -> str:
        converted = text.to_katakana(str(super().to_python(value)))
        return converted

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and not all(ch in " ・ー=" or "\u30a0" <= ch <= "\u30ff" for ch in value):
            raise forms.ValidationError(self.error_messages["not_kana"], code="not_kana")
