"""Checking the cache's files at start, setting a damaged one aside, and reading what can still be
read of a damaged kept file (issue 16, class 12). Standard library only: the first stage of the start
may call it, and so may the second before anything else touches the files.

* :func:`damage` says why a file cannot be used: empty, a broken header, cut short (from its size and
  header alone, microseconds), or malformed inside (``PRAGMA quick_check``: O(size), some 0.25 s for
  a cache of 400 MB read from memory, run with the GIL released). A damage found while the file is in
  use is :func:`mark`-ed beside it, and the next start takes the file as damaged.
* :func:`set_aside` renames a damaged file (and its ``-wal``) to ``<name>.damaged-<time>.sqlite``,
  keeping the last :data:`KEEP_ASIDE` of them for the support service.
* :func:`salvage` reads the rows of a damaged kept file page by page: a row on a page that cannot be
  read is skipped, every other one is returned. (Python's ``sqlite3`` has no binding of SQLite's
  recovery extension, nor has ``apsw``; the ``sqlite3`` shell's ``.recover`` is not on every Windows.)
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAGIC = b"SQLite format 3\x00"
KEEP_ASIDE = 3  # damaged files kept beside the new one, newest first
CHUNK = 64  # rows read at a time while salvaging
MISSES = 64  # chunks in a row that yield nothing, after which a table of unknown length is taken as read

# why a file was found damaged (the window says it in words: ``ui.recovery_notice``)
EMPTY, HEADER, TRUNCATED, MALFORMED, MISSING = "empty", "header", "truncated", "malformed", "missing"


def kept_path(cache: Path) -> Path:
    """The kept file (outbox, drafts, local files) beside a cache: ``outbox.sqlite`` beside
    ``cache.sqlite``, ``<name>.outbox.sqlite`` beside any other name."""
    return cache.with_name("outbox.sqlite" if cache.name == "cache.sqlite" else f"{cache.stem}.outbox.sqlite")


def header_damage(path: Path) -> str | None:
    """Why ``path`` cannot be a sound SQLite file, from its size and header alone; ``None`` if it
    looks sound or does not exist."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:  # SQLite never leaves a database it made empty (unless its pages are still in the WAL)
        wal = path.with_name(path.name + "-wal")
        return None if wal.exists() and wal.stat().st_size > 0 else EMPTY
    with path.open("rb") as file:
        head = file.read(100)
    page = int.from_bytes(head[16:18], "big") if len(head) == 100 else 0
    page = 65536 if page == 1 else page
    if not head.startswith(MAGIC) or page < 512 or page & (page - 1):
        return HEADER
    pages = int.from_bytes(head[28:32], "big")
    counted = head[24:28] == head[92:96]  # the header's page count is valid only then
    if size % page or (counted and size < pages * page):
        return TRUNCATED
    return None


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".damaged")


def mark(path: Path, reason: str) -> None:
    """Note that ``path`` was found damaged while in use (the next start sets it aside)."""
    _marker(path).write_text(reason, encoding="utf-8")


def damage(path: Path, full: bool = True) -> str | None:
    """Why ``path`` cannot be used: marked so (:func:`mark`), :func:`header_damage`, else (``full``)
    ``PRAGMA quick_check``."""
    marker = _marker(path)
    if marker.exists() and path.exists():
        return marker.read_text(encoding="utf-8").strip() or MALFORMED
    found = header_damage(path)
    if found is not None or not path.exists() or not full:
        return found
    try:
        db = _connect(path)
        try:
            result = db.execute("PRAGMA quick_check(1)").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError:  # "file is not a database", "database disk image is malformed"
        log.warning("%s cannot be checked", path, exc_info=True)
        return MALFORMED
    if result is None or result[0] != "ok":
        log.warning("%s failed its check: %s", path, result)
        return MALFORMED
    return None


def set_aside(path: Path) -> Path:
    """Rename a damaged file (with its ``-wal``; its ``-shm`` is dropped) out of the way, keeping the
    last :data:`KEEP_ASIDE`; returns the new name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    path.rename(aside)
    _marker(path).unlink(missing_ok=True)
    for extra in ("-wal", "-shm"):
        companion = path.with_name(path.name + extra)
        if extra == "-wal" and companion.exists():
            companion.rename(aside.with_name(aside.name + extra))
        else:
            companion.unlink(missing_ok=True)
    older = sorted(path.parent.glob(f"{path.stem}.damaged-*{path.suffix}"), reverse=True)
    for old in older[KEEP_ASIDE:]:
        for name in (old, old.with_name(old.name + "-wal")):
            name.unlink(missing_ok=True)
    log.warning("damaged %s set aside as %s", path, aside)
    return aside


@dataclass
class Salvaged:
    """What :func:`salvage` read: each table's rows (column name → value) and whether some part of
    the file could not be read."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    incomplete: bool = False


def salvage(path: Path, tables: list[str]) -> Salvaged:
    """The rows of ``tables`` that can still be read from a damaged file, in row order."""
    found = Salvaged()
    try:
        db = _connect(path)
    except sqlite3.Error:
        found.incomplete = True
        return found
    try:
        for table in tables:
            rows, whole = _table_rows(db, table)
            found.rows[table] = rows
            found.incomplete |= not whole
    finally:
        db.close()
    return found


def _table_rows(db: sqlite3.Connection, table: str) -> tuple[list[dict[str, Any]], bool]:
    """Read a table a chunk at a time by row number; a chunk that fails is read row by row, and a row
    that fails is skipped. Returns the rows and whether nothing failed."""
    db.row_factory = sqlite3.Row
    query = f"SELECT rowid AS _rowid, * FROM {table}"
    top: int | None
    try:
        top = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = None  # the table's last page (or its schema) cannot be read: probe until rows run out
    rows: list[dict[str, Any]] = []
    whole, after, misses = True, 0, 0
    while (after < top) if top is not None else (misses < MISSES):
        try:
            chunk = db.execute(f"{query} WHERE rowid > ? ORDER BY rowid LIMIT ?", (after, CHUNK)).fetchall()
        except sqlite3.DatabaseError:
            whole = False
            chunk = [row for rowid in range(after + 1, after + CHUNK + 1) for row in _row(db, query, rowid)]
            after += CHUNK
            misses = 0 if chunk else misses + 1
        else:
            if not chunk:
                break
            after = int(chunk[-1]["_rowid"])
        rows += [{k: v for k, v in zip(row.keys(), row, strict=True) if k != "_rowid"} for row in chunk]
    return rows, whole


def _row(db: sqlite3.Connection, query: str, rowid: int) -> list[sqlite3.Row]:
    try:
        return list(db.execute(f"{query} WHERE rowid = ?", (rowid,)).fetchall())
    except sqlite3.DatabaseError:
        return []
