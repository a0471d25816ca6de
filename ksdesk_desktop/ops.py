"""Background operations: the UI thread never waits on the network or a slow query.

    Op(fetch_health).success(show).failure(report).with_progress("Проверка связи").run(tasks)

An op's function runs on a worker thread and gets an :class:`OpState` to poll for cancellation; it
never touches a widget. Its result (or exception) comes back to the UI thread through a queued
signal. Lanes: all local-database writes on one writer thread, network calls in a small pool, the sync
engine on its own thread, attachment uploads on another, and reads of the cache (searches) in a pair
of threads.
"""

from __future__ import annotations

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


class _Relay(QObject):
    """Lives in the UI thread; the worker emits ``done`` and Qt queues ``deliver`` to the UI thread
    (the receiver is this QObject, so the connection is queued whatever thread emits)."""

    done = Signal(object, object)  # result, exception

    def __init__(self, callback: Callable[[Any, BaseException | None], None]) -> None:
        super().__init__()
        self._callback = callback
        self.done.connect(self.deliver)

    @Slot(object, object)
    def deliver(self, result: Any, exc: BaseException | None) -> None:
        self._callback(result, exc)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[OpState], Any], state: OpState, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._state, self._relay = fn, state, relay

    def run(self) -> None:
        try:
            result = self._fn(self._state)
        except BaseException as exc:  # delivered to the failure handler in the UI thread
            self._relay.done.emit(None, exc)
        else:
            self._relay.done.emit(result, None)


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
        self._running: dict[int, tuple[_Relay, OpState]] = {}
        self._labels: dict[int, str] = {}
        self._next = 0

    def submit(self, op: Op[Any]) -> OpState:
        state = OpState()
        token = self._next
        self._next += 1
        relay = _Relay(lambda result, exc: self._finished(token, op, state, result, exc))
        self._running[token] = (relay, state)
        if op.progress_label:
            self._labels[token] = op.progress_label
            self.busy_changed.emit(op.progress_label)
        self._pools[op.lane].start(_Runnable(op.fn, state, relay))
        return state

    def _finished(self, token: int, op: Op[Any], state: OpState, result: Any, exc: BaseException | None) -> None:
        self._running.pop(token, None)
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
        for _relay, state in self._running.values():
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
