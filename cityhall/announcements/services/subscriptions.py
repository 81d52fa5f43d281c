"""Subscriptions: residents choose topics and districts; an e-mail address counts only once its
owner confirmed it by the link we sent (double opt-in); every message carries a one-step
unsubscribe. Staff keep a printed/phone list for residents without a smartphone.

Links carry signed tokens (django.core.signing), so no secret is stored: a confirmation link
expires after CONFIRM_DAYS; a manage/unsubscribe link works as long as the subscription exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cityhall.announcements import permissions
from cityhall.announcements.models import Area, Category, Subscriber
from cityhall.core import selectors as core_selectors
from cityhall.core.actors import Actor
from cityhall.core.audit import audited_save, audited_update
from cityhall.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError

CONFIRM_DAYS = 7
_SALT = "cityhall.announcements.subscription"


def token_for(subscriber: Subscriber, purpose: str) -> str:
    """A signed token naming the subscriber and what the link is for ("confirm" or "manage")."""
    return signing.dumps({"id": subscriber.pk, "for": purpose}, salt=_SALT)


def _subscriber_from(token: str, purpose: str, *, max_age: int | None = None) -> Subscriber:
    try:
        data: Any = signing.loads(token, salt=_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise InvalidInputError(
            _("確認用のリンクの有効期限（%(days)s日）が切れています。もう一度お申し込みください。")
            % {"days": CONFIRM_DAYS}
        ) from error
    except signing.BadSignature as error:
        raise InvalidInputError(_("リンクが正しくありません。メールに記載のURLをすべてコピーしてください。")) from error
    if not isinstance(data, dict) or data.get("for") != purpose or not isinstance(data.get("id"), int):
        raise InvalidInputError(_("リンクが正しくありません。メールに記載のURLをすべてコピーしてください。"))
    subscriber = Subscriber.objects.filter(pk=data["id"]).first()
    if subscriber is None:
        raise NotFoundError(_("この購読は見つかりません。すでに削除されています。"))
    return subscriber


def subscriber_for_link(*, token: str, purpose: str) -> Subscriber:
    """The subscriber a manage link names (raises InvalidInputError, NotFoundError)."""
    return _subscriber_from(token, purpose, max_age=CONFIRM_DAYS * 86400 if purpose == "confirm" else None)


def absolute_url(path: str) -> str:
    """`path` on the site's public address (CITYHALL_BASE_URL), for links in messages."""
    return f"{str(settings.CITYHALL_BASE_URL).rstrip('/')}{path}"


def subscriber_links(subscriber: Subscriber) -> tuple[str, str]:
    """The subscriber's own links for every message: change the subscription, and stop it."""
    token = token_for(subscriber, "manage")
    return (
        absolute_url(reverse("announcements:manage", args=[token])),
        absolute_url(reverse("announcements:unsubscribe", args=[token])),
    )


def _send(subject: str, body: str, to: str) -> None:
    send_mail(subject=f"【{core_selectors.site_name()}】{subject}", message=body, from_email=None, recipient_list=[to])


@transaction.atomic
def subscription_request(*, email: str, categories: Iterable[Category], areas: Iterable[Area]) -> None:
    """Ask to receive notices by e-mail. A new or unconfirmed address gets a confirmation link; an
    address already receiving gets a link to change its choices, and nothing changes until it is
    used (the page says the same in both cases, so it tells no one who subscribes)."""
    address = email.strip()
    if "@" not in address:
        raise InvalidInputError(_("メールアドレスの形式が正しくありません。"))
    local, _at, domain = address.rpartition("@")
    address = f"{local}@{domain.lower()}"  # the domain is case-insensitive; the local part may not be
    existing = Subscriber.objects.select_for_update().filter(kind=Subscriber.Kind.EMAIL, address=address).first()
    if existing is not None and existing.status == Subscriber.Status.ACTIVE:
        link, _stop = subscriber_links(existing)
        _send(
            _("配信設定の変更"),
            _(
                "このメールアドレスには、すでにお知らせをお送りしています。\n"
                "受け取る分類・地区の変更や配信の停止は、次のページからできます。\n\n%(link)s\n\n"
                "お心当たりがない場合は、このメールを破棄してください。"
            )
            % {"link": link},
            address,
        )
        return
    subscriber = existing or Subscriber(kind=Subscriber.Kind.EMAIL, address=address)
    subscriber.status, subscriber.ended_at = Subscriber.Status.PENDING, None
    subscriber.save()
    subscriber.categories.set(list(categories))
    subscriber.areas.set(list(areas))
    link = absolute_url(reverse("announcements:confirm", args=[token_for(subscriber, "confirm")]))
    _send(
        _("メール配信の登録確認"),
        _(
            "お知らせのメール配信へのお申し込みを受け付けました。\n"
            "次のページを開いて「登録する」を押すと、配信が始まります（%(days)s日以内）。\n\n%(link)s\n\n"
            "お心当たりがない場合は、このメールを破棄してください。登録はされません。"
        )
        % {"link": link, "days": CONFIRM_DAYS},
        address,
    )


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscriber:
    """Start delivery to an address whose owner opened the confirmation link. Using it twice is harmless."""
    subscriber = subscriber_for_link(token=token, purpose="confirm")
    if subscriber.status == Subscriber.Status.PENDING:
        subscriber.status, subscriber.confirmed_at = Subscriber.Status.ACTIVE, timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
    elif subscriber.status == Subscriber.Status.ENDED:
        raise InvalidInputError(_("この購読は停止されています。もう一度お申し込みください。"))
    return subscriber


@transaction.atomic
def subscription_update(*, token: str, categories: Iterable[Category], areas: Iterable[Area]) -> Subscriber:
    subscriber = subscriber_for_link(token=token, purpose="manage")
    if subscriber.status == Subscriber.Status.ENDED:
        raise InvalidInputError(_("この購読は停止されています。もう一度お申し込みください。"))
    subscriber.categories.set(list(categories))
    subscriber.areas.set(list(areas))
    return subscriber


@transaction.atomic
def subscription_end(*, token: str) -> Subscriber:
    """Stop delivery (one step, from any message's link). Ending twice is harmless."""
    subscriber = subscriber_for_link(token=token, purpose="manage")
    if subscriber.status != Subscriber.Status.ENDED:
        subscriber.status, subscriber.ended_at = Subscriber.Status.ENDED, timezone.now()
        subscriber.save(update_fields=["status", "ended_at"])
    return subscriber


@transaction.atomic
def paper_subscriber_add(
    *,
    actor: Actor,
    name: str,
    phone: str,
    note: str,
    categories: Iterable[Category],
    areas: Iterable[Area],
    request: HttpRequest | None = None,
) -> Subscriber:
    """Register a resident without a smartphone on the printed/phone list (with their consent). Audited."""
    if not permissions.is_admin(actor):
        raise PermissionDeniedError(_("購読者を登録する権限がありません。"))
    if not name.strip():
        raise InvalidInputError(_("氏名を入力してください。"))
    subscriber = Subscriber(
        kind=Subscriber.Kind.PAPER,
        name=name.strip(),
        phone=phone,
        note=note.strip(),
        status=Subscriber.Status.ACTIVE,
        confirmed_at=timezone.now(),
        registered_by=actor,
    )
    audited_save(actor=actor, action="announcements.paper_subscriber_add", target=subscriber, request=request)
    subscriber.categories.set(list(categories))
    subscriber.areas.set(list(areas))
    return subscriber


@transaction.atomic
def paper_subscriber_end(*, actor: Actor, subscriber: Subscriber, request: HttpRequest | None = None) -> Subscriber:
    """Take a resident off the printed/phone list. Audited."""
    if not permissions.is_admin(actor):
        raise PermissionDeniedError(_("購読者を変更する権限がありません。"))
    audited_update(
        actor=actor,
        action="announcements.paper_subscriber_end",
        target=subscriber,
        changes={"status": Subscriber.Status.ENDED, "ended_at": timezone.now()},
        request=request,
    )
    return subscriber


@transaction.atomic
def line_follow(*, user_id: str) -> Subscriber:
    """A resident followed (or unblocked) the city's LINE account: they receive notices of every
    category and district until they choose otherwise. Only LINE's user ID is kept."""
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        kind=Subscriber.Kind.LINE,
        address=user_id,
        defaults={"status": Subscriber.Status.ACTIVE, "confirmed_at": timezone.now()},
    )
    if not created and subscriber.status != Subscriber.Status.ACTIVE:
        subscriber.status, subscriber.confirmed_at, subscriber.ended_at = (
            Subscriber.Status.ACTIVE,
            timezone.now(),
            None,
        )
        subscriber.save(update_fields=["status", "confirmed_at", "ended_at"])
    return subscriber


@transaction.atomic
def line_unfollow(*, user_id: str) -> None:
    """A resident blocked or unfollowed the account: nothing more is sent to them."""
    Subscriber.objects.filter(kind=Subscriber.Kind.LINE, address=user_id).exclude(
        status=Subscriber.Status.ENDED
    ).update(status=Subscriber.Status.ENDED, ended_at=timezone.now())
