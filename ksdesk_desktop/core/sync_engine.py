"""One round of synchronisation: push the outbox, then pull changes after the cursor (S2, S3); and,
as a round of its own, the upload of attachments' content (T12).

Qt-free and synchronous: it runs on a worker thread (the Qt side is :mod:`ksdesk_desktop.sync_runner`)
or in a plain process. Every step is durable before the next one starts, so a crash or a dropped
connection at any point loses nothing and repeats nothing: an entry unanswered is sent again with the
same idempotency key, and a page not stored is pulled again from the stored cursor. Uploads are
apart (:meth:`SyncEngine.upload`) so that a file of 50 MB never holds back news: the runner runs them
on a lane of their own, after the rounds whose push gave the server the attachments' records.

A push that fails (the network, a server error) does not stop the round: the pull still runs, so news
from others arrives even while one entry cannot be sent, and the report carries the push's error.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Protocol

from ksdesk_desktop.core.api_client import ApiError
from ksdesk_desktop.core.attachments import AttachmentTransport, Uploader, UploadReport
from ksdesk_desktop.store.replica import Replica
from sync.protocol import MAX_PULL_PAGE, MAX_PUSH_BATCH, ChangesPage, Mutation, PushResponse
from sync.records import Kind


class Transport(Protocol):
    def push(self, mutations: list[Mutation]) -> PushResponse: ...

    def changes(self, after: int, limit: int) -> ChangesPage: ...


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pages: int = 0
    pulled: int = 0
    cursor: int = 0
    complete: bool = True  # False when cancelled before the end
    kinds: set[Kind] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)  # T5: a local record id → the existing one's
    push_error: ApiError | None = None  # why the push failed (the pull ran all the same)


BULK_CHANGES = 20_000  # a first pull of at least this many changes defers the secondary indexes
Progress = Callable[[int, int], None]  # done, total (change numbers; an estimate of the work left)


class SyncEngine:
    def __init__(self, replica: Replica, transport: Transport, *, batch_size: int = 200,
                 page_size: int = MAX_PULL_PAGE) -> None:
        self.replica, self.transport = replica, transport
        self.batch_size = min(batch_size, MAX_PUSH_BATCH)
        self.page_size = min(page_size, MAX_PULL_PAGE)

    def sync(self, cancelled: Callable[[], bool] = lambda: False, progress: Progress | None = None) -> SyncReport:
        report = SyncReport()
        try:
            self.push(report, cancelled)
        except ApiError as exc:  # what was answered is stored; the rest goes again next round
            report.push_error, report.complete = exc, False
        if not cancelled():
            self.pull(report, cancelled, progress)
        if report.complete:
            self.replica.mark_synced()
        return report

    def push(self, report: SyncReport, cancelled: Callable[[], bool]) -> None:
        while not cancelled():
            batch = self.replica.next_batch(self.batch_size)
            if not batch:
                return
            answer = self.transport.push(batch)
            counts = self.replica.store_results(answer.results)
            report.pushed += len(batch)
            report.applied += counts.applied
            report.conflicts += counts.conflicts
            report.rejected += counts.rejected
            report.kinds |= counts.kinds
            report.merged.update(counts.merged)
        report.complete = False

    def upload(self, cancelled: Callable[[], bool] = lambda: False) -> UploadReport:
        """T12, a round apart from push and pull: the content of attachments whose records the server
        has (pushed by an earlier round); an interrupted upload continues where the server's copy
        ends. A network failure raises ``ApiError`` after keeping what was sent."""
        if not isinstance(self.transport, AttachmentTransport):
            return UploadReport()
        return Uploader(self.replica.store).upload_pending(self.transport, cancelled)

    def pull(self, report: SyncReport, cancelled: Callable[[], bool], progress: Progress | None = None) -> None:
        """Pages after the stored cursor; the next page is fetched while this one is stored."""
        start = cursor = self.replica.cursor()
        if cancelled():
            report.complete = False
            return
        with ExitStack() as bulk, ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-fetch") as fetcher:
            ahead: Future[ChangesPage] | None = fetcher.submit(self.transport.changes, cursor, self.page_size)
            while ahead is not None:
                page = ahead.result()
                if cursor == start == 0 and page.head >= BULK_CHANGES and page.has_more:
                    # a first pull of a big directory: secondary indexes are built once at its end (or
                    # at the next start if it is killed), not row by row — a fifth of its time
                    store = self.replica.store
                    store.defer_indexes()
                    bulk.callback(store.build_indexes)
                more = page.has_more and not cancelled()
                ahead = fetcher.submit(self.transport.changes, page.cursor, self.page_size) if more else None
                report.kinds |= self.replica.apply_page(page)
                report.pages += 1
                report.pulled += len(page.changes)
                cursor = page.cursor
                if progress is not None:
                    progress(cursor - start, max(page.head, cursor) - start)
                if page.has_more and (ahead is None or cancelled()):
                    report.complete = False
                    break
        report.cursor = cursor
