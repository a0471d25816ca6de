"""The sync runner: when to synchronise, on which thread, and what the UI hears about it (S2–S5).

A round (:class:`~ksdesk_desktop.core.sync_engine.SyncEngine`) runs on the sync lane, never on the UI
thread. Rounds start after a local change, on a live hint from the server, on a slow timer as a
safety net, and after a failure with exponential backoff and jitter. Requests that arrive while a
round runs fold into one more round. Everything the UI shows comes back through signals.

Attachments' content goes up in upload rounds on a lane of their own, started after every sync round
(whose push may have given the server new attachment records): a pull never waits behind a file.
Widgets write through :meth:`SyncRunner.save` — one unit of work, then the change set is published
and a round starts.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ksdesk_desktop.core.api_client import ApiClient, ApiError
from ksdesk_desktop.core.attachments import UploadReport
from ksdesk_desktop.core.backoff import Backoff
from ksdesk_desktop.core.live import LiveListener
from ksdesk_desktop.core.sync_engine import SyncEngine, SyncReport
from ksdesk_desktop.ops import Lane, Op, OpState, TaskManager, alive
from ksdesk_desktop.store.replica import Batch, Problem, Replica
from sync.protocol import Operation
from sync.records import Kind

log = logging.getLogger(__name__)
T = TypeVar("T")


class SyncRunner(QObject):
    status_changed = Signal()  # pending count, last sync, error, running or paused changed
    progress = Signal(int, int)  # done, total of the running pull (estimate)
    synced = Signal(object)  # SyncReport of a finished round
    records_changed = Signal(object)  # set[Kind] whose cached records changed (here or on the server)
    problems_changed = Signal(object)  # list[Problem]: conflicts and refusals waiting for the operator
    live_changed = Signal(bool)  # the live stream connected / lost
    offer = Signal(object)  # A4: an ``offer`` event's data (dict: OfferOut), on the UI thread
    offer_ended = Signal(object)  # A4: an ``offer_ended`` event's data (dict: id, state)
    _hint = Signal()  # from the stream's thread; queued to the UI thread
    _live = Signal(bool)  # likewise
    _offer_event = Signal(str, object)  # likewise

    def __init__(self, replica: Replica, tasks: TaskManager, *, interval_s: float = 60.0,
                 backoff: Backoff | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.replica, self.tasks = replica, tasks
        self.backoff = backoff or Backoff(first=1.0, cap=60.0)
        self.engine: SyncEngine | None = None
        self.listener: LiveListener | None = None
        self.pending = replica.pending_count()
        self.problems: list[Problem] = replica.problems()
        self.last_sync: datetime | None = replica.store.last_sync_at()
        self.sync_error = ""  # why the last sync round failed ("" once one succeeds)
        self.upload_error = ""  # why the last upload round failed ("" once one succeeds)
        self.live = False
        self.paused = False
        self._op: OpState | None = None
        self._again = False
        self._upload: OpState | None = None
        self._upload_again = False
        self._upload_backoff = Backoff(first=self.backoff.first, cap=self.backoff.cap)
        self._upload_retry = QTimer(self)
        self._upload_retry.setSingleShot(True)
        self._upload_retry.timeout.connect(self.request_upload)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.request_sync)
        self._timer = QTimer(self)
        self._timer.setInterval(int(interval_s * 1000))
        self._timer.timeout.connect(self.request_sync)
        self._hint.connect(self.request_sync)
        self._live.connect(self._set_live)
        self._offer_event.connect(self._offered)

    # --- control -----------------------------------------------------------------------------

    def set_api(self, api: ApiClient | None, *, live: bool = True) -> None:
        """Start syncing with a logged-in API session (None stops)."""
        self.stop()
        if api is None:
            return
        self.engine = SyncEngine(self.replica, api)
        if live:
            self.listener = LiveListener(api, self._hint.emit, self._live.emit, on_offer=self._offer_event.emit)
            self.listener.start()
        self._timer.start()
        self.request_sync()

    @property
    def running(self) -> bool:
        return self._op is not None

    @property
    def error(self) -> str:
        """What the status bar shows: why the last sync round failed, else why the last upload did."""
        return self.sync_error or self.upload_error

    @property
    def uploading(self) -> bool:
        return self._upload is not None

    @Slot()
    def request_sync(self) -> None:
        if self.engine is None or self.paused:
            return
        if self._op is not None:
            self._again = True
            return
        self._retry.stop()
        self._again = False
        engine = self.engine
        self._op = Op(lambda state: engine.sync(lambda: state.cancelled, self.progress.emit), Lane.SYNC) \
            .success(self._finished).failure(self._failed).run(self.tasks)
        self.status_changed.emit()

    @Slot()
    def request_upload(self) -> None:
        """An upload round on the upload lane (T12); one asked for while one runs follows it."""
        if self.engine is None or self.paused:
            return
        if self._upload is not None:
            self._upload_again = True
            return
        self._upload_retry.stop()
        self._upload_again = False
        engine = self.engine
        self._upload = Op(lambda state: engine.upload(lambda: state.cancelled), Lane.UPLOAD) \
            .success(self._uploaded).failure(self._upload_failed).run(self.tasks)

    @Slot()
    def cancel(self) -> None:
        """Stop the running round (the initial sync may be long); :meth:`resume` continues from the
        stored cursor."""
        self.paused = True
        self._cancel_ops()
        self.status_changed.emit()

    @Slot()
    def resume(self) -> None:
        self.paused = False
        self.request_sync()

    def stop(self) -> None:
        self._timer.stop()
        self._retry.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        self._cancel_ops()
        self.engine = None
        self._set_live(False)

    def _cancel_ops(self) -> None:
        for op in (self._op, self._upload):
            if op is not None:
                op.cancel()
        self._op = self._upload = None
        self._retry.stop()
        self._upload_retry.stop()

    # --- local changes ------------------------------------------------------------------------

    def save(self, work: Callable[[Batch], T], *, on_done: Callable[[T], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """The one way widgets write: ``work(batch)`` runs on the DB lane in one unit of work
        (:meth:`Replica.batch`), so everything it writes lands together or not at all. Then the views
        hear which kinds changed, ``on_done`` gets what ``work`` returned, and a sync round starts;
        ``on_error`` gets what it raised (nothing was written)."""
        def run(_state: OpState) -> tuple[T, set[Kind]]:
            with self.replica.batch() as batch:
                result = work(batch)
            return result, batch.kinds

        Op(run, Lane.DB).success(lambda done: self._changed_locally(done[1], on_done, done[0])) \
            .failure(on_error or self._raise).run(self.tasks)

    def change(self, kind: Kind, record_id: str | uuid.UUID, data: Mapping[str, Any],
               op: Operation = Operation.UPSERT, *, on_done: Callable[[str], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        """Write a local change with its outbox entry (DB lane), then sync."""
        self.save(lambda batch: batch.change(kind, record_id, data, op), on_done=on_done, on_error=on_error)

    def create(self, kind: Kind, data: Mapping[str, Any], *, on_done: Callable[[str], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        """Create a record locally with its outbox entry (DB lane), then sync; ``on_done`` gets its id."""
        self.save(lambda batch: batch.create(kind, data), on_done=on_done, on_error=on_error)

    def revert(self, problem: Problem) -> None:
        """«Загрузить»: take the server's version of the record."""
        Op(lambda _s: self.replica.revert(problem.kind, problem.record_id), Lane.DB).success(
            lambda _n: self._changed_locally({problem.kind})
        ).failure(self._raise).run(self.tasks)

    def keep_mine(self, problem: Problem) -> None:
        """«Оставить моё»: send the local version again, on top of the server's."""
        Op(lambda _s: self.replica.keep_mine(problem.key), Lane.DB).success(
            lambda _k: self._changed_locally({problem.kind})
        ).failure(self._raise).run(self.tasks)

    def _changed_locally(self, kinds: set[Kind], callback: Callable[[Any], None] | None = None,
                         result: Any = None) -> None:
        self._refresh_counts()
        if kinds:
            self.records_changed.emit(kinds)
        if callback is not None and alive(callback):  # not a widget closed meanwhile
            callback(result)
        self.request_sync()

    # --- results ------------------------------------------------------------------------------

    def _finished(self, report: SyncReport) -> None:
        self._op = None
        if report.push_error is None:
            self.backoff.reset()
            self.sync_error = ""
        else:  # pulled, but the outbox did not go: shown, and tried again after a backoff
            self._retry_later(report.push_error.message)
        if report.complete:
            self.last_sync = self.replica.store.last_sync_at()
        self._refresh_counts(report.conflicts + report.rejected > 0)
        if report.kinds:
            self.records_changed.emit(report.kinds)
        self.synced.emit(report)
        self.request_upload()  # files whose records this round's push gave the server
        if self._again and not self.paused:
            self.request_sync()

    def _failed(self, exc: BaseException) -> None:
        self._op = None
        if not isinstance(exc, ApiError):
            self.sync_error = self.tr("Ошибка синхронизации: {error}").format(error=exc)
            log.error("sync round failed", exc_info=exc)
        else:
            self.sync_error = exc.message
        self._retry_later(self.sync_error)
        self._refresh_counts()

    def _retry_later(self, error: str) -> None:
        """Show why the round failed and start the next one after a backoff."""
        self.sync_error = error
        delay = self.backoff.next_delay()
        log.info("sync failed (%s); next attempt in %.1f s", error, delay)
        self._retry.start(int(delay * 1000))

    def _uploaded(self, report: UploadReport) -> None:
        self._upload = None
        self._upload_backoff.reset()
        if self.upload_error:
            self.upload_error = ""
            self.status_changed.emit()
        if report.failed:  # a file's upload stopped for good: its ticket shows why
            self.records_changed.emit({Kind.ATTACHMENT})
        if report.uploaded:
            self.request_sync()  # the server marked them complete: pull that
        if self._upload_again and not self.paused:
            self.request_upload()

    def _upload_failed(self, exc: BaseException) -> None:
        """The network went during an upload: what reached the server stays there, and the next
        upload round (after a backoff, or after the next sync round) continues from it."""
        self._upload = None
        if not isinstance(exc, ApiError):
            self.upload_error = self.tr("Ошибка отправки файлов: {error}").format(error=exc)
            log.error("upload round failed", exc_info=exc)
        else:
            self.upload_error = exc.message
        delay = self._upload_backoff.next_delay()
        log.info("upload failed (%s); next attempt in %.1f s", self.upload_error, delay)
        self._upload_retry.start(int(delay * 1000))
        self.status_changed.emit()

    def _refresh_counts(self, problems: bool = True) -> None:
        self.pending = self.replica.pending_count()
        if problems:
            found = self.replica.problems()
            if found != self.problems:
                self.problems = found
                self.problems_changed.emit(found)
        self.status_changed.emit()

    @Slot(bool)
    def _set_live(self, connected: bool) -> None:
        if connected != self.live:
            self.live = connected
            self.live_changed.emit(connected)

    @Slot(str, object)
    def _offered(self, event: str, data: object) -> None:
        (self.offer if event == "offer" else self.offer_ended).emit(data)

    @staticmethod
    def _raise(exc: BaseException) -> None:
        raise exc
