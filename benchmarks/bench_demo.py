"""Demo data at full scale: 100 000 tickets, 10 000 organizations, 30 000 contacts, on SQLite and
on PostgreSQL (when one answers at KSDESK_TEST_DATABASE_URL or 127.0.0.1:5432/test)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.databases import postgres_database, sqlite_url
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
        figures += _measure(sqlite_url(Path(tmp), "demo.sqlite"), "sqlite")
    with postgres_database() as url:
        if url is not None:
            figures += _measure(url, "postgresql")
    return figures
