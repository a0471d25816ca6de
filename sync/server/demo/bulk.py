"""Fast bulk writes inside the caller's transaction: COPY on PostgreSQL, a prepared executemany on
SQLite with values converted as SQLAlchemy's bind processors convert them (so they are stored exactly
as the ORM stores them), and a plain Core ``insert`` elsewhere."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from itertools import chain, islice
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, Date, Table, Uuid, insert
from sqlalchemy.types import TypeEngine

from sync.server.demo.common import Row
from sync.server.models import UTCDateTime

CHUNK = 5000


def insert_rows(
    conn: Connection, table: Table, rows: Iterable[Row], done: Callable[[int], None] | None = None
) -> int:
    """Insert ``rows`` (dicts with the same keys) into ``table``, consuming them as they come; calls
    ``done(count)`` after every CHUNK rows. Returns the number of rows."""
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return 0
    keys = list(first)
    if conn.dialect.name == "postgresql":
        return _copy(conn, table, keys, chain([first], iterator), done)
    count = 0
    batches = chain([[first, *islice(iterator, CHUNK - 1)]], iter(lambda: list(islice(iterator, CHUNK)), []))
    for batch in batches:
        if conn.dialect.name == "sqlite":
            _executemany(conn, table, keys, batch)
        else:
            conn.execute(insert(table), batch)
        count += len(batch)
        if done is not None:
            done(count)
    return count


def _column_list(conn: Connection, table: Table, keys: list[str]) -> tuple[str, str]:
    quote = conn.dialect.identifier_preparer.quote
    return quote(table.name), ", ".join(quote(k) for k in keys)


def _copy(
    conn: Connection, table: Table, keys: list[str], rows: Iterable[Row], done: Callable[[int], None] | None
) -> int:
    """One COPY for all rows: the server ingests while the rows are still being generated."""
    name, columns = _column_list(conn, table, keys)
    dbapi_conn: Any = conn.connection.dbapi_connection
    count = 0
    with dbapi_conn.cursor() as cursor, cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
        for count, row in enumerate(rows, start=1):
            copy.write_row([row[k] for k in keys])
            if done is not None and count % CHUNK == 0:
                done(count)
    if done is not None and count % CHUNK:
        done(count)
    return count


def sqlite_uuid(value: UUID | None) -> str | None:
    return None if value is None else value.hex


def sqlite_datetime(value: datetime | None) -> str | None:
    """What UTCDateTime stores on SQLite: UTC, without the offset, with microseconds."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def sqlite_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def sqlite_converter(type_: TypeEngine[Any]) -> Callable[[Any], Any] | None:
    """A fast stand-in for SQLAlchemy's SQLite bind processor of the commonest types, giving the same
    strings (a test compares them); None for every other type."""
    if isinstance(type_, UTCDateTime):
        return sqlite_datetime
    if isinstance(type_, Uuid) and type_.as_uuid:
        return sqlite_uuid
    if isinstance(type_, Date):
        return sqlite_date
    return None


def _processors(conn: Connection, table: Table, keys: list[str]) -> list[Callable[[Any], Any] | None]:
    dialect = conn.dialect
    return [
        sqlite_converter(table.c[k].type) or table.c[k].type.dialect_impl(dialect).bind_processor(dialect)
        for k in keys
    ]


def _executemany(conn: Connection, table: Table, keys: list[str], rows: Sequence[Row]) -> None:
    name, columns = _column_list(conn, table, keys)
    sql = f"INSERT INTO {name} ({columns}) VALUES ({', '.join('?' * len(keys))})"
    columns_values = [[row[k] for row in rows] for k in keys]
    for i, process in enumerate(_processors(conn, table, keys)):
        if process is not None:
            columns_values[i] = list(map(process, columns_values[i]))
    conn.exec_driver_sql(sql, list(zip(*columns_values, strict=True)))
