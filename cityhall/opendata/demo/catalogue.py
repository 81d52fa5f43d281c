"""The demo catalogue: each dataset's fields (`data/demo_catalogue.yaml`) with the generator of its CSV,
and the オープンデータ一覧 that lists them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from cityhall.opendata.demo import shapes
from cityhall.opendata.demo.facilities import (
    aed_installations,
    cultural_properties,
    evacuation_sites,
    public_facilities,
    public_toilets,
    tourist_facilities,
)
from cityhall.opendata.demo.places import DEMO_SITE, legacy_head, rng_for, schema_columns, write_csv
from cityhall.opendata.demo.shapes import Frequency, Group
from cityhall.opendata.demo.town import (
    events,
    fire_water_facilities,
    food_business_permits,
    population,
    public_wifi,
    waste_sorting,
)
from cityhall.opendata.demo.welfare import care_service_providers, childcare_facilities, medical_institutions

_CATALOG_CLASS = shapes.tables().catalog_class

_FREQUENCY_JA = {"irregular": "随時", "monthly": "毎月", "quarterly": "四半期ごと", "yearly": "毎年"}


def _open_data_catalog() -> str:
    rng = rng_for("open-data-catalog")
    rows = []
    for dataset in DATASETS:
        updated = dt.date(2026, 11, 1) - dt.timedelta(days=rng.randint(0, 200))
        for data_format in ("CSV", "JSON"):
            rows.append(
                {"データ名称": dataset.title, "データ概要": dataset.description, "データ形式": data_format}
                | {"分類": _CATALOG_CLASS[dataset.slug], "更新頻度": _FREQUENCY_JA[dataset.frequency]}
                | {"URL": f"{DEMO_SITE}/opendata/{dataset.slug}/", "API対応有無": "有"}
                | {"ライセンス": "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）"}
                | {"登録日": "2026-04-01", "最終更新日": max(updated, dt.date(2026, 4, 1)).isoformat()}
            )
    return write_csv("open_data_catalog_legacy", [legacy_head(no) | row for no, row in enumerate(rows, 1)])


@dataclass(frozen=True, slots=True)
class DemoDataset:
    slug: str
    schema_key: str
    title: str
    description: str
    department_code: str  # a 課 code of accounts/data/demo_city.yaml
    group: Group
    tags: tuple[str, ...]
    frequency: Frequency
    rows: Callable[[], str]  # the CSV text: UTF-8 without BOM once encoded, header first, schema order
    popularity: float = 1.0  # relative daily use, for usage_pattern
    license: str = "CC-BY-4.0"

    def csv_text(self) -> str:
        return self.rows()

    @property
    def has_location(self) -> bool:
        return "緯度" in schema_columns(self.schema_key)


GROUPS: dict[str, str] = shapes.catalogue().groups
_ROWS: dict[str, Callable[[], str]] = {
    "public_facilities": public_facilities,
    "evacuation_sites": evacuation_sites,
    "aed_installations": aed_installations,
    "public_toilets": public_toilets,
    "tourist_facilities": tourist_facilities,
    "cultural_properties": cultural_properties,
    "medical_institutions": medical_institutions,
    "care_service_providers": care_service_providers,
    "childcare_facilities": childcare_facilities,
    "public_wifi": public_wifi,
    "events": events,
    "fire_water_facilities": fire_water_facilities,
    "food_business_permits": food_business_permits,
    "waste_sorting": waste_sorting,
    "population": population,
    "open_data_catalog": _open_data_catalog,
}
DATASETS: list[DemoDataset] = [
    DemoDataset(
        slug=entry.slug,
        schema_key=entry.schema_key,
        title=entry.title,
        description=entry.description,
        department_code=entry.department_code,
        group=entry.group,
        tags=entry.tags,
        frequency=entry.frequency,
        rows=_ROWS[entry.rows],
        popularity=entry.popularity,
        license=entry.license,
    )
    for entry in shapes.catalogue().datasets
]
