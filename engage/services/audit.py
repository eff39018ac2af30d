"""The audit log: who created, published, closed, exported or deleted what."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from engage.database import writing
from engage.extensions import db
from engage.models import AuditEvent, User


def record(actor: User | None, action: str, target_type: str, target: str, **detail: Any) -> AuditEvent:
    """Add one event inside the caller's unit of work (or its own)."""
    with writing():
        event = AuditEvent(
            user_id=actor.id if actor else None,
            actor=actor.email if actor else "command line",
            action=action,
            target_type=target_type,
            target=str(target)[:200],
            detail=detail,
        )
        db.session.add(event)
    return event


def recent_events(limit: int = 200, target_type: str | None = None, target: str | None = None) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
    if target_type:
        query = query.where(AuditEvent.target_type == target_type)
    if target:
        query = query.where(AuditEvent.target == target)
    return list(db.session.scalars(query))
