"""The audit trail (who, when, what, why) and the access log (every read of a person's data)."""

from __future__ import annotations

from collections.abc import Iterable

from migdex.web.ombudsman.models import AccessLog, AuditEvent, Ban, LookupRequest


def record_event(actor, action: str, target: str, *, reason: str = "", **detail) -> AuditEvent:
    """Write one audit event; ``detail`` holds ids and counts, never names or dates of birth."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user, action=action, target=target, reason=reason, detail=detail
    )


def log_access(
    bans: Iterable[Ban], *, purpose: str, actor=None, lookup: LookupRequest | None = None
) -> int:
    """One access-log row per ban record read; returns how many were written."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    rows = [
        AccessLog(actor=user, lookup=lookup, ban=ban, person=ban.person, purpose=purpose)
        for ban in bans
    ]
    AccessLog.objects.bulk_create(rows)
    return len(rows)
