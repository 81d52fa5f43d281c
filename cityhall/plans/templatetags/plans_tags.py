from __future__ import annotations

from typing import Any

from django import template

from cityhall.core import wareki

register = template.Library()


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)


@register.filter
def fiscal_year_label(year: int | str | None) -> str:
    """2024 → 令和6年度 (FY2024 (Reiwa 6) in English); empty for no year."""
    if year is None or year == "":
        return ""
    return wareki.fiscal_year_label(int(year))
