"""CKAN error responses and the reading of an action's parameters (query string, JSON body or form)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest

JsonDict = dict[str, Any]
Params = dict[str, Any]
MISSING = "必須項目です。"


class ActionError(Exception):
    """A CKAN error response: HTTP status and the ``error`` object of the envelope."""

    def __init__(self, status: int, error: JsonDict) -> None:
        super().__init__(error)
        self.status = status
        self.error = error


def not_found(message: str) -> ActionError:
    return ActionError(404, {"__type": "Not Found Error", "message": f"Not found: {message}"})


def invalid(field: str, message: str) -> ActionError:
    return ActionError(409, {"__type": "Validation Error", field: [message]})


def search_error(message: str) -> ActionError:
    return ActionError(409, {"__type": "Search Error", "message": f"Search error: {message}"})


# ------------------------------------------------------------------------------------------ parameters


def read_params(request: HttpRequest) -> Params:
    """Query string, then a JSON body or a form on top, as CKAN reads them. Raises ValueError for bad JSON."""
    params: Params = {}
    for source in (request.GET, request.POST if _is_form(request) else None):
        if source is not None:
            for key in source:
                values = source.getlist(key)
                params[key] = values[0] if len(values) == 1 else values
    if request.method == "POST" and not _is_form(request) and request.body.strip():
        body = json.loads(request.body)
        if not isinstance(body, dict):
            raise ValueError("Request data JSON decoded to a non-dictionary")
        params.update(body)
    return params


def _is_form(request: HttpRequest) -> bool:
    return request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data")


def int_param(params: Params, name: str, default: int, *, maximum: int | None = None) -> int:
    value = params.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(str(value).strip())
    except ValueError:
        raise invalid(name, "整数で指定してください。") from None
    if number < 0:
        raise invalid(name, "0以上の整数で指定してください。")
    return min(number, maximum) if maximum is not None else number


def bool_param(params: Params, name: str, default: bool) -> bool:
    value = params.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1", "yes", "on")


def str_param(params: Params, name: str, default: str = "") -> str:
    value = params.get(name)
    if value is None:
        return default
    if isinstance(value, list | dict):
        raise invalid(name, "文字列で指定してください。")
    return str(value)


def required(params: Params, *names: str) -> str:
    for name in names:
        value = str_param(params, name).strip()
        if value:
            return value
    raise invalid(names[0], MISSING)


def str_list(params: Params, name: str) -> list[str]:
    """A list given as a JSON list, a JSON string of a list (GET), repeated parameters or one name."""
    value = params.get(name)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            value = [value]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise invalid(name, "文字列のリストで指定してください。")
    return value
