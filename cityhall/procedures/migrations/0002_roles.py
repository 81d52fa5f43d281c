from typing import Any

from django.db import migrations

GRANTS = {
    "department_clerk": ["procedures"],
    "ict_policy": ["procedures", "procedures_admin"],
    "section_chief": ["plans", "procedures", "procedures_approve"],
}


def grant(apps: Any, schema_editor: Any) -> None:
    Role = apps.get_model("accounts", "Role")
    Role.objects.get_or_create(
        code="section_chief",
        defaults={
            "name": "課長",
            "description": "所属課の手続きページの承認、計画の進捗報告",
            "modules": [],
            "is_builtin": True,
        },
    )
    for code, modules in GRANTS.items():
        for role in Role.objects.filter(code=code):
            role.modules = sorted(set(role.modules) | set(modules))
            role.save(update_fields=["modules"])


def revoke(apps: Any, schema_editor: Any) -> None:
    Role = apps.get_model("accounts", "Role")
    for code, modules in GRANTS.items():
        for role in Role.objects.filter(code=code):
            role.modules = [m for m in role.modules if m not in modules]
            role.save(update_fields=["modules"])


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial"), ("accounts", "0003_builtin_roles"), ("plans", "0002_role_grants")]

    operations = [migrations.RunPython(grant, revoke)]
