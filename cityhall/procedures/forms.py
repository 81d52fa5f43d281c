from __future__ import annotations

from typing import Any

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cityhall.core import forms as core_forms
from cityhall.procedures.models import Category, Channel, LifeEvent, ProcedureVersion


def _channel_names() -> dict[str, str]:
    """Channel labels in every UI language, and the raw keys, to their keys."""
    names = {v: v for v in Channel.values}
    for language in ("ja", "en"):
        with translation.override(language):
            names |= {str(label): value for value, label in Channel.choices}
    return names


def channels_to_text(channels: list[dict[str, str]]) -> str:
    labels = dict(Channel.choices)
    return "\n".join(f"{labels.get(c['kind'], c['kind'])}｜{c.get('note', '')}" for c in channels)


def parse_channels(text: str) -> list[dict[str, str]]:
    """'窓口｜本庁舎1階' lines (recommended first) → [{"kind": "counter", "note": "本庁舎1階"}]."""
    channels = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, _sep, note = line.replace("|", "｜").partition("｜")
        kind = _channel_names().get(name.strip())
        if kind is None:
            choices = "・".join(str(label) for _v, label in Channel.choices)
            raise forms.ValidationError(
                _("%(n)d行目：手続きの方法は %(choices)s のいずれかで始めてください。"),
                params={"n": number, "choices": choices},
            )
        channels.append({"kind": kind, "note": note.strip()})
    return channels


class ContentForm(core_forms.Form):
    title = forms.CharField(label=_("手続き名"), max_length=120)
    title_kana = core_forms.ReadingField(label=_("よみがな（ひらがな）"), max_length=200, required=False, hiragana=True)
    summary = forms.CharField(label=_("概要"), widget=forms.Textarea(attrs={"rows": 3}))
    eligibility = forms.CharField(label=_("申請できる人"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    documents = forms.CharField(
        label=_("持ち物・必要書類（1行に1つ）"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    fee = forms.CharField(label=_("手数料"), max_length=200, required=False)
    deadline = forms.CharField(label=_("期限"), max_length=200, required=False)
    processing_time = forms.CharField(label=_("処理期間"), max_length=200, required=False)
    counter = forms.CharField(label=_("窓口"), max_length=200, required=False)
    channels = forms.CharField(
        label=_("手続きの方法（おすすめ順、1行に1つ）"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "「窓口｜本庁舎1階 市民課」のように、方法（オンライン・窓口・郵送・コンビニ交付・電話）と説明を「｜」で区切ります。"
        ),
    )
    online_form_url = forms.URLField(label=_("オンライン申請のURL"), required=False, assume_scheme="https")
    keywords = forms.CharField(label=_("検索キーワード（読点区切り）"), max_length=300, required=False)

    def clean_channels(self) -> list[dict[str, str]]:
        return parse_channels(self.cleaned_data["channels"])

    @classmethod
    def initial_from(cls, version: ProcedureVersion | None) -> dict[str, Any]:
        if version is None:
            return {}
        data = {name: getattr(version, name) for name in cls.base_fields}
        data["channels"] = channels_to_text(version.channels)
        return data


class NewProcedureForm(ContentForm):
    slug = forms.SlugField(label=_("URL名（半角英小文字・数字・ハイフン）"), max_length=80)
    category = forms.ChoiceField(label=_("分類"), choices=Category.choices)
    department: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("担当課"), queryset=None)

    field_order = ["slug", "category", "department"]

    def __init__(self, *args: Any, departments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = departments


class ApproveForm(core_forms.Form):
    publish_at = forms.DateTimeField(
        label=_("公開日時（空欄ならすぐに公開）"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    comment = forms.CharField(label=_("コメント"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReturnForm(core_forms.Form):
    comment = forms.CharField(label=_("差し戻す理由"), widget=forms.Textarea(attrs={"rows": 2}))


class FileForm(core_forms.Form):
    title = forms.CharField(label=_("様式名"), max_length=120)
    upload = forms.FileField(label=_("ファイル（PDF・Excel・Word、10MBまで）"))


class SynonymForm(core_forms.Form):
    words = forms.CharField(label=_("同義語（「;」または「、」で区切る）"), max_length=300)


class RuleForm(core_forms.Form):
    procedure: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("手続き"), queryset=None)
    conditions = core_forms.CodeField(
        label=_("条件"),
        required=False,
        max_length=500,
        help_text=_(
            "「質問キー=選択肢」を「;」で区切って書きます。複数の選択肢は「|」で区切ります。例: insurance=kokuho; children=yes。空欄なら常に表示します。"
        ),
    )
    note = forms.CharField(label=_("補足"), max_length=200, required=False)
    order = forms.IntegerField(label=_("表示順"), min_value=0, max_value=1000, initial=0)

    def __init__(self, *args: Any, procedures: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["procedure"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = procedures

    def clean_conditions(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for part in self.cleaned_data["conditions"].split(";"):
            if not part.strip():
                continue
            key, sep, values = part.partition("=")
            if not sep or not key.strip() or not values.strip():
                raise forms.ValidationError(_("条件は「質問キー=選択肢」の形で書いてください。"))
            result[key.strip()] = [v.strip() for v in values.split("|") if v.strip()]
        return result


def answers_form(event: LifeEvent, data: Any = None) -> forms.Form:
    """The navigator's questions as radio buttons; answers travel in the URL only."""
    form = forms.Form(data)
    for question in event.questions.all():
        form.fields[question.key] = forms.ChoiceField(
            label=question.text,
            choices=[(str(v), str(label)) for v, label in question.choices],
            widget=forms.RadioSelect,
            required=False,
        )
    return form
