"""Opening the cache at start whatever happened to its files (issue 16, class 12). Qt-free; the start's
worker calls :func:`open_store` before anything else reads the files.

* A damaged cache (:func:`health.damage`) is set aside and a new one made: the first sync fills it
  from the server, and the kept file's outbox is laid over it (``Replica.reconcile``), so unsent work
  shows and is sent as before.
* A damaged kept file is set aside too; what can be read of it is written into a new one, and a
  record the cache shows with local changes but no outbox entry left is queued again from the cache's
  copy. A kept file gone while its cache remains counts as damaged (nothing can be read of it).
* A cache larger than :data:`CHECK_AT_START_BYTES` is checked in full only after the start
  (:func:`check_later`, on the DB lane): reading a large file cold from disk would hold the start
  back by seconds. Found damaged then, it is marked, the operator told, and the next start rebuilds it.
* :class:`Recovery` says what happened, for the window to tell the operator.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError

from ksdesk_desktop.store import health, schema
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.replica import Replica
from sync.records import Kind

log = logging.getLogger(__name__)
DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")  # what a damaged file answers (not "locked", not "busy")
CHECK_AT_START_BYTES = 256 * 1024 * 1024  # larger caches are checked in full after the start


@dataclass
class Recovery:
    """What :func:`open_store` found and did. ``*_damage``: a :mod:`health` reason, or ``None``."""

    cache_damage: str | None = None
    cache_aside: Path | None = None  # where the damaged cache was moved
    kept_damage: str | None = None
    kept_aside: Path | None = None
    salvaged: int = 0  # outbox entries read back from the damaged kept file
    requeued: int = 0  # changes queued again from the cache's copy
    incomplete: bool = False  # part of the damaged kept file could not be read
    pending: int = 0  # outbox entries now
    tickets: int = 0  # of them, tickets made here and not yet sent
    drafts: int = 0
    checked: bool = True  # the cache was checked in full at start (else: :func:`check_later`)
    later_damage: str | None = None  # found by :func:`check_later`: the cache is rebuilt at the next start

    @property
    def happened(self) -> bool:
        return self.cache_damage is not None or self.kept_damage is not None


def open_store(cache: Path, check_at_start_bytes: int = CHECK_AT_START_BYTES) -> tuple[LocalStore, Recovery]:
    """Check the cache and its kept file, set a damaged one aside, open (or make) the store, salvage
    and reconcile; log what happened."""
    recovery = Recovery()
    kept = health.kept_path(cache)
    recovery.checked = not cache.exists() or cache.stat().st_size <= check_at_start_bytes
    recovery.cache_damage = health.damage(cache, full=recovery.checked)
    if recovery.cache_damage is not None:
        recovery.cache_aside = health.set_aside(cache)
    recovery.kept_damage = health.damage(kept)
    if recovery.kept_damage is None and not kept.exists() and _had_kept(cache):
        recovery.kept_damage = health.MISSING
    salvaged: health.Salvaged | None = None
    if recovery.kept_damage not in (None, health.MISSING):
        recovery.kept_aside = health.set_aside(kept)
        salvaged = health.salvage(recovery.kept_aside, [table.name for table in schema.KEPT])
        recovery.incomplete = salvaged.incomplete
    store = _open(cache, recovery)
    try:
        if salvaged is not None:
            recovery.salvaged = _restore(store, salvaged)
        replica = Replica(store, requeue_orphans=recovery.kept_damage is not None)
        recovery.requeued = replica.requeued
        _count(store, recovery)
    except BaseException:
        store.close()
        raise
    if recovery.happened:
        log.warning("cache recovery: %s", recovery)
    return store, recovery


def check_later(cache: Path) -> str | None:
    """The full check of a cache in use (:attr:`Recovery.checked` was ``False``): a damage found is
    marked for the next start and returned."""
    found = health.damage(cache)
    if found is not None:
        log.warning("the cache in use failed its check (%s): it is rebuilt at the next start", found)
        health.mark(cache, found)
    return found


def _had_kept(cache: Path) -> bool:
    """Whether ``cache`` is of a version that keeps its outbox in the kept file (2.6 on)."""
    if not cache.exists():
        return False
    try:
        db = sqlite3.connect(f"{cache.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return int(db.execute("PRAGMA user_version").fetchone()[0]) >= 2006
        finally:
            db.close()
    except sqlite3.Error:
        return False


def _open(cache: Path, recovery: Recovery) -> LocalStore:
    """The store; a cache that turns out damaged only now (its check passed) is set aside once."""
    try:
        return LocalStore(cache)
    except DatabaseError as exc:
        if getattr(exc.orig, "sqlite_errorname", None) not in DAMAGED or recovery.cache_damage is not None:
            raise
        log.warning("the cache failed while opening", exc_info=True)
    recovery.cache_damage = health.MALFORMED
    recovery.cache_aside = health.set_aside(cache)
    return LocalStore(cache)


def _restore(store: LocalStore, salvaged: health.Salvaged) -> int:
    """Write the salvaged rows into the new kept file; returns how many outbox entries."""
    with store.write() as conn:
        for table in schema.KEPT:
            columns = [c.name for c in table.columns]
            rows = [tuple(row.get(c) for c in columns) for row in salvaged.rows.get(table.name, [])]
            if rows:
                conn.exec_driver_sql(
                    f"INSERT OR IGNORE INTO {schema.KEEP}.{table.name} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})", rows)
    return len(salvaged.rows.get(schema.outbox.name, []))


def _count(store: LocalStore, recovery: Recovery) -> None:
    outbox = schema.outbox
    with store.engine.connect() as conn:
        recovery.pending = int(conn.execute(select(func.count()).select_from(outbox)).scalar_one())
        recovery.tickets = int(conn.execute(select(func.count()).select_from(outbox).where(
            outbox.c.kind == Kind.TICKET, outbox.c.base_version.is_(None))).scalar_one())
        recovery.drafts = int(conn.execute(select(func.count()).select_from(schema.drafts)).scalar_one())
