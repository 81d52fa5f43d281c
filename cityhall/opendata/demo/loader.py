"""The demo loader, registered with core.demo in apps.py: publishes the demo catalogue through the services."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from cityhall.accounts import selectors as account_selectors
from cityhall.core import selectors as core_selectors
from cityhall.opendata import selectors, services
from cityhall.opendata.models import CatalogSettings, Dataset, SchemaDefinition, Upload, UsageDaily

OFFICER = "policy@demo.ohtawara.example.jp"


def load() -> list[str]:
    from cityhall.opendata.demo import catalogue, places  # parsed on first use, not at start-up

    officer = account_selectors.staff_list().filter(email=OFFICER).first()
    if officer is None:
        return []
    min_lat, min_lon, max_lat, max_lon = places.DEMO_BBOX
    if selectors.catalog_settings().bbox is None:
        services.catalog_settings_update(
            actor=officer,
            min_lat=min_lat,
            min_lon=min_lon,
            max_lat=max_lat,
            max_lon=max_lon,
            contact="総合政策部 情報政策課 0287-23-1111",
        )
    departments = {d.code: d for d in core_selectors.department_list()}
    groups = {g.slug: g for g in selectors.groups()}
    published = 0
    for seed in catalogue.DATASETS:
        dataset = Dataset.objects.filter(slug=seed.slug).first()
        if dataset is None:
            department = departments.get(seed.department_code) or next(iter(departments.values()))
            dataset = services.dataset_create(
                actor=officer,
                slug=seed.slug,
                title=seed.title,
                description=seed.description,
                department=department,
                license=seed.license,
                frequency=seed.frequency,
                contact=f"{department.name} {department.phone}".strip(),
                schema=SchemaDefinition.objects.filter(key=seed.schema_key).first(),
                tags=list(seed.tags),
                groups=[groups[seed.group]] if seed.group in groups else [],
            )
        if dataset.current_id is not None or dataset.uploads.exists():  # published, or left for a clerk to finish
            continue
        with transaction.atomic():
            upload = services.upload_create(
                actor=officer,
                dataset=dataset,
                file=SimpleUploadedFile(f"{seed.slug}.csv", seed.csv_text().encode("utf-8"), "text/csv"),
            )
        upload = selectors.upload_get(upload_id=upload.pk)
        if upload.status == Upload.Status.CHECKED and upload.can_publish:
            with transaction.atomic():
                services.upload_publish(actor=officer, upload=upload, note="初版を公開しました。")
            published += 1
    _usage()
    lines = [f"オープンデータ: {Dataset.objects.filter(state=Dataset.State.PUBLISHED).count()} データセット公開中"]
    if published:
        lines.append(f"  （今回 {published} 件を公開）")
    return lines


def _usage() -> None:
    """90 days of plausible downloads and API calls, once."""
    from cityhall.opendata.demo import catalogue, usage

    if UsageDaily.objects.exists():
        return
    today = timezone.localdate()
    seeds = {d.slug: d for d in catalogue.DATASETS}
    ids = dict(Dataset.objects.filter(slug__in=list(seeds)).values_list("slug", "pk"))
    rows = []
    for slug, pk in ids.items():
        geo = seeds[slug].has_location
        for days_ago, fmt, referrer, count in usage.usage_pattern(slug, geo=bool(geo), today=today):
            rows.append(
                UsageDaily(
                    dataset_id=pk, day=today - dt.timedelta(days=days_ago), format=fmt, referrer=referrer, count=count
                )
            )
    UsageDaily.objects.bulk_create(rows, batch_size=1000)
    CatalogSettings.objects.get_or_create(pk=1)
