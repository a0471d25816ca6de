"""Adding a record kind takes what ``docs/architecture.md`` says it takes: a throw-away kind, «widget»,
declared once on each side (``tests/sync/widget_kind.py``, ``widget_server.py``), is created by one
client, applied by the real server and pulled by another client — and refused by the kind's role
rule for a role that may not write it. The registrations are removed afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from ksdesk_desktop.store import schema
from sync import records
from sync.errors import ErrorCode
from sync.records import Kind
from tests.fixtures.databases import empty_database
from tests.fixtures.replicas import Node, open_node
from tests.fixtures.servers import ServerProcess, seed_users, start_server
from tests.sync import widget_kind
from tests.sync.widget_kind import WIDGET


def seen(node: Node, kind: Kind, record_id: str) -> tuple[int, str] | None:
    """The version and name of a widget as the node's operator sees it."""
    record = node.replica.get(kind, record_id)
    return None if record is None else (record["version"], record["name"])


@pytest.fixture
def widget() -> Iterator[Kind]:
    kind = widget_kind.declare_shared()
    widget_kind.declare_cache()
    try:
        yield kind
    finally:
        widget_kind.forget()


@pytest.fixture
def widget_server(widget: Kind, tmp_path: Path) -> Iterator[ServerProcess]:
    """A real server that knows the kind (SQLite: the kind's code is the same on both backends)."""
    with empty_database("sqlite", tmp_path) as url:
        seed_users(url)
        server = start_server(url, tmp_path, module="tests.sync.widget_server")
        try:
            yield server
        finally:
            server.stop()


def test_a_kind_declared_once_on_each_side_syncs_end_to_end(widget: Kind, widget_server: ServerProcess,
                                                            tmp_path: Path) -> None:
    boss = open_node(widget_server.url, tmp_path / "boss.sqlite", "boss")
    operator = open_node(widget_server.url, tmp_path / "operator.sqlite", "op1")
    try:
        record_id = boss.replica.create(widget, {"name": "  Первый  "})
        assert (boss.sync().applied, boss.replica.pending_count()) == (1, 0)
        assert seen(boss, widget, record_id) == (1, "Первый")

        operator.sync()
        assert seen(operator, widget, record_id) == (1, "Первый")
        with operator.store.engine.connect() as conn:  # the cache table copies the declared column
            assert conn.execute(select(schema.CACHE[WIDGET].c.name)).scalars().all() == ["Первый"]

        # an operator may not write it: the shared rule, enforced by the server, refuses the change
        operator.replica.change(widget, record_id, {"name": "Второй"})
        assert operator.sync().rejected == 1
        [problem] = operator.replica.problems()
        assert (problem.kind, problem.error_code) == (WIDGET, ErrorCode.FORBIDDEN)

        boss.replica.change(widget, record_id, {"name": "Второй"})  # a supervisor may
        assert boss.sync().applied == 1
        operator.replica.revert(widget, record_id)
        operator.sync()
        assert seen(operator, widget, record_id) == (2, "Второй")
    finally:
        boss.close()
        operator.close()


def test_a_kind_is_declared_once_and_can_be_taken_back(widget: Kind) -> None:
    with pytest.raises(ValueError, match="declared already"):
        records.register(widget_kind.SPEC)
    assert Kind(WIDGET) is widget and records.creatable(widget) and "widgets" in schema.metadata.tables
    widget_kind.forget()
    try:
        with pytest.raises(ValueError):
            Kind(WIDGET)
        assert WIDGET not in records.SPECS and WIDGET not in schema.CACHE and "widgets" not in schema.metadata.tables
    finally:
        widget_kind.declare_shared()  # the fixture takes it back again
        widget_kind.declare_cache()
