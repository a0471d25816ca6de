"""The Qt sync runner against a real server: two clients see each other's changes through the live
stream within a second, concurrent edits end in a conflict notice with both texts kept, and the
runner backs off and recovers when the server goes away."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ksdesk_desktop.core.backoff import Backoff
from ksdesk_desktop.core.sync_engine import SyncReport
from ksdesk_desktop.ops import TaskManager
from ksdesk_desktop.store.replica import Problem
from ksdesk_desktop.sync_runner import SyncRunner
from sync.records import Kind
from tests.fixtures.replicas import Node, NodeFactory
from tests.sync.test_replica import org

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


def start_runner(node: Node, tasks: TaskManager, qtbot: QtBot) -> SyncRunner:
    runner = SyncRunner(node.replica, tasks)
    with qtbot.waitSignal(runner.synced, timeout=10_000), qtbot.waitSignal(runner.live_changed, timeout=10_000):
        runner.set_api(node.api)
    return runner


def test_s3_change_on_one_client_appears_on_the_other_within_a_second(
    make_node: NodeFactory, tasks: TaskManager, qtbot: QtBot,
) -> None:
    a, b = make_node(), make_node()
    runner_a, runner_b = start_runner(a, tasks, qtbot), start_runner(b, tasks, qtbot)
    try:
        assert runner_b.live
        with qtbot.waitSignal(runner_a.synced, timeout=10_000,
                              check_params_cb=lambda r: r.applied == 1):
            runner_a.change(Kind.ORGANIZATION, a.replica.create(Kind.ORGANIZATION, org("ООО «Живое»")), {})
        # from the moment the server answered A, B has it within a second (live hint → pull)
        with qtbot.waitSignal(runner_b.records_changed, timeout=1000,
                              check_params_cb=lambda kinds: Kind.ORGANIZATION in kinds):
            pass
        names = {r["name"] for r in _organizations(b)}
        assert "ООО «Живое»" in names
    finally:
        runner_a.stop()
        runner_b.stop()


def _organizations(node: Node) -> list[dict[str, object]]:
    from sqlalchemy import select

    from ksdesk_desktop.store.schema import CACHE

    with node.store.engine.connect() as conn:
        return [dict(row.data) for row in conn.execute(select(CACHE[Kind.ORGANIZATION].c.data))]


def test_s4_concurrent_edit_raises_a_conflict_notice_and_keeps_both(
    make_node: NodeFactory, tasks: TaskManager, qtbot: QtBot,
) -> None:
    a, b = make_node(), make_node()
    record_id = a.replica.create(Kind.ORGANIZATION, org("ООО «Общее»"))
    a.sync()
    b.sync()
    runner_b = SyncRunner(b.replica, tasks)
    b.replica.change(Kind.ORGANIZATION, record_id, {"name": "ООО «Вариант Б»"})  # made while offline
    a.replica.change(Kind.ORGANIZATION, record_id, {"name": "ООО «Вариант А»"})
    a.sync()
    try:
        with qtbot.waitSignal(runner_b.problems_changed, timeout=10_000) as caught:
            runner_b.set_api(b.api, live=False)
        [problem] = caught.args[0]
        assert isinstance(problem, Problem) and problem.state == "conflict"
        assert problem.local["name"] == "ООО «Вариант Б»" and problem.server["name"] == "ООО «Вариант А»"  # type: ignore[index]
        assert runner_b.pending == 1
        with qtbot.waitSignal(runner_b.problems_changed, timeout=10_000, check_params_cb=lambda p: p == []):
            runner_b.revert(problem)  # «Загрузить»
        assert b.replica.get(Kind.ORGANIZATION, record_id)["name"] == "ООО «Вариант А»"  # type: ignore[index]
        qtbot.waitUntil(lambda: runner_b.pending == 0 and not runner_b.running)
    finally:
        runner_b.stop()


def test_s5_failure_backs_off_with_jitter_and_recovers(
    make_node: NodeFactory, tasks: TaskManager, qtbot: QtBot, tmp_path: Path,
) -> None:
    from ksdesk_desktop.core.api_client import ApiClient

    node = make_node()
    dead = ApiClient("http://127.0.0.1:9", timeout=2)  # nothing listens on the discard port
    runner = SyncRunner(node.replica, tasks, backoff=Backoff(first=0.05, cap=0.2, rng=random.Random(7)))
    try:
        node.replica.create(Kind.ORGANIZATION, org("ООО «Ждёт сети»"))
        with qtbot.waitSignal(runner.status_changed, timeout=10_000, check_params_cb=lambda: bool(runner.error)):
            runner.set_api(dead, live=False)
        assert "Нет связи" in runner.error and runner.pending == 1
        qtbot.waitUntil(lambda: runner.backoff.failures >= 3, timeout=10_000)  # it keeps trying, spaced out
        with qtbot.waitSignal(runner.synced, timeout=10_000, check_params_cb=lambda r: r.applied == 1):
            runner.set_api(node.api, live=False)  # the network is back
        assert runner.error == "" and runner.pending == 0 and runner.last_sync is not None
        assert runner.backoff.failures == 0
    finally:
        runner.stop()
        dead.close()


def test_s5_backoff_grows_with_full_jitter_up_to_the_cap() -> None:
    backoff = Backoff(first=1.0, cap=8.0, rng=random.Random(1))
    delays = [backoff.next_delay() for _ in range(6)]
    for delay, ceiling in zip(delays, [1, 2, 4, 8, 8, 8], strict=True):
        assert ceiling / 2 <= delay <= ceiling
    assert len(set(delays)) == 6  # jittered: no two clients retry in lockstep
    backoff.reset()
    assert backoff.next_delay() <= 1.0


def test_s5_cancelled_initial_sync_resumes_from_the_cursor(
    make_node: NodeFactory, tasks: TaskManager, qtbot: QtBot,
) -> None:
    boss = make_node("boss")
    for i in range(30):
        boss.replica.create(Kind.ORGANIZATION, org(f"ООО «Много-{i}»"))
    boss.sync()
    node = make_node(page_size=5)
    runner = SyncRunner(node.replica, tasks)
    runner.engine = node.engine  # small pages, so there is something to cancel
    reports: list[SyncReport] = []
    runner.synced.connect(reports.append)
    try:
        with qtbot.waitSignal(runner.progress, timeout=10_000):
            runner.request_sync()
        runner.cancel()
        assert runner.paused and not runner.running
        qtbot.waitUntil(lambda: tasks.running == 0)
        stopped_at = node.replica.cursor()
        assert stopped_at > 0
        with qtbot.waitSignal(runner.synced, timeout=10_000):
            runner.resume()
        assert reports[-1].complete and node.replica.cursor() >= stopped_at
        assert node.replica.count(Kind.ORGANIZATION) == boss.replica.count(Kind.ORGANIZATION)
    finally:
        runner.stop()
