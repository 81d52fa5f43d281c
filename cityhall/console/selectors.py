"""Reads of the console's own pages: the audit log as people read it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cityhall.accounts import selectors as accounts_selectors
from cityhall.core import audit_display
from cityhall.core import selectors as core_selectors
from cityhall.core.models import AuditEntry


@dataclass(frozen=True)
class AuditRow:
    """One entry as shown: the entry exactly as recorded, and labels and a link that are presentation only."""

    entry: AuditEntry
    action: audit_display.Label
    actor: accounts_selectors.PersonName | None
    object_type: audit_display.Label
    object_url: str | None


def audit_rows(entries: Sequence[AuditEntry], *, viewer: Any) -> list[AuditRow]:
    """Label a page of entries: Japanese action and object type, the actor's name, a link to the object.

    A link is given only for an object the viewer may open. One query for the names and at most
    one per object type, whatever the number of entries.
    """
    people = accounts_selectors.person_names(user_ids={e.actor_id for e in entries if e.actor_id is not None})
    links = audit_display.object_links(((e.object_type, e.object_id) for e in entries), viewer)
    return [
        AuditRow(
            entry=entry,
            action=audit_display.action_label(entry.action),
            actor=people.get(entry.actor_id) if entry.actor_id is not None else None,
            object_type=audit_display.object_type_label(entry.object_type),
            object_url=links.get((entry.object_type, entry.object_id)),
        )
        for entry in entries
    ]


def audit_object_type_choices() -> list[tuple[str, str]]:
    """The object types in the log with their labels, for the filter."""
    return [(t, str(audit_display.object_type_label(t))) for t in core_selectors.audit_object_types()]
