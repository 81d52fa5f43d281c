"""The public-surface contract catches an app reaching into another app's internals."""

from __future__ import annotations

from grimp import ImportGraph

from tests.import_contracts import PublicSurfaceContract


def _contract() -> PublicSurfaceContract:
    options = {"container": "cityhall", "kernel": "core", "public": ["services", "selectors", "api"]}
    return PublicSurfaceContract(name="surface", session_options={}, contract_options=options)


def _graph(*imports: tuple[str, str]) -> ImportGraph:
    graph = ImportGraph()
    for importer, imported in imports:
        graph.add_import(importer=importer, imported=imported, line_number=1, line_contents="import x")
    return graph


def test_services_selectors_api_and_the_kernel_are_open():
    graph = _graph(
        ("cityhall.plans.views", "cityhall.accounts.selectors"),
        ("cityhall.portal.views", "cityhall.procedures.services"),
        ("cityhall.plans.services", "cityhall.core.audit"),
        ("cityhall.plans.services", "cityhall.plans.models"),  # its own app
        ("cityhall.plans.tests.test_x", "cityhall.accounts.models"),  # tests arrange state anywhere
    )
    assert _contract().check(graph, verbose=False).kept


def test_anything_else_of_another_app_is_refused_even_in_a_new_app():
    graph = _graph(("cityhall.payments.services", "cityhall.accounts.models"))
    check = _contract().check(graph, verbose=False)
    assert not check.kept
    assert check.metadata["broken"][0]["imported"] == "cityhall.accounts.models"
