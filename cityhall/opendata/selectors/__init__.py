"""Read use cases of the open data catalogue, one module per use case.

`catalogue` (the published catalogue and its files), `search` (the search index and facets), `staff`
(what a staff member manages), `data_requests`, `usage` (figures and 年度 tables) and `schemas`
(the dataset definitions). Other apps and the tests use them through this package:
`from cityhall.opendata import selectors; selectors.search(...)`.
"""

from cityhall.opendata.selectors.catalogue import (
    FORMAT_ORDER,
    catalog_settings,
    current_csv_head,
    current_csv_text,
    dataset_published,
    dataset_published_by_id_or_name,
    group_get,
    groups,
    organizations,
    published_datasets,
    read_resource_text,
    resource_get,
    resources_of,
    tag_list,
    version_get,
    versions_of,
)
from cityhall.opendata.selectors.data_requests import (
    data_request_get,
    data_request_public,
    data_requests_for_staff,
    data_requests_public,
)
from cityhall.opendata.selectors.schemas import (
    generic_schema,
    header_is_untidy,
    published_standard,
    schema_definitions,
    schema_family,
    schema_for_upload,
    schema_get,
    schema_of,
)
from cityhall.opendata.selectors.search import SearchResult, catalog, dataset_facets, search
from cityhall.opendata.selectors.staff import (
    dataset_get,
    datasets_for_staff,
    departments_for_staff,
    stuck_uploads,
    upload_get,
    upload_work_text,
    uploads_of,
)
from cityhall.opendata.selectors.usage import (
    UsageSummary,
    catalog_totals,
    current_fiscal_year,
    usage,
    usage_fiscal_year,
    usage_recent,
    usage_rows,
    usage_year_table,
)

__all__ = [
    "FORMAT_ORDER",
    "SearchResult",
    "UsageSummary",
    "catalog",
    "catalog_settings",
    "catalog_totals",
    "current_csv_head",
    "current_csv_text",
    "current_fiscal_year",
    "data_request_get",
    "data_request_public",
    "data_requests_for_staff",
    "data_requests_public",
    "dataset_facets",
    "dataset_get",
    "dataset_published",
    "dataset_published_by_id_or_name",
    "datasets_for_staff",
    "departments_for_staff",
    "generic_schema",
    "group_get",
    "groups",
    "header_is_untidy",
    "organizations",
    "published_datasets",
    "published_standard",
    "read_resource_text",
    "resource_get",
    "resources_of",
    "schema_definitions",
    "schema_family",
    "schema_for_upload",
    "schema_get",
    "schema_of",
    "search",
    "stuck_uploads",
    "tag_list",
    "upload_get",
    "upload_work_text",
    "uploads_of",
    "usage",
    "usage_fiscal_year",
    "usage_recent",
    "usage_rows",
    "usage_year_table",
    "version_get",
    "versions_of",
]
