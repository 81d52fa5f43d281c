"""Who may see the outbox: "outbox" — the ICT policy division, which runs mail delivery for the city."""

from __future__ import annotations

OUTBOX = "outbox"
