"""SQLite engines the same way on both sides: WAL, foreign keys, a busy timeout."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, create_engine, event


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # Cyrillic as is: a third of the size


def sqlite_engine(url: str, **connect_args: Any) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 30, **connect_args}, json_serializer=_dumps)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    return engine
