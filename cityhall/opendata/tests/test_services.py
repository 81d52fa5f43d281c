"""Use cases of the catalogue: upload → problems → fixes → publish → versions, and what must never happen."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.files.storage import default_storage

from cityhall.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from cityhall.core.models import AuditEntry
from cityhall.opendata import selectors, services
from cityhall.opendata.models import (
    DataRequest,
    Dataset,
    DatasetVersion,
    Resource,
    SchemaDefinition,
    Upload,
    UsageDaily,
)
from cityhall.opendata.tests.conftest import HEADER, csv_file, publish, toilets_csv, upload
from conftest import make_user

pytestmark = pytest.mark.django_db


def _read(resource: Resource) -> bytes:
    with default_storage.open(resource.file.name, "rb") as handle:
        return bytes(handle.read())


def test_clean_upload_publishes_every_format(clerk, toilets):
    item = upload(clerk, toilets, toilets_csv(3))
    assert item.status == Upload.Status.CHECKED
    assert item.counts == {} and item.rows == 3 and item.schema_key == "public_toilets"
    item = publish(clerk, item, note="初版です")
    assert item.status == Upload.Status.PUBLISHED
    dataset = Dataset.objects.get(pk=toilets.pk)
    assert dataset.state == Dataset.State.PUBLISHED and dataset.current is not None
    version = dataset.current
    assert (version.number, version.rows, version.note, version.published_by) == (1, 3, "初版です", clerk)
    formats = {r.format: r for r in version.resources.all()}
    assert set(formats) == {"csv", "json", "geojson", "xlsx"}
    body = _read(formats["csv"])
    assert body.startswith(b"\xef\xbb\xbf") and b"\r\n" in body
    geo = json.loads(_read(formats["geojson"]))
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 139.9 < lon < 140.3 and 36.7 < lat < 37.0
    assert AuditEntry.objects.filter(action="opendata.version.publish", actor=clerk).count() == 1
    assert AuditEntry.objects.filter(action="opendata.upload.create").count() == 1


def test_second_version_records_what_changed_and_keeps_the_first(clerk, published):
    first = published.current
    text = toilets_csv(3, start=2)  # row 1 removed, rows 2–3 kept, row 4 added
    item = upload(clerk, published, text)
    publish(clerk, item)
    dataset = Dataset.objects.get(pk=published.pk)
    assert dataset.current.number == 2
    assert dataset.current.changes["added"] == 1 and dataset.current.changes["removed"] == 1
    assert dataset.current.changes["changed"] == 0
    old = Resource.objects.get(version=first, format="csv")
    assert "公衆トイレ1," in _read(old).decode("utf-8-sig")  # the first version is still downloadable
    assert DatasetVersion.objects.filter(dataset=dataset).count() == 2


def test_messy_file_is_fixed_with_the_offered_fixes(clerk, toilets):
    header = "全国地方公共団体コード,ID,名称,所在地_連結表記,設置位置,経度,緯度"  # columns out of order
    rows = [
        "09210,0001,駅前トイレ,栃木県大田原市本町1-1,屋外,140.0155,36.8713",  # check digit missing
        "092100,０００２,公園トイレ,栃木県大田原市本町1-2,屋外,36.8713,140.0155",  # 全角 ID, swapped
    ]
    text = "\r\n".join([header, *rows]) + "\r\n"
    item = upload(clerk, toilets, text, encoding="cp932")
    assert item.status == Upload.Status.CHECKED
    assert item.counts and not item.can_publish
    assert set(item.fixable) >= {"code6_check_digit_missing", "latlon_swapped"}
    with pytest.raises(InvalidInputError):
        services.upload_publish(actor=clerk, upload=item)  # nothing half-way: problems first
    services.upload_apply_fixes(actor=clerk, upload=item, codes=None, revision=item.revision)
    item = selectors.upload_get(upload_id=item.pk)
    assert item.counts == {}, item.problems
    assert item.revision == 1 and item.can_publish
    with item.work.open("rb") as handle:
        fixed = list(csv.reader(io.StringIO(handle.read().decode("utf-8"))))
    schema_order = [c["name"] for c in SchemaDefinition.objects.get(key="public_toilets").columns]
    assert fixed[0] == schema_order  # reordered to the standard's columns
    assert fixed[1][0] == "092100"
    assert AuditEntry.objects.filter(action="opendata.upload.fix").count() == 1


def test_fix_with_a_stale_revision_is_refused(clerk, toilets):
    text = toilets_csv(1).replace("092100", "09210")
    item = upload(clerk, toilets, text)
    with pytest.raises(ConflictError):
        services.upload_apply_fixes(actor=clerk, upload=item, codes=None, revision=item.revision + 1)
    assert Upload.objects.get(pk=item.pk).revision == 0


@pytest.mark.parametrize(
    ("content", "what"),
    [(b"%PDF-1.7 binary\x00\x01", "PDF"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "古い形式のOffice文書")],
)
def test_files_that_are_not_text_are_refused_at_the_upload_gate(clerk, toilets, content, what):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(InvalidInputError, match=f"中身は{what}です"):
        services.upload_create(actor=clerk, dataset=toilets, file=SimpleUploadedFile("data.csv", content))
    assert not Upload.objects.exists()


@pytest.mark.parametrize(("name", "content"), [("data.csv", b"<!DOCTYPE html><html><body>x</body></html>")])
def test_files_that_are_not_tables_fail_clearly(clerk, toilets, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    created = services.upload_create(actor=clerk, dataset=toilets, file=SimpleUploadedFile(name, content))
    item = selectors.upload_get(upload_id=created.pk)
    assert item.status == Upload.Status.FAILED
    assert item.error and any("\u3040" <= ch <= "\u30ff" for ch in item.error)  # a Japanese message
    with pytest.raises(ConflictError):
        services.upload_publish(actor=clerk, upload=item)
    assert not DatasetVersion.objects.exists()


def test_wrong_extension_and_empty_file_are_refused_before_storing(clerk, toilets):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(InvalidInputError, match="CSV"):
        services.upload_create(actor=clerk, dataset=toilets, file=SimpleUploadedFile("a.pdf", b"%PDF"))
    with pytest.raises(InvalidInputError, match="空"):
        services.upload_create(actor=clerk, dataset=toilets, file=SimpleUploadedFile("a.csv", b""))
    assert not Upload.objects.exists()


def test_duplicate_headers_and_formula_cells_block_publishing(clerk, toilets):
    text = HEADER + ",名称\r\n" + toilets_csv(1).splitlines()[1] + ",重複\r\n"
    item = upload(clerk, toilets, text)
    assert "duplicate_header" in item.counts
    formula = toilets_csv(1).replace("公衆トイレ1", '=HYPERLINK(""http://evil.example"",""x"")')
    formula = formula.replace(
        '=HYPERLINK(""http://evil.example"",""x"")', '"=HYPERLINK(""http://evil.example"",""x"")"'
    )
    item = upload(clerk, toilets, formula)
    assert "formula" in item.counts
    assert not item.can_publish


def test_formula_like_values_in_a_generic_dataset_are_neutralised_on_export(clerk, departments):
    dataset = services.dataset_create(
        actor=clerk, slug="budget", title="予算の概要", department=departments["citizens"], schema=None
    )
    item = upload(clerk, dataset, "項目,金額\r\n歳入,-1500\r\n備考,@SUM(A1)\r\n")
    assert item.schema_key == "generic"
    assert "formula" in item.counts  # reported to the clerk first
    # A clerk who really means the text keeps it; on export it can never run as a formula.
    from cityhall.opendata import formats

    out = formats.write_csv("項目,金額\r\n歳入,-1500\r\n備考,@SUM(A1)\r\n").decode("utf-8-sig")
    assert "'@SUM(A1)" in out and ",-1500" in out


def test_a_crash_while_writing_files_is_completed_by_a_retry(clerk, toilets, monkeypatch):
    import datetime as dt

    from cityhall.opendata import formats

    item = upload(clerk, toilets, toilets_csv(2))

    def crash(*args, **kwargs):
        raise RuntimeError("worker killed")

    with monkeypatch.context() as patch:
        patch.setattr(formats, "write_xlsx", crash)  # CSV, JSON and GeoJSON are written, then the process dies
        with pytest.raises(RuntimeError):
            services.upload_publish(actor=clerk, upload=item)
    item = Upload.objects.get(pk=item.pk)
    assert item.status == Upload.Status.PUBLISHING and not DatasetVersion.objects.exists()
    assert Dataset.objects.get(pk=toilets.pk).state == Dataset.State.DRAFT  # nothing published half-way
    assert services.resume_stuck(older_than=dt.timedelta(0)) == 1
    version = DatasetVersion.objects.get()
    assert services.run_publish(str(item.pk)) == version  # running again changes nothing
    assert DatasetVersion.objects.count() == 1 and Resource.objects.filter(version=version).count() == 4
    assert Upload.objects.get(pk=item.pk).status == Upload.Status.PUBLISHED
    assert version.published_by == clerk


def test_other_departments_cannot_touch_a_dataset(toilets, departments):
    other = make_user("other@example.jp", role="department_clerk", department=departments["ict-policy"])
    with pytest.raises(PermissionDeniedError):
        services.dataset_update(actor=other, dataset=toilets, title="書き換え")
    with pytest.raises(PermissionDeniedError):
        services.upload_create(actor=other, dataset=toilets, file=csv_file(toilets_csv(1)))
    assert Dataset.objects.get(pk=toilets.pk).title == "公衆トイレ一覧"


def test_slug_and_tags_are_checked(clerk, departments):
    with pytest.raises(InvalidInputError):
        services.dataset_create(actor=clerk, slug="公衆トイレ", title="x", department=departments["citizens"])
    with pytest.raises(InvalidInputError):
        services.dataset_create(
            actor=clerk, slug="ok-slug", title="x", department=departments["citizens"], tags=["<script>"]
        )
    services.dataset_create(actor=clerk, slug="ok-slug", title="x", department=departments["citizens"])
    with pytest.raises(ConflictError):
        services.dataset_create(actor=clerk, slug="ok-slug", title="y", department=departments["citizens"])
    assert Dataset.objects.count() == 1


def test_withdrawn_dataset_leaves_the_catalogue(clerk, published):
    services.dataset_set_state(actor=clerk, dataset=published, state=Dataset.State.WITHDRAWN)
    assert not selectors.published_datasets().exists()
    services.dataset_set_state(actor=clerk, dataset=published, state=Dataset.State.PUBLISHED)
    assert selectors.published_datasets().count() == 1


def test_a_corrected_schema_changes_what_is_checked(policy_officer, clerk, toilets):
    definition = SchemaDefinition.objects.get(key="public_toilets")
    columns = [dict(c) for c in definition.columns]
    for column in columns:
        if column["name"] == "名称_カナ":
            column["required"] = True
    services.schema_save(actor=policy_officer, definition=definition, data={"columns": columns})
    text = toilets_csv(1).replace("コウシュウトイレ1", "")
    item = upload(clerk, toilets, text)
    assert item.counts.get("required_empty") == 1
    with pytest.raises(PermissionDeniedError):
        services.schema_save(actor=clerk, definition=definition, data={"columns": columns})
    with pytest.raises(InvalidInputError):
        services.schema_save(
            actor=policy_officer, definition=definition, data={"columns": [{"name": "", "type": "string"}]}
        )


def test_data_request_answer_notifies_the_requester(policy_officer, published, departments):
    item = services.data_request_submit(title="公園の遊具", body="子育てアプリで使いたい", email="parent@example.jp")
    with pytest.raises(InvalidInputError):
        services.data_request_answer(actor=policy_officer, data_request=item, status="declined", answer="")
    services.data_request_answer(
        actor=policy_officer,
        data_request=item,
        status=DataRequest.Status.PUBLISHED,
        answer="公開しました。",
        dataset=published,
        department=departments["citizens"],
    )
    item.refresh_from_db()
    assert item.status == "published" and item.answered_by == policy_officer
    from cityhall.notifications.models import OutboundEmail

    sent = OutboundEmail.objects.get()
    assert sent.to == ["parent@example.jp"] and sent.subject == f"【データ公開リクエスト】受付番号{item.pk}への回答"
    assert "公園の遊具" in sent.body
    assert AuditEntry.objects.filter(action="opendata.request.answer").count() == 1


def test_data_request_needs_a_title_and_body(db):
    with pytest.raises(InvalidInputError):
        services.data_request_submit(title=" ", body="x")
    assert not DataRequest.objects.exists()


@pytest.mark.parametrize(
    ("referer", "agent", "expected"),
    [
        ("", "Mozilla/5.0 (X11)", "direct"),
        ("https://city.example/opendata/", "Mozilla/5.0", "internal"),
        ("https://www.google.co.jp/", "Mozilla/5.0", "search"),
        ("https://news.example.org/a", "Mozilla/5.0", "external"),
        ("", "ckanapi/4.11 (+https://github.com/ckan/ckanapi)", "app"),
        ("", "python-requests/2.34", "app"),
    ],
)
def test_referrer_classes(referer, agent, expected):
    assert services.classify_referrer(referer=referer, host="city.example", user_agent=agent) == expected


def test_usage_counts_per_day_format_and_class(published):
    for _ in range(3):
        services.usage_record(dataset_id=published.pk, fmt="csv", referrer="direct")
    services.usage_record(dataset_id=published.pk, fmt="api", referrer="app")
    summary = selectors.usage_recent(days=7, dataset_id=published.pk)
    assert (summary.downloads, summary.api_calls) == (3, 1)
    assert summary.by_format == {"csv": 3, "api": 1}
    assert UsageDaily.objects.count() == 2
    year = selectors.usage_year_table(selectors.current_fiscal_year())
    assert year == [["公衆トイレ一覧", "public-toilets", 3, 0, 0, 0, 3, 1, 4]]


def test_settings_need_a_whole_box(policy_officer, area):
    with pytest.raises(InvalidInputError):
        services.catalog_settings_update(actor=policy_officer, min_lat=None)
    with pytest.raises(InvalidInputError):
        services.catalog_settings_update(actor=policy_officer, min_lat=37.5, max_lat=36.0)
    assert selectors.catalog_settings().bbox == (36.78, 139.93, 36.98, 140.22)


def test_large_files_go_through_the_worker(clerk, toilets, django_capture_on_commit_callbacks, monkeypatch):
    """Above SYNC_MAX_BYTES the request only stores the file; the background task checks and publishes it."""
    monkeypatch.setattr(services.uploads, "SYNC_MAX_BYTES", 0)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        created = services.upload_create(actor=clerk, dataset=toilets, file=csv_file(toilets_csv(5)))
    assert Upload.objects.get(pk=created.pk).status == Upload.Status.PENDING
    assert len(queued) == 1
    with django_capture_on_commit_callbacks(execute=True):
        queued[0]()  # the worker picks the task up (immediate backend in tests)
    item = selectors.upload_get(upload_id=created.pk)
    assert item.status == Upload.Status.CHECKED and item.rows == 5
    with django_capture_on_commit_callbacks(execute=False) as queued:
        services.upload_publish(actor=clerk, upload=item)
    assert Upload.objects.get(pk=item.pk).status == Upload.Status.PUBLISHING
    assert not DatasetVersion.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        for callback in queued:
            callback()
    assert Dataset.objects.get(pk=toilets.pk).current.rows == 5


def test_a_request_title_is_one_line(db):
    item = services.data_request_submit(title="公園\nBcc: someone@example.jp", body="x")
    assert item.title == "公園 Bcc: someone@example.jp" and item.is_hidden  # not listed before staff read it


def test_an_earlier_version_can_be_withdrawn_but_not_the_current_one(clerk, published):
    first = published.current
    item = upload(clerk, published, toilets_csv(2))
    publish(clerk, item)
    current = Dataset.objects.get(pk=published.pk).current
    with pytest.raises(InvalidInputError):
        services.version_withdraw(actor=clerk, version=current, reason="誤り")
    with pytest.raises(InvalidInputError):
        services.version_withdraw(actor=clerk, version=first, reason=" ")
    services.version_withdraw(actor=clerk, version=first, reason="個人の電話番号を含んでいたため")
    old_csv = first.resources.get(format="csv")
    from cityhall.core.errors import NotFoundError

    with pytest.raises(NotFoundError):
        selectors.resource_get(resource_id=old_csv.pk)
    assert selectors.resource_get(resource_id=current.resources.get(format="csv").pk)
    assert AuditEntry.objects.filter(action="opendata.version.withdraw", actor=clerk).count() == 1
    with pytest.raises(ConflictError):
        services.version_withdraw(actor=clerk, version=first, reason="二度目")


def test_a_discard_during_a_check_is_not_undone(clerk, toilets, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(services.uploads, "SYNC_MAX_BYTES", 0)  # the check waits for the worker
    with django_capture_on_commit_callbacks(execute=False):
        created = services.upload_create(actor=clerk, dataset=toilets, file=csv_file(toilets_csv(2)))
    services.upload_discard(actor=clerk, upload=Upload.objects.get(pk=created.pk))
    services.run_validation(str(created.pk))  # the worker gets to it late
    assert Upload.objects.get(pk=created.pk).status == Upload.Status.DISCARDED


def test_resume_leaves_recent_work_alone_and_gives_up_after_repeated_failures(clerk, toilets, monkeypatch):
    import datetime as dt

    from cityhall.opendata import formats

    item = upload(clerk, toilets, toilets_csv(2))

    def crash(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(formats, "write_json", crash)
    with pytest.raises(RuntimeError):
        services.upload_publish(actor=clerk, upload=item)
    assert services.resume_stuck() == 0  # it only just started: a worker may still be on it
    for _ in range(services.publishing.MAX_ATTEMPTS - 1):
        with pytest.raises(RuntimeError):
            services.resume_stuck(older_than=dt.timedelta(0))
    assert Upload.objects.get(pk=item.pk).attempts == services.publishing.MAX_ATTEMPTS
    services.resume_stuck(older_than=dt.timedelta(0))
    failed = Upload.objects.get(pk=item.pk)
    assert failed.status == Upload.Status.FAILED and "公開されていません" in failed.error
    assert not DatasetVersion.objects.exists()


def test_long_slugs_still_fit_the_file_names(clerk, departments):
    dataset = services.dataset_create(actor=clerk, slug="x" * 100, title="長い名前", department=departments["citizens"])
    item = upload(clerk, dataset, "a,b\r\n1,2\r\n")
    publish(clerk, item)
    for resource in Dataset.objects.get(pk=dataset.pk).current.resources.all():
        assert len(resource.file.name) <= Resource._meta.get_field("file").max_length
