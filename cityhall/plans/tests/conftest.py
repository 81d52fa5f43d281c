"""A small plan for tests that must not depend on the seeded document."""

from __future__ import annotations

from typing import Any

import pytest

from cityhall.plans.models import Field, Initiative, Pillar, Plan, ScheduleBar


@pytest.fixture
def small_plan(departments: dict[str, Any]) -> Plan:
    plan = Plan.objects.create(name="テスト計画", first_fiscal_year=2023, last_fiscal_year=2025)
    pillar = Pillar.objects.create(plan=plan, number=1, roman="I", title="市民サービスの向上")
    field = Field.objects.create(pillar=pillar, number=3, title="市民サービスの向上")
    window = Initiative.objects.create(
        field=field, number=4, title="市民窓口の利便性向上", department=departments["citizens"]
    )
    cloud = Initiative.objects.create(
        field=field, number=1, title="クラウドの導入", national=True, department=departments["ict-policy"]
    )
    ScheduleBar.objects.create(
        initiative=window, row=1, label="書かない窓口の検討", start_year=2023, start_half=1, end_year=2023, end_half=2
    )
    ScheduleBar.objects.create(
        initiative=window, row=1, label="導入", start_year=2024, start_half=1, end_year=2025, end_half=2
    )
    ScheduleBar.objects.create(
        initiative=cloud, row=1, label="標準化対応", start_year=2023, start_half=1, end_year=2025, end_half=2
    )
    return plan


@pytest.fixture
def window(small_plan: Plan) -> Initiative:
    return Initiative.objects.get(field__pillar__plan=small_plan, title="市民窓口の利便性向上")


@pytest.fixture
def cloud(small_plan: Plan) -> Initiative:
    return Initiative.objects.get(field__pillar__plan=small_plan, title="クラウドの導入")
