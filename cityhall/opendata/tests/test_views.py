"""Pages of the catalogue and the console, as a resident and a clerk use them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cityhall.core.models import AuditEntry
from cityhall.opendata import links, selectors
from cityhall.opendata.models import DataRequest, Dataset, Upload, UsageDaily
from cityhall.opendata.tests.conftest import toilets_csv

pytestmark = pytest.mark.django_db


def test_catalogue_lists_and_searches_published_datasets(client, published, clerk, departments):
    from cityhall.opendata import services

    services.dataset_create(actor=clerk, slug="draft-only", title="下書きのデータ", department=departments["citizens"])
    page = client.get(reverse("opendata:index"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "公衆トイレ一覧" in body and "下書きのデータ" not in body
    assert "公衆トイレ一覧" in client.get(reverse("opendata:index"), {"q": "ﾄｲﾚ"}).content.decode()  # 半角 finds 全角
    assert "公衆トイレ一覧" not in client.get(reverse("opendata:index"), {"q": "AED"}).content.decode()
    assert "公衆トイレ一覧" in client.get(reverse("opendata:index"), {"tag": "トイレ"}).content.decode()
    assert "公衆トイレ一覧" in client.get(reverse("opendata:index"), {"format": "GeoJSON"}).content.decode()


def test_dataset_page_shows_preview_map_downloads_and_api(client, published):
    page = client.get(reverse("opendata:dataset", args=[published.slug]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "公衆トイレ2" in body  # preview table
    assert body.count('class="point-map__dot"') == 3  # one point per row
    for resource in published.current.resources.all():
        assert links.download_path(resource) in body
    assert "package_show?id=public-toilets" in body
    assert reverse("opendata:dataset_ttl", args=[published.slug]) in body
    assert client.get(reverse("opendata:dataset", args=["nothing-here"])).status_code == 404


def test_unpublished_dataset_and_its_files_are_not_public(client, published, clerk):
    from cityhall.opendata import services

    resource = published.current.resources.get(format="csv")
    services.dataset_set_state(actor=clerk, dataset=published, state=Dataset.State.WITHDRAWN)
    assert client.get(reverse("opendata:dataset", args=[published.slug])).status_code == 404
    assert client.get(links.download_url(resource)).status_code == 404


def test_download_serves_the_file_and_counts_it(client, published):
    resource = published.current.resources.get(format="csv")
    response = client.get(
        links.download_url(resource), HTTP_REFERER="https://www.google.com/", HTTP_USER_AGENT="Mozilla/5.0"
    )
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 4
    row = UsageDaily.objects.get()
    assert (row.dataset_id, row.format, row.referrer, row.count) == (published.pk, "csv", "search", 1)
    page = client.get(reverse("opendata:dataset", args=[published.slug])).content.decode()
    assert "ダウンロード 1 回" in page  # the download shows in the dataset page's chart
    geo = published.current.resources.get(format="geojson")
    response = client.get(links.download_url(geo), HTTP_USER_AGENT="python-requests/2")
    assert response["Content-Type"] == "application/geo+json"
    assert json.loads(b"".join(response.streaming_content))["type"] == "FeatureCollection"
    assert UsageDaily.objects.filter(format="geojson", referrer="app").exists()


def test_data_request_round_trip(client, policy_officer, as_user):
    response = client.post(
        reverse("opendata:request_new"),
        {"title": "公園の遊具", "body": "遊具の種類と設置年", "requester_name": "山田", "email": "yamada@example.jp"},
    )
    assert response.status_code == 302
    item = DataRequest.objects.get()
    assert "公園の遊具" not in client.get(reverse("opendata:requests")).content.decode()  # not before staff read it
    assert client.get(reverse("opendata:request", args=[item.pk])).status_code == 404
    staff = as_user(policy_officer)
    answer = staff.post(
        reverse("console:opendata:request_answer", args=[item.pk]),
        {"status": "reviewing", "answer": "担当課で検討しています。"},  # 掲載しない unchecked: list it
    )
    assert answer.status_code == 302
    listing = client.get(reverse("opendata:requests")).content.decode()
    assert "公園の遊具" in listing and "山田" not in listing and "yamada@" not in listing
    detail = client.get(reverse("opendata:request", args=[item.pk])).content.decode()
    assert "担当課で検討しています。" in detail and "yamada@" not in detail


def test_data_request_form_errors_and_the_honeypot(client):
    response = client.post(reverse("opendata:request_new"), {"title": "", "body": ""})
    assert response.status_code == 400
    assert "必須" in response.content.decode() or "入力してください" in response.content.decode()
    response = client.post(reverse("opendata:request_new"), {"title": "x", "body": "y", "website": "http://spam"})
    assert response.status_code == 302
    assert not DataRequest.objects.exists()


def test_clerk_uploads_fixes_and_publishes_through_the_console(as_user, clerk, toilets):
    staff = as_user(clerk)
    messy = toilets_csv(2).replace("092100", "09210").encode("cp932")
    response = staff.post(
        reverse("console:opendata:upload", args=[toilets.pk]),
        {"file": SimpleUploadedFile("トイレ.csv", messy, "text/csv")},
    )
    assert response.status_code == 302
    item = Upload.objects.get()
    page = staff.get(response["Location"])
    body = page.content.decode()
    assert "検査数字" in body and "2 件を直す" in body
    assert item.status == Upload.Status.CHECKED
    response = staff.post(
        reverse("console:opendata:upload_fix", args=[item.pk]),
        {"code": "code6_check_digit_missing", "revision": item.revision},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.counts == {} and item.revision == 1
    assert (
        "問題は見つかりませんでした"
        in staff.get(reverse("console:opendata:upload_detail", args=[item.pk])).content.decode()
    )
    work = b"".join(staff.get(reverse("console:opendata:upload_work", args=[item.pk])).streaming_content)
    assert work.startswith(b"\xef\xbb\xbf") and b"092100" in work
    response = staff.post(reverse("console:opendata:upload_publish", args=[item.pk]), {"note": "最新の情報に更新"})
    assert response.status_code == 302
    dataset = Dataset.objects.get(pk=toilets.pk)
    assert dataset.is_public and dataset.current.note == "最新の情報に更新"
    assert AuditEntry.objects.filter(actor=clerk, action__startswith="opendata.").count() >= 4


def test_unreadable_upload_shows_the_reason(as_user, clerk, toilets):
    staff = as_user(clerk)
    response = staff.post(
        reverse("console:opendata:upload", args=[toilets.pk]),
        {"file": SimpleUploadedFile("data.csv", b"%PDF-1.4\x00\x00", "text/csv")},
    )
    assert response.status_code == 400 and "中身はPDFです" in response.content.decode()
    response = staff.post(
        reverse("console:opendata:upload", args=[toilets.pk]),
        {"file": SimpleUploadedFile("data.docx", b"PK\x03\x04", "application/octet-stream")},
    )
    assert response.status_code == 400 and "CSV" in response.content.decode()


def test_usage_dashboard_and_exports(as_user, policy_officer, clerk, published):
    from cityhall.opendata import services

    services.usage_record(dataset_id=published.pk, fmt="csv", referrer="search", count=5)
    services.usage_record(dataset_id=None, fmt="api", referrer="app", count=2)
    staff = as_user(policy_officer)
    page = staff.get(reverse("console:opendata:usage")).content.decode()
    assert "公衆トイレ一覧" in page and "usage-chart__dl" in page
    export = staff.get(reverse("console:opendata:usage_csv"))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0][0] == "日付"
    assert rows[-1][1:] == ["公衆トイレ一覧", "public-toilets", "csv", "検索エンジン", "5"] or any(
        r[1:] == ["公衆トイレ一覧", "public-toilets", "csv", "検索エンジン", "5"] for r in rows
    )
    assert any(r[1] == "（カタログ全体）" for r in rows[1:])
    year = selectors.current_fiscal_year()
    summary = list(
        csv.reader(
            io.StringIO(staff.get(reverse("console:opendata:usage_year_csv", args=[year])).content.decode("utf-8-sig"))
        )
    )
    assert summary[1][1:] == ["公衆トイレ一覧", "public-toilets", "5", "0", "0", "0", "5", "0", "5"]


def test_schema_editor_saves_columns(as_user, policy_officer):
    staff = as_user(policy_officer)
    page = staff.get(reverse("console:opendata:schema_edit", args=["public_toilets"]))
    assert page.status_code == 200
    data = {
        "name_ja": "公衆トイレ一覧",
        "edition": "current",
        "source": "",
        "is_active": "on",
        "col-TOTAL_FORMS": "2",
        "col-INITIAL_FORMS": "0",
        "col-0-name": "名称",
        "col-0-type": "string",
        "col-0-required": "on",
        "col-1-name": "緯度",
        "col-1-type": "lat",
    }
    response = staff.post(reverse("console:opendata:schema_edit", args=["public_toilets"]), data)
    assert response.status_code == 302
    definition = selectors.schema_get(key="public_toilets")
    assert [c["name"] for c in definition.columns] == ["名称", "緯度"]
    assert definition.columns[0]["required"] is True
    assert "description" in definition.columns[0]  # the reference's notes survive an edit


def test_saving_a_definition_unchanged_keeps_the_standards_exact_column_names(as_user, policy_officer):
    definition = selectors.schema_get(key="public_toilets")
    data = {"name_ja": definition.name_ja, "edition": "current", "source": definition.source, "is_active": "on"}
    count = str(len(definition.columns))
    data |= {"col-TOTAL_FORMS": count, "col-INITIAL_FORMS": count}  # as the page renders them
    for i, column in enumerate(definition.columns):
        data |= {f"col-{i}-name": column["name"], f"col-{i}-type": column["type"]}
        data |= {f"col-{i}-{key}": column.get(key) or "" for key in ("format", "physical_name", "english_name")}
        if column.get("required"):
            data[f"col-{i}-required"] = "on"
    response = as_user(policy_officer).post(reverse("console:opendata:schema_edit", args=["public_toilets"]), data)
    assert response.status_code == 302
    saved = selectors.schema_get(key="public_toilets")
    assert [c["name"] for c in saved.columns] == [c["name"] for c in definition.columns]  # 全角括弧 kept
    assert "男性トイレ数（小便器）" in [c["name"] for c in saved.columns]
    assert [c.get("description") for c in saved.columns] == [c.get("description") for c in definition.columns]
    assert [c.get("format") or "" for c in saved.columns] == [c.get("format") or "" for c in definition.columns]


def test_missing_file_is_a_404_not_a_500_and_not_counted(client, published):
    from django.core.files.storage import default_storage

    resource = published.current.resources.get(format="csv")
    default_storage.delete(resource.file.name)
    assert client.get(links.download_path(resource)).status_code == 404
    assert client.get(reverse("opendata:dataset", args=[published.slug])).status_code == 200
    assert not UsageDaily.objects.exists()


def test_head_requests_are_not_counted(client, published):
    resource = published.current.resources.get(format="json")
    assert client.head(links.download_path(resource)).status_code == 200
    assert not UsageDaily.objects.exists()


def test_usage_exports_neutralise_formula_titles(as_user, policy_officer, published):
    from cityhall.opendata import services

    Dataset.objects.filter(pk=published.pk).update(title='=HYPERLINK("http://evil.example","x")')
    services.usage_record(dataset_id=published.pk, fmt="csv", referrer="direct")
    staff = as_user(policy_officer)
    daily = staff.get(reverse("console:opendata:usage_csv")).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in daily and "\n=HYPERLINK" not in daily and ",=HYPERLINK" not in daily
    year = selectors.current_fiscal_year()
    summary = staff.get(reverse("console:opendata:usage_year_csv", args=[year])).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in summary
    assert staff.get(reverse("console:opendata:usage_year_csv", args=[99999])).status_code == 404
    assert staff.get(reverse("console:opendata:usage_csv"), {"to": "0001-01-01"}).status_code == 200


def test_withdrawn_version_is_listed_without_links(client, as_user, clerk, published):
    from cityhall.opendata.tests.conftest import publish, upload

    first = published.current
    item = upload(clerk, published, toilets_csv(2))
    publish(clerk, item)
    old = first.resources.get(format="csv")
    assert links.download_path(old) in client.get(reverse("opendata:dataset", args=[published.slug])).content.decode()
    response = as_user(clerk).post(
        reverse("console:opendata:version_withdraw", args=[first.pk]), {"reason": "個人情報を含んでいたため"}
    )
    assert response.status_code == 302
    page = client.get(reverse("opendata:dataset", args=[published.slug])).content.decode()
    assert links.download_path(old) not in page and "個人情報を含んでいたため" in page
    assert client.get(links.download_path(old)).status_code == 404


def test_data_requests_are_rate_limited_per_address(client):
    from django.core.cache import cache

    cache.clear()
    for n in range(5):
        response = client.post(reverse("opendata:request_new"), {"title": f"データ{n}", "body": "ください"})
        assert response.status_code == 302
    response = client.post(reverse("opendata:request_new"), {"title": "六つ目", "body": "ください"})
    assert response.status_code == 429 and "1時間" in response.content.decode()
    assert DataRequest.objects.count() == 5
    cache.clear()


def test_a_clean_file_with_untidy_headers_is_offered_the_standard_form(as_user, clerk, toilets):
    from cityhall.opendata.tests.conftest import HEADER

    staff = as_user(clerk)
    names = HEADER.split(",")
    moved = [names[1], names[0], *names[2:]]  # ID before the code
    body = toilets_csv(2).replace(HEADER, ",".join(["ID", "全国地方公共団体コード", *names[2:]]))
    lines = body.splitlines()
    rows = [",".join([r.split(",")[1], r.split(",")[0], *r.split(",")[2:]]) for r in lines[1:]]
    text = "\r\n".join([",".join(moved), *rows]) + "\r\n"
    response = staff.post(
        reverse("console:opendata:upload", args=[toilets.pk]),
        {"file": SimpleUploadedFile("t.csv", text.encode(), "text/csv")},
    )
    item = Upload.objects.get()
    assert item.counts == {}
    page = staff.get(response["Location"]).content.decode()
    assert "見出しと列の並びを標準に揃える" in page
    staff.post(reverse("console:opendata:upload_fix", args=[item.pk]), {"revision": item.revision})
    item.refresh_from_db()
    assert item.header[:2] == ["全国地方公共団体コード", "ID"] and item.counts == {}
    assert "見出しと列の並びを標準に揃える" not in staff.get(response["Location"]).content.decode()


def test_dataset_definitions_say_how_certain_they_are_in_japanese(as_user, policy_officer):
    page = as_user(policy_officer).get(reverse("console:opendata:schemas")).content.decode()
    assert "確認済み（項目定義書どおり）" in page and "一部未確認" in page
    for code in ("columns_only", "partial", "complete"):
        assert f"<td>{code}</td>" not in page


@pytest.mark.parametrize("query", ["避難", "ひなん", "ヒナン", "ﾋﾅﾝ", "ひなんじょ", "避雛所"])
def test_catalogue_search_matches_japanese_as_the_procedures_guide_does(demo_catalogue, query):
    """避難 by its reading in hiragana, katakana and half-width kana, and with a wrong kanji."""
    page = Client().get(reverse("opendata:index"), {"q": query}).content.decode()
    assert "指定緊急避難場所" in page or "避難所" in page, query


def test_the_ckan_api_searches_the_same_way(demo_catalogue):
    result = Client().get("/api/3/action/package_search", {"q": "ﾋﾅﾝ"}).json()["result"]
    assert result["count"] >= 1
    assert any("避難" in d["title"] for d in result["results"])
