from django import forms
from django.test import override_settings

from cityhall.core.forms import Form


class ContactForm(Form):
    name = forms.CharField(max_length=20)
    note = forms.CharField(required=False)
    secret = forms.CharField(widget=forms.PasswordInput, strip=False)


def test_text_is_normalised_before_validation():
    form = ContactForm(data={"name": "ｵｵﾀﾜﾗ　ﾀﾛｳ", "note": "ＴＥＬ０２８７", "secret": "ｱｲｳ１２３"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "オオタワラ タロウ"
    assert form.cleaned_data["note"] == "TEL0287"


def test_passwords_are_kept_exactly_as_typed():
    form = ContactForm(data={"name": "x", "secret": " ｱｲｳ１２３ "})
    assert form.is_valid()
    assert form.cleaned_data["secret"] == " ｱｲｳ１２３ "


@override_settings(CITYHALL_FORM_MAX_CHARS=50)
def test_unbounded_text_gets_the_site_limit_and_a_japanese_message():
    form = ContactForm(data={"name": "x", "note": "あ" * 51, "secret": "s"})
    assert not form.is_valid()
    assert "50" in form.errors["note"][0]
    assert "文字" in form.errors["note"][0]
    assert ContactForm().fields["note"].widget.attrs["maxlength"] == "50"


def test_control_characters_cannot_sneak_in():
    form = ContactForm(data={"name": "a\x00b", "secret": "s"})
    assert form.is_valid()
    assert form.cleaned_data["name"] == "ab"


class FuriganaForm(Form):
    kana = __import__("cityhall.core.forms", fromlist=["KanaField"]).KanaField(required=False)


def test_furigana_is_stored_in_full_width_katakana():
    form = FuriganaForm(data={"kana": "おおたわら ﾀﾛｳ"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["kana"] == "オオタワラ タロウ"


def test_furigana_refuses_kanji_in_japanese():
    form = FuriganaForm(data={"kana": "大田原"})
    assert not form.is_valid()
    assert form.errors["kana"] == ["カタカナ（またはひらがな）で入力してください。"]
