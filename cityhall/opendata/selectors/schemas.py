"""Reads of the dataset definitions (標準データセット): validator schemas from the stored definitions."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence

from django.db.models import QuerySet

from cityhall.core.errors import NotFoundError
from cityhall.opendata.models import Dataset, SchemaDefinition, Upload
from cityhall.opendata.validation import ColumnRule, Schema, detect, map_header
from cityhall.opendata.validation.schema import schema_from_entry


def schema_of(definition: SchemaDefinition) -> Schema:
    return schema_from_entry(
        definition.key,
        {
            "name_ja": definition.name_ja,
            "edition": definition.edition,
            "status": definition.status,
            "columns": definition.columns,
        },
    )


def schema_family(definition: SchemaDefinition) -> dict[str, Schema]:
    """The definition and its other edition (current ↔ legacy), so either column scheme is accepted."""
    base = definition.key.removesuffix("_legacy")
    rows = SchemaDefinition.objects.filter(key__in=[base, f"{base}_legacy"], is_active=True)
    family = {row.key: schema_of(row) for row in rows}
    family[definition.key] = schema_of(definition)
    return family


def generic_schema(header: Sequence[str]) -> Schema:
    """For datasets outside the standard: every column is optional text (duplicates and formulas still found)."""
    seen: list[str] = []
    for cell in header:
        name = unicodedata.normalize("NFKC", cell.replace("\ufeff", "")).strip()
        if name and name not in seen:
            seen.append(name)
    return Schema(
        key="generic",
        name_ja="（標準データセット以外）",
        edition="",
        status="",
        columns=tuple(ColumnRule(name=n, kind="string", required=False) for n in seen),
    )


def published_standard(dataset: Dataset) -> SchemaDefinition | None:
    """The definition the published data follows: that of the current version's file (its header's edition,
    current or legacy), not the one the dataset was created with; None for data outside the standard."""
    return dataset.current.schema if dataset.current is not None else None


def schema_definitions() -> QuerySet[SchemaDefinition]:
    return SchemaDefinition.objects.order_by("edition", "name_ja")


def schema_get(*, key: str) -> SchemaDefinition:
    try:
        return SchemaDefinition.objects.get(key=key)
    except SchemaDefinition.DoesNotExist:
        raise NotFoundError("データセット定義が見つかりません。") from None


def header_is_untidy(upload: Upload) -> bool:
    """True when the file's header differs from the standard's names or order (numbered, 半角カナ or English
    headers, columns moved, unknown columns in between): the clerk is offered to tidy it before publishing."""
    if upload.schema_key in ("", "generic") or not upload.header:
        return False
    definition = SchemaDefinition.objects.filter(key=upload.schema_key).first()
    if definition is None:
        return False
    schema = schema_of(definition)
    mapped = map_header(upload.header, schema)
    known = [name for name in mapped if name is not None]
    order = {rule.name: i for i, rule in enumerate(schema.columns)}
    renamed = any(name is not None and name != cell for cell, name in zip(upload.header, mapped, strict=True))
    moved = [order[name] for name in known] != sorted(order[name] for name in known)
    unknown_inside = None in mapped[: len(known)] if known else False
    return renamed or moved or unknown_inside


def schema_for_upload(upload: Upload, text: str) -> Schema:
    """The dataset's standard schema (current or legacy scheme, detected from the header) or a generic one."""
    header = next(csv.reader(io.StringIO(text[:65536], newline="")), [])
    definition = upload.dataset.schema
    if definition is None:
        return generic_schema(header)
    family = schema_family(definition)
    try:
        schema, _mapping = detect(header, family)
    except ValueError:
        return family[definition.key]
    return schema
