"""Background operations: the UI thread never waits on the network or a slow query.

    Op(fetch_health).success(show).failure(report).with_progress("Проверка связи").run(tasks)

An op's function runs on a worker thread and gets an :class:`OpState` to poll for cancellation; it
never touches a widget. Its result (or exception) comes back to the UI thread through a queued
signal. Lanes: all local-database writes on one writer thread, network calls in a small pool, the sync
engine on its own thread, attachment uploads on another, and reads of the cache (searches) in a pair
of threads.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")


class Lane(enum.Enum):
    DB = "db"  # one thread: SQLite writes never contend
    NETWORK = "network"  # a few threads
    SYNC = "sync"  # one thread: the sync engine's rounds never overlap
    QUERY = "query"  # reads of the local cache (searches, lists): never behind a write
    UPLOAD = "upload"  # one thread: attachments' content, so a long upload never holds a pull back


@dataclass
class OpState:
    """Shared between the caller and the worker; the worker polls ``cancelled``."""

    _event: threading.Event = field(default_factory=threading.Event)

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()


class _Inbox(QObject):
    """Lives in the UI thread. A worker puts its outcome here, lets go of everything it held, and only
    then emits ``arrived`` (queued to the UI thread, the receiver living there).

    Why so: whichever thread drops the last reference to a Python object destroys it. An op's function
    often closes over a widget; had the worker dropped the last reference to it (the function, a result,
    an exception whose traceback holds the function's frame), the widget would be destroyed on the worker
    thread: Qt's "Timers cannot be stopped from another thread", then a crash. Here the UI thread holds
    the op until its outcome is taken, and the worker holds nothing by the time the outcome is taken."""

    arrived = Signal()

    def __init__(self, deliver: Callable[[int, Any, BaseException | None], None]) -> None:
        super().__init__()
        self._deliver = deliver
        self._lock = threading.Lock()
        self._held: dict[int, tuple[Any, BaseException | None]] = {}
        self._ready: list[int] = []
        self.arrived.connect(self._take)  # emitted on workers: queued to this object's thread

    def hold(self, token: int, outcome: tuple[Any, BaseException | None]) -> None:
        """Keep an outcome; it is not handed out before ``release`` (the worker may still hold it)."""
        with self._lock:
            self._held[token] = outcome

    def release(self, token: int) -> None:
        """The worker has let go of the outcome: the UI thread may take it (and be the one to free it)."""
        with self._lock:
            self._ready.append(token)
        with contextlib.suppress(RuntimeError):  # the task manager is gone (the program is ending)
            self.arrived.emit()

    @Slot()
    def _take(self) -> None:
        with self._lock:
            ready, self._ready = self._ready, []
            outcomes = [(token, *self._held.pop(token)) for token in ready]
        for token, result, exc in outcomes:
            self._deliver(token, result, exc)


class _Runnable(QRunnable):
    def __init__(self, token: int, fn: Callable[[OpState], Any], state: OpState, inbox: _Inbox) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._token, self._inbox = token, inbox
        self._fn: Callable[[OpState], Any] | None = fn
        self._state: OpState | None = state

    def run(self) -> None:
        fn, state, self._fn, self._state = self._fn, self._state, None, None
        if fn is None or state is None:
            return  # run twice: never by a pool
        try:
            outcome: tuple[Any, BaseException | None] = (fn(state), None)
        except BaseException as exc:  # delivered to the failure handler in the UI thread
            outcome = (None, exc)
        self._inbox.hold(self._token, outcome)
        del fn, state, outcome  # the UI thread holds the op: none of these was the last reference
        self._inbox.release(self._token)


class TaskManager(QObject):
    """Owns the worker lanes and reports what is running, for the status bar's progress."""

    busy_changed = Signal(str)  # label of a running op with progress, or "" when idle
    unhandled_failure = Signal(object)  # an exception no failure handler took

    def __init__(self, parent: QObject | None = None, network_threads: int = 4) -> None:
        super().__init__(parent)
        self._pools = {lane: QThreadPool(self) for lane in Lane}
        self._pools[Lane.DB].setMaxThreadCount(1)
        self._pools[Lane.SYNC].setMaxThreadCount(1)
        self._pools[Lane.UPLOAD].setMaxThreadCount(1)
        self._pools[Lane.NETWORK].setMaxThreadCount(network_threads)
        self._pools[Lane.QUERY].setMaxThreadCount(2)
        self._inbox = _Inbox(self._finished)
        self._running: dict[int, tuple[Op[Any], OpState]] = {}
        self._labels: dict[int, str] = {}
        self._next = 0

    def submit(self, op: Op[Any]) -> OpState:
        state = OpState()
        token = self._next
        self._next += 1
        self._running[token] = (op, state)
        if op.progress_label:
            self._labels[token] = op.progress_label
            self.busy_changed.emit(op.progress_label)
        self._pools[op.lane].start(_Runnable(token, op.fn, state, self._inbox))
        return state

    def _finished(self, token: int, result: Any, exc: BaseException | None) -> None:
        entry = self._running.pop(token, None)
        if entry is None:
            return
        op, state = entry
        if self._labels.pop(token, None) is not None:
            self.busy_changed.emit(next(iter(self._labels.values()), ""))
        if state.cancelled:
            return  # latest request wins: a cancelled op's answer never lands
        if exc is None:
            if op.on_success is not None and alive(op.on_success):
                op.on_success(result)
        elif op.on_failure is not None:
            if alive(op.on_failure):
                op.on_failure(exc)
        else:
            log.error("unhandled failure in background op", exc_info=exc)
            self.unhandled_failure.emit(exc)

    @property
    def running(self) -> int:
        return len(self._running)

    def shutdown(self, timeout_ms: int = 3000) -> None:
        """Cancel everything and wait a bounded time for workers to return (at exit)."""
        for _op, state in self._running.values():
            state.cancel()
        for pool in self._pools.values():
            pool.clear()
            pool.waitForDone(timeout_ms)


def alive(callback: Callable[..., Any]) -> bool:
    """False for a method of a widget closed while its op ran: the answer has nowhere to go."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class Op(Generic[T]):
    def __init__(self, fn: Callable[[OpState], T], lane: Lane = Lane.NETWORK) -> None:
        self.fn = fn
        self.lane = lane
        self.on_success: Callable[[T], None] | None = None
        self.on_failure: Callable[[BaseException], None] | None = None
        self.progress_label: str | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self.on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self.on_failure = callback
        return self

    def with_progress(self, label: str) -> Op[T]:
        self.progress_label = label
        return self

    def run(self, tasks: TaskManager) -> OpState:
        return tasks.submit(self)


class Latest(QObject, Generic[T]):
    """Latest request wins: starting a new op cancels the previous one, whose answer is dropped."""

    def __init__(self, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._state: OpState | None = None

    @Slot()
    def cancel(self) -> None:
        if self._state is not None:
            self._state.cancel()
            self._state = None

    def run(self, op: Op[T]) -> OpState:
        self.cancel()
        self._state = op.run(self._tasks)
        return self._state
