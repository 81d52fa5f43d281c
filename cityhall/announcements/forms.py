"""Forms of お知らせ (core.forms kinds: titles and bodies are prose, kept as typed)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cityhall.announcements.models import Area, Category, Channel, Urgency
from cityhall.core import forms as core_forms

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class NoticeForm(core_forms.Form):
    title = forms.CharField(label=_("見出し"), max_length=200)
    body = forms.CharField(label=_("本文"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    category = forms.ModelChoiceField(label=_("分類"), queryset=Category.objects.all(), empty_label=None)
    urgency = forms.ChoiceField(label=_("緊急度"), choices=Urgency.choices, initial=Urgency.NORMAL)
    areas = forms.ModelMultipleChoiceField(
        label=_("対象地区（選ばなければ市内全域）"),
        queryset=Area.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    video_url = forms.URLField(label=_("動画のURL（任意）"), required=False, assume_scheme="https")
    publish_at = forms.DateTimeField(label=_("掲載開始（空欄なら承認と同時）"), required=False, widget=DATETIME)
    expires_at = forms.DateTimeField(label=_("掲載終了（任意）"), required=False, widget=DATETIME)
    channels = forms.MultipleChoiceField(
        label=_("媒体（空欄なら媒体の選択基準どおり）"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    channels_reason = forms.CharField(label=_("媒体を選択基準から変えた理由"), required=False, max_length=200)


class ReturnForm(core_forms.Form):
    note = forms.CharField(label=_("差し戻しの理由"), widget=forms.Textarea(attrs={"rows": 3}))


class EmergencyForm(core_forms.Form):
    on = forms.BooleanField(label=_("緊急モードにする"), required=False)
    message = forms.CharField(
        label=_("トップページに表示するメッセージ"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class EmergencyNoticeForm(core_forms.Form):
    title = forms.CharField(label=_("見出し"), max_length=200)
    body = forms.CharField(label=_("本文"), widget=forms.Textarea(attrs={"rows": 5}))
    category = forms.ModelChoiceField(label=_("分類"), queryset=Category.objects.all(), empty_label=None)
    areas = forms.ModelMultipleChoiceField(
        label=_("対象地区（選ばなければ市内全域）"),
        queryset=Area.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expires_at = forms.DateTimeField(label=_("掲載終了（任意）"), required=False, widget=DATETIME)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bousai = Category.objects.filter(key="bousai").first()
        if bousai is not None:
            self.fields["category"].initial = bousai.pk


class ChannelRuleForm(core_forms.Form):
    order = forms.IntegerField(label=_("優先順（小さいほど先に判定）"), min_value=0, max_value=9999)
    urgency = forms.ChoiceField(label=_("緊急度"), choices=[("", _("すべて")), *Urgency.choices], required=False)
    category = forms.ModelChoiceField(
        label=_("分類"), queryset=Category.objects.all(), required=False, empty_label=_("すべて")
    )
    channels = forms.MultipleChoiceField(label=_("媒体"), choices=Channel.choices, widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("説明"), required=False, max_length=200)


class SubscribeForm(core_forms.Form):
    email = forms.EmailField(label=_("メールアドレス"))
    categories = forms.ModelMultipleChoiceField(
        label=_("受け取る分類（選ばなければすべて）"),
        queryset=Category.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("地区（選ばなければ市内全域）"),
        queryset=Area.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class SubscriptionForm(core_forms.Form):
    categories = SubscribeForm.base_fields["categories"]
    areas = SubscribeForm.base_fields["areas"]


class PaperSubscriberForm(core_forms.Form):
    name = core_forms.NameField(label=_("氏名"), max_length=100)
    phone = core_forms.PhoneField(label=_("電話番号"), required=False)
    note = forms.CharField(label=_("備考（届け方など）"), required=False, max_length=200)
    categories = SubscribeForm.base_fields["categories"]
    areas = SubscribeForm.base_fields["areas"]
