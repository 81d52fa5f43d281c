"""What the open data catalogue's audit entries mean: labels of its actions and object types, and their pages."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cityhall.core.audit_display import LinkResolver, ObjectType, link_all
from cityhall.opendata.models import DataRequest, Dataset, DatasetVersion, SchemaDefinition, Upload
from cityhall.opendata.permissions import can_manage, is_admin

ACTIONS = {
    "opendata.dataset.create": _("データセットを作成"),
    "opendata.dataset.update": _("データセットを変更"),
    "opendata.dataset.groups": _("データセットの分類を変更"),
    "opendata.dataset.state": _("データセットの掲載・取り下げ"),
    "opendata.upload.create": _("ファイルをアップロード"),
    "opendata.upload.fix": _("アップロードしたファイルを修正"),
    "opendata.upload.confirm": _("不明の列を該当なしと確認"),
    "opendata.upload.discard": _("アップロードを破棄"),
    "opendata.upload.publish": _("アップロードしたファイルの公開を指示"),
    "opendata.version.publish": _("データセットの版を公開"),
    "opendata.version.withdraw": _("データセットの版を取り下げ"),
    "opendata.schema.create": _("データセット定義を作成"),
    "opendata.schema.update": _("データセット定義を変更"),
    "opendata.schema.synonyms": _("見出しの別名を変更"),
    "opendata.settings.update": _("カタログ設定を変更"),
    "opendata.request.answer": _("データ公開リクエストに回答"),
}


def _uuids(ids: Collection[str]) -> list[uuid.UUID]:
    found = []
    for value in ids:
        try:
            found.append(uuid.UUID(value))
        except ValueError:
            continue
    return found


def _numbers(ids: Collection[str]) -> list[int]:
    return [int(i) for i in ids if i.isascii() and i.isdigit()]


def _managed(rows: Callable[[Collection[str]], Any], url_name: str, kwarg: str) -> LinkResolver:
    """Links for objects of a 担当課: rows give (pk, page id, department id); `can_manage` decides."""

    def resolve(ids: Collection[str], viewer: Any) -> dict[str, str]:
        return {
            str(pk): reverse(url_name, kwargs={kwarg: page_id})
            for pk, page_id, department_id in rows(ids)
            if can_manage(viewer, department_id)
        }

    return resolve


def _schemas(ids: Collection[str], viewer: Any) -> dict[str, str]:
    if not is_admin(viewer):
        return {}
    rows = SchemaDefinition.objects.filter(pk__in=_numbers(ids)).values_list("pk", "key")
    return {str(pk): reverse("console:opendata:schema_edit", kwargs={"key": key}) for pk, key in rows}


DETAIL = "console:opendata:detail"
OBJECT_TYPES = {
    "opendata.dataset": ObjectType(
        _("データセット"),
        _managed(
            lambda ids: Dataset.objects.filter(pk__in=_uuids(ids)).values_list("pk", "pk", "department_id"),
            DETAIL,
            "dataset_id",
        ),
    ),
    "opendata.datasetversion": ObjectType(
        _("データセットの版"),
        _managed(
            lambda ids: DatasetVersion.objects.filter(pk__in=_numbers(ids)).values_list(
                "pk", "dataset_id", "dataset__department_id"
            ),
            DETAIL,
            "dataset_id",
        ),
    ),
    "opendata.upload": ObjectType(
        _("アップロード"),
        _managed(
            lambda ids: Upload.objects.filter(pk__in=_uuids(ids)).values_list("pk", "pk", "dataset__department_id"),
            "console:opendata:upload_detail",
            "upload_id",
        ),
    ),
    "opendata.datarequest": ObjectType(
        _("データ公開リクエスト"),
        _managed(
            lambda ids: DataRequest.objects.filter(pk__in=_numbers(ids)).values_list("pk", "pk", "department_id"),
            "console:opendata:request_answer",
            "pk",
        ),
    ),
    "opendata.schemadefinition": ObjectType(_("データセット定義"), _schemas),
    "opendata.catalogsettings": ObjectType(_("カタログ設定"), link_all("console:opendata:settings", may_open=is_admin)),
    "opendata.group": ObjectType(_("分類")),
    "opendata.resource": ObjectType(_("公開ファイル")),
    "opendata.usagedaily": ObjectType(_("利用状況（日別）")),
}
