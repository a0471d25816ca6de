"""Background operations: work runs on worker threads, results come back on the UI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from ksdesk_desktop.ops import Lane, Latest, Op, OpState, TaskManager


@pytest.fixture
def tasks(qtbot: QtBot):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_result_arrives_on_ui_thread_from_a_worker(qtbot: QtBot, tasks: TaskManager) -> None:
    ui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(_state: OpState) -> int:
        seen["worker"] = threading.current_thread().name
        return 42

    def done(value: int) -> None:
        seen["value"], seen["ui"] = value, QThread.currentThread() is ui_thread

    Op(work).success(done).run(tasks)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42 and seen["ui"] is True
    assert seen["worker"] != threading.main_thread().name


def test_failure_goes_to_the_failure_handler(qtbot: QtBot, tasks: TaskManager) -> None:
    errors: list[BaseException] = []
    Op(lambda _s: 1 / 0).failure(errors.append).run(tasks)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_unhandled_failure_is_reported_not_lost(qtbot: QtBot, tasks: TaskManager) -> None:
    with qtbot.waitSignal(tasks.unhandled_failure, timeout=5000) as blocker:
        Op(lambda _s: int("x")).run(tasks)
    assert isinstance(blocker.args[0], ValueError)


def test_progress_label_is_shown_while_running(qtbot: QtBot, tasks: TaskManager) -> None:
    release = threading.Event()
    labels: list[str] = []
    tasks.busy_changed.connect(labels.append)
    Op(lambda _s: release.wait(10)).with_progress("Загрузка").run(tasks)
    assert labels == ["Загрузка"]
    release.set()
    qtbot.waitUntil(lambda: labels[-1] == "")


def test_latest_request_wins(qtbot: QtBot, tasks: TaskManager) -> None:
    latest: Latest[str] = Latest(tasks)
    gate = threading.Event()
    answers: list[str] = []
    first = latest.run(Op(lambda s: (gate.wait(10), "первый")[1]).success(answers.append))
    latest.run(Op(lambda s: "второй").success(answers.append))
    assert first.cancelled
    qtbot.waitUntil(lambda: answers == ["второй"])
    gate.set()
    qtbot.waitUntil(lambda: tasks.running == 0)
    assert answers == ["второй"]  # the cancelled answer never lands


def test_db_lane_runs_one_op_at_a_time(qtbot: QtBot, tasks: TaskManager) -> None:
    busy = threading.Lock()
    threads: set[int] = set()
    overlaps: list[int] = []
    done: list[None] = []

    def work(_state: OpState) -> None:
        if not busy.acquire(blocking=False):
            overlaps.append(1)
            return
        threads.add(threading.get_ident())
        sum(range(20000))
        busy.release()

    for _ in range(20):
        Op(work, Lane.DB).success(done.append).run(tasks)
    qtbot.waitUntil(lambda: len(done) == 20)
    assert overlaps == [] and len(threads) == 1
