"""Write use cases of the procedures guide and portal. Every staff write is audited.

A procedure's content changes only through versions: a draft is written,
submitted, approved by the section chief (never the author) and then
published at once or at its scheduled time.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_update, snapshot
from cityhall.core.edge_cache import edge_cache_purge
from cityhall.core.errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from cityhall.core.uploads import MB, UploadPolicy, stored_file_create, stored_file_delete
from cityhall.procedures.models import (
    Category,
    Channel,
    LifeEvent,
    LifeEventRule,
    Notice,
    PortalState,
    Procedure,
    ProcedureFile,
    ProcedureVersion,
    Synonym,
)
from cityhall.procedures.permissions import can_approve, can_edit, is_admin

FORM_FILES = UploadPolicy(
    purpose="procedures.form", what=_("様式"), kinds=("pdf", "xlsx", "docx", "xls", "doc"), max_bytes=10 * MB
)
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


def _audit(
    actor: Actor,
    action: str,
    target: Any,
    *,
    department_id: int,
    before: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=target,
        before=before,
        after=snapshot(target),
        department_id=department_id,
        request=request,
    )


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
    """Create a procedure with its first draft. Raises PermissionDeniedError, InvalidInputError, ConflictError."""
    if not can_edit(actor, department.pk):
        raise PermissionDeniedError("所属課の手続きのみ作成できます。")
    if category not in Category.values:
        raise InvalidInputError("分類の指定が正しくありません。")
    if not _SLUG.match(slug):
        raise InvalidInputError("URL名は半角英小文字・数字とハイフンで入力してください（例: juminhyo-copy）。")
    try:
        with transaction.atomic():
            procedure = Procedure.objects.create(slug=slug, department=department, category=category)
    except IntegrityError as exc:
        raise ConflictError("同じURL名の手続きが既にあります。") from exc
    version = ProcedureVersion(procedure=procedure, number=1, created_by=actor, editors=[actor.pk])
    _apply(version, content)
    version.save()
    _audit(actor, "procedures.create", version, department_id=department.pk, request=request)
    return version


def _open_draft(procedure: Procedure, actor: Actor) -> tuple[ProcedureVersion, dict[str, Any] | None]:
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


def _mark_edited(draft: ProcedureVersion, actor: Actor) -> None:
    draft.editors = sorted({*(draft.editors or []), actor.pk})
    draft.review_comment = ""
    draft.save()


@transaction.atomic
def draft_save(
    *, actor: Actor, procedure: Procedure, content: dict[str, Any], request: HttpRequest | None = None
) -> ProcedureVersion:
    """Write the procedure's draft: the open draft if there is one, else a new version from the published one."""
    if not can_edit(actor, procedure.department_id):
        raise PermissionDeniedError("所属課の手続きのみ編集できます。")
    draft, before = _open_draft(procedure, actor)
    _apply(draft, content)
    _mark_edited(draft, actor)
    _audit(
        actor,
        "procedures.draft_save",
        draft,
        department_id=procedure.department_id,
        before=before,
        request=request,
    )
    return draft


def _transition(version: ProcedureVersion, allowed_from: set[str], to: str) -> None:
    if version.status not in allowed_from:
        raise ConflictError(f"この版は「{version.get_status_display()}」のため、この操作はできません。")
    version.status = to


@transaction.atomic
def version_submit(*, actor: Actor, version: ProcedureVersion, request: HttpRequest | None = None) -> ProcedureVersion:
    """Send a draft to the section chief for approval."""
    version = ProcedureVersion.objects.select_for_update().select_related("procedure").get(pk=version.pk)
    if not can_edit(actor, version.procedure.department_id):
        raise PermissionDeniedError("所属課の手続きのみ申請できます。")
    before = snapshot(version)
    _transition(version, {Status.DRAFT}, Status.PENDING)
    version.save(update_fields=["status"])
    _audit(
        actor,
        "procedures.submit",
        version,
        department_id=version.procedure.department_id,
        before=before,
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

    The author cannot approve their own change. Raises PermissionDeniedError, ConflictError.
    """
    version = ProcedureVersion.objects.select_for_update().select_related("procedure").get(pk=version.pk)
    if not can_approve(actor, version.procedure.department_id):
        raise PermissionDeniedError("この手続きを承認できるのは、担当課の課長または情報政策課です。")
    if wrote(version, actor):
        raise PermissionDeniedError("自分が作成・編集した版は承認できません。別の職員の承認が必要です。")
    before = snapshot(version)
    now = timezone.now()
    scheduled = publish_at is not None and publish_at > now
    _transition(version, {Status.PENDING}, Status.SCHEDULED if scheduled else Status.PENDING)
    version.reviewed_by, version.reviewed_at, version.review_comment = actor, now, comment
    version.publish_at = publish_at if scheduled else now
    version.save()
    if not scheduled:
        _publish(version, now)
    _audit(
        actor,
        "procedures.approve",
        version,
        department_id=version.procedure.department_id,
        before=before,
        request=request,
    )
    return version


@transaction.atomic
def version_return(
    *, actor: Actor, version: ProcedureVersion, comment: str, request: HttpRequest | None = None
) -> ProcedureVersion:
    """Send a pending version back to its author with a comment (差戻し)."""
    version = ProcedureVersion.objects.select_for_update().select_related("procedure").get(pk=version.pk)
    if not can_approve(actor, version.procedure.department_id):
        raise PermissionDeniedError("この手続きを差し戻せるのは、担当課の課長または情報政策課です。")
    if not comment.strip():
        raise InvalidInputError("差し戻す理由を入力してください。")
    before = snapshot(version)
    _transition(version, {Status.PENDING, Status.SCHEDULED}, Status.DRAFT)
    version.reviewed_by, version.reviewed_at, version.review_comment = actor, timezone.now(), comment
    version.publish_at = None
    version.save()
    _audit(
        actor,
        "procedures.return",
        version,
        department_id=version.procedure.department_id,
        before=before,
        request=request,
    )
    return version


def publish_due(now: dt.datetime | None = None) -> int:
    """Publish approved versions whose time has come; returns how many (periodic job)."""
    now = now or timezone.now()
    count = 0
    due = ProcedureVersion.objects.filter(status=Status.SCHEDULED, publish_at__lte=now).order_by("publish_at", "number")
    for version_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            version = (
                ProcedureVersion.objects.select_for_update(of=("self",))
                .select_related("procedure__published")
                .get(pk=version_id)
            )
            if version.status != Status.SCHEDULED:
                continue  # another runner got it
            current = version.procedure.published
            if current is not None and current.number > version.number:
                audited_update(
                    actor=None,
                    action="procedures.schedule_superseded",
                    target=version,
                    changes={"status": Status.SUPERSEDED},  # a newer version went out meanwhile
                    department_id=version.procedure.department_id,
                )
                continue
            _publish(version, now)
            audit_record(
                actor=None,
                action="procedures.publish_scheduled",
                target=version,
                department_id=version.procedure.department_id,
                after=snapshot(version),
            )
            count += 1
    return count


@transaction.atomic
def file_add(
    *, actor: Actor, procedure: Procedure, title: str, upload: UploadedFile, request: HttpRequest | None = None
) -> ProcedureFile:
    """Add a downloadable 申請様式 to the procedure's draft; residents see it once the draft is approved.

    The file passes the upload gate (PDF, Excel, Word; at most 10 MB; proven by opening it).
    Raises PermissionDeniedError, InvalidInputError (UploadRejectedError), ConflictError.
    """
    if not can_edit(actor, procedure.department_id):
        raise PermissionDeniedError("所属課の手続きのみ様式を掲載できます。")
    title = title.strip()
    if not title:
        raise InvalidInputError("様式名を入力してください。")
    draft, _before = _open_draft(procedure, actor)
    stored = stored_file_create(upload=upload, policy=FORM_FILES, actor=actor)
    item = ProcedureFile.objects.create(version=draft, title=title, stored=stored)
    _mark_edited(draft, actor)
    _audit(actor, "procedures.file_add", item, department_id=procedure.department_id, request=request)
    return item


@transaction.atomic
def file_remove(
    *, actor: Actor, procedure: Procedure, stored_id: int, request: HttpRequest | None = None
) -> ProcedureVersion:
    """Take a 様式 out of the procedure's draft (the published page keeps it until the draft is approved).

    Raises PermissionDeniedError, NotFoundError, ConflictError.
    """
    if not can_edit(actor, procedure.department_id):
        raise PermissionDeniedError("所属課の手続きのみ様式を削除できます。")
    draft, _before = _open_draft(procedure, actor)
    item = draft.files.select_related("stored").filter(stored_id=stored_id).first()
    if item is None:
        raise NotFoundError("指定された様式は下書きにありません。")
    audit_record(
        actor=actor,
        action="procedures.file_remove",
        target=item,
        before=snapshot(item),
        department_id=procedure.department_id,
        request=request,
    )
    stored = item.stored
    item.delete()
    _mark_edited(draft, actor)
    if not ProcedureFile.objects.filter(stored=stored).exists():
        stored_file_delete(stored)  # only ever in this draft: nobody was shown it
    return draft


def _require_admin(actor: Actor) -> None:
    if not is_admin(actor):
        raise PermissionDeniedError("この操作は情報政策課のみ行えます。")


@transaction.atomic
def synonym_save(*, actor: Actor, synonym: Synonym | None, words: str, request: HttpRequest | None = None) -> Synonym:
    _require_admin(actor)
    target = synonym or Synonym()
    before = snapshot(synonym) if synonym else None
    target.words = words.strip()
    if len(target.terms()) < 2:
        raise InvalidInputError("同義語は2語以上を「;」または「、」で区切って入力してください。")
    target.save()
    audit_record(
        actor=actor,
        action="procedures.synonym_save",
        target=target,
        before=before,
        after=snapshot(target),
        request=request,
    )
    catalog_changed()
    return target


@transaction.atomic
def synonym_delete(*, actor: Actor, synonym: Synonym, request: HttpRequest | None = None) -> None:
    _require_admin(actor)
    audit_record(
        actor=actor, action="procedures.synonym_delete", target=synonym, before=snapshot(synonym), request=request
    )
    synonym.delete()
    catalog_changed()


@transaction.atomic
def rule_save(
    *,
    actor: Actor,
    event: LifeEvent,
    rule: LifeEventRule | None,
    procedure: Procedure,
    conditions: dict[str, list[str]],
    note: str = "",
    order: int = 0,
    request: HttpRequest | None = None,
) -> LifeEventRule:
    """Add or change a life-event rule; conditions must name the event's questions and their choices."""
    _require_admin(actor)
    questions = {q.key: {str(c[0]) for c in q.choices} for q in event.questions.all()}
    for key, values in conditions.items():
        if key not in questions:
            raise InvalidInputError(f"質問「{key}」はこのライフイベントにありません。")
        unknown = [v for v in values if v not in questions[key]]
        if unknown or not values:
            raise InvalidInputError(f"質問「{key}」の選択肢の指定が正しくありません。")
    target = rule or LifeEventRule(event=event)
    before = snapshot(rule) if rule else None
    target.procedure, target.conditions, target.note, target.order = procedure, conditions, note.strip(), order
    target.save()
    audit_record(
        actor=actor,
        action="procedures.rule_save",
        target=target,
        before=before,
        after=snapshot(target),
        request=request,
    )
    return target


@transaction.atomic
def rule_delete(*, actor: Actor, rule: LifeEventRule, request: HttpRequest | None = None) -> None:
    _require_admin(actor)
    audit_record(actor=actor, action="procedures.rule_delete", target=rule, before=snapshot(rule), request=request)
    rule.delete()


@transaction.atomic
def notice_publish(
    *,
    actor: Actor,
    level: str,
    title: str,
    body: str = "",
    published_at: dt.datetime | None = None,
    expires_at: dt.datetime | None = None,
    request: HttpRequest | None = None,
) -> Notice:
    """Publish news or emergency information on the portal (an emergency notice turns on emergency mode)."""
    _require_admin(actor)
    if level not in Notice.Level.values:
        raise InvalidInputError("種別の指定が正しくありません。")
    if not title.strip():
        raise InvalidInputError("見出しを入力してください。")
    start = published_at or timezone.now()
    if expires_at is not None and expires_at <= start:
        raise InvalidInputError("掲載終了は掲載開始より後にしてください。")
    notice = Notice.objects.create(
        level=level, title=title.strip(), body=body, published_at=start, expires_at=expires_at, created_by=actor
    )
    audit_record(
        actor=actor, action="procedures.notice_publish", target=notice, after=snapshot(notice), request=request
    )
    edge_cache_purge()
    return notice


@transaction.atomic
def notice_withdraw(*, actor: Actor, notice: Notice, request: HttpRequest | None = None) -> Notice:
    _require_admin(actor)
    audited_update(
        actor=actor,
        action="procedures.notice_withdraw",
        target=notice,
        changes={"expires_at": timezone.now()},
        request=request,
    )
    edge_cache_purge()
    return notice


@transaction.atomic
def emergency_mode_set(*, actor: Actor, on: bool, message: str = "", request: HttpRequest | None = None) -> PortalState:
    """Switch the portal's lightweight emergency mode on or off."""
    _require_admin(actor)
    state, _created = PortalState.objects.select_for_update().get_or_create(pk=1)
    before = snapshot(state)
    if on and not message.strip():
        raise InvalidInputError("緊急モードでは、トップページに表示するメッセージを入力してください。")
    state.emergency_mode, state.emergency_message, state.changed_at = on, message.strip(), timezone.now()
    state.save()
    edge_cache_purge()  # the switch shows at once, not when the cached pages expire
    audit_record(
        actor=actor,
        action="procedures.emergency_mode",
        target=state,
        before=before,
        after=snapshot(state),
        request=request,
    )
    return state
