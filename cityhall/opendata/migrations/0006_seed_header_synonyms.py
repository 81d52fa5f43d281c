"""Give each definition's columns the header synonyms of data/header_synonyms.json (columns without any yet)."""

import json
from pathlib import Path
from typing import Any

from django.db import migrations

SYNONYMS = Path(__file__).resolve().parent.parent / "data" / "header_synonyms.json"


def seed(apps: Any, schema_editor: Any) -> None:
    SchemaDefinition = apps.get_model("opendata", "SchemaDefinition")
    data = json.loads(SYNONYMS.read_text(encoding="utf-8"))
    for definition in SchemaDefinition.objects.all():
        by_name = data.get(definition.edition, {})
        columns = [
            {**column, "synonyms": by_name[column["name"]]}
            if "synonyms" not in column and column.get("name") in by_name
            else column
            for column in definition.columns
        ]
        if columns != definition.columns:
            definition.columns = columns
            definition.save(update_fields=["columns"])


class Migration(migrations.Migration):
    dependencies = [("opendata", "0005_upload_confirmations")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
