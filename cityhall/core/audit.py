"""The audit log: append-only, hash-chained record of every staff write.

Services call `audit_record` inside the transaction of the write they record,
so the entry exists exactly when the change does. `audit_verify` recomputes
the chain and reports any entry edited, removed or inserted outside it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest
from django.utils import timezone

from cityhall.core.actors import Actor
from cityhall.core.errors import ConflictError
from cityhall.core.models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """JSON-friendly copy of a model's concrete fields (FKs as ids)."""
    wanted = set(fields) if fields is not None else None
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if wanted is not None and field.name not in wanted:
            continue
        value = field.value_from_object(instance)
        if isinstance(field, models.FileField):
            value = value.name or ""  # the stored path, not the file object
        data[field.attname] = value
    return dict(_jsonable(data))


def _canonical(entry: AuditEntry) -> bytes:
    payload = {
        "sequence": entry.sequence,
        "at": entry.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_label": entry.object_label,
        "department_id": entry.department_id,
        "before": entry.before,
        "after": entry.after,
        "ip_address": entry.ip_address,
        "prev_hash": entry.prev_hash,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def compute_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(_canonical(entry)).hexdigest()


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    actor: Actor | None,
    action: str,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_label: str = "",
    department_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> AuditEntry:
    """Append one entry to the chain. Call inside the transaction of the write.

    `actor` is a user or None for the system itself.
    """
    if target is not None:
        object_type = object_type or target._meta.label_lower
        object_id = object_id or str(target.pk)
        object_label = object_label or str(target)[:200]
    with transaction.atomic():
        head, _created = AuditChainHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"last_sequence": 0, "last_hash": GENESIS_HASH}
        )
        entry = AuditEntry(
            sequence=head.last_sequence + 1,
            at=timezone.now(),
            actor=actor if getattr(actor, "pk", None) else None,
            actor_label=str(getattr(actor, "email", "") or actor or "system")[:200],
            action=action,
            object_type=object_type,
            object_id=object_id,
            object_label=object_label,
            department_id=department_id,
            before=_jsonable(before) if before is not None else None,
            after=_jsonable(after) if after is not None else None,
            ip_address=_client_ip(request),
            prev_hash=head.last_hash,
        )
        entry.hash = compute_hash(entry)
        entry.save()
        head.last_sequence = entry.sequence
        head.last_hash = entry.hash
        head.save(update_fields=["last_sequence", "last_hash"])
    return entry


@dataclass(frozen=True)
class AuditProblem:
    sequence: int | None
    message: str


def audit_verify() -> list[AuditProblem]:
    """Recompute the chain; return every problem found (empty list: intact)."""
    problems: list[AuditProblem] = []
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=2000):
        if entry.sequence != expected_seq:
            problems.append(AuditProblem(entry.sequence, f"entries {expected_seq}..{entry.sequence - 1} are missing"))
        if entry.prev_hash != expected_prev:
            problems.append(AuditProblem(entry.sequence, "previous-hash link is broken"))
        if compute_hash(entry) != entry.hash:
            problems.append(AuditProblem(entry.sequence, "content does not match its hash (edited)"))
        expected_prev = entry.hash
        expected_seq = entry.sequence + 1
    head = AuditChainHead.objects.filter(pk=1).first()
    last_seq = expected_seq - 1
    if head is not None and (head.last_sequence != last_seq or head.last_hash != expected_prev):
        problems.append(
            AuditProblem(
                head.last_sequence,
                f"chain head says {head.last_sequence} entries but {last_seq} remain (tail removed)",
            )
        )
    if head is None and last_seq:
        problems.append(AuditProblem(None, "chain head is missing"))
    return problems


def audited_update(
    *,
    actor: Actor | None,
    action: str,
    target: models.Model,
    changes: dict[str, Any],
    department_id: int | None = None,
    request: HttpRequest | None = None,
) -> AuditEntry:
    """Set `changes` on `target`, save just those fields and record before/after in one step."""
    before = snapshot(target)
    for name, value in changes.items():
        setattr(target, name, value)
    target.save(update_fields=list(changes))
    return audit_record(
        actor=actor,
        action=action,
        target=target,
        before=before,
        after=snapshot(target),
        department_id=department_id,
        request=request,
    )


def save_unique(instance: models.Model, *, conflict: str) -> None:
    """Save `instance` in a savepoint; a unique-constraint violation raises ConflictError(conflict)
    and leaves the surrounding transaction usable, with nothing saved."""
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise ConflictError(conflict) from exc


def audited_save(
    *,
    actor: Actor | None,
    action: str,
    target: models.Model,
    before: dict[str, Any] | None = None,
    conflict: str = "",
    department_id: int | None = None,
    request: HttpRequest | None = None,
) -> AuditEntry:
    """Save `target` (a new row, or one changed from `before`) and record it, in one step.

    With `conflict`, a unique-constraint violation raises ConflictError(conflict) instead.
    Call inside the transaction of the write.
    """
    if conflict:
        save_unique(target, conflict=conflict)
    else:
        target.save()
    return audit_record(
        actor=actor,
        action=action,
        target=target,
        before=before,
        after=snapshot(target),
        department_id=department_id,
        request=request,
    )
