"""Scale-out is configuration only: the settings readers turn URLs into Django settings."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list
from config.settings.base import _storages


def test_s3_storage_from_url():
    storages = _storages("s3://cityhall-files?endpoint=http://127.0.0.1:9000&region=ap-northeast-1")
    assert storages["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storages["default"]["OPTIONS"] == {
        "bucket_name": "cityhall-files",
        "default_acl": None,
        "endpoint_url": "http://127.0.0.1:9000",
        "region_name": "ap-northeast-1",
    }
    assert _storages("")["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    with pytest.raises(ValueError, match="s3://"):
        _storages("ftp://x")


def test_env_readers(monkeypatch):
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "12")
    monkeypatch.setenv("X_LIST", "a, b,,c")
    assert env_bool("X_BOOL") is True
    assert env_int("X_INT", 0) == 12
    assert env_list("X_LIST") == ["a", "b", "c"]
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_BOOL"):
        env_bool("X_BOOL")
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        env_int("X_INT", 0)
