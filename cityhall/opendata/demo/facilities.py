"""Generators of the facility datasets: 公共施設, 指定緊急避難場所, AED, 公衆トイレ, 観光施設, 文化財."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator

from cityhall.opendata.demo import shapes
from cityhall.opendata.demo.places import (
    AREA_BY_NAME,
    AREAS,
    BARRIER_FREE,
    CITY,
    CITY_CODE,
    CITY_FULL,
    CITY_PHONE,
    DEMO_SITE,
    FLOOD_DISTRICTS,
    KIND_LABEL,
    KIND_SUMMARY,
    SLOPE_DISTRICTS,
    Place,
    Row,
    current_head,
    current_location,
    legacy_head,
    legacy_location,
    make_place,
    named_place,
    opening_hours,
    places_of_kind,
    rng_for,
    write_csv,
)


def public_facilities() -> str:
    rng = rng_for("public-facilities")
    kinds = ("office", "community", "library", "sports", "culture", "welfare", "elementary", "junior_high")
    rows = []
    for no, place in enumerate(places_of_kind(*kinds), 1):
        rows.append(
            legacy_head(no)
            | {"名称": place.name, "名称_カナ": place.kana}
            | legacy_location(place)
            | {"電話番号": place.phone, "団体名": CITY}
            | opening_hours(place.kind)
            | {
                "説明": f"{KIND_LABEL[place.kind]}。{KIND_SUMMARY[place.kind]}",
                "バリアフリー情報": rng.choice(BARRIER_FREE[:3] if place.kind != "community" else BARRIER_FREE),
                "URL": f"{DEMO_SITE}/shisetsu/{place.kind.replace('_', '-')}/{no:03d}/",
            }
        )
    return write_csv("public_facilities_legacy", rows)


_CAPACITY = {"elementary": (600, 1500), "junior_high": (800, 1800), "community": (80, 250), "park": (1500, 8000)}
_CAPACITY_DEFAULT = (300, 900)
_EVACUATION_NOTE = shapes.tables().evacuation_note


def evacuation_sites() -> str:
    rng = rng_for("evacuation-sites")
    big_parks = [
        p for p in places_of_kind("park") if p.name not in ("野崎駅西公園", "蛭田農村公園", "須賀川ふるさと公園")
    ]
    sites = [
        *places_of_kind("elementary", "junior_high", "community"),
        *big_parks,
        *places_of_kind("sports")[:1],
        *places_of_kind("sports")[2:],
    ]
    neighbours: dict[str, list[str]] = {}
    for area in AREAS:
        neighbours.setdefault(area.district, []).append(area.name)
    rows = []
    for no, place in enumerate(sites, 1):
        district = place.area.district
        building = place.kind != "park"
        low, high = _CAPACITY.get(place.kind, _CAPACITY_DEFAULT)
        others = [name for name in neighbours[district] if name != place.area.name]
        served = [place.area.name, *rng.sample(others, min(len(others), rng.randint(0, 2)))]
        rows.append(
            current_head("CC", no)
            | {"名称": place.name, "名称_カナ": place.kana, "名称_英字": place.english}
            | current_location(place)
            | {
                "標高": f"{rng.uniform(120, 260) if district in SLOPE_DISTRICTS else rng.uniform(110, 190):.1f}",
                "電話番号": place.phone if building else CITY_PHONE,
                "内線番号": "" if building else "2211",
                "郵便番号": place.area.postal,
                "市区町村コード": CITY_CODE,
                "地方公共団体名": CITY_FULL,
                # Inland city: no 高潮 or 津波; 火山現象 (那須岳) is not designated in the demo.
                "災害種別_洪水": "" if district in FLOOD_DISTRICTS else "1",
                "災害種別_崖崩れ、土石流及び地滑り": "" if district in SLOPE_DISTRICTS else "1",
                "災害種別_地震": "1",
                "災害種別_大規模な火事": "1" if place.kind in ("elementary", "junior_high", "park") else "",
                "災害種別_内水氾濫": "" if district in FLOOD_DISTRICTS else "1",
                "指定避難所との重複": "1" if building else "",
                "想定収容人数": str(rng.randrange(low, high, 10)),
                "対象となる町会・自治会": ";".join(served),
                "URL": f"{DEMO_SITE}/bousai/hinanbasho/{no:03d}/",
                "備考": _EVACUATION_NOTE.get(place.kind, ""),
            }
        )
    return write_csv("designated_emergency_evacuation_sites", rows)


_AED_POSITION = shapes.tables().aed_position


def aed_installations() -> str:
    rng = rng_for("aed")
    places = places_of_kind(
        "office", "community", "elementary", "junior_high", "library", "sports", "culture", "welfare"
    )
    places += [*places_of_kind("station"), named_place("道の駅 那須与一の郷")]
    rows = []
    for no, place in enumerate(places, 1):
        hours = opening_hours(place.kind)
        if place.name.startswith("道の駅"):
            hours |= {"開始時間": "09:00", "終了時間": "18:00", "利用可能日時特記事項": "物産館の営業時間内"}
        child_pads = place.kind in ("elementary", "community", "welfare") or rng.random() < 0.5
        rows.append(
            legacy_head(no)
            | {"名称": place.name, "名称_カナ": place.kana}
            | legacy_location(place)
            | {
                "設置位置": rng.choice(_AED_POSITION[place.kind]),
                "電話番号": place.phone,
                "団体名": "東日本旅客鉄道株式会社" if place.kind == "station" else CITY,
                "小児対応設備の有無": "有" if child_pads else "無",
                "URL": f"{DEMO_SITE}/kenkou/aed/",
            }
            | hours
        )
    return write_csv("aed_installations_legacy", rows)


# (name, kana, English, 町字 or the facility it stands in, 設置位置, hours, size: s/m/l)
_TOILETS = shapes.tables().toilets

# (開始, 終了, 特記事項) per hours class; 24h toilets leave the times empty and say so.
_TOILET_HOURS = shapes.tables().toilet_hours


def _toilet_counts(rng: random.Random, size: str) -> Row:
    if size == "xs":  # a single unisex cubicle
        urinal, male_j, male_w, female_j, female_w, uni_j, uni_w, accessible = 0, 0, 0, 0, 0, 0, 1, 0
    else:
        scale = {"s": 1, "m": 2, "l": 4}[size]
        urinal, male_j, male_w = rng.randint(scale, 2 * scale), rng.randint(0, 1), rng.randint(1, scale)
        female_j, female_w = rng.randint(0, 1), rng.randint(scale, 2 * scale)
        uni_j, uni_w, accessible = 0, 0, min(scale, rng.randint(1, 2))
    return {
        "男性トイレ総数": str(urinal + male_j + male_w),
        "男性トイレ数（小便器）": str(urinal),
        "男性トイレ数（和式）": str(male_j),
        "男性トイレ数（洋式）": str(male_w),
        "女性トイレ総数": str(female_j + female_w),
        "女性トイレ数（和式）": str(female_j),
        "女性トイレ数（洋式）": str(female_w),
        "男女共用トイレ総数": str(uni_j + uni_w),
        "男女共用トイレ数（和式）": str(uni_j),
        "男女共用トイレ数（洋式）": str(uni_w),
        "バリアフリートイレ数": str(accessible),
        "車椅子使用者用トイレ有無": "有" if accessible else "無",
        "乳幼児用設備設置トイレ有無": "有" if accessible and (size != "s" or rng.random() < 0.5) else "無",
        "オストメイト設置トイレ有無": "有" if accessible and size in ("m", "l") else "無",
    }


def _near(site: Place, rng: random.Random) -> tuple[str, str]:
    """A point within about 80 m of the site, for a toilet in a park or at a temple."""
    return f"{float(site.lat) + rng.uniform(-7e-4, 7e-4):.6f}", f"{float(site.lon) + rng.uniform(-9e-4, 9e-4):.6f}"


def toilet_rows() -> list[Row]:
    rng = rng_for("public-toilets")
    rows = []
    for no, (name, kana, english, where, position, hours, size) in enumerate(_TOILETS, 1):
        if where.startswith("@"):
            site = named_place(where[1:])
            lat, lon = _near(site, rng)
            place = dataclasses.replace(site, name=name, kana=kana, english=english, building="", lat=lat, lon=lon)
        else:
            place = make_place(name, kana, english, "toilet", where)
        start, end, note = _TOILET_HOURS[hours]
        rows.append(
            current_head("LL", no)
            | {"名称": place.name, "名称_カナ": place.kana, "名称_英語": place.english}
            | current_location(place)
            | {"設置位置": position, "高度の種別": "階数", "高度の値": "1"}
            | _toilet_counts(rng, size)
            | {"利用開始時間": start, "利用終了時間": end, "利用可能時間特記事項": note}
            | (
                {"画像": f"{DEMO_SITE}/images/toilet/{no:03d}.jpg", "画像_ライセンス": "CC BY 4.0"}
                if size == "l"
                else {}
            )
        )
    return rows


def public_toilets() -> str:
    return write_csv("public_toilets", toilet_rows())


# name → (料金(基本), 料金(詳細), 説明, 説明_英語, 開始, 終了, 特記事項)
_TOURISM = shapes.tables().tourism


def tourist_facilities() -> str:
    rng = rng_for("tourist-facilities")
    rows = []
    for no, (name, (fee, fee_detail, text, text_en, start, end, note)) in enumerate(_TOURISM.items(), 1):
        place = named_place(name)
        rows.append(
            legacy_head(no)
            | {"名称": place.name, "名称_カナ": place.kana, "名称_英語": place.english}
            | legacy_location(place)
            | {
                "利用可能曜日": "月火水木金土日",
                "開始時間": start,
                "終了時間": end,
                "利用可能日時特記事項": note,
                "料金(基本)": fee,
                "料金(詳細)": fee_detail,
                "説明": text,
                "説明_英語": text_en,
                "アクセス方法": rng.choice(
                    (
                        "西那須野塩原ICから車で約20分",
                        "JR西那須野駅からバスで約30分",
                        "大田原市営バスで最寄りバス停下車、徒歩約10分",
                    )
                ),
                "駐車場情報": f"無料駐車場{rng.randrange(10, 150, 5)}台",
                "バリアフリー情報": rng.choice(("車椅子用トイレ;スロープ", "車椅子用トイレ", "段差あり")),
                "連絡先名称": "大田原市 商工観光課",
                "連絡先電話番号": CITY_PHONE,
                "連絡先内線番号": "2541",
                "URL": f"{DEMO_SITE}/kankou/{no:03d}/",
            }
        )
    return write_csv("tourist_facilities_legacy", rows)


# (name, kana, 文化財分類, 種類, place name or 町字, 指定日, 員数, 単位, 所有者等, 概要)
_HERITAGE = shapes.tables().heritage

# (町字, object) pairs for the small 市指定 stone monuments that most 地区 have.
_MONUMENTS = shapes.tables().monuments

_MONUMENT_KANA = shapes.tables().monument_kana


def _heritage_items() -> Iterator[tuple[str, str, str, str, str, str, str, str, str, str]]:
    yield from _HERITAGE
    rng = rng_for("cultural-properties")
    for area, item in _MONUMENTS:
        year = rng.randint(1972, 2005)
        yield (
            f"{area}の{item}", f"{AREA_BY_NAME[area].kana}ノ{_MONUMENT_KANA[item]}", "市指定有形民俗文化財", "その他", area,
            f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "1", "基", "地元自治会",
            f"江戸時代の{item}。地区の信仰を伝える",
        )  # fmt: skip


def cultural_properties() -> str:
    rows = []
    for no, (name, kana, category, kind, where, designated, count, unit, owner, summary) in enumerate(
        _heritage_items(), 1
    ):
        place = named_place(where) if where not in AREA_BY_NAME else make_place(name, kana, "", "heritage", where)
        rows.append(
            legacy_head(no)
            | {"名称": name, "名称_カナ": kana, "文化財分類": category, "種類": kind}
            | {
                "場所名称": place.name if where not in AREA_BY_NAME else "",
                "電話番号": place.phone if where not in AREA_BY_NAME else "",
            }
            | legacy_location(place)
            | {"員数（数）": count, "員数（単位）": unit, "所有者等": owner, "文化財指定日": designated}
            | {"概要": summary, "URL": f"{DEMO_SITE}/bunkazai/{no:03d}/"}
        )
    return write_csv("cultural_properties_legacy", rows)
