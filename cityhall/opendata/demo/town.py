"""Generators of the town-life datasets: 公衆無線LAN, イベント, 消防水利施設, 食品等営業許可, ごみ分別, 人口."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cityhall.opendata.demo import shapes
from cityhall.opendata.demo.places import (
    AREAS,
    CITY,
    CITY_CODE,
    CITY_PHONE,
    CITY_POPULATION,
    DEMO_SITE,
    PREFECTURE,
    SURVEY_ON,
    Area,
    Place,
    apportion,
    current_head,
    current_location,
    legacy_head,
    legacy_location,
    make_place,
    named_place,
    places_of_kind,
    rng_for,
    write_csv,
)

_WIFI_AREA = shapes.tables().wifi_area


def public_wifi() -> str:
    extra = ("大田原市民体育館", "黒羽体育館", "道の駅 那須与一の郷")
    places = [*places_of_kind("office", "library", "culture", "community"), *map(named_place, extra)]
    rows = []
    for no, place in enumerate(places, 1):
        rows.append(
            legacy_head(no)
            | {"名称": place.name, "名称_カナ": place.kana, "名称_英語": place.english}
            | legacy_location(place)
            | {
                "設置者": CITY,
                "電話番号": place.phone,
                "SSID": "Ohtawara_Free_Wi-Fi",
                "提供エリア": _WIFI_AREA[place.kind],
            }
            | {
                "URL": f"{DEMO_SITE}/wifi/",
                "備考": "1回60分、1日4回まで。メールアドレスまたはSNSアカウントで認証します",
            }
        )
    return write_csv("public_wifi_access_points_legacy", rows)


# (name, kana, English, start, end, 開始, 終了, place, 説明, 料金(基本), 主催者, 連絡先, 定員, 申込方法)
_EVENTS = shapes.tables().events


def _second_saturday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(5 - first.weekday()) % 7 + 7)


def _event_items() -> Iterator[tuple[str, str, str, str, str, str, str, str, str, str, str, str, str, str]]:
    yield from _EVENTS
    for month in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3):
        day = _second_saturday(2026 if month >= 4 else 2027, month).isoformat()
        yield (
            f"星空観望会（{month}月）", f"ホシゾラカンボウカイ（{month}ガツ）", f"Stargazing Night ({month})", day, day,
            "19:00", "21:00", "大田原市ふれあいの丘", "天体観測館の望遠鏡で季節の星や惑星を観察します。雨天・曇天は館内で星の解説を行います。",
            "0", CITY, "生涯学習課", "50", "当日受付",
        )  # fmt: skip


def events() -> str:
    rows = []
    for no, item in enumerate(_event_items(), 1):
        name, kana, english, start, end, t0, t1, where, text, fee, organizer, division, capacity, apply = item
        place = named_place(where)
        deadline = (
            (dt.date.fromisoformat(start) - dt.timedelta(days=7)).isoformat()
            if capacity and "当日" not in apply
            else ""
        )
        rows.append(
            legacy_head(no)
            | {"イベント名": name, "イベント名_カナ": kana, "イベント名_英語": english}
            | {"開始日": start, "終了日": end, "開始時間": t0, "終了時間": t1, "説明": text}
            | {"開始日時特記事項": "雨天の場合は内容を変更します" if place.kind in ("park", "tourism") else ""}
            | {"料金(基本)": fee, "料金(詳細)": "" if fee == "0" else f"1人{fee}円"}
            | {"連絡先名称": f"大田原市 {division}", "連絡先電話番号": CITY_PHONE, "主催者": organizer}
            | {"場所名称": place.name}
            | legacy_location(place)
            | {"駐車場情報": "会場周辺の臨時駐車場をご利用ください", "定員": capacity}
            | {"参加申込終了日": deadline, "参加申込終了時間": "17:00" if deadline else "", "参加申込方法": apply}
            | {"URL": f"{DEMO_SITE}/event/{no:03d}/"}
        )
    return write_csv("events_legacy", rows)


def _fire_water_items() -> Iterator[tuple[str, Place, str, str]]:
    """(種別, place, 口径 in mm, 備考): hydrants and cisterns in every 町字, school pools, river intakes."""
    rng = rng_for("fire-water")
    for area in AREAS:
        hydrants, cisterns = (3, 1) if area.district == "大田原" else (2, 1)
        for i in range(hydrants):
            place = make_place("消火栓", "", "", "hydrant", area.name, key=str(i))
            yield "消火栓", place, rng.choice(("75", "100", "100", "150")), ""
        for i in range(cisterns):
            place = make_place("防火水そう", "", "", "cistern", area.name, key=str(i))
            note = rng.choice(("容量40立方メートル", "容量40立方メートル（耐震性）", "容量60立方メートル（耐震性）"))
            yield "防火水そう", place, "", note
    for school in places_of_kind("junior_high"):
        yield "プール", school, "", f"{school.name}のプール。容量約300立方メートル"
    for choaza, river in (("黒羽向町", "那珂川"), ("佐久山", "箒川"), ("下石上", "蛇尾川"), ("佐良土", "那珂川")):
        yield "河川・溝等", make_place(river, "", "", "river", choaza), "", f"{river}の取水場所。渇水期は水量が減ります"
    yield "濠・池等", named_place("竜城公園"), "", "竜城公園の池"


def fire_water_facilities() -> str:
    rows = []
    for no, (kind, place, bore, note) in enumerate(_fire_water_items(), 1):
        location = current_location(place) | {"建物名等(方書)": ""}
        rows.append(current_head("NN", no) | {"種別": kind} | location | {"口径": bore, "備考": note})
    return write_csv("fire_water_facilities", rows)


# (営業の種類, 業態, name template with {p}, kana template with {k}, English template with {r}, weight)
_FOOD_KINDS = shapes.tables().food_kinds

_FOOD_WORDS = shapes.tables().food_words

_FOOD_BUSINESSES = 80


def food_business_permits() -> str:
    rng = rng_for("food-business-permits")
    combos = [(kind, word) for kind in _FOOD_KINDS for word in _FOOD_WORDS]
    weights = [kind[5] for kind, _ in combos]
    chosen: list[tuple[tuple[str, str, str, str, str, int], tuple[str, str, str]]] = []
    while len(chosen) < _FOOD_BUSINESSES:
        pick = rng.choices(combos, weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    central = [area.name for area in AREAS if area.district == "大田原"]
    rows = []
    for no, ((permit, trade, name_t, kana_t, english_t, _), (word, kana, romaji)) in enumerate(chosen, 1):
        name = name_t.format(p=word)
        area = rng.choice(central) if rng.random() < 0.6 else rng.choice(AREAS).name
        place = make_place(name, "", "", "food", area)
        rows.append(
            current_head("OO", no)
            | {"施設名称": name, "施設名称_カナ": kana_t.format(k=kana), "施設名称_英字": english_t.format(r=romaji)}
            | {"営業の種類": permit, "業態": trade, "所在地_連結表記": place.full_address}
        )
    return write_csv("food_business_permits", rows)


# (ゴミの品目, 分別区分, 注意点)
_WASTE = shapes.tables().waste

# 分別区分 → (料金種別, 料金, 料金備考)
_WASTE_FEE = shapes.tables().waste_fee

_FREE = ("無料", "", "")


def waste_sorting() -> str:
    rows = []
    for no, (item, category, note) in enumerate(_WASTE, 1):
        fee_kind, fee, fee_note = _WASTE_FEE.get(category, _FREE)
        rows.append(
            current_head("GB", no)
            | {"ゴミの品目": item, "分別区分": category, "注意点": note}
            | {"料金種別": fee_kind, "料金": fee, "料金備考": fee_note}
        )
    return write_csv("waste_sorting", rows)


_BANDS = shapes.tables().bands

# A city of 70,000 in northern Tochigi: baby boomers around 70-74, fewer children, more older women.
_BAND_WEIGHTS = (
    2300,
    2700,
    3000,
    3300,
    3400,
    3200,
    3400,
    3900,
    4300,
    5000,
    4800,
    4400,
    4400,
    4800,
    5400,
    3900,
    3100,
    3700,
)
_MALE_SHARE = (
    0.51,
    0.51,
    0.51,
    0.52,
    0.53,
    0.52,
    0.51,
    0.51,
    0.51,
    0.51,
    0.50,
    0.50,
    0.49,
    0.49,
    0.47,
    0.45,
    0.41,
    0.33,
)
_RURAL = frozenset({"須賀川", "両郷", "川西", "湯津上", "佐久山", "黒羽"})


def _band_multiplier(area: Area, band: int) -> float:
    if area.name == "北金丸":  # a university town: students in their late teens and twenties
        return (1.0, 1.0, 1.0, 1.6, 3.0, 1.4)[band] if band < 6 else 0.9
    if area.district in _RURAL:
        return 0.75 if band < 8 else 1.35 if band >= 13 else 1.0
    return 1.1 if 5 <= band < 10 else 1.0


def population() -> str:
    rng = rng_for("population")
    weights = [(2.0 if area.chome else 1.0) * rng.uniform(0.7, 1.3) for area in AREAS]
    rows = []
    for no, (area, total) in enumerate(zip(AREAS, apportion(CITY_POPULATION, weights), strict=True), 1):
        cells = []
        for band, (weight, male) in enumerate(zip(_BAND_WEIGHTS, _MALE_SHARE, strict=True)):
            base = weight * _band_multiplier(area, band)
            cells += [base * male * rng.uniform(0.9, 1.1), base * (1 - male) * rng.uniform(0.9, 1.1)]
        counts = apportion(total, cells)
        household = 1.9 if area.name == "北金丸" else 2.7 if area.district in _RURAL else 2.3
        row = {
            "都道府県コード又は市区町村コード": CITY_CODE, "地域コード": f"{no * 10:04d}", "都道府県名": PREFECTURE,
            "市区町村名": CITY, "調査年月日": SURVEY_ON, "地域名": area.name, "総人口": str(total),
            "男性": str(sum(counts[0::2])), "女性": str(sum(counts[1::2])),
            "世帯数": str(round(total / (household * rng.uniform(0.95, 1.05)))),
        }  # fmt: skip
        for band, label in enumerate(_BANDS):
            row[f"{label}の男性"], row[f"{label}の女性"] = str(counts[2 * band]), str(counts[2 * band + 1])
        rows.append(row)
    return write_csv("population_by_area_and_age_legacy", rows)
