"""Write use cases of the open data catalogue. Every staff write is audited.

- `datasets`: datasets, withdrawing an earlier version, dataset definitions and the catalogue settings;
- `uploads`: receiving a file, checking it, queueing fixes, discarding it;
- `publishing`: publishing a checked upload, and resuming what a crash left half-way (its docstring says
  why every step is safe to run again);
- `data_requests`: requests for data from the public, and the staff's answers;
- `usage`: the download and API counters.

Callers import this package (`from cityhall.opendata import services`). The constants are re-exported
for reading; a test that changes one patches the submodule that reads it (`services.uploads`,
`services.publishing`), since patching the name here would change nothing.
"""

from cityhall.opendata.services.data_requests import data_request_answer, data_request_submit
from cityhall.opendata.services.datasets import (
    DATASET_FIELDS,
    catalog_settings_update,
    dataset_create,
    dataset_set_state,
    dataset_update,
    schema_save,
    version_withdraw,
)
from cityhall.opendata.services.publishing import MAX_ATTEMPTS, resume_stuck, run_publish, upload_publish
from cityhall.opendata.services.schema_updates import SchemaUpdateReport, schemas_update_from_reference
from cityhall.opendata.services.uploads import (
    STORED_PROBLEMS,
    SYNC_MAX_BYTES,
    UPLOAD_MAX_BYTES,
    run_validation,
    upload_apply_fixes,
    upload_confirm_unknown,
    upload_create,
    upload_discard,
)
from cityhall.opendata.services.usage import classify_referrer, usage_record, usage_record_request

__all__ = [
    "DATASET_FIELDS",
    "MAX_ATTEMPTS",
    "STORED_PROBLEMS",
    "SYNC_MAX_BYTES",
    "UPLOAD_MAX_BYTES",
    "SchemaUpdateReport",
    "catalog_settings_update",
    "classify_referrer",
    "data_request_answer",
    "data_request_submit",
    "dataset_create",
    "dataset_set_state",
    "dataset_update",
    "resume_stuck",
    "run_publish",
    "run_validation",
    "schema_save",
    "schemas_update_from_reference",
    "upload_apply_fixes",
    "upload_confirm_unknown",
    "upload_create",
    "upload_discard",
    "upload_publish",
    "usage_record",
    "usage_record_request",
    "version_withdraw",
]
