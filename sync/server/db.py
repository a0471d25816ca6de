"""Engine and sessions. SQLite gets WAL, foreign keys and a busy timeout; PostgreSQL uses psycopg 3."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from sync.sqlite import WRITE, sqlite_engine


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    if url.startswith("sqlite"):
        return sqlite_engine(url, check_same_thread=False)
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)


def backend_name(engine: Engine) -> str:
    return "postgresql" if engine.dialect.name == "postgresql" else "sqlite"


def make_session_factory(engine: Engine, info: dict[str, Any] | None = None) -> sessionmaker[Session]:
    import sync.server.changes  # noqa: F401  (registers the change-numbering hook)

    return sessionmaker(engine, expire_on_commit=False, info=info)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def write_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """:func:`session_scope` for a transaction that will write: on SQLite it takes the write lock up
    front (``BEGIN IMMEDIATE``), so it queues behind other writers instead of failing later."""
    with session_scope(factory) as session:
        if session.get_bind().dialect.name == "sqlite":
            session.connection(execution_options=WRITE)
        yield session
