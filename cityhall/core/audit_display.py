"""How the audit log is shown: each app registers Japanese labels for its actions and object types, and links.

Presentation only. An entry keeps the action code and the object's type, id and label exactly as
they were recorded, and those are what its hash covers; nothing here is stored, so a label can be
reworded or a page moved at any time. Apps register in AppConfig.ready() (core imports no app), as
with core.modules and core.periodic.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.text import camel_case_to_spaces

Label = str | Promise
# (ids of objects of one type, the viewer) → {id: console URL} for the objects the viewer may open.
LinkResolver = Callable[[Collection[str], Any], Mapping[str, str]]


@dataclass(frozen=True)
class ObjectType:
    label: Label
    links: LinkResolver | None = None


_actions: dict[str, Label] = {}
_object_types: dict[str, ObjectType] = {}


def register_actions(labels: Mapping[str, Label]) -> None:
    """Label action codes ("opendata.version.publish" → 「データセットの版を公開」). Raises on a conflicting label."""
    for action, label in labels.items():
        existing = _actions.get(action)
        if existing is not None and str(existing) != str(label):
            raise ValueError(f"audit action {action!r} labelled twice")
        _actions[action] = label


def register_object_types(types: Mapping[str, ObjectType]) -> None:
    """Name object types ("plans.initiative", a model's label_lower) and say where the console shows them."""
    for object_type, spec in types.items():
        existing = _object_types.get(object_type)
        if existing is not None and str(existing.label) != str(spec.label):
            raise ValueError(f"audit object type {object_type!r} named twice")
        _object_types[object_type] = spec


def labelled_actions() -> frozenset[str]:
    return frozenset(_actions)


def action_label(action: str) -> Label:
    """The action's label; its code when no app labels it (the label test keeps that from happening)."""
    return _actions.get(action, action)


def object_type_label(object_type: str) -> Label:
    """The registered label, else the model's own Japanese verbose name, else the type as recorded."""
    spec = _object_types.get(object_type)
    if spec is not None:
        return spec.label
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return object_type
    named = model._meta.verbose_name
    return object_type if str(named) == camel_case_to_spaces(model.__name__) else named


def object_links(objects: Iterable[tuple[str, str]], viewer: Any) -> dict[tuple[str, str], str]:
    """Console URLs of the (object type, object id) pairs that have a page the viewer may open.

    One resolver call per object type, so a page of entries costs a query per type at most.
    """
    wanted: dict[str, set[str]] = {}
    for object_type, object_id in objects:
        spec = _object_types.get(object_type)
        if spec is not None and spec.links is not None and object_id:
            wanted.setdefault(object_type, set()).add(object_id)
    found: dict[tuple[str, str], str] = {}
    for object_type, ids in wanted.items():
        links = _object_types[object_type].links
        assert links is not None
        found.update(((object_type, object_id), url) for object_id, url in links(ids, viewer).items())
    return found


def link_each(url_name: str, kwarg: str, *, may_open: Callable[[Any], bool]) -> LinkResolver:
    """A resolver for a page per object, addressed by its id (`kwarg`), for viewers `may_open` lets in."""

    def resolve(ids: Collection[str], viewer: Any) -> dict[str, str]:
        if not may_open(viewer):
            return {}
        found: dict[str, str] = {}
        for object_id in ids:
            try:
                found[object_id] = reverse(url_name, kwargs={kwarg: object_id})
            except NoReverseMatch:  # an id the URL cannot take (not a number, say): plain text
                continue
        return found

    return resolve


def link_all(url_name: str, *, may_open: Callable[[Any], bool]) -> LinkResolver:
    """A resolver for objects shown together on one page (a list), for viewers `may_open` lets in."""

    def resolve(ids: Collection[str], viewer: Any) -> dict[str, str]:
        return dict.fromkeys(ids, reverse(url_name)) if may_open(viewer) else {}

    return resolve
