"""Open-data CSV validation: cityhall's compiled validator against frictionless-py, same file, same run.

Generates ROWS (default 1,000,000) realistic 公衆トイレ一覧 rows (all 39 columns of the 20260801 sheet,
seeded random) with errors seeded at a known rate (--error-rate, default 0.005 of rows) into a temporary
UTF-8 file. Then:

* cityhall: read bytes, `decode`, `validate` against the `public_toilets` schema (all rows);
* peer: frictionless-py `validate` with an equivalent Table Schema (types, required, pattern for the
  6-digit code / hh:mm times, enum for 有/無, minimum/maximum for 緯度/経度, unique for ID). frictionless is
  far slower, so it validates only the first --peer-rows rows (default 100,000; it says so) and the ratio is
  computed per row.

Prints rows/s for both, the ratio, and per overlapping rule how many (row, rule) findings both tools agree
on, within the rows both checked. Rules only cityhall has (check digit, swapped coordinates, formula cells,
line breaks) are counted separately. Run: `python bench/validate.py [--rows N] [--peer-rows N] [--seed S]`.

Last measured (2-core dev machine, Python 3.11, frictionless 5.21.0, defaults, four runs): cityhall 248,807 to
287,538 rows/s (1,000,000 rows in 3.5 to 4.0 s, decode included), frictionless 19,014 to 20,347 rows/s: 13.1x
to 14.3x. All 462 overlapping (row, rule) findings in the first 100,000 rows agree, none found by one tool
only. Before the block reader (csv.reader plus zip per 256 rows): 107,392 to 122,867 rows/s, 5.3x to 6.0x.
The two tools slow down together when the machine is busy; compare the ratio, not the rows/s.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cityhall.core.municipality_code import check_digit
from cityhall.opendata.validation import Report, decode, load_schemas, validate

KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
PLACES = [
    "駅前",
    "中央公園",
    "市民広場",
    "河川敷",
    "運動公園",
    "図書館前",
    "バスターミナル",
    "観光案内所",
    "海浜公園",
    "城址公園",
]
WARDS = [("01100", "北海道", "札幌市中央区"), ("09201", "栃木県", "宇都宮市"), ("13101", "東京都", "千代田区"),
         ("27100", "大阪府", "大阪市"), ("40130", "福岡県", "福岡市")]  # fmt: skip
ERRORS = [
    "code_missing_digit",
    "swapped",
    "bad_time",
    "duplicate_id",
    "formula",
    "lat_out",
    "bad_flag",
    "bad_count",
    "no_name",
]
# rule → (cityhall codes, frictionless field names)
OVERLAP = {
    "code6": (
        {"code6_check_digit_missing", "code6_format", "code6_leading_zero", "width"},
        {"全国地方公共団体コード", "所在地_全国地方公共団体コード"},
    ),
    "latlon": ({"latlon_swapped", "lat_range", "lon_range", "lat_format", "lon_format"}, {"緯度", "経度"}),
    "time": ({"time_invalid", "time_format"}, {"利用開始時間", "利用終了時間"}),
    "id_unique": ({"id_duplicate"}, {"ID"}),
    "required": ({"required_empty"}, {"名称", "所在地_連結表記", "設置位置"}),
    "flag": ({"flag_value"}, {"車椅子使用者用トイレ有無", "乳幼児用設備設置トイレ有無", "オストメイト設置トイレ有無"}),
    "integer": ({"integer_format", "count_blank"}, set()),  # fields filled in below
}


def generate(path: Path, rows: int, rate: float, seed: int) -> Counter[str]:
    rng = random.Random(seed)
    schema = load_schemas()["public_toilets"]
    names = [rule.name for rule in schema.columns]
    seeded: Counter[str] = Counter()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(names)
        for n in range(rows):
            code5, pref, city = WARDS[n % len(WARDS)]
            code = code5 + check_digit(code5)
            place = rng.choice(PLACES)
            lat, lon = 35.0 + rng.random() * 8, 135.0 + rng.random() * 7
            counts = _toilet_counts(rng)
            row = [code, f"LL{n:010d}", f"{pref}{city}", f"{place}公衆トイレ{n}", "".join(rng.choices(KANA, k=8)),
                   f"Public Toilet {n}", code, f"{rng.randint(1, 9999):04d}{rng.randint(1, 30):03d}",
                   f"{pref}{city}本町{rng.randint(1, 9)}丁目{rng.randint(1, 30)}-{rng.randint(1, 20)}", pref, city,
                   f"本町{rng.randint(1, 9)}丁目", f"{rng.randint(1, 30)}-{rng.randint(1, 20)}", "",
                   rng.choice(["入口横", "2階", "駐車場側", "改札外"]), f"{lat:.6f}", f"{lon:.6f}", "階数",
                   str(rng.randint(1, 3)), *counts, rng.choice("有無"), rng.choice("有無"), rng.choice("有無"),
                   f"{rng.randint(5, 10):02d}:00", f"{rng.randint(17, 23):02d}:{rng.choice(['00', '30'])}", "",
                   f"https://www.city.example.lg.jp/img/{n}.jpg", "PDL1.0", ""]  # fmt: skip
            if n > 1000 and rng.random() < rate:
                error = rng.choice(ERRORS)
                seeded[error] += 1
                if error == "code_missing_digit":
                    row[0] = code5 if code5[0] != "0" else code5[1:]
                elif error == "swapped":
                    row[15], row[16] = row[16], row[15]
                elif error == "bad_time":
                    row[33] = "25:00"
                elif error == "duplicate_id":
                    row[1] = f"LL{n - rng.randint(1, 1000):010d}"
                elif error == "formula":
                    row[38] = "=1+1"
                elif error == "lat_out":
                    row[15] = "12.500000"
                elif error == "bad_flag":
                    row[30] = "不明"
                elif error == "bad_count":
                    row[19] = "3個"
                else:
                    row[3] = ""
            writer.writerow(row)
    return seeded


def _toilet_counts(rng: random.Random) -> list[str]:
    """男性・女性・男女共用: each total followed by its parts (it is their sum, as in real files); then バリアフリー."""
    counts: list[int] = []
    for parts in (3, 2, 2):
        split = [rng.randint(0, 2) for _ in range(parts)]
        counts += [sum(split), *split]
    return [str(n) for n in [*counts, rng.randint(0, 2)]]


def table_schema(int_fields: set[str]) -> dict[str, object]:
    schema = load_schemas()["public_toilets"]
    fields: list[dict[str, object]] = []
    for rule in schema.columns:
        constraints: dict[str, object] = {}
        kind = "string"
        if rule.required:
            constraints["required"] = True
        if rule.kind == "code6":
            constraints["pattern"] = "[0-9]{6}"
        elif rule.kind == "time":
            constraints["pattern"] = "([01][0-9]|2[0-3]):[0-5][0-9]"
        elif rule.kind == "flag_yn":
            constraints["enum"] = ["有", "無"]
        elif rule.kind == "lat":
            kind, constraints["minimum"], constraints["maximum"] = "number", 20, 46
        elif rule.kind == "lon":
            kind, constraints["minimum"], constraints["maximum"] = "number", 122, 154
        elif rule.kind == "integer":
            kind, constraints["minimum"] = "integer", 0
            int_fields.add(rule.name)
        elif rule.kind == "number":
            kind = "number"
        if rule.unique:
            constraints["unique"] = True
        fields.append({"name": rule.name, "type": kind, "constraints": constraints})
    return {"fields": fields, "missingValues": [""]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--peer-rows", type=int, default=100_000)
    parser.add_argument("--error-rate", type=float, default=0.005)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from frictionless import Resource, Schema

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "092011_public_toilet.csv"
        started = time.perf_counter()
        seeded = generate(path, args.rows, args.error_rate, args.seed)
        print(
            f"generated {args.rows:,} rows x 39 columns ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s"
        )
        print(f"seeded errors (rate {args.error_rate}): {sum(seeded.values()):,} {dict(sorted(seeded.items()))}")

        started = time.perf_counter()
        report = validate(decode(path.read_bytes()), load_schemas()["public_toilets"])
        ours_s = time.perf_counter() - started
        ours_rate = report.rows_checked / ours_s
        print(
            f"\ncityhall  : {report.rows_checked:,} rows in {ours_s:.2f} s = {ours_rate:,.0f} rows/s (decode + validate)"
        )
        print(f"            problems by code: {dict(sorted(report.counts.items()))}")
        if sum(report.counts.values()) > len(report.problems):
            print("            NOTE: stored problem list truncated; agreement below uses stored problems only")

        int_fields: set[str] = set()
        descriptor = table_schema(int_fields)
        OVERLAP["integer"] = (OVERLAP["integer"][0], int_fields)
        peer_rows = min(args.peer_rows, args.rows)
        resource = Resource(
            path=path.name, basepath=tmp, format="csv", encoding="utf-8", schema=Schema.from_descriptor(descriptor)
        )
        started = time.perf_counter()
        peer = resource.validate(limit_rows=peer_rows, limit_errors=10**9)
        peer_s = time.perf_counter() - started
        peer_rate = peer_rows / peer_s
        note = "" if peer_rows == args.rows else f" (first {peer_rows:,} rows only: too slow for the full file)"
        print(f"frictionless {_version()}: {peer_rows:,} rows in {peer_s:.2f} s = {peer_rate:,.0f} rows/s{note}")
        print(f"\nratio (rows/s, cityhall / frictionless): {ours_rate / peer_rate:.1f}x")

        print_agreement(report, peer, peer_rows + 1)


def print_agreement(report: Report, peer: Any, last_row: int) -> None:
    """(row, rule) findings of both tools on the overlapping rules, within rows 2..last_row."""
    peer_found: set[tuple[int, str]] = set()
    peer_types: Counter[str] = Counter()
    for error in peer.tasks[0].errors:
        peer_types[error.type] += 1
        row, field = getattr(error, "row_number", None), getattr(error, "field_name", None)
        for rule, (_, fields) in OVERLAP.items():
            if row is not None and field in fields:
                peer_found.add((row, rule))
    ours_found: set[tuple[int, str]] = set()
    for problem in report.problems:
        if problem.row <= last_row:
            for rule, (codes, fields) in OVERLAP.items():
                if problem.code in codes and (problem.column in fields or rule == "latlon"):
                    ours_found.add((problem.row, rule))
    print(f"frictionless error types: {dict(peer_types)}")
    for error in peer.tasks[0].errors:
        if error.type == "resource-error":
            print(f"  {error.message}")
    print(f"\nagreement on overlapping rules, rows 2..{last_row:,} (row, rule) pairs:")
    print(f"  {'rule':10} {'cityhall':>9} {'frictionless':>13} {'both':>6} {'only ours':>10} {'only peer':>10}")
    for rule in OVERLAP:
        a = {r for r, k in ours_found if k == rule}
        b = {r for r, k in peer_found if k == rule}
        print(f"  {rule:10} {len(a):9,} {len(b):13,} {len(a & b):6,} {len(a - b):10,} {len(b - a):10,}")
    total_a, total_b = ours_found, peer_found
    print(
        f"  {'total':10} {len(total_a):9,} {len(total_b):13,} {len(total_a & total_b):6,} {len(total_a - total_b):10,} {len(total_b - total_a):10,}"
    )
    only = Counter(
        p.code for p in report.problems if p.row <= last_row and not any(p.code in c for c, _ in OVERLAP.values())
    )
    print(f"cityhall-only rules in those rows (no Table Schema equivalent): {dict(only)}")


def _version() -> str:
    import frictionless

    return str(getattr(frictionless, "__version__", "?"))


if __name__ == "__main__":
    main()
