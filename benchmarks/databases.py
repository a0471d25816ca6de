"""Server databases for benchmarks: a SQLite file, and a new PostgreSQL database when one answers
(KSDESK_TEST_DATABASE_URL or 127.0.0.1:5432/test), dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import make_url, text

from sync.server.db import make_engine


def sqlite_url(folder: Path, name: str = "server.sqlite") -> str:
    return f"sqlite:///{(folder / name).as_posix()}"


@contextmanager
def postgres_database() -> Iterator[str | None]:
    """Yields the URL of a new, empty PostgreSQL database, or None (said on stdout) without one."""
    admin_url = os.environ.get("KSDESK_TEST_DATABASE_URL", "postgresql+psycopg://127.0.0.1:5432/test")
    name = f"ksdesk_bench_{uuid.uuid4().hex[:8]}"
    try:
        admin = make_engine(admin_url, pool_size=1).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no PostgreSQL here: say so, measure the rest
        print(f"PostgreSQL not measured: {exc}")
        yield None
        return
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
