"""The demo city: its 町字, random draws seeded by name, the public facilities several datasets share, and
the row pieces (heads, locations, opening hours) the dataset generators have in common.

The names, kana, areas and hours are data (`data/demo_places.yaml`); positions, 番地 and phone numbers are
drawn here from a generator seeded by each place's name, so two runs give identical bytes.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cityhall.opendata.demo import shapes
from cityhall.opendata.validation import load_schemas

DEMO_BBOX = (36.78, 139.93, 36.98, 140.22)  # min_lat, min_lon, max_lat, max_lon
CITY_CODE = "092100"
PREFECTURE = "栃木県"
CITY = "大田原市"
CITY_FULL = PREFECTURE + CITY
CITY_PHONE = "0287-23-1111"
CITY_POPULATION = 70_000  # as in accounts/data/demo_city.yaml (municipality.population)
DEMO_SITE = "https://demo.ohtawara.example.jp"
SURVEY_ON = "2026-10-01"
Row = dict[str, str]


def rng_for(name: str) -> random.Random:
    # A str seed is hashed with SHA-512 by random, so the data does not depend on PYTHONHASHSEED.
    return random.Random(f"cityhall-demo:{name}")  # noqa: S311 — demo data, not security


@functools.cache
def schema_columns(schema_key: str) -> tuple[str, ...]:
    return tuple(rule.name for rule in load_schemas()[schema_key].columns)


def write_csv(schema_key: str, rows: Iterable[Row]) -> str:
    """CSV text (CRLF, no BOM) with the schema's columns in schema order; a key outside the schema is an error."""
    columns = schema_columns(schema_key)
    known = frozenset(columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        if not known.issuperset(row):
            raise KeyError(f"{schema_key}: not in the schema: {sorted(set(row) - known)}")
        writer.writerow([row.get(name, "") for name in columns])
    return buffer.getvalue()


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split total into integers proportional to weights (largest remainder), so parts always sum to total."""
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (parts[i] - exact[i], i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


@dataclass(frozen=True, slots=True)
class Area:
    name: str  # 町字 without 丁目
    kana: str
    romaji: str
    district: str  # 地区, as schools and 公民館 are named
    postal: str  # 7 digits, as the standard writes 郵便番号
    lat: float
    lon: float
    chome: int = 0  # number of 丁目; 0 for an 大字 addressed by 番地 alone


AREAS: tuple[Area, ...] = tuple(Area(*row) for row in shapes.places().areas)

AREA_BY_NAME = {area.name: area for area in AREAS}
_EXCHANGES = shapes.places().exchanges

# Districts along the 那珂川 and 箒川 (flood) and in the hills of the north (slope failure).
FLOOD_DISTRICTS = shapes.places().flood_districts

SLOPE_DISTRICTS = shapes.places().slope_districts

_KANJI_DIGITS = "〇一二三四五六七八九"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kana: str
    english: str
    kind: str
    area: Area
    chome: int
    banchi: str
    lat: str
    lon: str
    phone: str
    building: str = ""

    @property
    def choaza(self) -> str:
        return self.area.name + (f"{_KANJI_DIGITS[self.chome]}丁目" if self.chome else "")

    @property
    def address(self) -> str:
        """住所 without the building (方書)."""
        return f"{CITY_FULL}{self.choaza}{self.banchi}"

    @property
    def full_address(self) -> str:
        """所在地_連結表記: prefecture to building, the building after a full-width space as in the standard."""
        return f"{self.address}\u3000{self.building}" if self.building else self.address


def _phone(rng: random.Random, area: Area) -> str:
    return f"0287-{rng.choice(_EXCHANGES[area.district])}-{rng.randint(1000, 9999)}"


def _point(rng: random.Random, area: Area) -> tuple[str, str]:
    min_lat, min_lon, max_lat, max_lon = DEMO_BBOX
    lat = min(max(area.lat + rng.uniform(-0.005, 0.005), min_lat + 0.002), max_lat - 0.002)
    lon = min(max(area.lon + rng.uniform(-0.006, 0.006), min_lon + 0.002), max_lon - 0.002)
    return f"{lat:.6f}", f"{lon:.6f}"


def _banchi(rng: random.Random, area: Area) -> tuple[int, str]:
    if area.chome:
        return rng.randint(1, area.chome), f"{rng.randint(1, 28)}-{rng.randint(1, 30)}"
    number = rng.randint(100, 2999)
    return 0, str(number) if rng.random() < 0.6 else f"{number}-{rng.randint(1, 12)}"


def make_place(
    name: str, kana: str, english: str, kind: str, area_name: str, *, chome: int = 0, banchi: str = "",
    building: str = "", key: str = "",
) -> Place:  # fmt: skip
    """A place with a stable position, 番地 and phone: all drawn from a generator seeded by its name."""
    area = AREA_BY_NAME[area_name]
    rng = rng_for(f"place:{kind}:{name}:{key}")
    drawn_chome, drawn_banchi = _banchi(rng, area)
    lat, lon = _point(rng, area)
    if banchi:
        drawn_chome, drawn_banchi = chome, banchi
    return Place(name, kana, english, kind, area, drawn_chome, drawn_banchi, lat, lon, _phone(rng, area), building)


_STEMS = shapes.places().stems

# (stem, 町字) per kind of stem-named facility.
_COMMUNITY = shapes.places().community

_ELEMENTARY = shapes.places().elementary

_JUNIOR_HIGH = shapes.places().junior_high

_STEM_KINDS = (
    ("community", _COMMUNITY, "公民館", "コウミンカン", "Community Center"),
    ("elementary", _ELEMENTARY, "小学校", "ショウガッコウ", "Elementary School"),
    ("junior_high", _JUNIOR_HIGH, "中学校", "チュウガッコウ", "Junior High School"),
)
# (name, kana, English, kind, 町字, 丁目, 番地, 方書)
_NAMED = shapes.places().named

# The city hall's published position, used as is rather than drawn.
_CITY_HALL_POINT = ("36.871300", "140.015500")


@functools.cache
def _places() -> dict[str, list[Place]]:
    """Facilities by kind (office, community, elementary, junior_high, library, sports, culture, …)."""
    found: dict[str, list[Place]] = {}
    points: dict[str, tuple[str, str]] = {}  # one address, one point (城跡 and 公園, a building and its tenant)
    for name, kana, english, kind, area, chome, banchi, building in _NAMED:
        place = make_place(name, kana, english, kind, area, chome=chome, banchi=banchi, building=building)
        if name == "大田原市役所":
            place = Place(name, kana, english, kind, place.area, 1, "4-1", *_CITY_HALL_POINT, CITY_PHONE)
        lat, lon = points.setdefault(place.address, (place.lat, place.lon))
        found.setdefault(kind, []).append(dataclasses.replace(place, lat=lat, lon=lon))
    for kind, stems, suffix, suffix_kana, suffix_en in _STEM_KINDS:
        for stem, area in stems:
            kana, romaji = _STEMS[stem]
            name = f"{stem}{suffix}"
            found.setdefault(kind, []).append(make_place(name, kana + suffix_kana, f"{romaji} {suffix_en}", kind, area))
    return found


def places_of_kind(*kinds: str) -> list[Place]:
    return [place for kind in kinds for place in _places()[kind]]


def named_place(name: str) -> Place:
    return next(place for places in _places().values() for place in places if place.name == name)


# Opening hours per kind: (曜日, 開始, 終了, 特記事項).
_HOURS = shapes.places().hours

KIND_LABEL = shapes.places().kind_label

KIND_SUMMARY = shapes.places().kind_summary

BARRIER_FREE = shapes.places().barrier_free


def legacy_head(no: int) -> Row:
    return {"都道府県コード又は市区町村コード": CITY_CODE, "NO": str(no), "都道府県名": PREFECTURE, "市区町村名": CITY}


def current_head(prefix: str, no: int) -> Row:
    return {"全国地方公共団体コード": CITY_CODE, "ID": f"{prefix}{CITY_CODE}{no:04d}", "地方公共団体名": CITY_FULL}


def current_location(place: Place) -> Row:
    return {
        "所在地_全国地方公共団体コード": CITY_CODE,
        "所在地_連結表記": place.full_address,
        "所在地_都道府県": PREFECTURE,
        "所在地_市区町村": CITY,
        "所在地_町字": place.choaza,
        "所在地_番地以下": place.banchi,
        "建物名等(方書)": place.building,
        "緯度": place.lat,
        "経度": place.lon,
    }


def legacy_location(place: Place) -> Row:
    return {"住所": place.address, "方書": place.building, "緯度": place.lat, "経度": place.lon}


def opening_hours(kind: str, prefix: str = "") -> Row:
    days, start, end, note = _HOURS[kind]
    return {"利用可能曜日": days, f"{prefix}開始時間": start, f"{prefix}終了時間": end, "利用可能日時特記事項": note}
