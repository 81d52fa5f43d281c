"""Taking in a revised reference JSON of the standard's definitions without losing staff corrections.

The reference JSON only seeds the definitions; afterwards they are data that the ICT policy division
corrects in the console. When デジタル庁 revises the standard, a newer JSON is loaded with
`manage.py opendata_schemas <file>`: new definitions are added, untouched ones are updated, and a
definition that staff have corrected is kept (and reported) unless `replace` is asked for.

Header synonyms are not part of the standard but this site's knowledge of real files, so they are never
taken from the file: each column keeps the synonyms it has in the database (matched by name), even with
`replace`, and a column new to the database gets those of data/header_synonyms.json. Editing only synonyms
(audited as `opendata.schema.synonyms`) does not count as a correction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from cityhall.core import selectors as core_selectors
from cityhall.core.audit import audit_record, audited_update, snapshot
from cityhall.core.errors import InvalidInputError
from cityhall.opendata.models import SchemaDefinition
from cityhall.opendata.validation import load_synonyms, with_synonyms

_FIELDS = ("name_ja", "edition", "status", "source", "columns")


@dataclass
class SchemaUpdateReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # corrected by staff: left as they are


def _entry_fields(key: str, entry: Any) -> dict[str, Any]:
    if not isinstance(entry, dict) or not isinstance(entry.get("columns"), list) or not entry.get("name_ja"):
        raise InvalidInputError(f"定義「{key}」に name_ja か columns がありません。")
    if entry.get("edition") not in SchemaDefinition.Edition.values:
        raise InvalidInputError(f"定義「{key}」の edition は current か legacy にしてください。")
    for column in entry["columns"]:
        if not isinstance(column, dict) or not str(column.get("name", "")).strip() or not column.get("type"):
            raise InvalidInputError(f"定義「{key}」に name か type のない項目があります。")
    return {
        "name_ja": str(entry["name_ja"]),
        "edition": str(entry["edition"]),
        "status": str(entry.get("status", "")),
        "source": str(entry.get("source", "")),
        "columns": entry["columns"],
    }


def _keep_synonyms(
    columns: list[dict[str, Any]], current: SchemaDefinition | None, seed: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """The file's columns, each with the synonyms its namesake has in the database (or, new, the seed's)."""
    kept = {str(c["name"]): c["synonyms"] for c in (current.columns if current else []) if "synonyms" in c}
    columns = [{k: v for k, v in column.items() if k != "synonyms"} for column in columns]
    return with_synonyms([{**c, "synonyms": kept[c["name"]]} if c["name"] in kept else c for c in columns], seed)


def schemas_update_from_reference(path: Path | str, *, replace: bool = False) -> SchemaUpdateReport:
    """Load a reference JSON (the shape of opendata/reference/standard-dataset-schemas.json). All or nothing."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInputError(f"定義ファイルを読み込めません: {error}") from None
    if not isinstance(data, dict) or not data:
        raise InvalidInputError("定義ファイルは「キー → 定義」のJSONオブジェクトにしてください。")
    wanted = {str(key): _entry_fields(str(key), entry) for key, entry in data.items()}
    corrected = core_selectors.audited_object_ids(action="opendata.schema.update")
    seed = load_synonyms()
    report = SchemaUpdateReport()
    with transaction.atomic():
        for key, fields in sorted(wanted.items()):
            current = SchemaDefinition.objects.select_for_update().filter(key=key).first()
            fields["columns"] = _keep_synonyms(fields["columns"], current, seed.get(fields["edition"], {}))
            if current is None:
                created = SchemaDefinition.objects.create(key=key, **fields)
                audit_record(actor=None, action="opendata.schema.create", target=created, after=snapshot(created))
                report.added.append(key)
            elif all(getattr(current, name) == value for name, value in fields.items()):
                report.unchanged.append(key)
            elif str(current.pk) in corrected and not replace:
                report.kept.append(key)
            else:
                audited_update(
                    actor=None,
                    action="opendata.schema.update",
                    target=current,
                    changes={**fields, "updated_at": timezone.now()},
                )
                report.updated.append(key)
    return report
