"""The audit log (W3) as a supervisor reads it: append-only — entries are written by the service that
makes each change, in its transaction, and no route updates or deletes one."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import AuditPage, AuditRecord
from sync.server.models import AuditEntry, User

MAX_PAGE = 500


def page(session: Session, *, entity: str | None = None, entity_id: uuid.UUID | None = None,
         user_id: uuid.UUID | None = None, limit: int = 100, before: uuid.UUID | None = None) -> AuditPage:
    """Entries newest first (by id: UUIDv7, in time order), those older than ``before`` when given."""
    query = select(AuditEntry, User.full_name).outerjoin(User, User.id == AuditEntry.user_id)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    if user_id is not None:
        query = query.where(AuditEntry.user_id == user_id)
    if before is not None:
        query = query.where(AuditEntry.id < before)
    rows = session.execute(query.order_by(AuditEntry.id.desc()).limit(limit + 1)).all()
    entries = [AuditRecord(id=e.id, at=e.at, user_id=e.user_id, user_name=name or "", entity=e.entity,
                           entity_id=e.entity_id, action=e.action, changes=e.changes or {})
               for e, name in rows[:limit]]
    more = len(rows) > limit
    return AuditPage(entries=entries, next_before=entries[-1].id if more and entries else None)
