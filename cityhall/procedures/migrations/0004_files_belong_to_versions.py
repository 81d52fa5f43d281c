"""申請様式 become part of a procedure version and are stored through the core upload gate.

Files attached to a procedure so far stay live: each is attached to every
version that is not superseded (published, scheduled, draft, pending).
"""

import hashlib
from typing import Any

import django.db.models.deletion
from django.core.files.storage import default_storage
from django.db import migrations, models

_KINDS = {
    ".pdf": ("pdf", "application/pdf"),
    ".xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".xls": ("xls", "application/vnd.ms-excel"),
    ".doc": ("doc", "application/msword"),
}


def _facts(path: str) -> tuple[int, str]:
    """Size and SHA-256 of stored bytes; (0, "") when the bytes are gone."""
    try:
        with default_storage.open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return 0, ""
    return len(data), hashlib.sha256(data).hexdigest()


def forwards(apps: Any, schema_editor: Any) -> None:
    procedure_file = apps.get_model("procedures", "ProcedureFile")
    version_model = apps.get_model("procedures", "ProcedureVersion")
    stored_file = apps.get_model("core", "StoredFile")
    for item in procedure_file.objects.filter(version__isnull=True):
        suffix = item.file.name[item.file.name.rfind(".") :].lower()
        kind, content_type = _KINDS.get(suffix, ("pdf", "application/octet-stream"))
        size, sha256 = _facts(item.file.name)
        stored = stored_file.objects.create(
            purpose="procedures.form",
            name=f"{item.title}{suffix}",
            kind=kind,
            content_type=content_type,
            size=size,
            sha256=sha256,
            file=item.file.name,
            uploaded_by_id=item.uploaded_by_id,
            uploaded_at=item.uploaded_at,
        )
        versions = list(version_model.objects.filter(procedure_id=item.procedure_id).exclude(status="superseded"))
        versions = versions or list(
            version_model.objects.filter(procedure_id=item.procedure_id).order_by("-number")[:1]
        )
        if not versions:
            continue
        first, *others = versions
        item.version, item.stored = first, stored
        item.save(update_fields=["version", "stored"])
        for version in others:
            procedure_file.objects.create(
                version=version,
                title=item.title,
                stored=stored,
                procedure_id=item.procedure_id,
                file=item.file.name,
                uploaded_by_id=item.uploaded_by_id,
                uploaded_at=item.uploaded_at,
            )
    procedure_file.objects.filter(version__isnull=True).delete()  # a file of a procedure without versions


def backwards(apps: Any, schema_editor: Any) -> None:
    procedure_file = apps.get_model("procedures", "ProcedureFile")
    for item in procedure_file.objects.select_related("version", "stored"):
        item.procedure_id, item.file = item.version.procedure_id, item.stored.file.name
        item.uploaded_by_id, item.uploaded_at = item.stored.uploaded_by_id, item.stored.uploaded_at
        item.save()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_stored_file"),
        ("procedures", "0003_catalog_version_and_editors"),
    ]

    operations = [
        migrations.AddField(
            model_name="procedurefile",
            name="version",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="files",
                to="procedures.procedureversion",
            ),
        ),
        migrations.AddField(
            model_name="procedurefile",
            name="stored",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.storedfile"
            ),
        ),
        migrations.AlterField(
            model_name="procedurefile",
            name="procedure",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="old_files",
                to="procedures.procedure",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="procedurefile", name="procedure"),
        migrations.RemoveField(model_name="procedurefile", name="file"),
        migrations.RemoveField(model_name="procedurefile", name="uploaded_by"),
        migrations.RemoveField(model_name="procedurefile", name="uploaded_at"),
        migrations.AlterField(
            model_name="procedurefile",
            name="version",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="files", to="procedures.procedureversion"
            ),
        ),
        migrations.AlterField(
            model_name="procedurefile",
            name="stored",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.storedfile"
            ),
        ),
        migrations.AlterModelOptions(
            name="procedurefile",
            options={"ordering": ["title", "id"], "verbose_name": "申請様式", "verbose_name_plural": "申請様式"},
        ),
        migrations.AddConstraint(
            model_name="procedurefile",
            constraint=models.UniqueConstraint(fields=("version", "stored"), name="procedure_file_once_per_version"),
        ),
    ]
