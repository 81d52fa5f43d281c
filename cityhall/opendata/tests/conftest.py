"""Fixtures of the open data tests: a small clean 公衆トイレ一覧 and a dataset published through the services."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cityhall.opendata import selectors, services
from cityhall.opendata.models import Dataset, SchemaDefinition, Upload

AREA = (36.78, 139.93, 36.98, 140.22)
HEADER = "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,所在地_連結表記,設置位置,緯度,経度,男性トイレ総数,女性トイレ総数"


def toilets_csv(rows: int = 3, *, start: int = 1, extra: list[str] | None = None) -> str:
    lines = [HEADER]
    for i in range(start, start + rows):
        lines.append(
            f"092100,{i:04d},大田原市,公衆トイレ{i},コウシュウトイレ{i},栃木県大田原市本町1-{i},屋外,"
            f"36.{871300 + i:06d},140.{15500 + i:06d},2,3"
        )
    return "\r\n".join(lines + (extra or [])) + "\r\n"


def csv_file(text: str, name: str = "toilets.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), "text/csv")


@pytest.fixture
def area(db: Any) -> None:
    settings = selectors.catalog_settings()
    settings.min_lat, settings.min_lon, settings.max_lat, settings.max_lon = AREA
    settings.save()


@pytest.fixture
def toilets(clerk: Any, departments: Any, area: None) -> Dataset:
    return services.dataset_create(
        actor=clerk,
        slug="public-toilets",
        title="公衆トイレ一覧",
        description="市内の公衆トイレ。",
        department=departments["citizens"],
        schema=SchemaDefinition.objects.get(key="public_toilets"),
        tags=["トイレ", "バリアフリー"],
    )


def upload(actor: Any, dataset: Dataset, text: str, **kwargs: Any) -> Upload:
    """Upload and check (files this small are checked within the call)."""
    created = services.upload_create(actor=actor, dataset=dataset, file=csv_file(text, **kwargs))
    return selectors.upload_get(upload_id=created.pk)


def publish(actor: Any, item: Upload, *, note: str = "") -> Upload:
    services.upload_publish(actor=actor, upload=item, note=note)
    return selectors.upload_get(upload_id=item.pk)


@pytest.fixture
def published(clerk: Any, toilets: Dataset) -> Dataset:
    item = upload(clerk, toilets, toilets_csv(3))
    assert item.status == Upload.Status.CHECKED, item.problems
    publish(clerk, item, note="初版")
    return selectors.dataset_get(dataset_id=toilets.pk)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Any:
    """The data-request rate limit counts per address in the cache; each test starts from zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_catalogue(db: Any) -> None:
    """The demo city's published catalogue (避難所, トイレ, AED …)."""
    from django.core.management import call_command

    call_command("demo", verbosity=0)
