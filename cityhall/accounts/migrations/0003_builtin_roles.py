from typing import Any

from django.db import migrations

# Built-in roles. Later modules add their keys to these roles in their own
# data migrations; administrators can change the module lists in the console.
BUILTIN_ROLES = [
    ("administrator", "システム管理者", "すべてのモジュールと組織・職員の管理", ["*"]),
    ("ict_policy", "情報政策課", "計画の推進、監査ログ、API連携", ["audit", "api_tokens"]),
    ("department_clerk", "担当課職員", "所属課の業務", []),
    ("counter_staff", "窓口職員", "窓口業務", []),
    ("committee_member", "委員会委員", "委員会資料の閲覧", []),
]


def create_roles(apps: Any, schema_editor: Any) -> None:
    Role = apps.get_model("accounts", "Role")
    for code, name, description, modules in BUILTIN_ROLES:
        Role.objects.update_or_create(
            code=code,
            defaults={"name": name, "description": description, "modules": modules, "is_builtin": True},
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial")]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
