from typing import Any

from django.db import migrations

GRANTS = {"ict_policy": ["outbox"]}


def grant(apps: Any, schema_editor: Any) -> None:
    Role = apps.get_model("accounts", "Role")
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
    dependencies = [("notifications", "0002_caught_email"), ("accounts", "0003_builtin_roles")]

    operations = [migrations.RunPython(grant, revoke)]
