"""Drafts of the ticket form (T15): written on every change, so a crash or a power cut loses at most
the keystrokes of the last moment. Qt-free; call it on the DB lane."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.schema import CACHE, drafts
from sync.records import Kind


@dataclass(frozen=True)
class Draft:
    id: str  # the ticket's id once saved
    updated_at: datetime
    data: dict[str, Any]


class Drafts:
    def __init__(self, store: LocalStore) -> None:
        self.store = store

    def save(self, draft_id: str, data: dict[str, Any]) -> None:
        now = datetime.now(UTC).isoformat()
        stmt = sqlite_insert(drafts).values(id=draft_id, updated_at=now, data=data)
        with self.store.write() as conn:
            conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={"updated_at": now, "data": data}))

    def delete(self, draft_id: str) -> None:
        with self.store.write() as conn:
            conn.execute(delete(drafts).where(drafts.c.id == draft_id))

    def open_drafts(self) -> list[Draft]:
        """The drafts to reopen, oldest first. A draft whose ticket exists was saved just before the
        program stopped: it is dropped, never reopened as a second ticket."""
        tickets = CACHE[Kind.TICKET]
        with self.store.write() as conn:
            saved = select(tickets.c.id).where(tickets.c.id == drafts.c.id).exists()
            conn.execute(delete(drafts).where(saved))
            rows = conn.execute(select(drafts).order_by(drafts.c.updated_at)).all()
        return [Draft(r.id, datetime.fromisoformat(r.updated_at), dict(r.data)) for r in rows]
