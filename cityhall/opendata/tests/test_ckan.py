"""The CKAN-compatible Action API, spoken to by the real ckanapi client over a live server."""

from __future__ import annotations

import hashlib
import json
import re

import ckanapi  # type: ignore[import-untyped]  # ckanapi ships no type hints
import pytest
import requests
from django.core.files.storage import default_storage
from django.urls import reverse

from cityhall.opendata import selectors, services
from cityhall.opendata.models import Dataset, Group, UsageDaily
from cityhall.opendata.tests.conftest import publish, toilets_csv, upload

pytestmark = pytest.mark.django_db(transaction=True)

CKAN_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$")  # UTC, no offset, as CKAN writes it
AED_CSV = "ID,名称,設置場所\r\n1,AED本庁舎,本庁舎1階\r\n2,AED体育館,総合体育館\r\n"
POPULATION_CSV = "地域,人口\r\n本町,1200\r\n中央,800\r\n山の手,300\r\n"


def _publish(actor, dataset: Dataset, text: str, name: str = "data.csv") -> Dataset:
    """Upload and publish through the services."""
    item = upload(actor, dataset, text, name=name)
    assert item.status == item.Status.CHECKED, item.problems
    publish(actor, item)
    return selectors.dataset_get(dataset_id=dataset.pk)


@pytest.fixture
def catalog(admin_user, toilets, departments, settings, live_server):
    """Three published datasets in two departments, a draft and a withdrawn one; addresses on the live server."""
    settings.CITYHALL_BASE_URL = live_server.url
    groups = {g.slug: g for g in Group.objects.all()}
    toilets.groups.set([groups["kurashi"], groups["bousai"]])
    aed = services.dataset_create(
        actor=admin_user,
        slug="aed",
        title="AED設置箇所一覧",
        description="市の施設に置いたAED。",
        department=departments["ict-policy"],
        license="PDL-1.0",
        frequency="monthly",
        tags=["AED", "救命"],
        groups=[groups["kenkou"], groups["bousai"]],
    )
    population = services.dataset_create(
        actor=admin_user,
        slug="population",
        title="地区別人口",
        department=departments["citizens"],
        tags=["人口", "統計"],
        groups=[groups["gyousei"]],
    )
    draft = services.dataset_create(
        actor=admin_user, slug="secret-draft", title="下書きのトイレ", department=departments["citizens"]
    )
    withdrawn = services.dataset_create(
        actor=admin_user, slug="withdrawn", title="公開停止したトイレ", department=departments["citizens"]
    )
    published = {
        "public-toilets": _publish(admin_user, toilets, toilets_csv(3), "toilets.csv"),
        "aed": _publish(admin_user, aed, AED_CSV),
        "population": _publish(admin_user, population, POPULATION_CSV),
    }
    withdrawn = _publish(admin_user, withdrawn, POPULATION_CSV)
    services.dataset_set_state(actor=admin_user, dataset=withdrawn, state=Dataset.State.WITHDRAWN)
    return {**published, "draft": draft, "withdrawn": withdrawn}


@pytest.fixture
def ckan(live_server):
    client = ckanapi.RemoteCKAN(live_server.url)  # stock client: it calls /api/action/<name>
    yield client
    client.close()


def test_both_paths_answer(catalog, live_server):
    versioned = requests.get(_api(live_server, "package_list"), timeout=10).json()
    plain = requests.get(f"{live_server.url}/api/action/package_list", timeout=10).json()
    assert versioned["result"] == plain["result"] and plain["success"] is True


def _api(live_server, name: str) -> str:
    return f"{live_server.url}{reverse('ckan:action', args=[name])}"


# ------------------------------------------------------------------------------------------- site


def test_status_show_reports_the_site(catalog, ckan, live_server):
    status = ckan.action.status_show()
    assert status["ckan_version"].startswith("2.")
    assert status["site_url"] == live_server.url
    assert "大田原市" in status["site_title"]


def test_envelope_help_cors_and_get_parameters(catalog, live_server):
    response = requests.get(_api(live_server, "package_search"), params={"fq": "tags:AED", "rows": "1"}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["success"] is True
    assert body["help"] == f"{live_server.url}/api/3/action/help_show?name=package_search"
    assert [p["name"] for p in body["result"]["results"]] == ["aed"]
    help_text = requests.get(body["help"], timeout=10).json()
    assert help_text["success"] is True and "fq" in help_text["result"]


# ---------------------------------------------------------------------------------------- listing


def test_package_list_lists_only_published_names_sorted_and_paged(catalog, ckan):
    assert ckan.action.package_list() == ["aed", "population", "public-toilets"]
    assert ckan.action.package_list(limit=1, offset=1) == ["population"]


def test_current_package_list_with_resources_pages_newest_first(catalog, ckan):
    first = ckan.action.current_package_list_with_resources(limit=2)
    assert [p["name"] for p in first] == ["population", "aed"]
    assert all(p["resources"] for p in first)
    assert [p["name"] for p in ckan.action.current_package_list_with_resources(limit=2, offset=2)] == ["public-toilets"]


def test_draft_and_withdrawn_datasets_are_never_shown(catalog, ckan):
    names = {p["name"] for p in ckan.action.package_search(q="トイレ", rows=100)["results"]}
    assert names == {"public-toilets"}
    for ident in ("secret-draft", str(catalog["draft"].pk), "withdrawn", str(catalog["withdrawn"].pk)):
        with pytest.raises(ckanapi.NotFound):
            ckan.action.package_show(id=ident)
    withdrawn_file = catalog["withdrawn"].current.resources.first()
    with pytest.raises(ckanapi.NotFound):
        ckan.action.resource_show(id=str(withdrawn_file.pk))
    assert "secret-draft" not in ckan.action.package_list()


# ----------------------------------------------------------------------------------------- search


def test_package_search_by_words(catalog, ckan):
    result = ckan.action.package_search(q="AED")
    assert result["count"] == 1
    assert result["results"][0]["name"] == "aed"
    assert result["sort"] == "score desc, metadata_modified desc"
    assert ckan.action.package_search(q="*:*")["count"] == 3
    assert ckan.action.package_search(q="トイレ 人口")["count"] == 0  # every word must match
    assert ckan.action.package_search(q="tags:救命")["results"][0]["name"] == "aed"  # field terms in q


@pytest.mark.parametrize(
    ("fq", "expected"),
    [
        ("tags:AED", {"aed"}),
        ('tags:"バリアフリー"', {"public-toilets"}),
        ("organization:citizens", {"public-toilets", "population"}),
        ("+organization:citizens +res_format:GeoJSON", {"public-toilets"}),
        ("organization:citizens AND groups:gyousei", {"population"}),
        ("groups:bousai", {"public-toilets", "aed"}),
        ("groups:bousai AND groups:kenkou", {"aed"}),  # the same field twice: both must hold
        ("groups:(kenkou OR gyousei)", {"aed", "population"}),
        ("groups:kenkou OR groups:gyousei", {"aed", "population"}),  # ckanext-harvest's organizations filter
        ("license_id:PDL-1.0", {"aed"}),
        ("res_format:csv", {"aed", "population", "public-toilets"}),  # format names in any case
        ("-organization:citizens", {"aed"}),
        ("NOT tags:AED +dataset_type:dataset", {"population", "public-toilets"}),
        ("name:population", {"population"}),
        ("metadata_modified:[2000-01-01T00:00:00Z TO *]", {"aed", "population", "public-toilets"}),
        ("metadata_modified:[* TO 2000-01-01T00:00:00Z]", set()),
    ],
)
def test_package_search_filters(catalog, ckan, fq, expected):
    result = ckan.action.package_search(fq=fq, rows=100)
    assert {p["name"] for p in result["results"]} == expected
    assert result["count"] == len(expected)


def test_package_search_filters_by_owner_org_id(catalog, ckan):
    org_id = ckan.action.package_show(id="aed")["owner_org"]
    assert [p["name"] for p in ckan.action.package_search(fq=f"owner_org:{org_id}")["results"]] == ["aed"]


def test_package_search_rows_start_and_sort(catalog, ckan):
    by_name = ckan.action.package_search(sort="name asc", rows=2)
    assert by_name["count"] == 3
    assert [p["name"] for p in by_name["results"]] == ["aed", "population"]
    assert [p["name"] for p in ckan.action.package_search(sort="name asc", rows=2, start=2)["results"]] == [
        "public-toilets"
    ]
    assert ckan.action.package_search(sort="name desc")["results"][0]["name"] == "public-toilets"
    newest = ckan.action.package_search(sort="metadata_modified desc")["results"]
    assert [p["name"] for p in newest] == ["population", "aed", "public-toilets"]
    assert ckan.action.package_search(rows=0)["results"] == []
    assert len(ckan.action.package_search(rows=5000)["results"]) == 3  # capped at 1000, not refused
    assert ckan.action.package_search()["count"] == 3


def test_package_search_facets(catalog, ckan):
    result = ckan.action.package_search(**{"facet.field": ["organization", "res_format", "groups"], "facet.limit": 2})
    assert result["facets"]["organization"] == {"citizens": 2, "ict-policy": 1}
    assert result["facets"]["res_format"] == {"CSV": 3, "JSON": 3}  # limited to the two most frequent
    assert result["facets"]["groups"] == {"bousai": 2, "gyousei": 1}
    items = result["search_facets"]["organization"]["items"]
    assert {i["name"]: i["display_name"] for i in items} == {
        "citizens": "市民生活部市民課",
        "ict-policy": "総合政策部情報政策課",
    }
    assert ckan.action.package_search()["facets"] == {}  # no facet.field, no facets
    assert ckan.action.package_search(**{"facet.field": ["license_id"]})["search_facets"]["license_id"]["items"]


def test_package_search_facets_follow_the_filters(catalog, ckan):
    result = ckan.action.package_search(fq="-tags:AED", **{"facet.field": ["tags"]})
    assert "AED" not in result["facets"]["tags"]
    assert result["facets"]["tags"]["トイレ"] == 1


def test_harvester_sort_by_id(catalog, ckan):
    """ckanext-harvest's CKAN harvester pages through package_search with sort=id asc."""
    result = ckan.action.package_search(sort="id asc", rows=100)
    ids = [p["id"] for p in result["results"]]
    assert ids == sorted(ids) and len(ids) == 3


def test_bad_search_parameters_are_errors(catalog, ckan):
    with pytest.raises(ckanapi.ValidationError) as invalid:
        ckan.action.package_search(rows="many")
    assert "rows" in invalid.value.error_dict
    with pytest.raises(ckanapi.SearchError):
        ckan.action.package_search(fq="maintainer:someone")
    with pytest.raises(ckanapi.SearchError):
        ckan.action.package_search(fq="tags:a OR groups:b")
    with pytest.raises(ckanapi.SearchError):
        ckan.action.package_search(sort="popularity desc")
    with pytest.raises(ckanapi.SearchError):
        ckan.action.package_search(**{"facet.field": ["maintainer"]})


# ------------------------------------------------------------------------------------------ show


def test_package_show_by_name_and_by_id(catalog, ckan, live_server):
    dataset = catalog["public-toilets"]
    package = ckan.action.package_show(id="public-toilets")
    assert package == ckan.action.package_show(id=str(dataset.pk))
    assert package["id"] == str(dataset.pk)
    assert package["title"] == "公衆トイレ一覧"
    assert package["notes"] == "市内の公衆トイレ。"
    assert package["url"] == f"{live_server.url}/opendata/dataset/public-toilets/"
    assert (package["state"], package["type"], package["private"]) == ("active", "dataset", False)
    assert package["license_id"] == "CC-BY-4.0"
    assert package["license_url"] == dataset.license_url and package["license_title"]
    assert CKAN_TIME.match(package["metadata_created"]) and CKAN_TIME.match(package["metadata_modified"])
    assert package["organization"]["name"] == "citizens"
    assert package["organization"]["title"] == "市民生活部市民課"
    assert package["organization"]["id"] == package["owner_org"]
    assert sorted(g["name"] for g in package["groups"]) == ["bousai", "kurashi"]
    assert [t["name"] for t in package["tags"]] == ["トイレ", "バリアフリー"]
    assert package["tags"][0]["vocabulary_id"] is None and package["tags"][0]["state"] == "active"
    assert package["num_tags"] == 2
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert extras["version_number"] == "1" and extras["record_count"] == "3"
    assert extras["standard_dataset_key"] == "public_toilets"
    assert extras["frequency"].startswith("http://purl.org/cld/freq/")
    assert package["num_resources"] == len(package["resources"]) == 4
    assert [r["format"] for r in package["resources"]] == ["CSV", "XLSX", "JSON", "GeoJSON"]
    first = package["resources"][0]
    assert first["package_id"] == package["id"] and first["position"] == 0
    assert first["mimetype"] == "text/csv" and first["state"] == "active" and first["url_type"] is None
    assert CKAN_TIME.match(first["created"])


def test_package_show_lists_only_the_current_version(catalog, ckan, admin_user):
    old = {str(r.pk) for r in catalog["population"].current.resources.all()}
    updated = _publish(admin_user, catalog["population"], POPULATION_CSV + "新町,50\r\n")
    package = ckan.action.package_show(id="population")
    ids = {r["id"] for r in package["resources"]}
    assert ids == {str(r.pk) for r in updated.current.resources.all()}
    assert not ids & old
    assert package["version"] == "2"
    with pytest.raises(ckanapi.NotFound):
        ckan.action.resource_show(id=old.pop())


def test_resource_show(catalog, ckan):
    package = ckan.action.package_show(id="aed")
    for expected in package["resources"]:
        assert ckan.action.resource_show(id=expected["id"]) == expected
    with pytest.raises(ckanapi.NotFound):
        ckan.action.resource_show(id="00000000-0000-0000-0000-000000000000")
    with pytest.raises(ckanapi.NotFound):
        ckan.action.resource_show(id="not-a-uuid")


def test_not_found_is_ckanapi_not_found(catalog, ckan, live_server):
    with pytest.raises(ckanapi.NotFound) as missing:
        ckan.action.package_show(id="no-such-dataset")
    assert "データセット" in str(missing.value)
    for action in (ckan.action.organization_show, ckan.action.group_show):
        with pytest.raises(ckanapi.NotFound):
            action(id="nowhere")
    response = requests.get(_api(live_server, "package_show"), params={"id": "nope"}, timeout=10)
    assert response.status_code == 404
    assert response.json()["success"] is False
    assert response.json()["error"]["__type"] == "Not Found Error"


def test_missing_id_is_a_validation_error(catalog, ckan, live_server):
    with pytest.raises(ckanapi.ValidationError) as invalid:
        ckan.action.package_show()
    assert "id" in invalid.value.error_dict
    assert requests.get(_api(live_server, "package_show"), timeout=10).status_code == 409


# ------------------------------------------------------------------------------- organisations etc.


def test_organization_list_and_show(catalog, ckan):
    assert ckan.action.organization_list() == ["ict-policy", "citizens"]  # the city's order
    assert ckan.action.organization_list(sort="name asc") == ["citizens", "ict-policy"]
    full = {o["name"]: o for o in ckan.action.organization_list(all_fields=True)}
    assert full["citizens"]["package_count"] == 2
    assert full["citizens"]["is_organization"] is True and full["citizens"]["type"] == "organization"
    org = ckan.action.organization_show(id="citizens")
    assert org["title"] == "市民生活部市民課" and org["package_count"] == 2
    assert "packages" not in org
    with_datasets = ckan.action.organization_show(id=full["ict-policy"]["id"], include_datasets=True)
    assert [p["name"] for p in with_datasets["packages"]] == ["aed"]


def test_group_list_and_show(catalog, ckan):
    names = ckan.action.group_list()
    assert {"bousai", "kenkou", "gyousei", "kurashi"} <= set(names)
    full = {g["name"]: g for g in ckan.action.group_list(all_fields=True)}
    assert full["bousai"]["package_count"] == 2 and full["bousai"]["title"] == "防災・安全"
    group = ckan.action.group_show(id="bousai", include_datasets=True)
    assert sorted(p["name"] for p in group["packages"]) == ["aed", "public-toilets"]
    assert ckan.action.group_show(id=full["gyousei"]["id"])["package_count"] == 1


def test_tag_list(catalog, ckan):
    tags = ckan.action.tag_list()
    assert {"AED", "トイレ", "人口"} <= set(tags)
    assert ckan.action.tag_list(query="aed") == ["AED"]
    assert ckan.action.tag_list(query="AED", all_fields=True)[0]["name"] == "AED"


def test_license_list(catalog, ckan):
    assert {lic["id"] for lic in ckan.action.license_list()} == {"CC-BY-4.0", "PDL-1.0"}


# ------------------------------------------------------------------------------------ protocol


def test_unknown_action_is_a_bad_request(catalog, ckan, live_server):
    response = requests.get(_api(live_server, "package_explode"), timeout=10)
    assert response.status_code == 400
    assert response.json() == "Bad request - Action name not known: package_explode"
    with pytest.raises(ckanapi.CKANAPIError):
        ckan.action.package_explode()


def test_writes_are_refused(catalog, ckan, live_server):
    with pytest.raises(ckanapi.NotAuthorized):
        ckan.action.package_create(name="mine", title="勝手に作る")
    response = requests.post(_api(live_server, "resource_delete"), json={"id": "x"}, timeout=10)
    assert response.status_code == 403
    assert response.json()["error"]["__type"] == "Authorization Error"
    assert Dataset.objects.filter(slug="mine").count() == 0


def test_post_with_json_body_and_with_form(catalog, live_server):
    as_json = requests.post(
        _api(live_server, "package_search"),
        json={"fq": "license_id:PDL-1.0", "facet.field": ["tags"], "rows": 5},
        timeout=10,
    )
    assert as_json.status_code == 200
    assert [p["name"] for p in as_json.json()["result"]["results"]] == ["aed"]
    assert as_json.json()["result"]["facets"]["tags"] == {"AED": 1, "救命": 1}
    as_form = requests.post(_api(live_server, "package_show"), data={"id": "aed"}, timeout=10)
    assert as_form.json()["result"]["name"] == "aed"
    broken = requests.post(
        _api(live_server, "package_show"), data="{not json", headers={"Content-Type": "application/json"}, timeout=10
    )
    assert broken.status_code == 400
    assert broken.json().startswith("Bad request - JSON Error")


def test_get_only_client_sends_lists_as_repeated_parameters(catalog, live_server):
    with ckanapi.RemoteCKAN(live_server.url, get_only=True) as client:
        result = client.action.package_search(**{"facet.field": ["groups", "tags"], "rows": 0})
    assert result["facets"]["groups"]["bousai"] == 2
    query = requests.get(_api(live_server, "package_search"), params={"facet.field": '["groups"]'}, timeout=10)
    assert query.json()["result"]["facets"]["groups"]["bousai"] == 2


def test_browser_preflight_is_answered(catalog, live_server):
    response = requests.options(_api(live_server, "package_search"), timeout=10)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]


def test_english_browsers_get_the_same_addresses(catalog, live_server):
    package = requests.get(
        _api(live_server, "package_show"), params={"id": "aed"}, headers={"Accept-Language": "en"}, timeout=10
    ).json()["result"]
    assert "/en/" not in package["url"]
    assert all("/en/" not in r["url"] for r in package["resources"])


def test_calls_are_counted_as_api_usage(catalog, ckan):
    UsageDaily.objects.all().delete()
    package = ckan.action.package_show(id="aed")
    ckan.action.resource_show(id=package["resources"][0]["id"])
    ckan.action.package_search(q="トイレ")
    ckan.action.package_list()
    with pytest.raises(ckanapi.NotFound):
        ckan.action.package_show(id="no-such-dataset")
    rows = list(UsageDaily.objects.values_list("dataset_id", "format", "referrer", "count"))
    assert all(fmt == "api" and referrer == "app" for _d, fmt, referrer, _n in rows)
    per_dataset = {}
    for dataset_id, _fmt, _ref, count in rows:
        per_dataset[dataset_id] = per_dataset.get(dataset_id, 0) + count
    assert per_dataset == {catalog["aed"].pk: 2, None: 3}


def test_resource_url_downloads_the_published_file(catalog, ckan):
    package = ckan.action.package_show(id="public-toilets")
    for resource in package["resources"]:
        stored = catalog["public-toilets"].current.resources.get(pk=resource["id"])
        with default_storage.open(stored.file.name, "rb") as handle:
            expected = handle.read()
        response = requests.get(resource["url"], timeout=10)
        assert response.status_code == 200
        assert response.content == expected
        assert hashlib.sha256(response.content).hexdigest() == resource["hash"]
        assert len(response.content) == resource["size"]


def test_search_queries_do_not_grow_with_the_results(catalog, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("ckan:action", args=["package_search"])
    client.get(url)  # builds this process's catalogue index; later calls only check its version
    counts = []
    for fq in ("name:aed", ""):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"fq": fq, "rows": 1000})
        counts.append(sum("usagedaily" not in q["sql"] for q in queries))  # the counter inserts once, then updates
    assert json.loads(response.content)["result"]["count"] == 3
    assert counts[0] == counts[1], counts  # one result or three: the same queries


def test_package_dicts_are_kept_until_the_catalogue_changes(catalog, ckan, admin_user):
    """The dicts are built once per catalogue version; an edit moves the version and shows at once."""
    first = ckan.action.package_search(q="AED")["results"][0]
    assert ckan.action.package_search(q="AED")["results"][0] == first
    dataset = Dataset.objects.get(slug=first["name"])
    services.dataset_update(actor=admin_user, dataset=dataset, title="AED設置場所一覧（改訂）")
    changed = ckan.action.package_search(q="AED")["results"][0]
    assert changed["title"] == "AED設置場所一覧（改訂）"
    assert changed["metadata_modified"] != first["metadata_modified"]
