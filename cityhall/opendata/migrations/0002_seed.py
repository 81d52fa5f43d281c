"""Seed the dataset definitions from the reference JSON, the categories, and the role grants."""

import json
from pathlib import Path
from typing import Any

from django.db import migrations

REFERENCE = Path(__file__).resolve().parent.parent / "reference" / "standard-dataset-schemas.json"

GROUPS = [
    ("bousai", "防災・安全", "Disaster prevention and safety"),
    ("kenkou", "健康・福祉", "Health and welfare"),
    ("kosodate", "子育て・教育", "Child care and education"),
    ("kankou", "観光・文化", "Tourism and culture"),
    ("kurashi", "くらし・環境", "Living and environment"),
    ("gyousei", "行政・統計", "Administration and statistics"),
]

GRANTS = {
    "department_clerk": ["opendata"],
    "section_chief": ["opendata"],
    "ict_policy": ["opendata", "opendata_admin"],
}


def seed(apps: Any, schema_editor: Any) -> None:
    SchemaDefinition = apps.get_model("opendata", "SchemaDefinition")
    Group = apps.get_model("opendata", "Group")
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    for key, entry in data.items():
        SchemaDefinition.objects.get_or_create(
            key=key,
            defaults={
                "name_ja": entry["name_ja"],
                "edition": entry["edition"],
                "status": entry.get("status", ""),
                "source": entry.get("source", ""),
                "columns": entry["columns"],
            },
        )
    for order, (slug, title, title_en) in enumerate(GROUPS):
        Group.objects.get_or_create(slug=slug, defaults={"title": title, "title_en": title_en, "sort_order": order})
    Role = apps.get_model("accounts", "Role")
    for code, modules in GRANTS.items():
        for role in Role.objects.filter(code=code):
            role.modules = sorted(set(role.modules) | set(modules))
            role.save(update_fields=["modules"])


def unseed(apps: Any, schema_editor: Any) -> None:
    Role = apps.get_model("accounts", "Role")
    for code, modules in GRANTS.items():
        for role in Role.objects.filter(code=code):
            role.modules = [m for m in role.modules if m not in modules]
            role.save(update_fields=["modules"])


class Migration(migrations.Migration):
    dependencies = [("opendata", "0001_initial"), ("procedures", "0002_roles")]

    operations = [migrations.RunPython(seed, unseed)]
