from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from cityhall.core import forms as core_forms
from cityhall.core.models import Department
from cityhall.opendata.models import DataRequest, Dataset, Frequency, Group, License, SchemaDefinition


class DatasetForm(core_forms.Form):
    slug = forms.SlugField(
        label=_("URL名（半角英数字）"),
        max_length=100,
        help_text=_("例: public-toilets。公開後のURLとAPIの名前になるので、後から変えられません。"),
    )
    title = forms.CharField(label=_("タイトル"), max_length=120)
    description = forms.CharField(label=_("説明"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    department = forms.ModelChoiceField(label=_("担当課"), queryset=Department.objects.none())
    schema = forms.ModelChoiceField(
        label=_("標準データセット"),
        queryset=SchemaDefinition.objects.filter(is_active=True),
        required=False,
        empty_label=_("（標準データセット以外）"),
        help_text=_("選ぶと、アップロードしたファイルをその項目定義で検査します。"),
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("分類"), queryset=Group.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    tags = forms.CharField(
        label=_("タグ"), required=False, max_length=400, help_text=_("読点（、）またはカンマで区切って入力します。")
    )
    license = forms.ChoiceField(label=_("利用条件"), choices=License.choices, initial=License.CC_BY_4_0)
    frequency = forms.ChoiceField(label=_("更新頻度"), choices=Frequency.choices, initial=Frequency.IRREGULAR)
    contact = forms.CharField(label=_("問い合わせ先"), max_length=200, required=False)

    def __init__(self, *args: Any, departments: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Department]", self.fields["department"]).queryset = departments
        if editing:
            del self.fields["slug"]

    def clean_tags(self) -> list[str]:
        raw = str(self.cleaned_data.get("tags") or "")
        return [t.strip() for t in raw.replace("、", ",").replace("，", ",").split(",") if t.strip()]


class UploadForm(core_forms.Form):
    file = forms.FileField(
        label=_("ファイル（CSVまたはExcel）"),
        help_text=_("UTF-8（BOM付き可）またはShift_JISのCSV、あるいは.xlsxファイル。最大512MB。"),
    )


class PublishForm(core_forms.Form):
    note = forms.CharField(
        label=_("変更内容のメモ（公開されます）"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("例: 令和8年4月1日時点の情報に更新しました。"),
    )


class ConfirmUnknownForm(core_forms.Form):
    """Columns still 不明 that a person confirms as 該当なし in every row, and why (shown with the version)."""

    column = forms.MultipleChoiceField(label=_("すべての行が該当なしの列"), widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(
        label=_("確認した理由（公開されます）"),
        max_length=200,
        help_text=_("例: 市内に火山がないため、火山現象の指定はありません（地域防災計画で確認）。"),
    )

    def __init__(self, *args: Any, columns: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.MultipleChoiceField", self.fields["column"]).choices = [(column, column) for column in columns]


class DataRequestForm(core_forms.Form):
    title = forms.CharField(label=_("欲しいデータ"), max_length=120, help_text=_("例: 市内の公園の遊具の一覧"))
    body = forms.CharField(
        label=_("内容・使い道"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("どのような項目が欲しいか、何に使うかを書いてください。リクエストの内容は公開されます。"),
    )
    requester_name = core_forms.NameField(
        label=_("お名前・団体名（任意、公開されません）"), max_length=100, required=False
    )
    email = forms.EmailField(
        label=_("メールアドレス（任意、公開されません）"),
        required=False,
        help_text=_("入力すると、回答したときにお知らせします。"),
    )
    website = forms.CharField(required=False, widget=forms.HiddenInput)  # honeypot: people leave it empty


class AnswerForm(core_forms.Form):
    status = forms.ChoiceField(label=_("状況"), choices=DataRequest.Status.choices)
    answer = forms.CharField(
        label=_("回答（公開されます）"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )
    department = forms.ModelChoiceField(label=_("担当課"), queryset=Department.objects.none(), required=False)
    dataset = forms.ModelChoiceField(
        label=_("公開したデータセット"),
        queryset=Dataset.objects.filter(state=Dataset.State.PUBLISHED).order_by("title"),
        required=False,
    )
    is_hidden = forms.BooleanField(
        label=_("公開サイトに掲載しない"),
        required=False,
        help_text=_(
            "新しいリクエストは確認するまで掲載されません。いたずらや個人情報を含むものは掲載しないでください。"
        ),
    )

    def __init__(self, *args: Any, departments: Any, **kwargs: Any) -> None:
        """`departments` None: the user may not reassign the request (only the ICT policy division may)."""
        super().__init__(*args, **kwargs)
        if departments is None:
            del self.fields["department"]
        else:
            cast("forms.ModelChoiceField[Department]", self.fields["department"]).queryset = departments


COLUMN_TYPES = [
    ("string", _("文字列")),
    ("integer", _("整数")),
    ("number", _("数値")),
    ("date", _("日付")),
    ("time", _("時刻")),
    ("lat", _("緯度")),
    ("lon", _("経度")),
    ("code", _("コード")),
    ("phone", _("電話番号")),
    ("url", _("URL")),
    ("email", _("メールアドレス")),
]


class SchemaForm(core_forms.Form):
    key = forms.RegexField(label=_("キー（半角英小文字・数字・下線）"), regex=r"^[a-z0-9_]{2,80}$", max_length=80)
    name_ja = forms.CharField(label=_("データセット名"), max_length=100)
    edition = forms.ChoiceField(label=_("版"), choices=SchemaDefinition.Edition.choices)
    source = forms.CharField(label=_("出典"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    is_active = forms.BooleanField(label=_("使用する"), required=False, initial=True)

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["key"]


class ColumnForm(core_forms.Form):
    """One column of a definition. Its name and format are prose: the standard's exact names
    (全角括弧 in 男性トイレ数（小便器）) are kept as typed, or every file checked would be renamed."""

    name = forms.CharField(label=_("項目名"), max_length=100)
    type = forms.ChoiceField(label=_("型"), choices=COLUMN_TYPES)
    required = forms.BooleanField(label=_("必須"), required=False)
    format = forms.CharField(label=_("形式・選択肢"), max_length=300, required=False)
    physical_name = core_forms.CodeField(label=_("物理名"), max_length=100, required=False)
    english_name = forms.CharField(label=_("英語名"), max_length=100, required=False)
    # One per line: header names hold 、 and commas themselves (災害種別_崖崩れ、土石流及び地滑り).
    synonyms = forms.CharField(
        label=_("見出しの別名"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_synonyms(self) -> list[str]:
        return [line.strip() for line in str(self.cleaned_data.get("synonyms") or "").splitlines() if line.strip()]


ColumnFormSet = forms.formset_factory(ColumnForm, extra=1, can_delete=True)


class SettingsForm(core_forms.Form):
    min_lat = forms.FloatField(label=_("南端の緯度"), required=False, min_value=20, max_value=46)
    min_lon = forms.FloatField(label=_("西端の経度"), required=False, min_value=122, max_value=154)
    max_lat = forms.FloatField(label=_("北端の緯度"), required=False, min_value=20, max_value=46)
    max_lon = forms.FloatField(label=_("東端の経度"), required=False, min_value=122, max_value=154)
    contact = forms.CharField(label=_("カタログの問い合わせ先"), max_length=200, required=False)
