"""The scale-out stack, for real: PostgreSQL, Redis and RQ, an S3-compatible store, several web processes.

Runs on the PostgreSQL pass of the test command (it needs the server that pass starts) with
`redis-server` and moto's S3 server started here. Two `serve` processes answer on two ports
(the first with two web processes sharing its port), an RQ worker runs beside them, and a
scripted scenario goes through HTTP: a resident asks for data, an officer publishes an
upload, both servers show it, its files come from S3, the answer mail is delivered by the
worker, and the audit chain verifies. Nothing may be written to the local media folder.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import _free_port
from tests.integration.running import Visitor, manage, process_env, running, served, staff_login, wait_for

POSTGRES = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not POSTGRES.startswith("postgres") or shutil.which("redis-server") is None,
    reason="needs the PostgreSQL pass of the test command and redis-server",
)
BUCKET = "cityhall-media"


@pytest.fixture
def database() -> Iterator[str]:
    """A database of its own on the test command's PostgreSQL server."""
    import psycopg

    name = f"cityhall_scaleout_{uuid.uuid4().hex[:8]}"
    parsed = urllib.parse.urlsplit(POSTGRES)
    maintenance = urllib.parse.urlunsplit(parsed._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(parsed._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(maintenance, autocommit=True) as admin:
            admin.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture
def redis_url() -> Iterator[str]:
    port = _free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        redis.terminate()
        redis.wait(timeout=10)


@pytest.fixture
def s3() -> Iterator[tuple[str, object]]:
    """moto's S3 server over HTTP, with the media bucket; yields its endpoint and a boto3 client."""
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=_free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id="cityhall", aws_secret_access_key="test", region_name="us-east-1"
    )
    client.create_bucket(Bucket=BUCKET)
    try:
        yield endpoint, client
    finally:
        server.stop()


def _changed_csv(original: bytes) -> tuple[bytes, str]:
    """The published CSV with one more row (a copy of the last, with a new ID and name): a new version."""
    rows = list(csv.reader(io.StringIO(original.decode("utf-8-sig"))))
    header, last = rows[0], list(rows[-1])
    column = next(i for i, name in enumerate(header) if "名称" in name)
    last[column] = "スケールアウト検証用の施設"
    ident = header.index("ID")
    last[ident] = last[ident][:-4] + "9999"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([*rows, last])
    return out.getvalue().encode("utf-8"), last[column]


def _found(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    assert match, text[:500]
    return match.group(1)


def _ckan(visitor: Visitor, action: str, **params: str) -> dict[str, Any]:
    _url, body = visitor.get(f"/api/3/action/{action}?{urllib.parse.urlencode(params)}")
    answer = json.loads(body)
    assert answer["success"], answer
    return dict(answer["result"])


def test_the_scale_out_stack_end_to_end(tmp_path: Path, database, redis_url, s3, smtp_server, settings):
    from cityhall.accounts.adapters import DEMO_TOTP_SECRETS

    endpoint, client = s3
    env = process_env(
        tmp_path,
        DATABASE_URL=database,
        TASK_BACKEND="rq",
        REDIS_URL=redis_url,
        STORAGE_URL=f"s3://{BUCKET}?endpoint={endpoint}&region=us-east-1",
        AWS_ACCESS_KEY_ID="cityhall",
        AWS_SECRET_ACCESS_KEY="test",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(settings.EMAIL_PORT),  # the smtp_server fixture's port
        CITYHALL_DEMO="1",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "demo")
    outputs: list[str] = []
    worker = [sys.executable, "manage.py", "worker"]
    with (
        running(worker, env, outputs),
        served(env, _free_port(), outputs, workers=2) as port_a,
        served(env, _free_port(), outputs) as port_b,
    ):
        resident, public_a = Visitor(port_b), Visitor(port_a)
        resident.submit(
            "/opendata/requests/new/",
            {"title": "避難所の収容人数", "body": "災害時の計画に使います。", "email": "resident@example.jp"},
        )

        slug = _ckan(resident, "package_search", q="公衆トイレ")["results"][0]["name"]
        package = _ckan(resident, "package_show", id=slug)
        csv_resource = next(r for r in package["resources"] if r["format"].upper() == "CSV")
        original = resident.get_bytes(urllib.parse.urlsplit(csv_resource["url"]).path)
        changed, new_name = _changed_csv(original)

        officer = staff_login(
            port_a, "policy@demo.ohtawara.example.jp", "demo-policy-2026", DEMO_TOTP_SECRETS["ict_policy"]
        )
        url, page = officer.upload(
            f"/console/opendata/datasets/{package['id']}/upload/", "file", "toilets.csv", changed
        )
        upload_path = _found(r"(/console/opendata/uploads/[0-9a-f-]+/)", url)
        url, page = officer.submit(upload_path, {"note": "スケールアウト検証の更新"}, action=upload_path + "publish/")
        assert url == f"/console/opendata/datasets/{package['id']}/", page[:2000]

        def shows_the_new_version(visitor: Visitor) -> bool:
            _url, page = visitor.get(f"/opendata/dataset/{slug}/")
            return "スケールアウト検証の更新" in page

        for visitor in (resident, public_a, resident, public_a):  # both servers, both processes of the first
            assert wait_for(functools.partial(shows_the_new_version, visitor)), "a web process shows an old version"
        package = _ckan(public_a, "package_show", id=slug)
        csv_resource = next(r for r in package["resources"] if r["format"].upper() == "CSV")
        downloaded = resident.get_bytes(urllib.parse.urlsplit(csv_resource["url"]).path)
        assert new_name in downloaded.decode("utf-8-sig")
        keys = [o["Key"] for o in client.list_objects_v2(Bucket=BUCKET)["Contents"]]
        assert any(key.startswith("opendata/") and key.endswith(".csv") for key in keys)

        _url, listing = officer.get("/console/opendata/requests/")
        request_path = _found(r'href="(/console/opendata/requests/\d+/)">避難所の収容人数<', listing)
        officer.submit(
            request_path,
            {"status": "published", "answer": "公開しました。", "dataset": package["id"]},
        )
        assert wait_for(lambda: smtp_server.messages, timeout=60), "the RQ worker did not deliver the answer"

    assert smtp_server.messages[0][1] == ["resident@example.jp"]
    assert "避難所の収容人数" in smtp_server.bodies()[0]
    assert "audit log intact" in manage(env, "audit_verify")  # manage() also fails on a non-zero exit
    assert not (tmp_path / "media").exists(), "something wrote stored files to the local disk"
