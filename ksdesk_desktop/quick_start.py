"""The two-stage start (cold start ≤ 2× a bare PySide6 window with 100 000 cached tickets).

Stage 1 needs nothing but PySide6 and the standard library: the main window is built and shown with
the desktop's «Лента обращений» read straight from the cache file with ``sqlite3`` (``store.feed``:
the feed's own query, read-only; the real feed's columns, ``ui.ticket_columns``), and the status
bar's pending count and last sync.
The window is interactive at once: the quick-access panel, the menus and the feed work.

Stage 2 imports the rest of the client (``ksdesk_desktop.controller``: the SQLAlchemy store, the
pydantic models, httpx, the keyring, the sync runner) on a worker thread, which also opens the store,
reads the keyring (its back end loads there, never on the UI thread) and the feed's full list of
tickets (``ksdesk_desktop.start_loader``). The controller is then built on the UI thread one short
step per event-loop turn; the feed is handed over to the normal lazy list (same rows, the selection
kept), and the controller starts. Until then, what needs the controller is not there yet: «Создать
обращение» is disabled, and a page opened from the Navigator opens once it is installed.

The quick feed holds its rows in a ``QStandardItemModel``: painting it never calls Python, so the
worker's imports (which hold the GIL for long stretches) cannot make it stutter.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, QTimer, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.store.feed import Row, glance
from ksdesk_desktop.store.health import header_damage
from ksdesk_desktop.ui.main_window import MainWindow
from ksdesk_desktop.ui.table_view import table_view
from ksdesk_desktop.ui.ticket_columns import ticket_columns

if TYPE_CHECKING:
    from ksdesk_desktop.controller import Controller
    from ksdesk_desktop.core.options import Options
    from ksdesk_desktop.start_loader import Loaded
    from ksdesk_desktop.ui.ticket_list import TicketListPage

log = logging.getLogger(__name__)
QUICK_ROWS = 100  # the feed's first rows read at start: a few screenfuls
# while the worker imports, the UI thread gets the GIL back within this (Python's default: 5 ms)
LOADING_SWITCH_S = 0.001
FIRST_FRAMES_MS = 30  # after the feed's first paint, the window's first frames go by before the worker starts
FIRST_PAINT_WAIT_MS = 300  # stage 2 begins after the feed's first paint, or after this long without one


class QuickFeed(QWidget):
    """The desktop's feed until the real one (``ui.ticket_list.TicketListPage`` in FEED mode) takes
    over: the same columns, widths and texts over the rows stage 1 read (no sort indicator: the feed
    is not sorted by the operator). Like the window, it does without PySide's ``Qt`` namespace."""

    listed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quick_feed")
        columns = ticket_columns(feed=True)
        self.columns = [column for _key, column, _width in columns]
        widths = [width for _key, _column, width in columns]
        self.model = QStandardItemModel(0, len(self.columns), self)
        self.model.setHorizontalHeaderLabels([column.title for column in self.columns])
        self.view = view = table_view("quick_feed_view", self.model, [i for i, w in enumerate(widths) if not w],
                                      {i: w for i, w in enumerate(widths) if w})
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view, 1)
        self.rowids: list[int] = []

    def texts(self, record: Row) -> list[str]:
        """A row's cells, as the FEED list shows them."""
        return [column.value(record) for column in self.columns]

    def show_rows(self, rows: list[Row]) -> None:
        italic = QFont()
        italic.setItalic(True)
        self.model.setRowCount(0)
        for record in rows:
            items = []
            for text in self.texts(record):
                item = QStandardItem(text)
                item.setToolTip(text)
                if not record.get("registration_number"):  # sent from here, not yet registered
                    item.setFont(italic)
                items.append(item)
            self.model.appendRow(items)
        self.rowids = [int(r["rowid"]) for r in rows]
        self.listed.emit(len(rows))


class Startup(QObject):
    """Runs the two stages; ``controller`` is set once stage 2 has built it (then ``completed``)."""

    completed = Signal()  # the controller is built and started
    _loaded = Signal(object)  # Loaded | BaseException, from the worker

    def __init__(self, options: Options, paths: Paths, settings: UserSettings,
                 load: Callable[[Options, Paths, UserSettings], Loaded] | None = None) -> None:
        """``load``: stage 2's work on the worker (``start_loader.load_client``)."""
        super().__init__()
        self.options, self.paths, self.settings, self._load = options, paths, settings, load
        self.controller: Controller | None = None
        self.exit_code: int | None = None
        self._closed = False
        self._thread: threading.Thread | None = None
        self._result: Loaded | BaseException | None = None
        self._switch_interval = sys.getswitchinterval()
        self._loaded.connect(self._take_over)
        self.window = MainWindow(None, self.system_info, on_close=self.shutdown)
        self.quick = QuickFeed()
        self.window.desktop_page.set_feed(self.quick, self.quick.listed)
        self.feed: QWidget = self.quick  # the desktop's feed now: the quick one, then the real one

    # --- stage 1 --------------------------------------------------------------------------------

    def start(self) -> None:
        """Show the window with the feed's first rows, then begin stage 2 once it is on screen."""
        # a cache whose header is broken is not read (stage 2 sets it aside and says so)
        seen = None if header_damage(self.paths.local_db) else glance(self.paths.local_db, QUICK_ROWS)
        if seen is not None:
            self.window.status.show_sync(pending=seen.pending, last_sync=seen.last_sync, error="", running=False,
                                         paused=False)
        self.quick.show_rows(seen.rows if seen is not None else [])
        self.quick.view.viewport().installEventFilter(self)
        self.window.show()
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._begin_loading)  # if the feed is never painted (minimized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stage 2 begins shortly after the feed has been painted: the first frames do not share the
        GIL with the worker's imports."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(FIRST_FRAMES_MS, self._begin_loading)
        return False

    def system_info(self) -> str:
        """«О программе» before the controller has taken over."""
        from ksdesk_desktop.sysinfo import SystemContext, system_info

        path = self.paths.local_db
        return system_info(SystemContext(
            cache_path=str(path), cache_bytes=path.stat().st_size if path.exists() else 0,
            language=self.options.lang or str(self.settings.get("language")),
        ))

    # --- stage 2 --------------------------------------------------------------------------------

    def _begin_loading(self) -> None:
        if self._closed or self._thread is not None:
            return
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(LOADING_SWITCH_S)
        self._thread = threading.Thread(target=self._work, name="ksdesk-start", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        try:
            if self._load is None:
                from ksdesk_desktop.start_loader import load_client

                self._load = load_client
            result: Loaded | BaseException = self._load(self.options, self.paths, self.settings)
        except BaseException as exc:  # noqa: BLE001  (handed to the UI thread: a bug reaches the crash handler)
            result = exc
        self._result = result
        self._loaded.emit(result)

    def _take_over(self, result: Loaded | BaseException) -> None:
        sys.setswitchinterval(self._switch_interval)
        if self._closed:
            return
        if isinstance(result, BaseException):
            self._failed(result)
            return
        from ksdesk_desktop.controller import Controller

        self._result = None  # the store is the controller's now
        self.controller = Controller(self.options, self.paths, result.store, self.settings, result.credentials,
                                     window=self.window, staged=True, feed_handover=self._hand_over,
                                     recovery=result.recovery)
        self._feed_ids, self._token = result.feed_ids, result.refresh_token
        QTimer.singleShot(0, self._build)

    def _failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ksdesk_desktop.store.db import StoreVersionError

        self.window.hide()
        if isinstance(exc, StoreVersionError):  # a cache written by a newer version: said, and no start
            QMessageBox.critical(None, QCoreApplication.translate("app", "КС Деск"), str(exc))
            self.exit_code = 3
        else:  # a bug: reported as any other (the crash handler), and the client ends as it did before
            sys.excepthook(type(exc), exc, exc.__traceback__)
            self.exit_code = 1
        QApplication.exit(self.exit_code)

    def _build(self) -> None:
        controller = self.controller
        if controller is None or self._closed or controller.closed:
            return
        if controller.build_step():
            QTimer.singleShot(0, self._build)
            return
        controller.start(refresh_token=self._token)
        self.completed.emit()

    def _hand_over(self, page: TicketListPage) -> None:
        """The real feed replaced the quick one: the same tickets (listed on the worker), the same
        ticket selected and at the top."""
        quick, self.feed = self.quick, page
        if self._feed_ids is not None:
            page.seed(self._feed_ids)
        current, top = quick.view.currentIndex(), quick.view.rowAt(0)
        if 0 <= current.row() < len(quick.rowids):
            row = page.model.row_of(quick.rowids[current.row()])
            if row >= 0 and quick.view.selectionModel().isRowSelected(current.row()):
                page.view.selectRow(row)
            elif row >= 0:  # the current cell only, as it was (the keyboard goes on from there)
                page.view.selectionModel().setCurrentIndex(page.model.index(row, current.column()),
                                                           QItemSelectionModel.SelectionFlag.NoUpdate)
        if 0 < top < len(quick.rowids):
            row = page.model.row_of(quick.rowids[top])
            if row >= 0:
                QTimer.singleShot(0, lambda: page.view.scrollTo(
                    page.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop))
        if quick.view.hasFocus():
            page.view.setFocus()

    # --- the end --------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """The window closed or the application quits: stop whatever was started."""
        self._closed = True
        if self.controller is not None:
            self.controller.shutdown()

    def finish(self) -> None:
        """After the event loop: wait for the worker (an import half done must not meet the
        interpreter's exit) and close a store no controller took."""
        self._closed = True
        if self._thread is not None:
            self._thread.join()
            sys.setswitchinterval(self._switch_interval)
        if self._result is not None and not isinstance(self._result, BaseException):
            self._result.store.close()
            self._result = None
