"""Generators of the health and welfare datasets: 医療機関, 介護サービス事業所, 子育て施設."""

from __future__ import annotations

import random

from cityhall.opendata.demo import shapes
from cityhall.opendata.demo.places import (
    AREAS,
    DEMO_SITE,
    Place,
    Row,
    legacy_head,
    legacy_location,
    make_place,
    rng_for,
    write_csv,
)

_SURNAMES = shapes.tables().surnames

# (suffix, kana, url part, 診療科目, weight)
_CLINIC_TYPES = shapes.tables().clinic_types

# (name, kana, 町字, 診療科目, 病床数, 法人の名称, web host)
_HOSPITALS = shapes.tables().hospitals

_CLINIC_DAYS = shapes.tables().clinic_days

_CLINICS = 38


def _medical_location(place: Place) -> Row:
    fax = place.phone[:-1] + str((int(place.phone[-1]) + 1) % 10)
    return legacy_location(place) | {"電話番号": place.phone, "FAX番号": fax}


def _clinic_names(rng: random.Random) -> list[tuple[tuple[str, str, str], tuple[str, str, str, str, int]]]:
    """Surname × kind of clinic; a family runs at most one medical and one dental clinic."""
    pairs = [(surname, kind) for surname in _SURNAMES for kind in _CLINIC_TYPES]
    weights = [kind[4] for _, kind in pairs]
    taken: set[tuple[str, bool]] = set()
    chosen: list[tuple[tuple[str, str, str], tuple[str, str, str, str, int]]] = []
    while len(chosen) < _CLINICS:
        surname, kind = rng.choices(pairs, weights)[0]
        key = (surname[0], kind[2] == "shika")
        if key not in taken:
            taken.add(key)
            chosen.append((surname, kind))
    return chosen


def medical_institutions() -> str:
    rng = rng_for("medical-institutions")
    central = [area.name for area in AREAS if area.district == "大田原"]
    codes = iter(rng.sample(range(1_000_000, 10_000_000), _CLINICS + len(_HOSPITALS)))
    rows: list[Row] = []
    for name, kana, area, subjects, beds, corporation, host in _HOSPITALS:
        rows.append(
            {"名称": name, "名称_カナ": kana, "医療機関の種類": "病院", "法人の名称": corporation}
            | {"医療機関コード": f"091{next(codes)}", "診療曜日": "月火水木金土", "診療開始時間": "08:30"}
            | {
                "診療終了時間": "17:00",
                "診療科目": subjects,
                "診療日時特記事項": "土曜日は12:00まで。日曜日・祝日は休診",
            }
            | {"時間外における対応": "救急外来で24時間対応します", "病床数": beds, "URL": f"https://{host}.example.jp/"}
            | _medical_location(make_place(name, kana, "", "hospital", area))
        )
    for (surname, surname_kana, romaji), (suffix, suffix_kana, slug, subjects, _) in _clinic_names(rng):
        name = f"{surname}{suffix}"
        area = rng.choice(central) if rng.random() < 0.65 else rng.choice(AREAS).name
        kind, beds = ("有床診療所", str(rng.randint(8, 19))) if slug == "ladies" else ("無床診療所", "0")
        days, note = rng.choice(_CLINIC_DAYS)
        rows.append(
            {"名称": name, "名称_カナ": surname_kana + suffix_kana, "医療機関の種類": kind}
            | {"医療機関コード": f"09{'3' if slug == 'shika' else '1'}{next(codes)}", "診療曜日": days}
            | {"診療開始時間": rng.choice(("08:30", "09:00")), "診療終了時間": rng.choice(("17:30", "18:00", "18:30"))}
            | {"診療科目": subjects, "診療日時特記事項": note, "病床数": beds}
            | {"時間外における対応": "休日・夜間は那須地区夜間急患診療所または休日当番医をご利用ください"}
            | {"URL": f"https://{romaji}-{slug}.example.jp/"}
            | _medical_location(make_place(name, "", "", "clinic", area))
        )
    return write_csv("medical_institutions_legacy", [legacy_head(no) | row for no, row in enumerate(rows, 1)])


# (実施サービス, name prefix, kana prefix, 定員 range or None, 利用可能曜日, 事業所番号 type digit)
_CARE_SERVICES = shapes.tables().care_services

_CARE_WORDS = shapes.tables().care_words

_CARE_CORPORATIONS = shapes.tables().care_corporations

_CARE_PROVIDERS = 40


def care_service_providers() -> str:
    rng = rng_for("care-service-providers")
    combos = rng.sample([(s, w) for s in _CARE_SERVICES for w in _CARE_WORDS], _CARE_PROVIDERS)
    numbers = iter(rng.sample(range(100_000, 1_000_000), _CARE_PROVIDERS))
    rows = []
    for no, ((service, prefix, prefix_kana, capacity, days, digit), (word, word_kana)) in enumerate(combos, 1):
        name = f"{prefix} {word}"
        place = make_place(name, "", "", "care", rng.choice(AREAS).name)
        rows.append(
            legacy_head(no)
            | {"介護サービス事業所名称": name, "介護サービス事業所名称_カナ": f"{prefix_kana} {word_kana}"}
            | {"実施サービス": service}
            | legacy_location(place)
            | {"電話番号": place.phone, "FAX番号": place.phone[:-1] + str((int(place.phone[-1]) + 5) % 10)}
            | {"法人の名称": rng.choice(_CARE_CORPORATIONS), "事業所番号": f"09{digit}0{next(numbers)}"}
            | {
                "利用可能曜日": days,
                "利用可能曜日特記事項": "" if "日" in days else "年末年始（12月31日から1月3日）は休み",
            }
            | {"定員": str(rng.randint(*capacity)) if capacity else ""}
        )
    return write_csv("care_service_providers_legacy", rows)


# (name, kana, 種別, 町字, 収容定員, 受入年齢, 開始, 終了, 一時預かり, 認可等年月日, 団体名)
_CHILDCARE = shapes.tables().childcare


def childcare_facilities() -> str:
    rng = rng_for("childcare-facilities")
    rows = []
    for no, (name, kana, kind, area, capacity, ages, start, end, temporary, approved, operator) in enumerate(
        _CHILDCARE, 1
    ):
        place = make_place(name, kana, "", "childcare", area)
        weekdays = "月火水木金" if "幼稚園" in kind else "月火水木金土"
        rows.append(
            legacy_head(no)
            | {"名称": name, "名称_カナ": kana, "種別": kind}
            | legacy_location(place)
            | {
                "アクセス方法": rng.choice(
                    ("大田原市営バスの最寄りバス停から徒歩約5分", "JR野崎駅から車で約10分", "市役所から車で約10分")
                )
            }
            | {"駐車場情報": f"送迎用駐車場{rng.randrange(5, 30)}台", "電話番号": place.phone}
            | {"FAX番号": place.phone[:-1] + str((int(place.phone[-1]) + 3) % 10), "団体名": operator}
            | {"認可等年月日": approved, "収容定員": capacity, "受入年齢": ages, "利用可能曜日": weekdays}
            | {"開始時間": start, "終了時間": end, "一時預かりの有無": temporary}
            | {
                "利用可能日時特記事項": "日曜日・祝日・年末年始は休み"
                if weekdays.endswith("土")
                else "夏休み・冬休み・春休みは預かり保育あり"
            }
            | {"URL": f"{DEMO_SITE}/kosodate/shisetsu/{no:03d}/"}
        )
    return write_csv("childcare_facilities_legacy", rows)
