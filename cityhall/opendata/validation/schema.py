"""Schemas of the 自治体標準オープンデータセット, read from the reference JSON, and header detection."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

Kind = Literal[
    "string", "integer", "number", "date", "time", "lat", "lon", "code6", "phone", "postal",
    "flag_yn", "flag_1", "enum", "list", "url", "email",
]  # fmt: skip

REFERENCE_JSON = Path(__file__).resolve().parent.parent / "reference" / "standard-dataset-schemas.json"
# Other names real files give a column (市区町村コード for 都道府県コード又は市区町村コード, English names…), per
# edition. They seed each column's "synonyms"; from then on they are data the ICT policy division edits.
SYNONYMS_JSON = Path(__file__).resolve().parent.parent / "data" / "header_synonyms.json"

# The columns naming the government that manages and publishes each record (item 1 of both editions). Other
# code columns name where a thing is (所在地_全国地方公共団体コード) or who set it up (市区町村コード), and may
# rightly hold another municipality's code.
PUBLISHER_CODE_COLUMNS = frozenset({"全国地方公共団体コード", "都道府県コード又は市区町村コード"})

# What a fix writes into a column the file did not have when a blank there would mean something (a 1/blank
# flag's blank is 該当なし). It is no value of the column, so the file cannot be published until a person
# fills the column in or confirms it.
UNKNOWN = "不明"

# "1_名称", "1.名称", "No.1 名称", "(1)名称" after NFKC.
_NUMBERING = re.compile(r"^(?:no\.?\s*)?\(?\d+\)?[\s._:、．-]*", re.IGNORECASE)
# Brackets, underscores and spaces differ between files: 建物名等(方書) / 建物名等_方書 / 建物名等（方書）.
_PUNCT = str.maketrans("", "", "()（）[]［］_ 　・-")
_ENUM = re.compile(r"one of: ([^—]+)")


def header_key(header: str) -> str:
    """Key for matching a header: BOM stripped, NFKC (半角ｶﾅ → 全角), numbering and punctuation removed."""
    text = unicodedata.normalize("NFKC", header.replace("\ufeff", "")).strip()
    text = _NUMBERING.sub("", text)
    return text.translate(_PUNCT).casefold()


@dataclass(frozen=True, slots=True)
class ColumnRule:
    name: str
    kind: Kind
    required: bool
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    unique: bool = False
    parts: tuple[str, ...] = ()  # the columns this count is the sum of (see _parts_of_totals)

    @property
    def blank_is_value(self) -> bool:
        """Whether a blank cell states something (1/blank flags: blank = 該当なし), so blank cannot mean unknown."""
        return self.kind == "flag_1"


@dataclass(frozen=True, slots=True)
class Schema:
    key: str
    name_ja: str
    edition: str
    status: str
    columns: tuple[ColumnRule, ...]

    def column(self, name: str) -> ColumnRule:
        for rule in self.columns:
            if rule.name == name:
                return rule
        raise KeyError(name)

    def alias_map(self) -> dict[str, str]:
        """header_key → column name; Japanese names win over physical names, which win over English names."""
        found: dict[str, str] = {}
        for rule in self.columns:
            found.setdefault(header_key(rule.name), rule.name)
        for rule in self.columns:
            for alias in rule.aliases:
                found.setdefault(header_key(alias), rule.name)
        return found


def _code_kind(fmt: str) -> tuple[Kind, tuple[str, ...]]:
    match = _ENUM.search(fmt)
    choices = tuple(part.strip() for part in match.group(1).split("|")) if match else ()
    kind: Kind = "enum" if choices else "string"
    if "[0-9]{6}" in fmt:
        kind, choices = "code6", ()
    elif "'1'" in fmt or "1 | ''" in fmt:
        kind, choices = "flag_1", ()
    elif set(choices) == {"有", "無"}:
        kind = "flag_yn"
    return kind, choices


def _kind(column: Mapping[str, Any]) -> tuple[Kind, tuple[str, ...]]:
    declared = str(column["type"])
    fmt = str(column.get("format") or "")
    name = str(column["name"])
    if declared == "code":
        return _code_kind(fmt)
    if "郵便番号" in name:
        return "postal", ()
    if "';'" in fmt:
        return "list", ()
    simple: dict[str, Kind] = {
        "integer": "integer", "number": "number", "date": "date", "time": "time", "lat": "lat", "lon": "lon",
        "phone": "phone", "url": "url", "email": "email",
    }  # fmt: skip
    return simple.get(declared, "string"), ()


def schema_from_entry(key: str, entry: Mapping[str, Any]) -> Schema:
    rules = []
    for column in entry["columns"]:
        kind, choices = _kind(column)
        aliases = [str(column[field]) for field in ("physical_name",) if column.get(field)]
        # english_name is skipped where the source is marked uncertain (shifted rows in the toilet sheet).
        if column.get("english_name") and not column.get("uncertain"):
            aliases.append(str(column["english_name"]))
        aliases.extend(str(synonym) for synonym in column.get("synonyms") or ())
        rules.append(
            ColumnRule(
                name=str(column["name"]),
                kind=kind,
                required=column.get("required") is True,
                aliases=tuple(aliases),
                choices=choices,
                unique=column["name"] in ("ID", "NO"),
            )
        )
    return Schema(
        key=key,
        name_ja=str(entry["name_ja"]),
        edition=str(entry["edition"]),
        status=str(entry["status"]),
        columns=_parts_of_totals(rules),
    )


def _parts_of_totals(rules: list[ColumnRule]) -> tuple[ColumnRule, ...]:
    """Counts named "<X>総数" with counts named "<X>数（…）" beside them: the standard describes the latter as
    kinds within the former (男性トイレ総数 = 数（小便器）+ 数（和式）+ 数（洋式）, 便座単位), so the total is their sum."""
    counts = [rule.name for rule in rules if rule.kind == "integer"]
    found = []
    for rule in rules:
        prefix = rule.name.removesuffix("総数")
        parts = () if prefix == rule.name or rule.kind != "integer" else _kinds_of(prefix, counts)
        found.append(replace(rule, parts=parts) if parts else rule)
    return tuple(found)


def _kinds_of(prefix: str, counts: list[str]) -> tuple[str, ...]:
    pattern = re.compile(re.escape(prefix) + r"数[（(].+[）)]")
    return tuple(name for name in counts if pattern.fullmatch(name))


def load_schemas(path: Path | str = REFERENCE_JSON) -> dict[str, Schema]:
    """The reference definitions as the product seeds them (header synonyms included)."""
    with Path(path).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    seed = load_synonyms()
    return {
        key: schema_from_entry(
            key, {**entry, "columns": with_synonyms(entry["columns"], seed.get(entry["edition"], {}))}
        )
        for key, entry in data.items()
    }


def load_synonyms(path: Path | str = SYNONYMS_JSON) -> dict[str, dict[str, list[str]]]:
    """edition → column name → synonyms. Raises ValueError when the file is not of that shape."""
    with Path(path).open(encoding="utf-8") as handle:
        data: Any = json.load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected an object of editions")
    for edition, columns in data.items():
        if not isinstance(columns, dict) or not all(
            isinstance(names, list) and all(isinstance(n, str) and n.strip() for n in names)
            for names in columns.values()
        ):
            raise ValueError(f"{path}: {edition} must map column names to lists of synonyms")
    return data


def with_synonyms(columns: Sequence[Mapping[str, Any]], seed: Mapping[str, Sequence[str]]) -> list[dict[str, Any]]:
    """`columns` with the seed's synonyms on each column that has no "synonyms" of its own yet (a column that
    has them, even none, was set by staff or carried over from the database: it is left as it is)."""
    return [
        dict(column)
        if "synonyms" in column or column["name"] not in seed
        else {**column, "synonyms": list(seed[column["name"]])}
        for column in columns
    ]


def map_header(header: Sequence[str], schema: Schema) -> list[str | None]:
    """For each file column, the schema column it holds (None when the header is not in the schema)."""
    aliases = schema.alias_map()
    return [aliases.get(header_key(cell)) for cell in header]


def delimiter_problem(header: Sequence[str]) -> str | None:
    """A message for the clerk when the header (read as comma-separated) was written with tabs or semicolons."""
    joined = ",".join(header)
    for delimiter, name in (("\t", "タブ"), (";", "セミコロン（;）")):
        if joined.count(delimiter) > len(header) - 1:
            return (
                f"区切り文字が{name}です。このサイトはコンマ（,）区切りのCSVを受け付けます。"
                "Excelで開き「CSV UTF-8（コンマ区切り）」で保存し直してください。"
            )
    return None


def detect(header: Sequence[str], schemas: Mapping[str, Schema]) -> tuple[Schema, list[str | None]]:
    """The schema (current or legacy scheme, any dataset) whose columns the header overlaps most.

    Ties go to the schema with fewer columns (the closer fit), then to the current edition. Raises ValueError
    (message for the clerk) when no schema shares a column with the header.
    """
    best: tuple[int, int, int] | None = None
    chosen: tuple[Schema, list[str | None]] | None = None
    for schema in schemas.values():
        mapping = map_header(header, schema)
        hits = len({name for name in mapping if name is not None})
        score = (hits, -len(schema.columns), schema.edition == "current")
        if best is None or score > best:
            best, chosen = (score[0], score[1], int(score[2])), (schema, mapping)
    if chosen is None or best is None or best[0] == 0:
        raise ValueError(
            delimiter_problem(header)
            or "見出し行がどの標準データセットの項目とも一致しません。1行目に項目名があるか確認してください。"
        )
    return chosen
