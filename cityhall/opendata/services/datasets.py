"""Datasets, their versions, the dataset definitions and the catalogue settings: the staff writes that
do not touch an upload's file."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from cityhall.core import text
from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_update, save_unique, snapshot
from cityhall.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from cityhall.opendata import selectors
from cityhall.opendata.models import CatalogSettings, Dataset, DatasetVersion, Group, SchemaDefinition
from cityhall.opendata.permissions import can_manage, is_admin
from cityhall.opendata.validation import header_key

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{1,99}$")
_TAG = re.compile(r"^[^,<>\"]{1,40}$")
DATASET_FIELDS = ("title", "description", "department", "license", "frequency", "contact", "schema", "tags")


def _clean_tags(tags: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in tags:
        tag = text.fold(str(raw))  # a tag is a keyword: ＧＩＳ and GIS are one tag
        if not tag:
            continue
        if not _TAG.match(tag):
            raise InvalidInputError(f'タグ「{tag[:40]}」は使えません（40文字以内、記号 , < > " は使えません）。')
        if tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > 20:
        raise InvalidInputError("タグは20個までです。")
    return cleaned


def _check_dataset_data(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    data["title"] = text.prose(str(data.get("title", ""))).strip()
    if not data["title"]:
        raise InvalidInputError("タイトルを入力してください。")
    data["tags"] = _clean_tags(data.get("tags") or [])
    return data


def dataset_create(
    *, actor: Actor, slug: str, groups: Iterable[Group] = (), request: HttpRequest | None = None, **data: Any
) -> Dataset:
    """Register a dataset (draft) with its groups, and audit it.

    Raises PermissionDeniedError (another department's), InvalidInputError (title, tags or URL name) and
    ConflictError (the URL name is taken)."""
    data = _check_dataset_data(data)
    if not can_manage(actor, getattr(data.get("department"), "pk", None)):
        raise PermissionDeniedError("この課のデータセットを登録する権限がありません。")
    slug = slug.strip().lower()
    if not _SLUG.match(slug):
        raise InvalidInputError("URL名は半角英小文字・数字・ハイフン・下線で2〜100文字にしてください。")
    with transaction.atomic():
        dataset = Dataset(slug=slug, **{k: data[k] for k in DATASET_FIELDS if k in data})
        save_unique(dataset, conflict=f"URL名「{slug}」はすでに使われています。")
        dataset.groups.set(list(groups))
        audit_record(
            actor=actor,
            action="opendata.dataset.create",
            target=dataset,
            after={**snapshot(dataset), "groups": sorted(g.slug for g in groups)},
            department_id=dataset.department_id,
            request=request,
        )
    return dataset


def dataset_update(
    *,
    actor: Actor,
    dataset: Dataset,
    groups: Iterable[Group] | None = None,
    request: HttpRequest | None = None,
    **data: Any,
) -> Dataset:
    """Save the catalogue fields and groups of a dataset, and audit the change.

    Raises PermissionDeniedError (not the user's department, or moving it to another without being the ICT
    policy division) and InvalidInputError (title or tags)."""
    if not can_manage(actor, dataset.department_id):
        raise PermissionDeniedError()
    data = _check_dataset_data({**{k: getattr(dataset, k) for k in ("title", "tags")}, **data})
    new_department = data.get("department")
    if new_department is not None and not can_manage(actor, new_department.pk):
        raise PermissionDeniedError("他の課へ移す権限がありません。")
    changes = {k: data[k] for k in DATASET_FIELDS if k in data}
    changes["updated_at"] = timezone.now()
    with transaction.atomic():
        before_groups = sorted(dataset.groups.values_list("slug", flat=True))
        audited_update(
            actor=actor,
            action="opendata.dataset.update",
            target=dataset,
            changes=changes,
            department_id=dataset.department_id,
            request=request,
        )
        if groups is not None:
            groups = list(groups)
            dataset.groups.set(groups)
            after_groups = sorted(g.slug for g in groups)
            if after_groups != before_groups:
                audit_record(
                    actor=actor,
                    action="opendata.dataset.groups",
                    target=dataset,
                    before={"groups": before_groups},
                    after={"groups": after_groups},
                    department_id=dataset.department_id,
                    request=request,
                )
    return dataset


def dataset_set_state(*, actor: Actor, dataset: Dataset, state: str, request: HttpRequest | None = None) -> Dataset:
    """Withdraw a published dataset from the catalogue, or put it back."""
    if not can_manage(actor, dataset.department_id):
        raise PermissionDeniedError()
    if state not in (Dataset.State.PUBLISHED, Dataset.State.WITHDRAWN):
        raise InvalidInputError("状態の指定が正しくありません。")
    if state == Dataset.State.PUBLISHED and dataset.current_id is None:
        raise InvalidInputError("公開された版がありません。ファイルをアップロードして公開してください。")
    with transaction.atomic():
        audited_update(
            actor=actor,
            action="opendata.dataset.state",
            target=dataset,
            changes={"state": state, "updated_at": timezone.now()},
            department_id=dataset.department_id,
            request=request,
        )
    return dataset


# ------------------------------------------------------------------------------------------ versions


def version_withdraw(
    *, actor: Actor, version: DatasetVersion, reason: str, request: HttpRequest | None = None
) -> DatasetVersion:
    """Take an earlier version's files off the site (e.g. it held personal data that a later version removed).

    The current version cannot be withdrawn this way: publish a corrected file, or stop the whole dataset.
    """
    dataset = version.dataset
    if not can_manage(actor, dataset.department_id):
        raise PermissionDeniedError()
    reason = text.prose(reason).strip()
    if not reason:
        raise InvalidInputError("取り下げの理由を入力してください。")
    with transaction.atomic():
        locked = DatasetVersion.objects.select_for_update().select_related("dataset").get(pk=version.pk)
        if locked.dataset.current_id == locked.pk:
            raise InvalidInputError(
                "公開中の版は取り下げられません。直したファイルを公開するか、データセットの公開を停止してください。"
            )
        if locked.withdrawn_at is not None:
            raise ConflictError("この版はすでに取り下げています。")
        audited_update(
            actor=actor,
            action="opendata.version.withdraw",
            target=locked,
            changes={"withdrawn_at": timezone.now(), "withdrawn_reason": reason[:200]},
            department_id=dataset.department_id,
            request=request,
        )
    return locked


# ------------------------------------------------------------------------------------------ schemas


def schema_save(
    *, actor: Actor, definition: SchemaDefinition | None, data: dict[str, Any], request: HttpRequest | None = None
) -> SchemaDefinition:
    """Create or correct a dataset definition (ICT policy division). Audited as `opendata.schema.update`, or
    `opendata.schema.synonyms` when only header synonyms changed: those are this site's own data, carried over
    when a revised standard is loaded, so they do not mark the definition as corrected (schema_updates.py).

    Raises PermissionDeniedError, InvalidInputError (a blank or repeated name, an unknown type, a synonym that
    names two columns) and ConflictError (the key is taken).
    """
    if not is_admin(actor):
        raise PermissionDeniedError()
    columns = _checked_columns(data.get("columns") or [])
    fields = {k: data[k] for k in ("name_ja", "edition", "status", "source", "is_active") if k in data}
    fields["columns"] = columns
    with transaction.atomic():
        if definition is None:
            return _schema_create(actor=actor, key=str(data.get("key", "")).strip(), fields=fields, request=request)
        only_synonyms = _without_synonyms(columns) == _without_synonyms(definition.columns) and all(
            getattr(definition, k) == v for k, v in fields.items() if k != "columns"
        )
        audited_update(
            actor=actor,
            action="opendata.schema.synonyms" if only_synonyms else "opendata.schema.update",
            target=definition,
            changes={**fields, "updated_at": timezone.now()},
            request=request,
        )
    return definition


def _schema_create(*, actor: Actor, key: str, fields: dict[str, Any], request: HttpRequest | None) -> SchemaDefinition:
    if not re.match(r"^[a-z0-9_]{2,80}$", key):
        raise InvalidInputError("キーは半角英小文字・数字・下線で入力してください。")
    if SchemaDefinition.objects.filter(key=key).exists():
        raise ConflictError(f"キー「{key}」はすでにあります。")
    definition = SchemaDefinition.objects.create(key=key, **fields, updated_at=timezone.now())
    audit_record(
        actor=actor, action="opendata.schema.create", target=definition, after=snapshot(definition), request=request
    )
    return definition


_COLUMN_TYPES = {"string", "integer", "number", "date", "time", "lat", "lon", "code", "phone", "url", "email"}


def _checked_columns(columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The columns with their synonyms tidied; InvalidInputError for anything a check could not use."""
    names = [str(c.get("name", "")).strip() for c in columns]
    if not names or any(not n for n in names):
        raise InvalidInputError("項目名が空の行があります。")
    if len(set(names)) != len(names):
        raise InvalidInputError("同じ項目名が2回あります。")
    for column in columns:
        if column.get("type") not in _COLUMN_TYPES:
            raise InvalidInputError(f"項目「{column.get('name')}」の型「{column.get('type')}」は使えません。")
    tidied = [_tidy_synonyms(column) for column in columns]
    _check_synonyms_unambiguous(tidied)
    return tidied


def _tidy_synonyms(column: dict[str, Any]) -> dict[str, Any]:
    if "synonyms" not in column:
        return column
    own = header_key(str(column["name"]))
    kept: dict[str, str] = {}
    for raw in column["synonyms"] or []:
        synonym = text.prose(str(raw)).strip()  # as typed: the header matcher folds for comparison
        if len(synonym) > 100:
            raise InvalidInputError(f"項目「{column['name']}」の別名「{synonym[:20]}…」が長すぎます（100文字まで）。")
        if synonym and header_key(synonym) != own:
            kept.setdefault(header_key(synonym), synonym)
    return {**column, "synonyms": list(kept.values())}


def _check_synonyms_unambiguous(columns: list[dict[str, Any]]) -> None:
    """A synonym may not name another column (by its name, physical or English name, or synonym)."""
    owners: dict[str, str] = {}
    for column in columns:
        for other in (column["name"], column.get("physical_name"), column.get("english_name")):
            if other:
                owners.setdefault(header_key(str(other)), str(column["name"]))
    for column in columns:
        for synonym in column.get("synonyms", []):
            owner = owners.setdefault(header_key(synonym), str(column["name"]))
            if owner != column["name"]:
                raise InvalidInputError(
                    f"別名「{synonym}」は項目「{owner}」と「{column['name']}」の両方を指します。どちらかから外してください。"
                )


def _without_synonyms(columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a column says besides its synonyms; the console writes "" where the reference has nothing."""
    return [
        {k: v for k, v in column.items() if k != "synonyms" and v not in ("", None)}
        | {"required": bool(column.get("required"))}
        for column in columns
    ]


def catalog_settings_update(*, actor: Actor, request: HttpRequest | None = None, **changes: Any) -> CatalogSettings:
    """Save the catalogue settings (the area box and the contact), and audit the change.

    Raises PermissionDeniedError (not the ICT policy division) and InvalidInputError (a box not complete, or
    its sides in the wrong order)."""
    if not is_admin(actor):
        raise PermissionDeniedError()
    current = selectors.catalog_settings()
    values = [changes.get(k, getattr(current, k)) for k in ("min_lat", "min_lon", "max_lat", "max_lon")]
    if any(v is not None for v in values):
        if any(v is None for v in values):
            raise InvalidInputError("範囲は南端・西端・北端・東端の4つすべてを入力してください。")
        min_lat, min_lon, max_lat, max_lon = (float(v) for v in values)
        if not (min_lat < max_lat and min_lon < max_lon):
            raise InvalidInputError("範囲の南端は北端より小さく、西端は東端より小さくしてください。")
    with transaction.atomic():
        audited_update(actor=actor, action="opendata.settings.update", target=current, changes=changes, request=request)
    return current
