"""The longer schemathesis run over every operation (issue 16, class 11): ``python benchmarks/run.py fuzz
[sqlite|postgresql]`` (both without an argument; ``KSDESK_FUZZ_EXAMPLES`` per operation, identity and
mode, default 50). The same run as ``tests/server/test_hostile_openapi.py`` with more examples, new
ones each time (the test's are fixed); each failure is printed with a command that repeats it.

Figures per backend: operations, examples run, server errors (target 0), schema violations (target 0),
duration.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import httpx

from benchmarks.databases import postgres_database, sqlite_url
from benchmarks.figures import Figure
from sync.protocol import API_PREFIX
from tests.fixtures.fuzz import Report, fuzz
from tests.fixtures.servers import TEST_PASSWORD, seed_users, start_server

EXAMPLES = int(os.environ.get("KSDESK_FUZZ_EXAMPLES", "50"))
SHOWN = 20  # failures printed in full


def _run(url: str, data_dir: Path) -> Report:
    seed_users(url)
    server = start_server(url, data_dir)
    try:
        tokens = {}
        for role, login in (("operator", "op1"), ("supervisor", "boss")):
            answer = httpx.post(f"{server.url}{API_PREFIX}/auth/login",
                                json={"login": login, "password": TEST_PASSWORD})
            tokens[role] = answer.json()["access_token"]
        return fuzz(server.url, tokens, max_examples=EXAMPLES, derandomize=False)
    finally:
        server.stop()


def _figures(label: str, report: Report) -> list[Figure]:
    for finding in report.findings[:SHOWN]:
        print(f"--- {label}: {finding}\n")
    return [
        Figure(f"{label}: operations", report.operations, "operations"),
        Figure(f"{label}: examples run", report.examples, "requests"),
        Figure(f"{label}: server errors", report.server_errors, "answers", "0", report.server_errors == 0),
        Figure(f"{label}: schema violations", report.schema_violations, "answers", "0", report.schema_violations == 0),
        Figure(f"{label}: duration", round(report.seconds, 1), "s"),
    ]


def run(*backends: str) -> list[Figure]:
    wanted = backends or ("sqlite", "postgresql")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        if "sqlite" in wanted:
            figures += _figures("sqlite", _run(sqlite_url(Path(tmp)), Path(tmp) / "sqlite"))
        if "postgresql" in wanted:
            with postgres_database() as url:
                if url is not None:
                    figures += _figures("postgresql", _run(url, Path(tmp) / "postgresql"))
    return figures
