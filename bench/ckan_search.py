"""CKAN `package_search` on 1,000 published datasets: the in-memory catalogue index against a naive scan.

Sets up a throw-away SQLite database with the demo city, copies its published datasets until
there are `--datasets` (default 1,000) with varied titles, and calls the real action through
Django's test client (no HTTP, so the figure is the action's own cost). Peer, in the same run
on the same data: the naive way, a database query per call (`icontains` over title, description
and tags, then the package dicts). Prints ms per call (median, p95) for `rows=0` and `rows=10`,
with and without a query, and the ratio; then the action alone (no request handling, no usage
counter), and the floor: `/healthz` through the same client and middleware. Target (issue 11): ≤ 3 ms per call for 1,000 datasets.

    python bench/ckan_search.py [--datasets 1000] [--calls 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
AREAS = ["本町", "中田原", "山の手", "美原", "紫塚", "末広", "新富町", "浅香", "富池", "親園", "野崎", "佐久山"]
QUERIES = ["トイレ", "ひなんじょ", "AED", "人口", "こうえん", "避難所 本町", "保育", "医療機関", "観光", "ごみ"]


def _setup(folder: str, datasets: int) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        CITYHALL_VAR_DIR=folder,
        CITYHALL_DEMO="1",
        DEBUG="0",
        LOG_LEVEL="WARNING",
    )
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    _copy_datasets(datasets)


def _copy_datasets(total: int) -> None:
    from django.db import transaction

    from cityhall.opendata.models import Dataset, DatasetVersion, Upload

    templates = list(Dataset.objects.filter(state=Dataset.State.PUBLISHED, current__isnull=False))
    with transaction.atomic():
        for i in range(total - len(templates)):
            template = templates[i % len(templates)]
            groups = list(template.groups.all())
            version = DatasetVersion.objects.get(pk=template.current_id)
            resources = list(version.resources.all())
            copy = Dataset.objects.get(pk=template.pk)
            copy.pk, copy.slug, copy.current = uuid.uuid4(), f"{template.slug}-{i}", None
            copy.title = f"{template.title}（{AREAS[i % len(AREAS)]}地区 {i}）"
            copy.save(force_insert=True)
            copy.groups.set(groups)
            upload = Upload.objects.get(pk=version.upload_id)
            upload.pk, upload.dataset = uuid.uuid4(), copy
            upload.save(force_insert=True)
            version.pk, version.dataset, version.upload = None, copy, upload
            version.save(force_insert=True)
            for resource in resources:
                resource.pk, resource.version = uuid.uuid4(), version
                resource.save(force_insert=True)
            copy.current = version
            copy.save(update_fields=["current"])


def _naive(q: str, rows: int) -> dict[str, object]:
    """What a first implementation does: filter in the database on every call, then build the dicts."""
    from django.db.models import Q

    from cityhall.opendata.ckan.dicts import Site, package_dict
    from cityhall.opendata.models import Dataset

    found = Dataset.objects.filter(state=Dataset.State.PUBLISHED, current__isnull=False)
    for word in q.split():
        found = found.filter(Q(title__icontains=word) | Q(description__icontains=word) | Q(tags__icontains=word))
    found = found.select_related("department", "current").prefetch_related("groups", "current__resources")
    site = Site.current()
    page = list(found.order_by("title")[:rows]) if rows else []
    return {"count": found.count(), "results": [package_dict(site, d) for d in page]}


def _time(call: Callable[[], object], calls: int) -> tuple[float, float]:
    call()  # warm: the index is built once per process and catalogue version
    took = []
    for _ in range(calls):
        started = time.perf_counter()
        call()
        took.append((time.perf_counter() - started) * 1000)
    took.sort()
    return statistics.median(took), took[int(len(took) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        _setup(folder, args.datasets)
        from django.test import Client

        from cityhall.opendata.ckan import actions
        from cityhall.opendata.ckan.dicts import Site
        from cityhall.opendata.models import Dataset

        client = Client(HTTP_HOST="127.0.0.1")
        floor = _time(lambda: client.get("/healthz"), args.calls)
        print(f"floor: /healthz through the same client and middleware: {floor[0]:.2f}ms p50, {floor[1]:.2f}ms p95")
        published = Dataset.objects.filter(state=Dataset.State.PUBLISHED).count()
        print(f"catalogue: {published} published datasets; {args.calls} calls per row")
        print(f"{'case':32} {'index p50':>10} {'p95':>8} {'naive p50':>10} {'p95':>8} {'ratio':>7}")
        for q in ("", *QUERIES[:3]):
            for rows in (0, 10):
                params = urlencode({"q": q, "rows": rows})

                def action(params: str = params) -> object:
                    response = client.get(f"/api/3/action/package_search?{params}")
                    assert response.status_code == 200, response.content[:300]
                    return response

                index = _time(action, args.calls)
                naive = _time(lambda q=q, rows=rows: _naive(q, rows), max(args.calls // 4, 10))
                label = f"q={q or '(none)'} rows={rows}"
                direct = _time(
                    lambda q=q, rows=rows: actions.package_search(Site.current(), {"q": q, "rows": str(rows)}),
                    args.calls,
                )
                label_direct = f"  the action alone: {direct[0]:.2f}ms p50, {direct[1]:.2f}ms p95"
                print(
                    f"{label:32} {index[0]:8.2f}ms {index[1]:6.2f}ms {naive[0]:8.2f}ms {naive[1]:6.2f}ms "
                    f"{naive[0] / index[0]:6.1f}x"
                )
                print(label_direct)


if __name__ == "__main__":
    main()
