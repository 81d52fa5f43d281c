"""CKAN-compatible Action API over the published catalogue, read-only: ``/api/3/action/<name>``.

Harvesters (BODIK, search.ckan.jp, ckanext-harvest) and ckanapi speak CKAN 2.9/2.10's Action API, so
the same envelope, package dicts and error types are served here from the catalogue's own tables.
Why, and which subset: docs/adr/0004-ckan-compatible-api.md.

``params`` reads parameters and makes CKAN's errors, ``dicts`` builds CKAN's dicts, ``search`` runs
package_search's query syntax, ``actions`` holds the actions, ``views`` the one view.
"""

from cityhall.opendata.ckan.views import action

__all__ = ["action"]
