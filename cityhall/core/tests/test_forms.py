from django import forms
from django.test import override_settings

from cityhall.core.forms import CodeField, Form, NameField, PhoneField, PostalCodeField, ReadingField


class ContactForm(Form):
    name = NameField(max_length=40)
    note = forms.CharField(required=False)
    number = CodeField(required=False)
    count = forms.IntegerField(required=False)
    on = forms.DateField(required=False)
    secret = forms.CharField(widget=forms.PasswordInput, strip=False)


def test_prose_keeps_every_character_typed():
    form = ContactForm(data={"name": "x", "note": "ＴＥＬ（代表）～「本庁舎」ｶﾅ　２階", "secret": "s"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["note"] == "ＴＥＬ（代表）～「本庁舎」ｶﾅ　２階"


def test_codes_numbers_and_dates_fold_width():
    form = ContactForm(
        data={"name": "x", "number": "ＡＢ－１２３", "count": "１２", "on": "２０２６－０４－０１", "secret": "s"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["number"] == "AB-123"
    assert form.cleaned_data["count"] == 12
    assert str(form.cleaned_data["on"]) == "2026-04-01"


def test_names_are_trimmed_and_their_spaces_unified():
    form = ContactForm(data={"name": "\u3000大田原 \u3000 太郎  ", "secret": "s"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "大田原\u3000太郎"
    assert ContactForm(data={"name": "John\u3000\u3000Smith", "secret": "s"}).data["name"] == "John Smith"


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
    form = ContactForm(data={"name": "a\x00b", "note": "一行目\r\n二\u200b行目\x07", "secret": "s"})
    assert form.is_valid()
    assert form.cleaned_data["name"] == "ab"
    assert form.cleaned_data["note"] == "一行目\n二行目"


class PersonForm(Form):
    kana = ReadingField(required=False)
    yomi = ReadingField(required=False, hiragana=True)
    phone = PhoneField(required=False)
    postal = PostalCodeField(required=False)


def test_readings_are_stored_in_full_width_katakana_or_hiragana_where_asked():
    form = PersonForm(data={"kana": "おおたわら ﾀﾛｳ", "yomi": "ジュウミンヒョウ"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["kana"] == "オオタワラ タロウ"
    assert form.cleaned_data["yomi"] == "じゅうみんひょう"


def test_readings_refuse_kanji_in_japanese():
    form = PersonForm(data={"kana": "大田原"})
    assert not form.is_valid()
    assert form.errors["kana"] == ["カタカナ（またはひらがな）で入力してください。"]


def test_phone_and_postal_numbers_fold_and_unify_dashes():
    form = PersonForm(data={"phone": "０２８７ー２３ー１１１１", "postal": "３２４８６４１"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "0287-23-1111"
    assert form.cleaned_data["postal"] == "324-8641"


def test_phone_and_postal_numbers_refuse_words_in_japanese():
    form = PersonForm(data={"phone": "代表にお電話ください", "postal": "32486"})
    assert not form.is_valid()
    assert "電話番号" in form.errors["phone"][0]
    assert form.errors["postal"] == ["郵便番号は7桁の数字で入力してください（例: 324-8641）。"]
