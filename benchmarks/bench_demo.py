"""Demo data at full scale: 100 000 tickets, 10 000 organizations, 30 000 contacts, on SQLite and
on PostgreSQL (when one answers at KSDESK_TEST_DATABASE_URL or 127.0.0.1:5432/test)."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import make_url, text

from benchmarks.figures import Figure, at_most
from sync.server.bootstrap import prepare_database
from sync.server.db import make_engine
from sync.server.demo import DemoSize, generate_demo

FULL = DemoSize(tickets=100_000, organizations=10_000, contacts=30_000)
LIMIT_S = 60.0


def _measure(url: str, label: str) -> list[Figure]:
    engine = make_engine(url)
    prepare_database(engine)
    start = time.perf_counter()
    report = generate_demo(engine, FULL)
    seconds = time.perf_counter() - start
    engine.dispose()
    return [
        at_most(f"demo {label}: 100k tickets, 10k orgs, 30k contacts", seconds, "s", LIMIT_S),
        Figure(
            f"demo {label}: tickets written", report.tickets, "rows", str(FULL.tickets), report.tickets == FULL.tickets
        ),
    ]


def run() -> list[Figure]:
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        figures += _measure(f"sqlite:///{Path(tmp, 'demo.sqlite').as_posix()}", "sqlite")
    admin_url = os.environ.get("KSDESK_TEST_DATABASE_URL", "postgresql+psycopg://127.0.0.1:5432/test")
    try:
        admin = make_engine(admin_url, pool_size=1).execution_options(isolation_level="AUTOCOMMIT")
        name = f"ksdesk_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no PostgreSQL here: say so, measure the rest
        print(f"PostgreSQL not measured: {exc}")
        return figures
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        figures += _measure(url, "postgresql")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return figures
