"""Background operations: work runs on worker threads, results come back on the UI thread."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ksdesk_desktop import collector
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


class _Ticking(QWidget):
    """A widget with a running timer: destroyed on a worker thread, Qt complains and may crash."""

    def __init__(self, cycle: bool = False) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.start(60_000)
        if cycle:
            self.me = self


def _raise(widget: QWidget) -> None:
    raise ValueError(widget.objectName())


def _watch_deaths(widget: QWidget, deaths: list[bool]) -> None:
    weakref.finalize(widget, lambda: deaths.append(threading.current_thread() is threading.main_thread()))


def test_widgets_an_op_closes_over_die_on_the_ui_thread(qtbot: QtBot, tasks: TaskManager) -> None:
    """Whichever thread drops the last reference destroys the object: the worker must never be the
    one, whether the op succeeds, fails (its traceback holds the closure) or was cancelled."""
    deaths: list[bool] = []
    done: list[int] = []
    rounds = 3000
    for i in range(rounds):
        widget = _Ticking()
        _watch_deaths(widget, deaths)
        if i % 3 == 1:
            Op(lambda _s, w=widget: _raise(w), Lane.QUERY).failure(lambda _e: done.append(1)).run(tasks)
        else:
            state = Op(lambda _s, w=widget: w.objectName(), Lane.QUERY).success(lambda _r: done.append(1)).run(tasks)
            if i % 3 == 2:
                state.cancel()
                done.append(1)
        del widget
        while tasks.running:  # the UI thread takes the answer the moment it comes: the race is widest
            QApplication.processEvents()
    qtbot.waitUntil(lambda: tasks.running == 0, timeout=30_000)
    qtbot.waitUntil(lambda: len(deaths) == rounds, timeout=10_000)
    assert len(done) == rounds
    assert deaths.count(False) == 0, f"{deaths.count(False)} of {rounds} widgets were destroyed on a worker"


def test_cycles_are_collected_on_the_ui_thread_only(qtbot: QtBot, tasks: TaskManager) -> None:
    """A worker that allocates a lot used to run the cycle collector itself, destroying the widgets a
    closed window had left in cycles; now only the UI thread collects (``ksdesk_desktop.collector``)."""
    gui = collector.install(QApplication.instance())
    assert not gc.isenabled()
    deaths: list[bool] = []
    for _ in range(200):
        _watch_deaths(_Ticking(cycle=True), deaths)

    def churn(_s: OpState) -> int:
        return len([[n] for n in range(200_000)])  # crosses every generation's threshold many times

    finished: list[int] = []
    for _ in range(5):
        Op(churn, Lane.QUERY).success(finished.append).run(tasks)
    qtbot.waitUntil(lambda: len(finished) == 5, timeout=30_000)
    qtbot.waitUntil(lambda: len(deaths) == 200, timeout=10_000)  # the UI thread's passes freed them
    assert deaths.count(False) == 0, f"{deaths.count(False)} widgets in cycles died on a worker"
    assert gui.collections[2] + gui.collections[1] + gui.collections[0] > 0
