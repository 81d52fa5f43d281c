"""The one view of the Action API: dispatch, CKAN's envelope and statuses, CORS, usage counting."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from cityhall.opendata import services
from cityhall.opendata.ckan.actions import ACTIONS, DATASET_KEY
from cityhall.opendata.ckan.dicts import Site
from cityhall.opendata.ckan.params import ActionError, JsonDict, Params, read_params

_WRITE_ACTION = re.compile(r"^[a-z_]+_(create|update|patch|delete|purge|revise|reorder|follow|unfollow)$|^bulk_")


def _respond(body: Any, status: int = 200) -> HttpResponse:
    response = JsonResponse(body, status=status, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/json;charset=utf-8"
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-cache"
    return response


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Content-Type, Authorization, X-CKAN-API-Key"
    response["Access-Control-Max-Age"] = "86400"
    return response


@csrf_exempt  # read-only and anonymous: there is no session to protect
def action(request: HttpRequest, name: str) -> HttpResponse:
    """One Action API call: the CKAN envelope, CKAN's error types and statuses, counted as "api" usage."""
    if request.method == "OPTIONS":
        return _preflight()
    if request.method not in ("GET", "HEAD", "POST"):
        return _respond("Bad request - Method not allowed", status=405)
    function = ACTIONS.get(name)
    if function is None:
        if _WRITE_ACTION.match(name):
            message = "Access denied: このAPIは読み取り専用です。データの登録・更新は職員用の画面で行います。"
            return _respond({"success": False, "error": {"__type": "Authorization Error", "message": message}}, 403)
        return _respond(f"Bad request - Action name not known: {name}", status=400)
    # Fixed language: addresses (reverse() under i18n_patterns) and labels must not follow Accept-Language.
    with translation.override(settings.LANGUAGE_CODE):
        return _run(request, name, function)


def _run(request: HttpRequest, name: str, function: Callable[[Site, Params], Any]) -> HttpResponse:
    site = Site.current()
    envelope: JsonDict = {"help": f"{site.base_url}/api/3/action/help_show?name={name}"}
    dataset_id = None
    try:
        params = read_params(request)
    except (ValueError, UnicodeDecodeError) as error:
        return _respond(f"Bad request - JSON Error: {error}", status=400)
    try:
        result = function(site, params)
    except ActionError as error:
        status, envelope = error.status, {**envelope, "success": False, "error": error.error}
    else:
        status, envelope = 200, {**envelope, "success": True, "result": result}
        if name in DATASET_KEY:
            dataset_id = result[DATASET_KEY[name]]
    services.usage_record_request(request, dataset_id=dataset_id, fmt="api")
    return _respond(envelope, status=status)
