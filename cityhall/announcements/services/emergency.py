"""The portal's emergency switch (緊急モード)."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from cityhall.announcements import permissions
from cityhall.announcements.models import EmergencyState
from cityhall.core.actors import Actor
from cityhall.core.audit import audited_save, snapshot
from cityhall.core.edge_cache import edge_cache_purge
from cityhall.core.errors import InvalidInputError, PermissionDeniedError


@transaction.atomic
def emergency_mode_set(
    *, actor: Actor, on: bool, message: str = "", request: HttpRequest | None = None
) -> EmergencyState:
    """Switch the portal's lightweight emergency mode on or off; drops the cached public pages. Audited.

    Raises PermissionDeniedError, InvalidInputError (no message when switching on).
    """
    if not permissions.can_publish_emergency(actor):
        raise PermissionDeniedError("緊急モードを切り替える権限がありません。")
    if on and not message.strip():
        raise InvalidInputError("緊急モードでは、トップページに表示するメッセージを入力してください。")
    state, _created = EmergencyState.objects.select_for_update().get_or_create(pk=1)
    before = snapshot(state)
    state.on, state.message, state.changed_at = on, message.strip(), timezone.now()
    audited_save(actor=actor, action="announcements.emergency_mode", target=state, before=before, request=request)
    edge_cache_purge()  # the switch shows at once, not when the cached pages expire
    return state
