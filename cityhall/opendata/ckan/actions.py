"""The read actions: each takes the site and the parameters and returns CKAN's ``result``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.utils.translation import get_language

from cityhall.core import selectors as core_selectors
from cityhall.core.errors import NotFoundError
from cityhall.core.models import Department
from cityhall.opendata import selectors
from cityhall.opendata.ckan.dicts import (
    Site,
    group_dict,
    license_title,
    organization_dict,
    package_dict,
    resource_dict,
    tag_dict,
)
from cityhall.opendata.ckan.params import (
    JsonDict,
    Params,
    bool_param,
    int_param,
    invalid,
    not_found,
    required,
    search_error,
    str_list,
    str_param,
)
from cityhall.opendata.ckan.search import (
    DEFAULT_SORT,
    FACET_FIELDS,
    Found,
    check_sort,
    facet_results,
    run_search,
)
from cityhall.opendata.models import LICENSE_URLS, License

CKAN_VERSION = "2.10.0"  # the API level emulated, reported by status_show
ROWS_DEFAULT = 10
ROWS_MAX = 1000  # ckan.search.rows_max
LIST_MAX = 1000  # ckan.group_and_organization_list_max
FACET_LIMIT_DEFAULT = 50  # search.facets.limit


def status_show(site: Site, params: Params) -> JsonDict:
    return {
        "site_title": f"{site.name}オープンデータカタログ",
        "site_description": f"{site.name}が公開しているオープンデータ（CKAN互換API・読み取り専用）",
        "site_url": site.base_url,
        "ckan_version": CKAN_VERSION,
        "error_emails_to": None,
        "locale_default": settings.LANGUAGE_CODE,
        "extensions": [],
    }


def package_list(site: Site, params: Params) -> list[str]:
    names = list(selectors.published_datasets().order_by("slug").values_list("slug", flat=True))
    offset = int_param(params, "offset", 0)
    limit = int_param(params, "limit", len(names))
    return names[offset : offset + limit]


# The package dicts of this process's catalogue copy, by (site, language, dataset): a dict is a pure
# function of the dataset as the catalogue holds it, so it is kept until the catalogue's version moves.
_dicts: dict[Any, JsonDict] = {}
_dicts_version: list[Any] = [None]


def package_dicts(site: Site, found: Found | selectors.SearchResult) -> list[JsonDict]:
    """The package dicts of `found`, built once per catalogue version (read-only: callers copy to change)."""
    if found.version is None:
        return [package_dict(site, d) for d in found.datasets]
    if _dicts_version[0] != found.version:
        _dicts.clear()
        _dicts_version[0] = found.version
    language = get_language()
    results = []
    for dataset in found.datasets:
        key = (site, language, dataset.pk)
        built = _dicts.get(key)
        if built is None:
            built = _dicts[key] = package_dict(site, dataset)
        results.append(built)
    return results


def package_search(site: Site, params: Params) -> JsonDict:
    sort = str_param(params, "sort").strip() or DEFAULT_SORT
    if sort == "rank":
        sort = DEFAULT_SORT
    check_sort(sort)
    facet_fields = str_list(params, "facet.field") if bool_param(params, "facet", True) else []
    unknown = [f for f in facet_fields if f not in FACET_FIELDS]
    if unknown:
        raise search_error(f"項目「{unknown[0]}」は集計できません（使える項目: {', '.join(FACET_FIELDS)}）。")
    found = run_search(
        site,
        q=str_param(params, "q"),
        fq=str_param(params, "fq"),
        sort=sort,
        start=int_param(params, "start", 0),
        rows=int_param(params, "rows", ROWS_DEFAULT, maximum=ROWS_MAX),
    )
    limit = _facet_limit(params)
    facets, search_facets = facet_results(site, found, facet_fields, limit, int_param(params, "facet.mincount", 1))
    results = package_dicts(site, found)
    fields = _fields(params.get("fl"))
    if fields:
        results = [{k: r[k] for k in fields if k in r} for r in results]
    return {"count": found.count, "results": results, "facets": facets, "search_facets": search_facets, "sort": sort}


def _fields(value: Any) -> list[str]:
    """``fl``: the package fields to return, as a list or a string separated by spaces or commas."""
    if isinstance(value, list):
        return [str(v) for v in value]
    return [f for f in re.split(r"[\s,]+", str(value or "")) if f]


def _facet_limit(params: Params) -> int:
    raw = params.get("facet.limit")
    if raw is None or raw == "":
        return FACET_LIMIT_DEFAULT
    try:
        return int(str(raw))
    except ValueError:
        raise invalid("facet.limit", "整数で指定してください。") from None


def package_show(site: Site, params: Params) -> JsonDict:
    ident = required(params, "id", "name_or_id")
    try:
        dataset = selectors.dataset_published_by_id_or_name(ident)
    except NotFoundError as error:
        raise not_found(error.message) from None
    return package_dict(site, dataset)


def current_package_list_with_resources(site: Site, params: Params) -> list[JsonDict]:
    limit = int_param(params, "limit", ROWS_DEFAULT, maximum=ROWS_MAX)
    page = int_param(params, "page", 0)
    offset = (page - 1) * limit if page else int_param(params, "offset", 0)
    found = selectors.search(sort="metadata_modified desc", start=offset, rows=limit)
    return package_dicts(site, found)


def resource_show(site: Site, params: Params) -> JsonDict:
    ident = required(params, "id")
    try:
        resource = selectors.resource_get(resource_id=ident, public=True)
    except NotFoundError as error:
        raise not_found(error.message) from None
    dataset = selectors.dataset_published_by_id_or_name(str(resource.version.dataset_id))
    version = dataset.current
    assert version is not None  # a published dataset has a current version
    for position, candidate in enumerate(selectors.resources_of(version)):
        if candidate.pk == resource.pk:
            return resource_dict(dataset, version, candidate, position)
    # Files of earlier versions stay downloadable, but CKAN only knows a package's current resources.
    raise not_found("ファイルが見つかりません（以前の版のファイルです）。")


def _list_window(params: Params) -> tuple[int, int]:
    return int_param(params, "offset", 0), int_param(params, "limit", LIST_MAX, maximum=LIST_MAX)


def _sorted(items: list[JsonDict], sort: str, default: Iterable[JsonDict]) -> list[JsonDict]:
    field, _sep, direction = sort.strip().partition(" ")
    if not field:
        return list(default)
    if field not in ("name", "title", "package_count"):
        raise invalid("sort", "name・title・package_count のいずれかで指定してください。")
    return sorted(items, key=lambda i: i[field], reverse=direction.strip().lower() == "desc")


def _package_counts() -> dict[str, Counter[str]]:
    return selectors.search(rows=0).facets


def organization_list(site: Site, params: Params) -> list[Any]:
    orgs = [organization_dict(site, d, count) for d, count in selectors.organizations()]
    orgs = _sorted(orgs, str_param(params, "sort"), orgs)
    offset, limit = _list_window(params)
    orgs = orgs[offset : offset + limit]
    return orgs if bool_param(params, "all_fields", False) else [o["name"] for o in orgs]


def _department_find(site: Site, ident: str) -> Department:
    """Any active department by code or by its CKAN id (one with no dataset yet shows package_count 0)."""
    for department in core_selectors.department_list():
        if ident in (department.code, site.uuid("organization", department.code)):
            return department
    raise not_found("組織が見つかりません。")


def _with_datasets(site: Site, data: JsonDict, params: Params, facet: str) -> JsonDict:
    data.update({"users": [], "extras": data.get("extras", []), "groups": [], "tags": []})
    if bool_param(params, "include_datasets", False):
        found = selectors.search(filters={facet: [data["name"]]}, sort="title_string asc", rows=ROWS_MAX)
        data["packages"] = package_dicts(site, found)
    return data


def organization_show(site: Site, params: Params) -> JsonDict:
    department = _department_find(site, required(params, "id"))
    count = _package_counts().get("organization", Counter())[department.code]
    data = organization_dict(site, department, count)
    data["extras"] = [
        {"key": key, "value": value}
        for key, value in (("email", department.email), ("name_en", department.name_en), ("phone", department.phone))
        if value
    ]
    return _with_datasets(site, data, params, "organization")


def group_list(site: Site, params: Params) -> list[Any]:
    counts = _package_counts().get("groups", Counter())
    groups = [group_dict(site, g, counts[g.slug]) for g in selectors.groups()]
    groups = _sorted(groups, str_param(params, "sort"), groups)
    offset, limit = _list_window(params)
    groups = groups[offset : offset + limit]
    return groups if bool_param(params, "all_fields", False) else [g["name"] for g in groups]


def group_show(site: Site, params: Params) -> JsonDict:
    ident = required(params, "id")
    group = next((g for g in selectors.groups() if ident in (g.slug, site.uuid("group", g.slug))), None)
    if group is None:
        raise not_found("分類が見つかりません。")
    data = group_dict(site, group, _package_counts().get("groups", Counter())[group.slug])
    if group.title_en:
        data["extras"] = [{"key": "title_en", "value": group.title_en}]
    return _with_datasets(site, data, params, "groups")


def tag_list(site: Site, params: Params) -> list[Any]:
    query = str_param(params, "query").casefold()
    tags = [t for t in selectors.tag_list() if query in t.casefold()]
    return [tag_dict(site, t) for t in tags] if bool_param(params, "all_fields", False) else tags


def license_list(site: Site, params: Params) -> list[JsonDict]:
    return [
        {
            "id": value,
            "title": license_title(value),
            "url": LICENSE_URLS[License(value)],
            "status": "active",
            "od_conformance": "approved",
            "osd_conformance": "not reviewed",
            "is_okd_compliant": True,
            "is_osi_compliant": False,
            "is_generic": False,
            "domain_content": True,
            "domain_data": True,
            "domain_software": False,
            "family": "",
            "maintainer": "",
        }
        for value in License.values
    ]


HELP = {
    "status_show": "サイトの情報（名称、URL、互換とするCKANのバージョン）を返します。",
    "package_list": "公開中のデータセットの名前（name）の一覧を返します。引数: limit, offset。",
    "package_search": (
        "公開中のデータセットを検索します。引数: q（語句。field:値 も可）, fq（tags, groups, organization, "
        "res_format, license_id, owner_org, name, id, metadata_modified:[… TO …] などの条件。+ / AND で結合）, "
        "rows（既定10、最大1000）, start, sort（score, title_string, name, metadata_modified, metadata_created に "
        "asc/desc）, facet.field（JSONのリスト）, facet.limit, facet.mincount, fl。"
    ),
    "package_show": "データセット1件を返します。引数: id（UUIDまたはname）。",
    "current_package_list_with_resources": "更新日の新しい順にデータセットを返します。引数: limit（既定10）, offset, page。",
    "resource_show": "公開中の版のファイル1件を返します。引数: id。",
    "organization_list": "データを公開している組織（課）の一覧です。引数: all_fields, sort, limit, offset。",
    "organization_show": "組織1件を返します。引数: id（組織コードまたはid）, include_datasets。",
    "group_list": "分類の一覧です。引数: all_fields, sort, limit, offset。",
    "group_show": "分類1件を返します。引数: id（nameまたはid）, include_datasets。",
    "tag_list": "公開中のデータセットに付いたタグの一覧です。引数: query, all_fields。",
    "license_list": "利用条件（ライセンス）の一覧です。",
    "help_show": "各APIの説明を返します。引数: name。",
}


def help_show(site: Site, params: Params) -> str:
    name = required(params, "name")
    if name not in HELP:
        raise not_found("APIが見つかりません。")
    return HELP[name]


ACTIONS: dict[str, Callable[[Site, Params], Any]] = {
    "status_show": status_show,
    "package_list": package_list,
    "package_search": package_search,
    "package_show": package_show,
    "current_package_list_with_resources": current_package_list_with_resources,
    "resource_show": resource_show,
    "organization_list": organization_list,
    "organization_show": organization_show,
    "group_list": group_list,
    "group_show": group_show,
    "tag_list": tag_list,
    "license_list": license_list,
    "help_show": help_show,
}
# The key of the result that names the dataset an action was about, for the usage figures.
DATASET_KEY = {"package_show": "id", "resource_show": "package_id"}
