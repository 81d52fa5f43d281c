"""Data files are validated when read: the file, the place and the reason are named."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from cityhall.core import data_files


class Item(BaseModel):
    code: str
    count: int


def test_a_file_is_read_into_its_declared_shape(tmp_path, monkeypatch):
    (tmp_path / "items.yaml").write_text("- code: a\n  count: 2\n", encoding="utf-8")
    monkeypatch.setattr(data_files, "data_path", lambda package, name: tmp_path / name)
    assert data_files.read_data("x", "items.yaml", list[Item]) == [Item(code="a", count=2)]


def test_a_file_that_does_not_fit_names_the_file_and_the_place(tmp_path, monkeypatch):
    (tmp_path / "bad.yaml").write_text("- code: a\n  count: 二\n", encoding="utf-8")
    monkeypatch.setattr(data_files, "data_path", lambda package, name: tmp_path / name)
    with pytest.raises(data_files.DataFileError, match=r"bad\.yaml(.|\n)*0\.count"):
        data_files.read_data("x", "bad.yaml", list[Item])
