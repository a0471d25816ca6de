"""The desktop feed («Лента обращений», N4) read straight from the cache file with the standard
library's ``sqlite3``: the one feed query that both stages of the start use (``quick_start`` shows the
first rows before anything heavy is imported; ``start_loader`` lists every ticket on its worker).

The order is ``TicketList.ids(TicketFilter())``'s (tickets not yet registered first, then newest
first; ties by row) and the row's fields are ``TicketList.rows``'s: that method runs :data:`ROWS` too,
so the two stages and the lists cannot drift apart. This module imports nothing but the standard
library (the first stage must not load SQLAlchemy), and opens the file read-only, never creating it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from ksdesk_desktop.store.health import kept_path

log = logging.getLogger(__name__)
Row = dict[str, Any]
T = TypeVar("T")

# the feed's order, in two parts: not yet registered (sent from here) first, then newest first
UNREGISTERED = "SELECT rowid FROM tickets WHERE registered_at IS NULL ORDER BY provisional_number, rowid"
REGISTERED = "SELECT rowid FROM tickets WHERE registered_at IS NOT NULL ORDER BY registered_at DESC, rowid DESC"
# what a ticket list row shows, by row number (``{marks}``: one ``?`` per row number)
ROWS = ("SELECT tickets.rowid AS rowid, tickets.id, tickets.registration_number, tickets.provisional_number, "
        "tickets.registered_at, tickets.subject, tickets.status, tickets.priority, tickets.ticket_type, "
        "tickets.organization_id, tickets.assignee_id, tickets.local, organizations.name AS organization_name, "
        "users.full_name AS assignee_name "
        "FROM tickets LEFT OUTER JOIN organizations ON organizations.id = tickets.organization_id "
        "LEFT OUTER JOIN users ON users.id = tickets.assignee_id WHERE tickets.rowid IN ({marks})")


def feed_rowids(db: sqlite3.Connection, limit: int | None = None) -> list[int]:
    """The feed's row numbers, the first ``limit`` of them or all. Each part is read as one
    ``group_concat`` text: SQLite walks the index with the GIL released, so a worker listing 100 000
    tickets does not starve the UI thread as fetching them row by row would."""
    found: list[int] = []
    for part in (UNREGISTERED, REGISTERED):
        if limit is not None and len(found) >= limit:
            break
        bounded = part if limit is None else f"{part} LIMIT {int(limit) - len(found)}"
        joined = db.execute(f"SELECT group_concat(rowid) FROM ({bounded})").fetchone()[0]
        found += map(int, joined.split(",")) if joined else []
    return found


def rows_sql(count: int) -> str:
    """:data:`ROWS` for ``count`` row numbers."""
    return ROWS.format(marks=",".join("?" * count))


@dataclass
class CacheGlance:
    """What the first stage shows from the cache: the feed's first rows, the outbox, the last sync."""

    rows: list[Row] = field(default_factory=list)
    pending: int = 0
    last_sync: datetime | None = None


def _read_only(path: Path, timeout: float, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """``read`` on the cache opened read-only; ``None`` when it does not exist or cannot be read now
    (an older schema, locked past ``timeout`` …): the second stage then shows everything."""
    if not path.exists():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
    except sqlite3.Error:
        return None
    try:
        return read(db)
    except (sqlite3.Error, ValueError):
        log.info("the cache cannot be read directly", exc_info=True)
        return None
    finally:
        db.close()


def _pending(db: sqlite3.Connection, kept: Path) -> int:
    """The outbox's length, from the kept file beside the cache (0 without one)."""
    if not kept.exists():
        return 0
    db.execute("ATTACH DATABASE ? AS keep", (f"{kept.resolve().as_uri()}?mode=ro",))
    return int(db.execute("SELECT count(*) FROM keep.outbox").fetchone()[0])


def glance(path: Path, limit: int) -> CacheGlance | None:
    """The feed's first ``limit`` rows, the outbox's length and the last sync."""

    def read(db: sqlite3.Connection) -> CacheGlance:
        db.row_factory = sqlite3.Row
        ids = feed_rowids(db, limit)
        found = {r["rowid"]: dict(r) for r in db.execute(rows_sql(len(ids)), ids)} if ids else {}
        pending = _pending(db, kept_path(path))
        meta = db.execute("SELECT value FROM meta WHERE key = 'last_sync_at'").fetchone()
        last_sync = datetime.fromisoformat(meta[0]).astimezone(UTC) if meta else None
        return CacheGlance([found[i] for i in ids if i in found], pending, last_sync)

    return _read_only(path, 1.0, read)


def feed_ids(path: Path) -> list[int] | None:
    """Every ticket's row number in the feed's order; ``None`` if the cache cannot be read."""
    return _read_only(path, 5.0, feed_rowids)
