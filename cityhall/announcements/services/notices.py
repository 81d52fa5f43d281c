"""A notice's life: draft → submitted → approved by the section chief (or returned), live in its
publish window, withdrawn. Emergency notices are published at once by authorised staff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from cityhall.announcements import permissions, selectors
from cityhall.announcements.models import Area, Category, Channel, Notice, Urgency
from cityhall.announcements.services.delivery import DELIVER
from cityhall.core.actors import Actor
from cityhall.core.audit import audited_save, audited_update, snapshot
from cityhall.core.background import enqueue_on_commit
from cityhall.core.edge_cache import edge_cache_purge
from cityhall.core.errors import InvalidInputError, PermissionDeniedError


def _check_content(
    *,
    title: str,
    urgency: str,
    category: Category | None,
    publish_at: dt.datetime,
    expires_at: dt.datetime | None,
    channels: list[str],
    channels_reason: str,
) -> None:
    if not title.strip():
        raise InvalidInputError("見出しを入力してください。")
    if category is None:
        raise InvalidInputError("分類を選んでください。")
    if urgency not in Urgency.values:
        raise InvalidInputError("緊急度の指定が正しくありません。")
    if expires_at is not None and expires_at <= publish_at:
        raise InvalidInputError("掲載終了は掲載開始より後にしてください。")
    if not channels:
        raise InvalidInputError("発信する媒体を1つ以上選んでください。")
    if not set(channels) <= set(Channel.values):
        raise InvalidInputError("媒体の指定が正しくありません。")
    by_rule, _rule = selectors.channels_by_rule(urgency=urgency, category_id=category.pk)
    if set(channels) != set(by_rule) and not channels_reason.strip():
        raise InvalidInputError("媒体を選択基準から変えるときは、理由を入力してください。")


@transaction.atomic
def notice_save(
    *,
    actor: Actor,
    notice: Notice | None,
    title: str,
    body: str,
    category: Category | None,
    areas: Iterable[Area],
    urgency: str,
    video_url: str,
    publish_at: dt.datetime | None,
    expires_at: dt.datetime | None,
    channels: list[str],
    channels_reason: str = "",
    request: HttpRequest | None = None,
) -> Notice:
    """Create a draft for the actor's department, or change a draft. Audited.

    Raises PermissionDeniedError, InvalidInputError (bad content, or the notice is no longer a draft).
    """
    department_id = notice.department_id if notice is not None else actor.department_id
    if not permissions.can_write(actor, department_id):
        raise PermissionDeniedError("このお知らせを編集する権限がありません。")
    if notice is not None and notice.status != Notice.Status.DRAFT:
        raise InvalidInputError("下書きのお知らせだけを編集できます。")
    start = publish_at or timezone.now()
    _check_content(
        title=title,
        urgency=urgency,
        category=category,
        publish_at=start,
        expires_at=expires_at,
        channels=channels,
        channels_reason=channels_reason,
    )
    ordered = [c for c in Channel.values if c in channels]
    assert category is not None  # _check_content refused a missing category
    before = snapshot(notice) if notice is not None else None
    target = notice or Notice(department_id=department_id, created_by=actor)
    target.title, target.body, target.category = title.strip(), body, category
    target.urgency, target.video_url = urgency, video_url
    target.publish_at, target.expires_at = start, expires_at
    target.channels, target.channels_reason = ordered, channels_reason.strip()
    action = "announcements.draft_save" if notice is not None else "announcements.create"
    audited_save(actor=actor, action=action, target=target, before=before, department_id=department_id, request=request)
    target.areas.set(list(areas))
    return target


def _audited_update(
    actor: Actor, notice: Notice, action: str, changes: dict[str, object], request: HttpRequest | None
) -> None:
    audited_update(
        actor=actor, action=action, target=notice, changes=changes, department_id=notice.department_id, request=request
    )


@transaction.atomic
def notice_submit(*, actor: Actor, notice: Notice, request: HttpRequest | None = None) -> Notice:
    """Send a draft to the section chief. Audited. Raises PermissionDeniedError, InvalidInputError."""
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if not permissions.can_write(actor, notice.department_id):
        raise PermissionDeniedError("このお知らせを申請する権限がありません。")
    if notice.status != Notice.Status.DRAFT:
        raise InvalidInputError("下書きのお知らせだけを承認申請できます。")
    _check_content(
        title=notice.title,
        urgency=notice.urgency,
        category=notice.category,
        publish_at=notice.publish_at,
        expires_at=notice.expires_at,
        channels=list(notice.channels),
        channels_reason=notice.channels_reason,
    )
    changes = {"status": Notice.Status.PENDING, "submitted_at": timezone.now(), "return_note": ""}
    _audited_update(actor, notice, "announcements.submit", changes, request)
    return notice


def _decidable(actor: Actor, notice: Notice) -> Notice:
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if not permissions.can_approve(actor, notice.department_id):
        raise PermissionDeniedError("このお知らせを承認する権限がありません。")
    if notice.status != Notice.Status.PENDING:
        raise InvalidInputError("承認待ちのお知らせではありません。")
    if notice.created_by_id == actor.pk:
        raise InvalidInputError("ご自身が作成したお知らせは承認できません。所属の課長など別の職員が承認してください。")
    return notice


@transaction.atomic
def notice_approve(*, actor: Actor, notice: Notice, request: HttpRequest | None = None) -> Notice:
    """Approve a submitted notice: it goes live at `publish_at` (at once when that has passed).
    Audited; drops the cached public pages. Raises PermissionDeniedError, InvalidInputError."""
    notice = _decidable(actor, notice)
    if notice.expires_at is not None and notice.expires_at <= timezone.now():
        raise InvalidInputError("掲載終了の日時を過ぎています。差し戻して日時を直してください。")
    changes = {"status": Notice.Status.APPROVED, "decided_by": actor, "decided_at": timezone.now()}
    _audited_update(actor, notice, "announcements.approve", changes, request)
    edge_cache_purge()
    if notice.is_live():  # a scheduled one is sent when its time comes (notices_deliver_due)
        enqueue_on_commit(DELIVER, notice.pk)
    return notice


@transaction.atomic
def notice_return(*, actor: Actor, notice: Notice, note: str, request: HttpRequest | None = None) -> Notice:
    """Send a submitted notice back to its author as a draft, with the reason. Audited.
    Raises PermissionDeniedError, InvalidInputError (no reason)."""
    notice = _decidable(actor, notice)
    if not note.strip():
        raise InvalidInputError("差し戻しの理由を入力してください。")
    changes = {
        "status": Notice.Status.DRAFT,
        "return_note": note.strip(),
        "decided_by": actor,
        "decided_at": timezone.now(),
    }
    _audited_update(actor, notice, "announcements.return", changes, request)
    return notice


@transaction.atomic
def notice_withdraw(*, actor: Actor, notice: Notice, request: HttpRequest | None = None) -> Notice:
    """End an approved notice now (掲載終了). Audited; drops the cached public pages.
    Raises PermissionDeniedError, InvalidInputError."""
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if not permissions.can_withdraw(actor, notice):
        raise PermissionDeniedError("このお知らせの掲載を終了する権限がありません。")
    if notice.status != Notice.Status.APPROVED:
        raise InvalidInputError("掲載中または掲載予定のお知らせではありません。")
    now = timezone.now()
    changes: dict[str, object] = {"status": Notice.Status.WITHDRAWN}
    if notice.expires_at is None or notice.expires_at > now:
        changes["expires_at"] = now
    _audited_update(actor, notice, "announcements.withdraw", changes, request)
    edge_cache_purge()
    return notice


@transaction.atomic
def notice_publish_emergency(
    *,
    actor: Actor,
    title: str,
    body: str,
    category: Category | None,
    areas: Iterable[Area] = (),
    expires_at: dt.datetime | None = None,
    request: HttpRequest | None = None,
) -> Notice:
    """Publish an emergency notice now on every channel, without the approval step; the skipped
    approval is recorded in the audit log. The portal switches to emergency mode while it is live.
    Raises PermissionDeniedError, InvalidInputError."""
    if not permissions.can_publish_emergency(actor):
        raise PermissionDeniedError("緊急情報を発信する権限がありません。")
    now = timezone.now()
    channels = list(Channel.values)
    _check_content(
        title=title,
        urgency=Urgency.EMERGENCY,
        category=category,
        publish_at=now,
        expires_at=expires_at,
        channels=channels,
        channels_reason="",
    )
    notice = Notice(
        title=title.strip(),
        body=body,
        category=category,
        urgency=Urgency.EMERGENCY,
        publish_at=now,
        expires_at=expires_at,
        channels=channels,
        status=Notice.Status.APPROVED,
        department_id=actor.department_id,
        created_by=actor,
        submitted_at=now,
        decided_by=actor,
        decided_at=now,
        skipped_approval=True,
    )
    audited_save(
        actor=actor,
        action="announcements.emergency_publish",
        target=notice,
        department_id=actor.department_id,
        request=request,
    )
    notice.areas.set(list(areas))
    edge_cache_purge()
    enqueue_on_commit(DELIVER, notice.pk)
    return notice
