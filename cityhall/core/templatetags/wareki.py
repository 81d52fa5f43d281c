"""`{{ day|wareki_date }}`: 令和8年12月8日, for pages about 年度 (English pages get the house date)."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.translation import get_language

from cityhall.core import wareki

register = template.Library()


@register.filter
def wareki_date(value: dt.date | dt.datetime | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if not (get_language() or "ja").startswith("ja"):
        return date_format(value, get_format("DATE_FORMAT"))
    return wareki.format_date(value)
