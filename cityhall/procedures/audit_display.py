"""What the procedures guide's audit entries mean: labels of its actions and object types, and their pages."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cityhall.core.audit_display import LinkResolver, ObjectType, link_all
from cityhall.procedures.models import LifeEventRule, Procedure, ProcedureFile, ProcedureVersion
from cityhall.procedures.permissions import can_approve, can_edit, is_admin

ACTIONS = {
    "procedures.create": _("手続きページを作成"),
    "procedures.draft_save": _("手続きの下書きを保存"),
    "procedures.submit": _("手続きの版の承認を依頼"),
    "procedures.approve": _("手続きの版を承認"),
    "procedures.return": _("手続きの版を差し戻し"),
    "procedures.publish_scheduled": _("公開予約の版を公開"),
    "procedures.schedule_superseded": _("公開予約の版を過去の版に変更"),
    "procedures.file_add": _("申請様式を下書きに追加"),
    "procedures.file_remove": _("申請様式を下書きから外す"),
    "procedures.synonym_save": _("同義語を保存"),
    "procedures.synonym_delete": _("同義語を削除"),
    "procedures.rule_save": _("ライフイベントの条件を保存"),
    "procedures.rule_delete": _("ライフイベントの条件を削除"),
    "procedures.notice_publish": _("お知らせを掲載"),
    "procedures.notice_withdraw": _("お知らせを取り下げ"),
    "procedures.emergency_mode": _("緊急モードを切り替え"),
}


def _numbers(ids: Collection[str]) -> list[int]:
    return [int(i) for i in ids if i.isascii() and i.isdigit()]


def _department_pages(
    rows: Callable[[list[int]], Any], url_name: str, kwarg: str, may_open: Callable[[Any, int | None], bool]
) -> LinkResolver:
    """Links for objects whose page depends on their procedure's 担当課: rows give (pk, page id, department id)."""

    def resolve(ids: Collection[str], viewer: Any) -> dict[str, str]:
        return {
            str(pk): reverse(url_name, kwargs={kwarg: page_id})
            for pk, page_id, department_id in rows(_numbers(ids))
            if may_open(viewer, department_id)
        }

    return resolve


def _reviewer(viewer: Any, department_id: int | None) -> bool:
    return can_edit(viewer, department_id) or can_approve(viewer, department_id)


def _rules(ids: Collection[str], viewer: Any) -> dict[str, str]:
    if not is_admin(viewer):
        return {}
    rows = LifeEventRule.objects.filter(pk__in=_numbers(ids)).values_list("pk", "event__slug")
    return {str(pk): reverse("console:procedures:rules", kwargs={"slug": slug}) for pk, slug in rows}


EDIT, VERSION = "console:procedures:edit", "console:procedures:version"
OBJECT_TYPES = {
    "procedures.procedure": ObjectType(
        _("手続き"),
        _department_pages(
            lambda pks: Procedure.objects.filter(pk__in=pks).values_list("pk", "pk", "department_id"),
            EDIT,
            "procedure_id",
            can_edit,
        ),
    ),
    "procedures.procedureversion": ObjectType(
        _("手続きの版"),
        _department_pages(
            lambda pks: ProcedureVersion.objects.filter(pk__in=pks).values_list("pk", "pk", "procedure__department_id"),
            VERSION,
            "version_id",
            _reviewer,
        ),
    ),
    "procedures.procedurefile": ObjectType(
        _("申請様式"),
        _department_pages(
            lambda pks: ProcedureFile.objects.filter(pk__in=pks).values_list(
                "pk", "version_id", "version__procedure__department_id"
            ),
            VERSION,
            "version_id",
            _reviewer,
        ),
    ),
    "procedures.synonym": ObjectType(_("同義語"), link_all("console:procedures:synonyms", may_open=is_admin)),
    "procedures.lifeevent": ObjectType(_("ライフイベント")),
    "procedures.lifeeventquestion": ObjectType(_("ライフイベントの質問")),
    "procedures.lifeeventrule": ObjectType(_("ライフイベントの条件"), _rules),
    # Entries written before the notices and the emergency switch moved to announcements (its
    # migration 0002): their page is now the announcements list.
    "procedures.notice": ObjectType(_("お知らせ"), link_all("console:announcements:notices", may_open=is_admin)),
    "procedures.portalstate": ObjectType(
        _("ポータルの状態（緊急モード）"), link_all("console:announcements:notices", may_open=is_admin)
    ),
    "procedures.departmentpage": ObjectType(_("課のページ")),
}
