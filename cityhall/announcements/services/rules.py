"""媒体の選択基準: the channel rules the ICT policy division keeps."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest

from cityhall.announcements import permissions
from cityhall.announcements.models import Category, Channel, ChannelRule, Urgency
from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_save, snapshot
from cityhall.core.errors import InvalidInputError, PermissionDeniedError


def _require_admin(actor: Actor) -> None:
    if not permissions.is_admin(actor):
        raise PermissionDeniedError("媒体の選択基準を変更する権限がありません。")


@transaction.atomic
def channel_rule_save(
    *,
    actor: Actor,
    rule: ChannelRule | None,
    order: int,
    urgency: str,
    category: Category | None,
    channels: list[str],
    note: str = "",
    request: HttpRequest | None = None,
) -> ChannelRule:
    """Add or change a rule. Audited. Raises PermissionDeniedError, InvalidInputError."""
    _require_admin(actor)
    if urgency and urgency not in Urgency.values:
        raise InvalidInputError("緊急度の指定が正しくありません。")
    if not channels:
        raise InvalidInputError("媒体を1つ以上選んでください。")
    if not set(channels) <= set(Channel.values):
        raise InvalidInputError("媒体の指定が正しくありません。")
    before = snapshot(rule) if rule is not None else None
    target = rule or ChannelRule()
    target.order, target.urgency, target.category = order, urgency, category
    target.channels, target.note = [c for c in Channel.values if c in channels], note.strip()
    action = "announcements.rule_change" if rule is not None else "announcements.rule_add"
    audited_save(actor=actor, action=action, target=target, before=before, request=request)
    return target


@transaction.atomic
def channel_rule_delete(*, actor: Actor, rule: ChannelRule, request: HttpRequest | None = None) -> None:
    """Remove a rule. Audited. Raises PermissionDeniedError."""
    _require_admin(actor)
    audit_record(actor=actor, action="announcements.rule_delete", target=rule, before=snapshot(rule), request=request)
    rule.delete()
