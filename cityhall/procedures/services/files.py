"""The downloadable 申請様式 of a procedure: added to and taken out of its draft."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_save, snapshot
from cityhall.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from cityhall.core.uploads import MB, UploadPolicy, stored_file_create, stored_file_delete
from cityhall.procedures.models import Procedure, ProcedureFile, ProcedureVersion
from cityhall.procedures.permissions import can_edit
from cityhall.procedures.services.versions import mark_edited, open_draft

FORM_FILES = UploadPolicy(
    purpose="procedures.form", what=_("様式"), kinds=("pdf", "xlsx", "docx", "xls", "doc"), max_bytes=10 * MB
)


@transaction.atomic
def file_add(
    *, actor: Actor, procedure: Procedure, title: str, upload: UploadedFile, request: HttpRequest | None = None
) -> ProcedureFile:
    """Add a downloadable 申請様式 to the procedure's draft; residents see it once the draft is approved.

    Opens a draft if none is open. The file passes the upload gate (PDF, Excel, Word; at most
    10 MB; proven by opening it) and is stored. Audited.
    Raises PermissionDeniedError, InvalidInputError (UploadRejectedError), ConflictError.
    """
    if not can_edit(actor, procedure.department_id):
        raise PermissionDeniedError("所属課の手続きのみ様式を掲載できます。")
    title = title.strip()
    if not title:
        raise InvalidInputError("様式名を入力してください。")
    draft, _before = open_draft(procedure, actor)
    stored = stored_file_create(upload=upload, policy=FORM_FILES, actor=actor)
    item = ProcedureFile(version=draft, title=title, stored=stored)
    audited_save(
        actor=actor, action="procedures.file_add", target=item, department_id=procedure.department_id, request=request
    )
    mark_edited(draft, actor)
    draft.save()
    return item


@transaction.atomic
def file_remove(
    *, actor: Actor, procedure: Procedure, stored_id: int, request: HttpRequest | None = None
) -> ProcedureVersion:
    """Take a 様式 out of the procedure's draft (the published page keeps it until the draft is approved).

    Opens a draft if none is open; the stored file is deleted when no version uses it any more.
    Audited. Raises PermissionDeniedError, NotFoundError, ConflictError.
    """
    if not can_edit(actor, procedure.department_id):
        raise PermissionDeniedError("所属課の手続きのみ様式を削除できます。")
    draft, _before = open_draft(procedure, actor)
    item = draft.files.select_related("stored").filter(stored_id=stored_id).first()
    if item is None:
        raise NotFoundError("指定された様式は下書きにありません。")
    audit_record(
        actor=actor,
        action="procedures.file_remove",
        target=item,
        before=snapshot(item),
        department_id=procedure.department_id,
        request=request,
    )
    stored = item.stored
    item.delete()
    mark_edited(draft, actor)
    draft.save()
    if not ProcedureFile.objects.filter(stored=stored).exists():
        stored_file_delete(stored)  # only ever in this draft: nobody was shown it
    return draft
