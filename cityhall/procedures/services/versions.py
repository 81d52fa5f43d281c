"""Procedures and their versions: drafts, submitting, approval (承認) and publishing.

A procedure's content changes only through versions: a draft is written, submitted,
approved by the section chief (never the author) and then published at once or at its
scheduled time (`publish_due`, a periodic job).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_save, audited_update, save_unique, snapshot
from cityhall.core.edge_cache import edge_cache_purge
from cityhall.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from cityhall.procedures.models import Category, Channel, PortalState, Procedure, ProcedureFile, ProcedureVersion
from cityhall.procedures.permissions import can_approve, can_edit

CONTENT_FIELDS = (
    "title",
    "title_kana",
    "summary",
    "eligibility",
    "documents",
    "fee",
    "deadline",
    "processing_time",
    "counter",
    "channels",
    "online_form_url",
    "keywords",
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Status = ProcedureVersion.Status


def catalog_changed() -> None:
    """Tell every web process that the published catalogue (or synonyms) changed.

    Call inside the transaction of the change: the version moves exactly when the change commits.
    """
    PortalState.objects.get_or_create(pk=1)
    PortalState.objects.filter(pk=1).update(catalog_token=uuid.uuid4().hex)
    edge_cache_purge()  # the cached top page and lists show the catalogue too


def _clean_channels(channels: Any) -> list[dict[str, str]]:
    if not isinstance(channels, list):
        raise InvalidInputError("手続きの方法の形式が正しくありません。")
    cleaned: list[dict[str, str]] = []
    for item in channels:
        kind = str(item.get("kind", "")) if isinstance(item, dict) else ""
        if kind not in Channel.values:
            raise InvalidInputError(f"手続きの方法「{kind}」は使えません。")
        if kind in {c["kind"] for c in cleaned}:
            raise InvalidInputError("同じ手続きの方法が重複しています。")
        cleaned.append({"kind": kind, "note": str(item.get("note", ""))[:300]})
    if not cleaned:
        raise InvalidInputError("手続きの方法を一つ以上指定してください。")
    return cleaned


def _apply(version: ProcedureVersion, content: dict[str, Any]) -> None:
    for name in CONTENT_FIELDS:
        if name in content:
            setattr(version, name, content[name])
    version.channels = _clean_channels(version.channels)
    if not version.title.strip():
        raise InvalidInputError("手続き名を入力してください。")
    if not version.summary.strip():
        raise InvalidInputError("概要を入力してください。")
    if Channel.ONLINE in version.channel_kinds and not version.online_form_url:
        raise InvalidInputError("オンラインで手続きできる場合は、オンライン申請のURLを入力してください。")


@transaction.atomic
def procedure_create(
    *,
    actor: Actor,
    department: Any,
    category: str,
    slug: str,
    content: dict[str, Any],
    request: HttpRequest | None = None,
) -> ProcedureVersion:
    """Create a procedure with its first draft, audited. Raises PermissionDeniedError, InvalidInputError, ConflictError."""
    if not can_edit(actor, department.pk):
        raise PermissionDeniedError("所属課の手続きのみ作成できます。")
    if category not in Category.values:
        raise InvalidInputError("分類の指定が正しくありません。")
    if not _SLUG.match(slug):
        raise InvalidInputError("URL名は半角英小文字・数字とハイフンで入力してください（例: juminhyo-copy）。")
    procedure = Procedure(slug=slug, department=department, category=category)
    save_unique(procedure, conflict="同じURL名の手続きが既にあります。")
    version = ProcedureVersion(procedure=procedure, number=1, created_by=actor, editors=[actor.pk])
    _apply(version, content)
    audited_save(actor=actor, action="procedures.create", target=version, department_id=department.pk, request=request)
    return version


def open_draft(procedure: Procedure, actor: Actor) -> tuple[ProcedureVersion, dict[str, Any] | None]:
    """The procedure's draft, locked; a new one copied from the newest public version if none is open.

    Returns the draft and its snapshot before this write (None for a new draft).
    Call inside a transaction. Raises ConflictError while a version awaits approval.
    """
    procedure = Procedure.objects.select_for_update().get(pk=procedure.pk)
    open_version = procedure.versions.select_for_update().filter(status__in=[Status.DRAFT, Status.PENDING]).first()
    if open_version is not None and open_version.status == Status.PENDING:
        raise ConflictError("承認待ちの版があります。承認または差戻しの後に編集してください。")
    if open_version is not None:
        return open_version, snapshot(open_version)
    # Start from the newest content residents will see: a scheduled version, else the published one.
    base = procedure.versions.filter(status__in=[Status.SCHEDULED, Status.PUBLISHED]).order_by("-number").first()
    number = (procedure.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = ProcedureVersion(procedure=procedure, number=number, created_by=actor)
    if base is not None:
        for name in CONTENT_FIELDS:
            setattr(draft, name, getattr(base, name))
    draft.save()
    if base is not None:
        ProcedureFile.objects.bulk_create(
            ProcedureFile(version=draft, title=f.title, stored_id=f.stored_id) for f in base.files.all()
        )
    return draft, None


def mark_edited(draft: ProcedureVersion, actor: Actor) -> None:
    """Note `actor` among the draft's editors (who may not approve it) and clear an old review comment.

    Sets the fields only; the caller saves the draft.
    """
    draft.editors = sorted({*(draft.editors or []), actor.pk})
    draft.review_comment = ""


@transaction.atomic
def draft_save(
    *, actor: Actor, procedure: Procedure, content: dict[str, Any], request: HttpRequest | None = None
) -> ProcedureVersion:
    """Write the procedure's draft: the open draft if there is one, else a new version from the published one.

    Audited. Raises PermissionDeniedError, InvalidInputError, ConflictError (a version awaits approval).
    """
    if not can_edit(actor, procedure.department_id):
        raise PermissionDeniedError("所属課の手続きのみ編集できます。")
    draft, before = open_draft(procedure, actor)
    _apply(draft, content)
    mark_edited(draft, actor)
    audited_save(
        actor=actor,
        action="procedures.draft_save",
        target=draft,
        before=before,
        department_id=procedure.department_id,
        request=request,
    )
    return draft


def _require_status(version: ProcedureVersion, allowed_from: set[str]) -> None:
    if version.status not in allowed_from:
        raise ConflictError(f"この版は「{version.get_status_display()}」のため、この操作はできません。")


def _locked(version: ProcedureVersion) -> ProcedureVersion:
    return ProcedureVersion.objects.select_for_update().select_related("procedure").get(pk=version.pk)


@transaction.atomic
def version_submit(*, actor: Actor, version: ProcedureVersion, request: HttpRequest | None = None) -> ProcedureVersion:
    """Send a draft to the section chief for approval, audited. Raises PermissionDeniedError, ConflictError."""
    version = _locked(version)
    if not can_edit(actor, version.procedure.department_id):
        raise PermissionDeniedError("所属課の手続きのみ申請できます。")
    _require_status(version, {Status.DRAFT})
    audited_update(
        actor=actor,
        action="procedures.submit",
        target=version,
        changes={"status": Status.PENDING},
        department_id=version.procedure.department_id,
        request=request,
    )
    return version


def _publish(version: ProcedureVersion, now: dt.datetime) -> None:
    """Make `version` the public one; every older published or scheduled version is superseded."""
    procedure = Procedure.objects.select_for_update().get(pk=version.procedure_id)
    procedure.versions.filter(status__in=[Status.PUBLISHED, Status.SCHEDULED], number__lt=version.number).update(
        status=Status.SUPERSEDED
    )
    version.status, version.published_at = Status.PUBLISHED, now
    version.save(update_fields=["status", "published_at"])
    procedure.published = version
    procedure.save(update_fields=["published"])
    catalog_changed()


def wrote(version: ProcedureVersion, user: Any) -> bool:
    """Whether `user` created or edited this version (and so may not approve it)."""
    user_id = getattr(user, "pk", None)
    return user_id is not None and (version.created_by_id == user_id or user_id in (version.editors or []))


@transaction.atomic
def version_approve(
    *,
    actor: Actor,
    version: ProcedureVersion,
    publish_at: dt.datetime | None = None,
    comment: str = "",
    request: HttpRequest | None = None,
) -> ProcedureVersion:
    """Approve a pending version: publish now, or at `publish_at` if that is in the future.

    The author cannot approve their own change. Publishing now supersedes the older public
    version and moves the catalogue token. Audited. Raises PermissionDeniedError, ConflictError.
    """
    version = _locked(version)
    if not can_approve(actor, version.procedure.department_id):
        raise PermissionDeniedError("この手続きを承認できるのは、担当課の課長または情報政策課です。")
    if wrote(version, actor):
        raise PermissionDeniedError("自分が作成・編集した版は承認できません。別の職員の承認が必要です。")
    _require_status(version, {Status.PENDING})
    before = snapshot(version)
    now = timezone.now()
    scheduled = publish_at is not None and publish_at > now
    if scheduled:
        version.status = Status.SCHEDULED  # else it stays pending until _publish below
    version.reviewed_by, version.reviewed_at, version.review_comment = actor, now, comment
    version.publish_at = publish_at if scheduled else now
    version.save()
    if not scheduled:
        _publish(version, now)
    # Recorded after publishing, so the entry shows the version as residents now see it.
    audit_record(
        actor=actor,
        action="procedures.approve",
        target=version,
        before=before,
        after=snapshot(version),
        department_id=version.procedure.department_id,
        request=request,
    )
    return version


@transaction.atomic
def version_return(
    *, actor: Actor, version: ProcedureVersion, comment: str, request: HttpRequest | None = None
) -> ProcedureVersion:
    """Send a pending or scheduled version back to its author with a comment (差戻し), audited.

    Raises PermissionDeniedError, InvalidInputError (no comment), ConflictError.
    """
    version = _locked(version)
    if not can_approve(actor, version.procedure.department_id):
        raise PermissionDeniedError("この手続きを差し戻せるのは、担当課の課長または情報政策課です。")
    if not comment.strip():
        raise InvalidInputError("差し戻す理由を入力してください。")
    _require_status(version, {Status.PENDING, Status.SCHEDULED})
    before = snapshot(version)
    version.status = Status.DRAFT
    version.reviewed_by, version.reviewed_at, version.review_comment = actor, timezone.now(), comment
    version.publish_at = None
    audited_save(
        actor=actor,
        action="procedures.return",
        target=version,
        before=before,
        department_id=version.procedure.department_id,
        request=request,
    )
    return version


def publish_due(now: dt.datetime | None = None) -> int:
    """Publish approved versions whose time has come; returns how many (periodic job).

    Each version is published in its own transaction and audited with the system as actor;
    a scheduled version overtaken by a newer published one is superseded instead.
    """
    now = now or timezone.now()
    count = 0
    due = ProcedureVersion.objects.filter(status=Status.SCHEDULED, publish_at__lte=now).order_by("publish_at", "number")
    for version_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            count += _publish_scheduled(version_id, now)
    return count


def _publish_scheduled(version_id: int, now: dt.datetime) -> int:
    """1 when the version went out, 0 when another runner got it or a newer version went out meanwhile."""
    version = (
        ProcedureVersion.objects.select_for_update(of=("self",))
        .select_related("procedure__published")
        .get(pk=version_id)
    )
    if version.status != Status.SCHEDULED:
        return 0  # another runner got it
    current = version.procedure.published
    if current is not None and current.number > version.number:
        audited_update(
            actor=None,
            action="procedures.schedule_superseded",
            target=version,
            changes={"status": Status.SUPERSEDED},  # a newer version went out meanwhile
            department_id=version.procedure.department_id,
        )
        return 0
    _publish(version, now)
    audit_record(
        actor=None,
        action="procedures.publish_scheduled",
        target=version,
        department_id=version.procedure.department_id,
        after=snapshot(version),
    )
    return 1
