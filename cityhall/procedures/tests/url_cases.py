"""The procedures guide's URLs, public and console (collected by the URL permission matrix)."""

from __future__ import annotations

from typing import Any

from cityhall.core.tests.url_matrix import POLICY, POLICY_POST, PUBLIC, STAFF, STAFF_POST, Case, UrlContext

CASES = {
    "procedures:index": Case("get", None, PUBLIC),
    "procedures:search": Case("get", None, PUBLIC),
    "procedures:category": Case("get", "category", PUBLIC),
    "procedures:detail": Case("get", "procedure_slug", PUBLIC),
    "procedures:download": Case("get", "procedure_file", PUBLIC),
    "procedures:life_events": Case("get", None, PUBLIC),
    "procedures:life_event": Case("get", "event", PUBLIC),
    "procedures:checklist": Case("get", "event", PUBLIC),
    "procedures:checklist_pdf": Case("get", "event", PUBLIC),
    "procedures:departments": Case("get", None, PUBLIC),
    "procedures:department": Case("get", "department_code", PUBLIC),
    # Any procedures module; the procedure belongs to the clerk's division.
    "console:procedures:list": Case("get", None, STAFF),
    "console:procedures:create": Case("get", None, STAFF),
    "console:procedures:edit": Case("get", "procedure", STAFF),
    "console:procedures:submit": Case("post", "procedure", STAFF_POST),
    "console:procedures:file_upload": Case("post", "procedure", STAFF_POST),
    "console:procedures:file_remove": Case("post", "procedure_file_staff", STAFF_POST),
    "console:procedures:review": Case("get", None, STAFF),
    "console:procedures:version": Case("get", "version", STAFF),
    "console:procedures:version_file": Case("get", "version_file", STAFF),
    "console:procedures:gaps": Case("get", None, POLICY),
    "console:procedures:synonyms": Case("get", None, POLICY),
    "console:procedures:synonym_delete": Case("post", "synonym", POLICY_POST),
    "console:procedures:rules_index": Case("get", None, POLICY_POST),  # redirects to the first event's rules
    "console:procedures:rules": Case("get", "event", POLICY),
    "console:procedures:rule_delete": Case("post", "rule", POLICY_POST),
}


def objects(ctx: UrlContext) -> dict[str, dict[str, Any]]:
    from cityhall.procedures import services
    from cityhall.procedures.models import LifeEvent, LifeEventQuestion, LifeEventRule, Synonym
    from tests import sample_files

    version = services.procedure_create(
        actor=ctx.clerk,
        department=ctx.departments["citizens"],
        category="certificates",
        slug="juminhyo-copy",
        content={
            "title": "住民票の写しの交付",
            "summary": "交付します。",
            "channels": [{"kind": "counter", "note": ""}],
        },
    )
    form = services.file_add(
        actor=ctx.clerk,
        procedure=version.procedure,
        title="申請書",
        upload=sample_files.upload("申請書.pdf", sample_files.pdf()),
    )
    services.version_submit(actor=ctx.clerk, version=version)
    services.version_approve(actor=ctx.admin_user, version=version)
    event = LifeEvent.objects.create(slug="moving-in", title="引っ越し")
    LifeEventQuestion.objects.create(event=event, key="kind", text="どちらから？", choices=[["in", "市外から"]])
    rule = LifeEventRule.objects.create(event=event, procedure=version.procedure, conditions={"kind": ["in"]})
    synonym = Synonym.objects.create(words="住民票;住民票の写し")
    return {
        "category": {"category": "certificates"},
        "procedure_slug": {"slug": "juminhyo-copy"},
        "procedure_file": {"slug": "juminhyo-copy", "stored_id": form.stored_id},
        "procedure_file_staff": {"procedure_id": version.procedure_id, "stored_id": form.stored_id},
        "version_file": {"version_id": version.pk, "stored_id": form.stored_id},
        "procedure": {"procedure_id": version.procedure_id},
        "version": {"version_id": version.pk},
        "event": {"slug": "moving-in"},
        "department_code": {"code": "citizens"},
        "synonym": {"synonym_id": synonym.pk},
        "rule": {"rule_id": rule.pk},
    }
