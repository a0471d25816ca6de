"""Opening the local cache with a versioned schema (``PRAGMA user_version`` = major * 1000 + minor).

A newer *minor* version (added tables or columns) is opened as is; a newer *major* version is
refused with a clear message, so an old client never damages a cache written by a newer one.

What cannot be downloaded again (the outbox, drafts, the rows of local files) lives in the *kept*
file beside the cache (``outbox.sqlite``, ``synchronous=FULL``), attached to every connection as
``keep``: one transaction writes both, atomic in each file but not across them, so the kept file is
the truth and the first ``Replica`` of a store lays it over the cache again. Caches before 2.6 held those
tables themselves; the first open moves them (:meth:`LocalStore._move_kept`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, bindparam, delete, event, func, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ksdesk_desktop.store import schema, search
from ksdesk_desktop.store.health import kept_path
from sync.records import Kind
from sync.sqlite import WRITE, sqlite_engine
from sync.texts import translate

LAST_SYNC = "last_sync_at"  # meta key: when a sync round last completed (UTC, ISO 8601)
INDEXES_DEFERRED = "indexes_deferred"  # meta key, present while a long first pull holds back indexes

SCHEMA_MAJOR = 2
SCHEMA_MINOR = 8
KEPT_VERSION = 1  # ``PRAGMA keep.user_version`` of the kept file


def _to_2_0(conn: Connection) -> None:
    """2.0: cached records, shadow versions and the outbox as the sync engine writes it. Version 1
    never wrote to its outbox, so the old, empty table is replaced."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS main.outbox")  # never the kept one
    schema.metadata.create_all(conn)


def _to_2_1(conn: Connection) -> None:
    """2.1: offline search of the Clients directory — sort and search columns of organizations and
    contacts, filled from the cached records, and their FTS5 indexes."""
    for kind in (Kind.ORGANIZATION, Kind.CONTACT):
        table = schema.CACHE[kind]
        present = {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table.name})")}
        for column in ("sort_name", "search_text"):
            if column not in present:
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {column} TEXT")
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{table.name}_sort_name ON {table.name} (sort_name, id)")
        for row in conn.execute(select(table.c.id, table.c.data)).all():
            conn.execute(update(table).where(table.c.id == row.id).values(search.derived(kind, row.data)))
        for statement in search.fts_statements(table.name):
            conn.exec_driver_sql(statement)


def _to_2_2(conn: Connection) -> None:
    """2.2: ticket attachments (T12) — their cache table and the local copies of attached files."""
    schema.metadata.create_all(conn, tables=[schema.CACHE[Kind.ATTACHMENT], schema.local_files])


def _to_2_3(conn: Connection) -> None:
    """2.3: drafts of the ticket form (T15)."""
    schema.metadata.create_all(conn, tables=[schema.drafts])


def _to_2_4(conn: Connection) -> None:
    """2.4: the ticket lists (N5) — columns to sort and filter by, the search text of each ticket and
    of its organization, and their FTS5 index; filled from the cached tickets."""
    table = schema.CACHE[Kind.TICKET]
    present = {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table.name})")}
    added = ("provisional_number", "priority", "ticket_type", "route", "sort_name", "search_text", "org_text")
    for column in added:
        if column not in present:
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {column} {table.c[column].type}")
    for index in table.indexes:
        index.create(conn, checkfirst=True)
    rows = conn.execute(select(table.c.id, table.c.data)).all()
    names = search.org_texts(conn, (str(row.data.get("organization_id") or "") for row in rows))
    copied = ("provisional_number", "priority", "ticket_type", "route")
    values = [
        {"_id": row.id, **{f"_{c}": row.data.get(c) for c in copied},
         **{f"_{k}": v for k, v in search.derived(Kind.TICKET, row.data).items()},
         "_org_text": names.get(str(row.data.get("organization_id") or ""))}
        for row in rows
    ]
    if values:
        written = (*copied, "sort_name", "search_text", "org_text", "registered_at")
        conn.execute(update(table).where(table.c.id == bindparam("_id")).values(
            {c: bindparam(f"_{c}") for c in written}), values)
    for statement in search.fts_statements(table.name, search.TICKET_FTS_COLUMNS):
        conn.exec_driver_sql(statement)


def _to_2_5(conn: Connection) -> None:
    """2.5: new rows reach the FTS5 indexes once per written page (:func:`search.indexing_new`), no
    longer through a trigger per row."""
    for kind in (Kind.ORGANIZATION, Kind.CONTACT, Kind.TICKET):  # the searchable kinds of 2.4
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {schema.CACHE[kind].name}_fts_insert")


def _to_2_6(conn: Connection) -> None:
    """2.6: the outbox, drafts and local files moved to the kept file (:meth:`LocalStore._move_kept`);
    each cache table gets the index of its records with local changes."""
    for table in schema.CACHE.values():
        for index in table.indexes:
            if str(index.name).endswith("_local"):
                index.create(conn, checkfirst=True)


def _to_2_7(conn: Connection) -> None:
    """2.7: the agent desk's activities (issue 18), read-only here."""
    schema.metadata.create_all(conn, tables=[schema.CACHE[Kind.ACTIVITY]])


def _to_2_8(conn: Connection) -> None:
    """2.8: the tickets a user registered are found with their line by the index alone (ПТЗ, N3: the
    author's 30 000 tickets were each read from the table to check the line: 15 ms of a 37 ms query)."""
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_tickets_author_id_status")
    for index in schema.CACHE[Kind.TICKET].indexes:
        index.create(conn, checkfirst=True)


def _meta_table(conn: Connection) -> None:
    conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS meta (key VARCHAR(100) PRIMARY KEY, value TEXT NOT NULL)")


# (version reached, step) — each step moves the schema from the previous version to this one
MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [
    (1000, _meta_table),
    (2000, _to_2_0),
    (2001, _to_2_1),
    (2002, _to_2_2),
    (2003, _to_2_3),
    (2004, _to_2_4),
    (2005, _to_2_5),
    (2006, _to_2_6),
    (2007, _to_2_7),
    (2008, _to_2_8),
]


def write_meta(conn: Connection, key: str, value: str) -> None:
    """Set a meta value inside the caller's transaction."""
    stmt = sqlite_insert(schema.meta).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def build_deferred_indexes(conn: Connection) -> None:
    for index in schema.deferrable_indexes():
        index.create(conn, checkfirst=True)
    conn.execute(delete(schema.meta).where(schema.meta.c.key == INDEXES_DEFERRED))


class StoreVersionError(RuntimeError):
    """The cache was written by a newer, incompatible version of the program."""


def _engine(path: Path, kept: Path) -> Engine:
    engine = sqlite_engine(f"sqlite:///{path.as_posix()}")

    @event.listens_for(engine, "connect")
    def _attach(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"ATTACH DATABASE ? AS {schema.KEEP}", (str(kept),))
        dbapi_conn.execute(f"PRAGMA {schema.KEEP}.journal_mode=WAL")
        dbapi_conn.execute(f"PRAGMA {schema.KEEP}.synchronous=FULL")  # durable at each commit

    return engine


class LocalStore:
    def __init__(self, path: Path, kept: Path | None = None) -> None:
        """``kept``: the kept file (default: :func:`health.kept_path` beside ``path``)."""
        self.path = path
        self.kept = kept or kept_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = _engine(path, self.kept)
        self._open = threading.local()  # the write transaction open on each thread, if any
        self.reconciled = False  # the cache matched to the kept outbox (the first ``Replica``)
        try:
            self._move_kept()
            self._migrate()
        except BaseException:
            self.engine.dispose()
            raise

    def _move_kept(self) -> None:
        """A cache before 2.6 held the outbox, drafts and local files itself: its rows are copied into
        the kept file in one transaction, then its tables dropped in a second (a crash between the two
        copies them again; rows already there are kept as they are)."""
        with self.engine.connect() as conn:
            tables = conn.exec_driver_sql("SELECT name FROM main.sqlite_master WHERE type = 'table'")
            present = {row[0] for row in tables}
            old = int(conn.exec_driver_sql("PRAGMA main.user_version").scalar_one())
        # version 1's outbox was never written (2.0 drops it); a newer major version is refused by _migrate
        moved = [table for table in schema.KEPT
                 if table.name in present and old >= 2000 and old // 1000 <= SCHEMA_MAJOR]
        with self.write() as conn:
            kept_version: int = conn.exec_driver_sql(f"PRAGMA {schema.KEEP}.user_version").scalar_one()
            if kept_version > KEPT_VERSION:
                raise StoreVersionError(
                    translate("LocalStore", "Файл неотправленных изменений {path} создан более новой версией "
                              "программы. Обновите программу.").format(path=self.kept)
                )
            schema.metadata.create_all(conn, tables=list(schema.KEPT))
            conn.exec_driver_sql(f"PRAGMA {schema.KEEP}.user_version = {KEPT_VERSION}")
            for table in moved:
                columns = ", ".join(c.name for c in table.columns)
                conn.exec_driver_sql(f"INSERT OR IGNORE INTO {schema.KEEP}.{table.name} ({columns}) "
                                     f"SELECT {columns} FROM main.{table.name}")
        if moved:
            with self.write() as conn:
                for table in moved:
                    conn.exec_driver_sql(f"DROP TABLE main.{table.name}")

    def _migrate(self) -> None:
        with self.write() as conn:
            current: int = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
            if current // 1000 > SCHEMA_MAJOR:
                self.engine.dispose()
                raise StoreVersionError(
                    translate("LocalStore", "Локальный кэш {path} создан более новой версией программы (схема "
                              "{version}). Обновите программу.").format(
                        path=self.path, version=f"{current // 1000}.{current % 1000}")
                )
            for version, step in MIGRATIONS:
                if current < version:
                    step(conn)
                    conn.exec_driver_sql(f"PRAGMA user_version = {version}")
                    current = version
            if conn.execute(select(schema.meta.c.key).where(schema.meta.c.key == INDEXES_DEFERRED)).first():
                build_deferred_indexes(conn)  # a first pull stopped before its end (killed)

    def defer_indexes(self) -> None:
        """Drop the deferrable indexes until :meth:`build_indexes` (or the next open, after a crash)."""
        with self.write() as conn:
            write_meta(conn, INDEXES_DEFERRED, "1")
            for index in schema.deferrable_indexes():
                conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")

    def build_indexes(self) -> None:
        with self.write() as conn:
            build_deferred_indexes(conn)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction, holding SQLite's write lock from its first statement (``BEGIN
        IMMEDIATE``): the sync thread and the UI's writer then wait for each other instead of failing.

        A write begun inside another on the same thread joins it (a unit of work,
        ``Replica.batch``): it commits with the outer one, and an exception anywhere inside rolls
        back everything. Other threads are not affected: each has its own."""
        joined: Connection | None = getattr(self._open, "conn", None)
        if joined is not None:
            yield joined
            return
        with self.engine.execution_options(**WRITE).begin() as conn:
            self._open.conn = conn
            try:
                yield conn
            finally:
                self._open.conn = None

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar()

    def set_meta(self, key: str, value: str) -> None:
        with self.write() as conn:
            write_meta(conn, key, value)

    def pending_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.outbox)).scalar_one())

    def last_sync_at(self) -> datetime | None:
        value = self.get_meta(LAST_SYNC)
        return datetime.fromisoformat(value).astimezone(UTC) if value else None

    def size_bytes(self) -> int:
        files = [self.path, self.path.with_name(self.path.name + "-wal")]
        return sum(f.stat().st_size for f in files if f.exists())

    def check(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def close(self) -> None:
        self.engine.dispose()
