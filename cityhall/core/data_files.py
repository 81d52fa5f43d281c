"""Seed and demo content kept as data: `<app>/data/*.yaml`, validated when read.

Each app describes the shape of its files with pydantic models (or plain types) and
reads them with `read_data`; a file that does not fit says which file, where and why,
before anything is written to the database.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

T = TypeVar("T")


class DataFileError(Exception):
    """A data file of an app is missing, is not YAML, or does not have the declared shape."""


def data_path(package: str, name: str) -> Path:
    """`<package dir>/data/<name>`, e.g. data_path("cityhall.plans", "plan.yaml")."""
    module = importlib.import_module(package)
    assert module.__file__ is not None
    return Path(module.__file__).parent / "data" / name


@cache
def _raw(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        raise DataFileError(f"{path}: {error}") from error


def read_data(package: str, name: str, shape: type[T] | Any) -> T:
    """The content of `<package>/data/<name>`, checked against `shape` (a pydantic model, list[…] …)."""
    path = data_path(package, name)
    try:
        return TypeAdapter(shape).validate_python(_raw(path))  # type: ignore[no-any-return]  # shape is T
    except ValidationError as error:
        raise DataFileError(f"{path}:\n{error}") from error
