"""DCAT metadata: both serialisations parse back with rdflib and say the same thing as the catalogue."""

from __future__ import annotations

import json
import warnings

import pytest
from django.urls import reverse
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from cityhall.opendata import links, selectors, services
from cityhall.opendata.models import Dataset, Group
from cityhall.opendata.tests.conftest import publish, upload

pytestmark = pytest.mark.django_db

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
FORMATS = {"jsonld": ("json-ld", "application/ld+json"), "ttl": ("turtle", "text/turtle; charset=utf-8")}


@pytest.fixture
def catalog(published, admin_user, departments):
    """公衆トイレ (standard, CC BY, 4 files), AED (generic, PDL, 3 files) and a draft."""
    departments["ict-policy"].email = "joho@example.jp"
    departments["ict-policy"].phone = "0287-23-1111"
    departments["ict-policy"].save()
    published.groups.set([Group.objects.get(slug="bousai")])
    aed = services.dataset_create(
        actor=admin_user,
        slug="aed",
        title="AED設置箇所一覧",
        description="市の施設に置いたAED。",
        department=departments["ict-policy"],
        license="PDL-1.0",
        frequency="monthly",
        tags=["AED"],
        groups=[Group.objects.get(slug="kenkou")],
    )
    item = upload(admin_user, aed, "ID,名称\r\n1,本庁舎\r\n")
    publish(admin_user, item)
    services.dataset_create(actor=admin_user, slug="draft", title="下書き", department=departments["citizens"])
    return {d.slug: d for d in selectors.published_datasets()}


def _get(client, name: str, fmt: str, *args: str, **headers: str):
    return client.get(reverse(f"opendata:{name}_{fmt}", args=args), headers=headers)


def _parse(response, fmt: str) -> Graph:
    rdf_format, content_type = FORMATS[fmt]
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    with warnings.catch_warnings():
        # rdflib 7.6's JSON-LD parser builds a ConjunctiveGraph internally and warns about itself.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=response.content.decode(), format=rdf_format)


def _files(dataset: Dataset) -> set[URIRef]:
    assert dataset.current is not None
    return {URIRef(links.download_url(r)) for r in dataset.current.resources.all()}


@pytest.mark.parametrize("fmt", ["jsonld", "ttl"])
def test_catalog_lists_every_published_dataset(client, catalog, fmt):
    graph = _parse(_get(client, "catalog", fmt), fmt)
    (catalog_node,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert str(graph.value(catalog_node, DCTERMS.title)) == "大田原市オープンデータカタログ"
    publisher = graph.value(catalog_node, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert graph.value(publisher, FOAF.name) == Literal("大田原市", lang="ja")
    datasets = set(graph.objects(catalog_node, DCAT.dataset))
    assert datasets == set(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == 2  # the draft is not there
    titles = {graph.value(d, DCTERMS.title) for d in datasets}
    assert titles == {Literal("公衆トイレ一覧", lang="ja"), Literal("AED設置箇所一覧", lang="ja")}
    assert set(graph.objects(None, DCAT.downloadURL)) == _files(catalog["public-toilets"]) | _files(catalog["aed"])
    licenses = {str(graph.value(d, DCTERMS.identifier)): graph.value(d, DCTERMS.license) for d in datasets}
    assert licenses == {
        str(catalog["public-toilets"].pk): URIRef(catalog["public-toilets"].license_url),
        str(catalog["aed"].pk): URIRef(catalog["aed"].license_url),
    }


def test_both_serialisations_carry_the_same_graph(client, catalog):
    jsonld = _parse(_get(client, "catalog", "jsonld"), "jsonld")
    turtle = _parse(_get(client, "catalog", "ttl"), "ttl")
    assert len(jsonld) == len(turtle) > 50
    assert isomorphic(jsonld, turtle)


def test_jsonld_is_compacted_with_its_context(client, catalog):
    document = json.loads(_get(client, "dataset", "jsonld", "aed").content)
    assert document["@context"]["dcat"] == str(DCAT)
    assert "dcat:Dataset" in json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize("fmt", ["jsonld", "ttl"])
def test_dataset_description(client, catalog, fmt):
    dataset = catalog["public-toilets"]
    graph = _parse(_get(client, "dataset", fmt, dataset.slug), fmt)
    (node,) = graph.subjects(RDF.type, DCAT.Dataset)
    assert graph.value(node, DCTERMS.identifier) == Literal(str(dataset.pk))
    assert graph.value(node, DCTERMS.title) == Literal("公衆トイレ一覧", lang="ja")
    assert graph.value(node, DCTERMS.description) == Literal("市内の公衆トイレ。", lang="ja")
    assert set(graph.objects(node, DCAT.keyword)) == {Literal("トイレ", lang="ja"), Literal("バリアフリー", lang="ja")}
    assert graph.value(node, DCAT.landingPage) == URIRef(links.dataset_url(dataset))
    assert graph.value(node, DCTERMS.accrualPeriodicity) == URIRef("http://purl.org/cld/freq/irregular")
    assert graph.value(node, DCTERMS.issued).datatype == XSD.dateTime
    assert graph.value(node, DCTERMS.modified).datatype == XSD.dateTime
    assert graph.value(graph.value(node, DCTERMS.publisher), FOAF.name) == Literal("市民生活部市民課", lang="ja")
    theme = graph.value(node, DCAT.theme)
    assert graph.value(theme, Namespace("http://www.w3.org/2004/02/skos/core#").prefLabel, any=True)
    standard = graph.value(node, DCTERMS.conformsTo)
    assert str(graph.value(standard, DCTERMS.identifier)) == "public_toilets"
    assert str(graph.value(graph.value(node, DCTERMS.license), DCTERMS.identifier)) == "CC-BY-4.0"
    distributions = set(graph.objects(node, DCAT.distribution))
    assert len(distributions) == 4
    by_url = {graph.value(d, DCAT.downloadURL): d for d in distributions}
    for resource in dataset.current.resources.all():
        distribution = by_url[URIRef(links.download_url(resource))]
        assert (distribution, RDF.type, DCAT.Distribution) in graph
        assert graph.value(distribution, DCAT.byteSize).toPython() == resource.size
        assert str(graph.value(distribution, DCAT.mediaType)).startswith(
            "https://www.iana.org/assignments/media-types/"
        )
        assert str(graph.value(graph.value(distribution, SPDX.checksum), SPDX.checksumValue)) == resource.sha256
    media = {str(graph.value(d, DCAT.mediaType)).rsplit("/", 2)[-2:][-1] for d in distributions}
    assert media == {"csv", "json", "geo+json", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def test_contact_point_and_frequency_of_a_generic_dataset(client, catalog):
    graph = _parse(_get(client, "dataset", "ttl", "aed"), "ttl")
    (node,) = graph.subjects(RDF.type, DCAT.Dataset)
    contact = graph.value(node, DCAT.contactPoint)
    assert graph.value(contact, VCARD.fn) == Literal("総合政策部情報政策課", lang="ja")
    assert graph.value(contact, VCARD.hasEmail) == URIRef("mailto:joho@example.jp")
    assert graph.value(contact, VCARD.hasTelephone) == URIRef("tel:+81-287-23-1111")
    assert graph.value(node, DCTERMS.accrualPeriodicity) == URIRef("http://purl.org/cld/freq/monthly")
    assert graph.value(node, DCTERMS.conformsTo) is None
    assert len(set(graph.objects(node, DCAT.distribution))) == 3  # no coordinates, no GeoJSON


@pytest.mark.parametrize("fmt", ["jsonld", "ttl"])
def test_unpublished_datasets_are_not_found(client, catalog, clerk, fmt):
    assert _get(client, "dataset", fmt, "draft").status_code == 404
    assert _get(client, "dataset", fmt, "no-such-thing").status_code == 404
    services.dataset_set_state(actor=clerk, dataset=catalog["public-toilets"], state=Dataset.State.WITHDRAWN)
    assert _get(client, "dataset", fmt, "public-toilets").status_code == 404
    graph = _parse(_get(client, "catalog", fmt), fmt)
    assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == 1


def test_addresses_do_not_follow_the_language_prefix(client, catalog):
    with_prefix = client.get("/en" + reverse("opendata:catalog_ttl"))
    graph = _parse(with_prefix, "ttl")
    assert all("/en/" not in str(url) for url in graph.objects(None, DCAT.downloadURL))
    assert with_prefix["Access-Control-Allow-Origin"] == "*"
