"""The demo open data of 大田原市: every dataset passes the validator, the messy upload comes clean with fixes."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import subprocess
import sys
from collections import Counter

import pytest

from cityhall.opendata.demo import usage as demo_usage
from cityhall.opendata.demo.catalogue import DATASETS, GROUPS
from cityhall.opendata.demo.messy import messy_upload, messy_upload_expected_codes
from cityhall.opendata.demo.places import DEMO_BBOX
from cityhall.opendata.validation import apply_fixes, decode, detect, load_schemas, validate

SCHEMAS = load_schemas()


def _demo_city():  # imported late: the digest test imports this module in a process without Django set up
    from cityhall.accounts import demo

    return demo.city()


TODAY = dt.date(2026, 11, 25)  # a Wednesday


def _records(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _flag_columns(schema_key: str) -> set[str]:
    return {rule.name for rule in SCHEMAS[schema_key].columns if rule.kind == "flag_1"}


@pytest.mark.parametrize("dataset", DATASETS, ids=[d.slug for d in DATASETS])
def test_every_dataset_validates_clean_against_its_schema(dataset):
    report = validate(dataset.csv_text(), SCHEMAS[dataset.schema_key], bbox=DEMO_BBOX)
    assert report.problems == []
    assert 20 <= report.rows_checked <= 200


def test_a_blank_required_flag_means_no():
    """災害種別_津波 is required, but for a 1/empty flag the blank is the answer 該当なし (an inland city)."""
    dataset = next(d for d in DATASETS if d.schema_key == "designated_emergency_evacuation_sites")
    flags = _flag_columns(dataset.schema_key)
    assert {"災害種別_津波", "災害種別_高潮"} <= flags
    assert all(SCHEMAS[dataset.schema_key].column(name).required for name in ("災害種別_津波", "災害種別_高潮"))
    text = dataset.csv_text()
    records = _records(text)
    column = records[0].index("災害種別_津波")
    assert {row[column] for row in records[1:]} == {""}
    assert validate(text, SCHEMAS[dataset.schema_key], bbox=DEMO_BBOX).problems == []
    row = records[1]
    spoiled = ",".join(records[0]) + "\r\n" + ",".join([*row[:column], "○", *row[column + 1 :]]) + "\r\n"
    assert [p.code for p in validate(spoiled, SCHEMAS[dataset.schema_key]).problems] == ["flag_value"]


@pytest.mark.parametrize("dataset", DATASETS, ids=[d.slug for d in DATASETS])
def test_csv_has_the_schema_header_no_bom_and_points_inside_the_city(dataset):
    text = dataset.csv_text()
    records = _records(text)
    assert not text.startswith("\ufeff")
    assert text.encode("utf-8").decode("utf-8") == text
    assert records[0] == [rule.name for rule in SCHEMAS[dataset.schema_key].columns]
    assert {len(r) for r in records} == {len(records[0])}
    if dataset.has_location:
        lat_i, lon_i = records[0].index("緯度"), records[0].index("経度")
        min_lat, min_lon, max_lat, max_lon = DEMO_BBOX
        points = [(float(r[lat_i]), float(r[lon_i])) for r in records[1:]]
        assert all(min_lat <= lat <= max_lat and min_lon <= lon <= max_lon for lat, lon in points)


def test_at_least_twelve_datasets_each_a_different_standard_schema():
    keys = [d.schema_key for d in DATASETS]
    assert len(DATASETS) >= 12
    assert len(set(keys)) == len(keys)
    assert set(keys) <= set(SCHEMAS)


def test_slugs_are_unique_lowercase_ascii_with_hyphens():
    slugs = [d.slug for d in DATASETS]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs)


@pytest.mark.parametrize("dataset", DATASETS, ids=[d.slug for d in DATASETS])
def test_catalogue_fields_are_ones_the_portal_knows(dataset):
    assert dataset.department_code in {s.code for bureau in _demo_city().bureaus for s in bureau.sections}
    assert dataset.group in GROUPS
    assert dataset.frequency in {"irregular", "monthly", "quarterly", "yearly"}
    assert dataset.license == "CC-BY-4.0"
    assert 3 <= len(dataset.tags) <= 5
    assert len(set(dataset.tags)) == len(dataset.tags)
    assert 2 <= dataset.description.count("。") <= 3
    assert dataset.description.endswith("。")
    assert dataset.popularity > 0


def test_every_group_has_a_dataset_and_safety_data_is_used_most():
    assert {d.group for d in DATASETS} == set(GROUPS)
    by_slug = {d.slug: d.popularity for d in DATASETS}
    top = sorted(by_slug, key=by_slug.__getitem__, reverse=True)[:2]
    assert set(top) == {"evacuation-sites", "aed"}


def test_population_adds_up_to_the_city():
    dataset = next(d for d in DATASETS if d.schema_key == "population_by_area_and_age_legacy")
    header, *rows = _records(dataset.csv_text())
    col = {name: i for i, name in enumerate(header)}
    male_bands = [i for name, i in col.items() if name.endswith("歳の男性") or name == "85歳以上の男性"]
    female_bands = [i for name, i in col.items() if name.endswith("歳の女性") or name == "85歳以上の女性"]
    assert len(male_bands) == len(female_bands) == 18
    for row in rows:
        total, male, female = int(row[col["総人口"]]), int(row[col["男性"]]), int(row[col["女性"]])
        assert total == male + female
        assert male == sum(int(row[i]) for i in male_bands)
        assert female == sum(int(row[i]) for i in female_bands)
        assert total / 3.5 < int(row[col["世帯数"]]) < total / 1.5
    assert sum(int(row[col["総人口"]]) for row in rows) == _demo_city().municipality.population


def test_catalogue_lists_every_dataset():
    dataset = next(d for d in DATASETS if d.schema_key == "open_data_catalog_legacy")
    header, *rows = _records(dataset.csv_text())
    titles = Counter(row[header.index("データ名称")] for row in rows)
    assert titles == Counter({d.title: 2 for d in DATASETS})


def test_messy_upload_is_cp932_with_crlf_and_a_recognisable_header():
    data = messy_upload()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = decode(data)
    assert text.count("\r\n") == 41  # header, 40 rows, one quoted line break kept as a bare \n
    header = _records(text)[0]
    assert "全国地方公共団体ｺｰﾄﾞ" in header and "1_名称" in header and header.index("経度") < header.index("緯度")
    schema, mapping = detect(header, SCHEMAS)
    assert schema.key == "public_toilets"
    assert None not in mapping


def test_messy_upload_reports_exactly_the_expected_codes_all_with_fixes():
    report = validate(decode(messy_upload()), SCHEMAS["public_toilets"], bbox=DEMO_BBOX)
    assert set(report.counts) == messy_upload_expected_codes()
    assert [p for p in report.problems if p.fix is None] == []
    assert report.counts["latlon_swapped"] == 1
    assert report.counts["line_break"] == 1
    found = {(p.code, p.value, p.fix) for p in report.problems}
    assert ("code6_leading_zero", "92100", "092100") in found
    assert ("code6_check_digit_missing", "09210", "092100") in found
    assert ("flag_value", "○", "有") in found and ("flag_value", "×", "無") in found
    assert ("width", "１６：３０", "16:30") in found
    assert ("time_format", "9:00", "09:00") in found


def test_all_fixes_turn_the_messy_upload_into_the_published_toilet_list():
    schema = SCHEMAS["public_toilets"]
    fixed = apply_fixes(decode(messy_upload()), schema, bbox=DEMO_BBOX)
    assert validate(fixed, schema, bbox=DEMO_BBOX).ok
    toilets = next(d for d in DATASETS if d.schema_key == "public_toilets")
    assert _records(fixed) == _records(toilets.csv_text())


def test_usage_pattern_shape_and_realism():
    usage = demo_usage.usage_pattern("evacuation-sites", today=TODAY)
    assert {days for days, *_ in usage} == set(range(demo_usage.USAGE_DAYS))
    assert {fmt for _, fmt, _, _ in usage} == {"csv", "json", "geojson", "xlsx", "api"}
    assert {ref for _, _, ref, _ in usage} == {"direct", "internal", "search", "external", "app"}
    assert all(count > 0 for *_, count in usage)
    by_format = Counter()
    by_weekday: Counter[bool] = Counter()
    for days, fmt, _, count in usage:
        by_format[fmt] += count
        by_weekday[(TODAY - dt.timedelta(days=days)).weekday() < 5] += count
    assert by_format.most_common(1)[0][0] == "csv"
    assert by_weekday[True] / 5 > 1.5 * by_weekday[False] / 2


def test_popular_datasets_get_more_use_and_datasets_without_location_get_no_geojson():
    def total(seed: str) -> int:
        return sum(count for *_, count in demo_usage.usage_pattern(seed, today=TODAY))

    assert total("evacuation-sites") > 2 * total("public-facilities")
    assert total("aed") > total("cultural-properties")
    assert "geojson" not in {fmt for _, fmt, _, _ in demo_usage.usage_pattern("waste-sorting", today=TODAY)}


def test_usage_pattern_accepts_the_loaders_integer_seed_and_weight():
    light = demo_usage.usage_pattern(seed=1234, weight=0.5, today=TODAY)
    heavy = demo_usage.usage_pattern(seed=1234, weight=3.0, today=TODAY)
    assert sum(c for *_, c in heavy) > 3 * sum(c for *_, c in light)


def _digest() -> str:
    parts = [d.csv_text() for d in DATASETS] + [messy_upload().hex()]
    parts += [repr(demo_usage.usage_pattern(d.slug, today=TODAY)) for d in DATASETS]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def test_output_is_deterministic_across_calls_and_processes():
    first = _digest()
    assert _digest() == first
    code = (
        "import datetime as dt, hashlib; from cityhall.opendata.tests.test_demo_data import _digest; print(_digest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == first
