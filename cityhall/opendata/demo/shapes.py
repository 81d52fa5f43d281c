"""The shapes of the demo data files (`opendata/data/demo_*.yaml`), checked when they are read.

Every text column is `str`, so a value YAML would read as a number, a date or a boolean (a 郵便番号 such as
3240041 written unquoted, `yes`, 2026-10-01) fails here instead of changing the published CSV.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from cityhall.core.data_files import read_data

PACKAGE = "cityhall.opendata"

Group = Literal["bousai", "kenkou", "kosodate", "kankou", "kurashi", "gyousei"]
Frequency = Literal["irregular", "monthly", "quarterly", "yearly"]


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DatasetEntry(_Shape):
    """One demo dataset: its catalogue fields and the generator (`rows`) that writes its CSV."""

    slug: str
    schema_key: str
    title: str
    description: str
    department_code: str  # a 課 code of the demo city (accounts' demo data)
    group: Group
    tags: tuple[str, ...]
    frequency: Frequency
    rows: str
    popularity: float = 1.0
    license: str = "CC-BY-4.0"


class Catalogue(_Shape):
    groups: dict[str, str]
    datasets: tuple[DatasetEntry, ...]


class Places(_Shape):
    """The demo city's 町字 and the public facilities several datasets share (columns: the file's header)."""

    areas: tuple[tuple[str, str, str, str, str, float, float, int], ...]
    exchanges: dict[str, tuple[str, ...]]
    flood_districts: frozenset[str]
    slope_districts: frozenset[str]
    stems: dict[str, tuple[str, str]]
    community: tuple[tuple[str, str], ...]
    elementary: tuple[tuple[str, str], ...]
    junior_high: tuple[tuple[str, str], ...]
    named: tuple[tuple[str, str, str, str, str, int, str, str], ...]
    hours: dict[str, tuple[str, str, str, str]]
    kind_label: dict[str, str]
    kind_summary: dict[str, str]
    barrier_free: tuple[str, ...]


class Tables(_Shape):
    """The hand-written rows of each demo dataset; what each column holds is said where it is used."""

    evacuation_note: dict[str, str]
    aed_position: dict[str, tuple[str, ...]]
    toilets: tuple[tuple[str, str, str, str, str, str, str], ...]
    toilet_hours: dict[str, tuple[str, str, str]]
    tourism: dict[str, tuple[str, str, str, str, str, str, str]]
    heritage: tuple[tuple[str, str, str, str, str, str, str, str, str, str], ...]
    monuments: tuple[tuple[str, str], ...]
    monument_kana: dict[str, str]
    surnames: tuple[tuple[str, str, str], ...]
    clinic_types: tuple[tuple[str, str, str, str, int], ...]
    hospitals: tuple[tuple[str, str, str, str, str, str, str], ...]
    clinic_days: tuple[tuple[str, str], ...]
    care_services: tuple[tuple[str, str, str, tuple[int, int] | None, str, str], ...]
    care_words: tuple[tuple[str, str], ...]
    care_corporations: tuple[str, ...]
    childcare: tuple[tuple[str, str, str, str, str, str, str, str, str, str, str], ...]
    wifi_area: dict[str, str]
    events: tuple[tuple[str, str, str, str, str, str, str, str, str, str, str, str, str, str], ...]
    food_kinds: tuple[tuple[str, str, str, str, str, int], ...]
    food_words: tuple[tuple[str, str, str], ...]
    waste: tuple[tuple[str, str, str], ...]
    waste_fee: dict[str, tuple[str, str, str]]
    bands: tuple[str, ...]
    catalog_class: dict[str, str]


@cache
def catalogue() -> Catalogue:
    return read_data(PACKAGE, "demo_catalogue.yaml", Catalogue)


@cache
def places() -> Places:
    return read_data(PACKAGE, "demo_places.yaml", Places)


@cache
def tables() -> Tables:
    return read_data(PACKAGE, "demo_tables.yaml", Tables)
