"""Write use cases of the procedures guide and portal. Every staff write is audited.

Split by use case: `versions` (procedures, drafts, approval and publishing), `files`
(申請様式 of a draft) and `portal` (synonyms, life-event rules).
Other apps and the tests use the names re-exported here: `services.version_approve(...)`.
"""

from __future__ import annotations

from cityhall.procedures.services.files import FORM_FILES, file_add, file_remove
from cityhall.procedures.services.portal import (
    rule_delete,
    rule_save,
    synonym_delete,
    synonym_save,
)
from cityhall.procedures.services.versions import (
    CONTENT_FIELDS,
    catalog_changed,
    draft_save,
    procedure_create,
    publish_due,
    version_approve,
    version_return,
    version_submit,
    wrote,
)

__all__ = [
    "CONTENT_FIELDS",
    "FORM_FILES",
    "catalog_changed",
    "draft_save",
    "file_add",
    "file_remove",
    "procedure_create",
    "publish_due",
    "rule_delete",
    "rule_save",
    "synonym_delete",
    "synonym_save",
    "version_approve",
    "version_return",
    "version_submit",
    "wrote",
]
