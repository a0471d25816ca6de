"""Issue 16, class 3 on the client (SQLite and PostgreSQL, a real server): a push that fails does not
freeze the sync. The round still pulls others' changes, the failure is shown, and the outbox is kept
and tried again; an entry the server refuses waits in the problem bar with its reason.

The failure is real: an HTTP proxy in front of the server answers every push with a 500."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ksdesk_desktop.core.backoff import Backoff
from ksdesk_desktop.ops import TaskManager
from ksdesk_desktop.sync_runner import SyncRunner
from sync.records import Kind
from tests.fixtures.proxy import FailingPushProxy
from tests.fixtures.replicas import NodeFactory, open_node
from tests.fixtures.servers import ServerProcess
from tests.sync.test_replica import org

pytestmark = pytest.mark.timeout(60)

@pytest.fixture
def proxy(live_server: ServerProcess) -> Iterator[FailingPushProxy]:
    failing = FailingPushProxy(live_server.url)
    yield failing
    failing.close()

@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()

def test_hostile_a_failed_push_still_pulls_and_reports_the_failure(
    make_node: NodeFactory, proxy: FailingPushProxy, tmp_path: Path,
) -> None:
    other = make_node("spec1")
    node = open_node(proxy.url, tmp_path / "behind-proxy.sqlite")
    try:
        node.sync()
        mine = node.replica.create(Kind.ORGANIZATION, org("ООО «Не уходит»"))
        theirs = other.replica.create(Kind.ORGANIZATION, org("ООО «Чужая новость»"))
        other.sync()
        report = node.sync()
        assert proxy.pushes_failed >= 1
        assert report.push_error is not None and report.push_error.status == 500
        assert not report.complete
        assert report.pulled >= 1 and Kind.ORGANIZATION in report.kinds
        assert node.replica.get(Kind.ORGANIZATION, theirs) is not None  # pulled in the same round
        assert node.replica.pending_count() == 1  # kept for the next round
        assert node.replica.get(Kind.ORGANIZATION, mine) is not None
    finally:
        node.close()

def test_hostile_the_runner_shows_a_failed_push_pulls_and_recovers(
    make_node: NodeFactory, proxy: FailingPushProxy, live_server: ServerProcess, tasks: TaskManager, qtbot: QtBot,
    tmp_path: Path,
) -> None:
    other = make_node("spec1")
    node = open_node(proxy.url, tmp_path / "behind-proxy.sqlite")
    runner = SyncRunner(node.replica, tasks, backoff=Backoff(first=0.05, cap=0.2, rng=random.Random(3)))
    try:
        node.replica.create(Kind.ORGANIZATION, org("ООО «Ждёт сервер»"))
        theirs = other.replica.create(Kind.ORGANIZATION, org("ООО «Новость другого»"))
        other.sync()
        with qtbot.waitSignal(runner.synced, timeout=10_000, check_params_cb=lambda r: r.push_error is not None):
            runner.set_api(node.api, live=False)
        assert runner.error == "Внутренняя ошибка сервера."  # what the status bar shows
        assert runner.pending == 1
        assert node.replica.get(Kind.ORGANIZATION, theirs) is not None
        qtbot.waitUntil(lambda: runner.backoff.failures >= 2, timeout=10_000)  # tried again, spaced out
        direct = open_node(live_server.url, tmp_path / "direct.sqlite")  # the server is healthy again
        try:
            with qtbot.waitSignal(runner.synced, timeout=10_000, check_params_cb=lambda r: r.applied == 1):
                runner.set_api(direct.api, live=False)
            assert runner.error == "" and runner.pending == 0 and runner.backoff.failures == 0
        finally:
            runner.stop()
            direct.close()
    finally:
        runner.stop()
        node.close()
