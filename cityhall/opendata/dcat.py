"""DCAT metadata of the catalogue (``/opendata/catalog.jsonld|ttl``) and of each dataset (``…/<slug>.jsonld|ttl``).

The vocabulary is W3C DCAT 2 with the DCAT-AP habits harvesters expect (IANA media types, EU file-type
and Dublin Core frequency vocabularies, vCard contact points); no DCAT-AP-JP profile exists to follow.
Only published datasets appear; addresses are the same as the pages' and the CKAN API's (links.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, XSD

from cityhall.core import selectors as core_selectors
from cityhall.core.decorators import public_when_anonymous
from cityhall.core.models import Department
from cityhall.opendata import links, selectors
from cityhall.opendata.models import Dataset, DatasetVersion, Format, Frequency, Group, License, Resource

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
FREQ = Namespace("http://purl.org/cld/freq/")
FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
IANA = "https://www.iana.org/assignments/media-types/"
JAPANESE = URIRef("http://id.loc.gov/vocabulary/iso639-1/ja")
STANDARD_PAGE = URIRef("https://www.digital.go.jp/resources/open_data/municipal-standard-data-set-test")

FREQUENCIES = {
    Frequency.IRREGULAR: FREQ.irregular,
    Frequency.DAILY: FREQ.daily,
    Frequency.WEEKLY: FREQ.weekly,
    Frequency.MONTHLY: FREQ.monthly,
    Frequency.QUARTERLY: FREQ.quarterly,
    Frequency.YEARLY: FREQ.annual,
}
MEDIA_TYPES = {
    Format.CSV: "text/csv",
    Format.JSON: "application/json",
    Format.GEOJSON: "application/geo+json",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FILE_TYPES = {Format.CSV: "CSV", Format.JSON: "JSON", Format.GEOJSON: "GEOJSON", Format.XLSX: "XLSX"}
PREFIXES = {
    "dcat": DCAT,
    "dct": DCTERMS,
    "foaf": FOAF,
    "vcard": VCARD,
    "spdx": SPDX,
    "skos": SKOS,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}
JSONLD_CONTEXT = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
CONTENT_TYPES = {"jsonld": "application/ld+json", "ttl": "text/turtle; charset=utf-8"}


def _graph() -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _time(value: dt.datetime) -> Literal:
    return Literal(timezone.localtime(value).isoformat(), datatype=XSD.dateTime)


def _index_url() -> str:
    return links.base_url() + reverse("opendata:index")


def _publisher(graph: Graph) -> URIRef:
    """The municipality, publisher of the catalogue."""
    municipality = core_selectors.municipality_find()
    agent = URIRef(_index_url() + "#publisher")
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, RDF.type, FOAF.Organization))
    graph.add((agent, FOAF.name, Literal(municipality.name if municipality else "", lang="ja")))
    if municipality and municipality.name_en:
        graph.add((agent, FOAF.name, Literal(municipality.name_en, lang="en")))
    if municipality and municipality.website:
        graph.add((agent, FOAF.homepage, URIRef(municipality.website)))
    return agent


def _department(graph: Graph, department: Department, title: str) -> URIRef:
    """A 課 publishing datasets: the CKAN organisation of the same code."""
    agent = URIRef(f"{_index_url()}#org-{department.code}")
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, RDF.type, FOAF.Organization))
    graph.add((agent, FOAF.name, Literal(title, lang="ja")))
    if department.name_en:
        graph.add((agent, FOAF.name, Literal(department.name_en, lang="en")))
    graph.add((agent, DCTERMS.identifier, Literal(department.code)))
    return agent


def _telephone(phone: str) -> URIRef:
    """RFC 3966 global number: 0287-23-1111 → tel:+81-287-23-1111."""
    digits = phone.strip().replace(" ", "-")
    return URIRef("tel:" + ("+81-" + digits[1:] if digits.startswith("0") else digits))


def _contact_point(graph: Graph, dataset: Dataset, title: str) -> BNode:
    department = dataset.department
    contact = BNode()
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(title, lang="ja")))
    if department.email:
        graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{department.email}")))
    if department.phone:
        graph.add((contact, VCARD.hasTelephone, _telephone(department.phone)))
    if dataset.contact:
        graph.add((contact, VCARD.note, Literal(dataset.contact, lang="ja")))
    return contact


def _theme(graph: Graph, group: Group) -> URIRef:
    concept = URIRef(f"{_index_url()}?group={group.slug}")
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.prefLabel, Literal(group.title, lang="ja")))
    if group.title_en:
        graph.add((concept, SKOS.prefLabel, Literal(group.title_en, lang="en")))
    graph.add((concept, SKOS.inScheme, URIRef(_index_url() + "#themes")))
    return concept


def _license(graph: Graph, dataset: Dataset) -> URIRef:
    document = URIRef(dataset.license_url)
    graph.add((document, RDF.type, DCTERMS.LicenseDocument))
    graph.add((document, DCTERMS.title, Literal(str(License(dataset.license).label), lang="ja")))
    graph.add((document, DCTERMS.identifier, Literal(dataset.license)))
    return document


def _distribution(graph: Graph, dataset: Dataset, version: DatasetVersion, resource: Resource) -> URIRef:
    fmt = Format(resource.format)
    node = URIRef(f"{links.dataset_url(dataset)}#distribution-{fmt}")
    url = URIRef(links.download_url(resource))
    graph.add((node, RDF.type, DCAT.Distribution))
    graph.add((node, DCTERMS.identifier, Literal(str(resource.pk))))
    graph.add((node, DCTERMS.title, Literal(f"{dataset.title}（{fmt.label}）", lang="ja")))
    graph.add((node, DCAT.downloadURL, url))
    graph.add((node, DCAT.accessURL, url))
    graph.add((node, DCAT.mediaType, URIRef(IANA + MEDIA_TYPES[fmt])))
    graph.add((node, DCTERMS.format, FILE_TYPE[FILE_TYPES[fmt]]))
    graph.add((node, DCAT.byteSize, Literal(resource.size, datatype=XSD.nonNegativeInteger)))
    graph.add((node, DCTERMS.issued, _time(resource.created_at)))
    graph.add((node, DCTERMS.modified, _time(resource.created_at)))
    graph.add((node, DCTERMS.license, URIRef(dataset.license_url)))
    checksum = BNode()
    graph.add((node, SPDX.checksum, checksum))
    graph.add((checksum, RDF.type, SPDX.Checksum))
    graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    graph.add((checksum, SPDX.checksumValue, Literal(resource.sha256, datatype=XSD.hexBinary)))
    return node


def _standard(graph: Graph, dataset: Dataset) -> BNode | None:
    """The 自治体標準オープンデータセット definition (current or legacy edition) the published file follows. It
    has no URI of its own, hence a blank node."""
    definition = selectors.published_standard(dataset)
    if definition is None:
        return None
    standard = BNode()
    graph.add((standard, RDF.type, DCTERMS.Standard))
    graph.add((standard, DCTERMS.title, Literal(definition.name_ja, lang="ja")))
    graph.add((standard, DCTERMS.identifier, Literal(definition.key)))
    graph.add((standard, OWL.versionInfo, Literal(definition.edition)))
    graph.add((standard, RDFS.seeAlso, STANDARD_PAGE))
    return standard


def dataset_node(graph: Graph, dataset: Dataset) -> URIRef:
    """Add one published dataset, its agents and distributions to `graph`."""
    title = dataset.department.full_name  # the selectors load each 課 with its 部
    page = links.dataset_url(dataset)
    node = URIRef(page + "#dataset")
    graph.add((node, RDF.type, DCAT.Dataset))
    graph.add((node, DCTERMS.identifier, Literal(str(dataset.pk))))
    graph.add((node, DCTERMS.title, Literal(dataset.title, lang="ja")))
    if dataset.description:
        graph.add((node, DCTERMS.description, Literal(dataset.description, lang="ja")))
    for tag in dataset.tags:
        graph.add((node, DCAT.keyword, Literal(tag, lang="ja")))
    graph.add((node, DCTERMS.publisher, _department(graph, dataset.department, title)))
    graph.add((node, DCAT.contactPoint, _contact_point(graph, dataset, title)))
    graph.add((node, DCTERMS.license, _license(graph, dataset)))
    graph.add((node, DCTERMS.accrualPeriodicity, FREQUENCIES[Frequency(dataset.frequency)]))
    graph.add((node, DCTERMS.issued, _time(dataset.published_at or dataset.created_at)))
    graph.add((node, DCTERMS.modified, _time(dataset.updated_at)))
    graph.add((node, DCTERMS.language, JAPANESE))
    graph.add((node, DCAT.landingPage, URIRef(page)))
    for group in dataset.groups.all():
        graph.add((node, DCAT.theme, _theme(graph, group)))
    standard = _standard(graph, dataset)
    if standard is not None:
        graph.add((node, DCTERMS.conformsTo, standard))
    version = dataset.current
    if version is not None:
        version.dataset = dataset  # download_url() reads it; saves a query per file
        graph.add((node, OWL.versionInfo, Literal(str(version.number))))
        for resource in selectors.resources_of(version):
            graph.add((node, DCAT.distribution, _distribution(graph, dataset, version, resource)))
    return node


def catalog_graph(datasets: Iterable[Dataset]) -> Graph:
    """The whole catalogue: every published dataset described in full (a city's catalogue is small)."""
    graph = _graph()
    municipality = core_selectors.municipality_find()
    name = municipality.name if municipality else ""
    catalog = URIRef(_index_url())
    graph.add((catalog, RDF.type, DCAT.Catalog))
    graph.add((catalog, DCTERMS.title, Literal(f"{name}オープンデータカタログ", lang="ja")))
    graph.add((catalog, DCTERMS.description, Literal(f"{name}が公開しているオープンデータの一覧", lang="ja")))
    graph.add((catalog, DCTERMS.publisher, _publisher(graph)))
    graph.add((catalog, FOAF.homepage, catalog))
    graph.add((catalog, DCTERMS.language, JAPANESE))
    themes = URIRef(_index_url() + "#themes")
    graph.add((themes, RDF.type, SKOS.ConceptScheme))
    graph.add((themes, DCTERMS.title, Literal("分類", lang="ja")))
    graph.add((catalog, DCAT.themeTaxonomy, themes))
    modified: dt.datetime | None = None
    for dataset in datasets:
        graph.add((catalog, DCAT.dataset, dataset_node(graph, dataset)))
        modified = max(modified, dataset.updated_at) if modified else dataset.updated_at
    if modified is not None:
        graph.add((catalog, DCTERMS.modified, _time(modified)))
    return graph


def dataset_graph(dataset: Dataset) -> Graph:
    graph = _graph()
    dataset_node(graph, dataset)
    return graph


def serialize(graph: Graph, fmt: str) -> str:
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", context=JSONLD_CONTEXT, indent=2)
    return graph.serialize(format="turtle")


def _respond(graph: Graph, fmt: str) -> HttpResponse:
    response = HttpResponse(serialize(graph, fmt), content_type=CONTENT_TYPES[fmt])
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@public_when_anonymous(60)
def catalog_view(request: HttpRequest, fmt: str) -> HttpResponse:
    # Addresses are canonical (no /en/ prefix) whatever language the request came in.
    with translation.override(settings.LANGUAGE_CODE):
        return _respond(catalog_graph(selectors.published_datasets()), fmt)


@require_safe
@public_when_anonymous(60)
def dataset_view(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """One dataset's DCAT description; NotFoundError (404 page) unless it is published."""
    with translation.override(settings.LANGUAGE_CODE):
        return _respond(dataset_graph(selectors.dataset_published(slug=slug)), fmt)
