"""Progress evidence is stored through the core upload gate (StoredFile) and served with its decided type.

Existing evidence files keep their stored path; their kind comes from the extension
they were accepted with (the gate only checks new uploads).
"""

import hashlib
from pathlib import PurePath
from typing import Any

import django.db.models.deletion
from django.core.files.storage import default_storage
from django.db import migrations, models

_KINDS = {
    ".pdf": ("pdf", "application/pdf"),
    ".xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".csv": ("csv", "text/csv; charset=utf-8"),
    ".txt": ("text", "text/plain; charset=utf-8"),
    ".png": ("png", "image/png"),
    ".jpg": ("jpeg", "image/jpeg"),
    ".jpeg": ("jpeg", "image/jpeg"),
}


def _facts(path: str) -> tuple[int, str]:
    try:
        with default_storage.open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return 0, ""
    return len(data), hashlib.sha256(data).hexdigest()


def forwards(apps: Any, schema_editor: Any) -> None:
    report_model = apps.get_model("plans", "ProgressReport")
    stored_file = apps.get_model("core", "StoredFile")
    for report in report_model.objects.exclude(evidence=""):
        path = report.evidence.name
        kind, content_type = _KINDS.get(PurePath(path).suffix.lower(), ("pdf", "application/octet-stream"))
        size, sha256 = _facts(path)
        report.evidence_file = stored_file.objects.create(
            purpose="plans.evidence",
            name=PurePath(path).name,
            kind=kind,
            content_type=content_type,
            size=size,
            sha256=sha256,
            file=path,
            uploaded_by_id=report.reported_by_id,
            uploaded_at=report.reported_at,
        )
        report.save(update_fields=["evidence_file"])


def backwards(apps: Any, schema_editor: Any) -> None:
    report_model = apps.get_model("plans", "ProgressReport")
    for report in report_model.objects.filter(evidence_file__isnull=False).select_related("evidence_file"):
        report.evidence = report.evidence_file.file.name
        report.save(update_fields=["evidence"])


class Migration(migrations.Migration):
    dependencies = [("core", "0002_stored_file"), ("plans", "0004_score_rule")]

    operations = [
        migrations.AddField(
            model_name="progressreport",
            name="evidence_file",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.storedfile",
                verbose_name="根拠資料",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="progressreport", name="evidence"),
        migrations.RenameField(model_name="progressreport", old_name="evidence_file", new_name="evidence"),
    ]
