"""Validation of 自治体標準オープンデータセット CSV files: pure Python, no models, no database."""

from .checks import Issue
from .decode import DecodeError, decode, read_upload
from .engine import JAPAN_BBOX, MAX_PROBLEMS, BBox, Problem, Report, apply_fixes, validate
from .labels import PROBLEM_LABELS
from .schema import (
    REFERENCE_JSON,
    SYNONYMS_JSON,
    UNKNOWN,
    ColumnRule,
    Schema,
    delimiter_problem,
    detect,
    header_key,
    load_schemas,
    load_synonyms,
    map_header,
    with_synonyms,
)
from .trailer import drop_trailer

__all__ = [
    "JAPAN_BBOX",
    "MAX_PROBLEMS",
    "PROBLEM_LABELS",
    "REFERENCE_JSON",
    "SYNONYMS_JSON",
    "UNKNOWN",
    "BBox",
    "ColumnRule",
    "DecodeError",
    "Issue",
    "Problem",
    "Report",
    "Schema",
    "apply_fixes",
    "decode",
    "delimiter_problem",
    "detect",
    "drop_trailer",
    "header_key",
    "load_schemas",
    "load_synonyms",
    "map_header",
    "read_upload",
    "validate",
    "with_synonyms",
]
