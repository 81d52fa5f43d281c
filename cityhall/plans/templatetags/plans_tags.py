from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from cityhall.core import wareki
from cityhall.core.templatetags.wareki import wareki_date
from cityhall.plans.models import Plan
from cityhall.plans.scoring import departure_text
from cityhall.plans.scoring import points as scoring_points

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


@register.filter
def points(value: Decimal) -> str:
    """24.00 → 24, 13.50 → 13.5: points as the plan document writes them."""
    return scoring_points(value)


@register.inclusion_tag("plans/_score_rule.html")
def score_rule_notes(plan: Plan, can_change: bool = False) -> dict[str, Any]:
    """The priority score's rule where ranks are shown: formula, thresholds, why A is out of reach, the change."""
    rule = plan.score_rule
    departure = ""
    if not rule.is_document_rule:
        changed_at = plan.score_rule_changed_at
        departure = departure_text(
            changed_on=wareki_date(changed_at) if changed_at else "",
            note=plan.score_rule_note,
        )
    return {"rule": rule, "departure": departure, "can_change": can_change}
