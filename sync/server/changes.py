"""The global change sequence (S3) and record versions (S4), kept by one hook for every write.

Before each flush, every new or changed synced record gets the next numbers of the ``change_seq``
counter, and every changed one ``version + 1``. The counter is a row updated in the writing
transaction, so its lock is held until commit: changes become visible in the order of their numbers,
and a client that pulled up to N can never later miss a change numbered below N.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session

from sync.server.live import note_changes
from sync.server.models import Base, Synced

COUNTER = "change_seq"


def reserve(conn: Connection, count: int) -> int:
    """Reserve ``count`` numbers; returns the first. Locks the counter row until commit."""
    last: int = conn.execute(
        text("UPDATE counters SET value = value + :n WHERE name = :name RETURNING value"),
        {"n": count, "name": COUNTER},
    ).scalar_one()
    return int(last) - count + 1


def _changed(session: Session, obj: Any) -> bool:
    return isinstance(obj, Synced) and session.is_modified(obj, include_collections=False)


@event.listens_for(Session, "before_flush")
def _number_changes(session: Session, _context: Any, _instances: Any) -> None:
    new = [o for o in session.new if isinstance(o, Synced)]
    dirty = [o for o in session.dirty if _changed(session, o)]
    deleted = [o for o in session.deleted if isinstance(o, Synced)]
    if deleted:
        raise RuntimeError("synced records are soft-deleted (deleted_at), never deleted")
    if not new and not dirty:
        return
    seq = reserve(session.connection(), len(new) + len(dirty))
    note_changes(session, seq + len(new) + len(dirty) - 1)
    for obj in new:
        obj.change_seq, seq = seq, seq + 1
        if obj.version is None:
            obj.version = 1
    for obj in dirty:
        obj.change_seq, seq = seq, seq + 1
        obj.version += 1  # services never set versions: this hook is the only writer


def synced_tables() -> list[str]:
    return [m.tables[0].name for m in Base.registry.mappers if issubclass(m.class_, Synced)]


def number_bulk_rows(conn: Connection) -> int:
    """Give rows written in bulk (bypassing the hook, e.g. demo data) distinct change numbers after
    the counter's current value. Returns how many rows were numbered."""
    numbered = 0
    start = reserve(conn, 0)
    for table in sorted(synced_tables()):
        count: int = conn.execute(text(f"SELECT count(*) FROM {table} WHERE change_seq = 0")).scalar_one()
        if not count:
            continue
        base = start + numbered - 1
        conn.execute(text(
            f"UPDATE {table} SET change_seq = s.rn + {base} FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn "
            f"FROM {table} WHERE change_seq = 0) AS s WHERE {table}.id = s.id"
        ))
        numbered += int(count)
    reserve(conn, numbered)
    return numbered
