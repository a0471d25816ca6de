"""The two-stage start (``ksdesk_desktop.quick_start``): the window with the feed read straight from
the cache shows the same tickets, in the same order and with the same texts as the real feed; then
the controller takes the window over and the real feed replaces the quick one with the selection kept.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.quick_start import QuickFeed, Startup
from ksdesk_desktop.store.db import StoreVersionError
from ksdesk_desktop.store.feed import feed_ids, glance
from ksdesk_desktop.store.ticket_list import TicketFilter
from ksdesk_desktop.ui.ticket_list import TicketListPage

DEAD_SERVER = "http://127.0.0.1:9"
ROOT = Path(__file__).resolve().parents[2]


def shown_texts(page: TicketListPage, rows: int) -> list[list[str]]:
    model = page.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(rows)]


def test_the_quick_feed_reads_what_the_feed_shows(qtbot: QtBot, controller: Controller, paths: Paths) -> None:
    feed = controller.ticket_pages[2]
    assert feed_ids(paths.local_db) == controller.ticket_list.ids(TicketFilter())
    store = controller.store
    before = (store.pending_count(), store.last_sync_at())
    seen = glance(paths.local_db, limit=50)
    after = (store.pending_count(), store.last_sync_at())  # (the client syncs on: either is right)
    assert seen is not None and seen.rows
    assert [row["rowid"] for row in seen.rows] == controller.ticket_list.ids(TicketFilter())[:50]
    assert (seen.pending, seen.last_sync) in (before, after)
    quick = QuickFeed()
    qtbot.addWidget(quick)
    quick.show_rows(seen.rows)
    feed.model.set_ids([row["rowid"] for row in seen.rows])
    quick_texts = [[quick.model.index(r, c).data() for c in range(quick.model.columnCount())]
                   for r in range(quick.model.rowCount())]
    assert quick_texts == shown_texts(feed, len(seen.rows))
    titles = [quick.model.headerData(c, Qt.Orientation.Horizontal) for c in range(quick.model.columnCount())]
    assert titles == [feed.model.headerData(c, Qt.Orientation.Horizontal) for c in range(feed.model.columnCount())]


def test_nothing_to_read_without_a_cache(tmp_path: Path) -> None:
    assert glance(tmp_path / "none.sqlite", 100) is None
    assert feed_ids(tmp_path / "none.sqlite") is None
    assert not (tmp_path / "none.sqlite").exists()  # read-only: never created


def test_the_controller_takes_the_quick_window_over(qtbot: QtBot, controller: Controller, paths: Paths) -> None:
    expected = controller.ticket_list.ids(TicketFilter())
    controller.window.close()  # the client before: its cache stays
    startup = Startup(Options(server=DEAD_SERVER), paths, UserSettings(paths.settings_file))
    qtbot.addWidget(startup.window)
    try:
        startup.start()
        assert startup.window.isVisible() and startup.controller is None
        quick = startup.quick
        assert quick.model.rowCount() > 3
        assert not startup.window.desktop_page.create_button.isEnabled()  # the form comes with stage 2
        quick.view.selectRow(2)
        with qtbot.waitSignal(startup.completed, timeout=30_000):
            pass
        built = startup.controller
        assert built is not None
        feed = built.ticket_pages[2]
        assert startup.feed is feed and startup.window.desktop_page.feed is feed
        assert feed.model.ids == expected
        assert feed.view.currentIndex().row() == 2  # the same ticket still selected
        assert built.window is startup.window and startup.window.desktop_page.create_button.isEnabled()
        qtbot.waitUntil(lambda: built.login_dialog is not None and built.login_dialog.isVisible())
        assert not shiboken6.isValid(quick) or not quick.isVisible()  # replaced, then deleted
    finally:
        startup.window.close()
        startup.finish()
    assert built.closed


def test_p3_what_the_start_made_is_kept_out_of_full_collections(qtbot: QtBot, paths: Paths) -> None:
    """A full collection walks every object the collector tracks, on the UI thread: with 100 000 cached
    tickets it took about 100 ms in the middle of opening a list. What the start made lives as long as
    the client, so it is frozen out of those passes; what comes later is still collected."""
    gc.unfreeze()  # an earlier test's client froze its own start: this one's is watched
    startup = Startup(Options(server=DEAD_SERVER), paths, UserSettings(paths.settings_file))
    qtbot.addWidget(startup.window)
    try:
        startup.start()
        with qtbot.waitSignal(startup.completed, timeout=30_000):
            pass
        built = startup.controller
        assert built is not None and gc.is_tracked(built) and gc.get_freeze_count() > 0
        tracked = gc.get_objects()
        assert not any(o is built or o is built.ticket_pages[0] for o in tracked)  # frozen
        del tracked
        later: list[object] = []
        later.append(later)  # a cycle made after the start: still collected
        assert any(o is later for o in gc.get_objects())
    finally:
        startup.window.close()
        startup.finish()


def test_a_cache_of_a_newer_version_is_refused_in_the_second_stage(
    qtbot: QtBot, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))

    def load(*_args: object) -> None:
        raise StoreVersionError("схема 3.0")

    startup = Startup(Options(server=DEAD_SERVER), paths, UserSettings(paths.settings_file), load=load)  # type: ignore[arg-type]
    qtbot.addWidget(startup.window)
    startup.start()
    qtbot.waitUntil(lambda: exits == [3], timeout=10_000)
    assert said == ["схема 3.0"] and startup.exit_code == 3
    assert not startup.window.isVisible() and startup.controller is None
    startup.finish()


def test_the_first_stage_imports_nothing_heavy() -> None:
    """Stage 1 (``app`` and ``quick_start``) loads PySide6 and the standard library, not the store
    (but for its ``sqlite3`` reader of the feed), the models, the network or the keyring."""
    code = "import sys, ksdesk_desktop.app, ksdesk_desktop.quick_start; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    heavy = ("sqlalchemy", "pydantic", "httpx", "keyring", "ksdesk_desktop.store", "ksdesk_desktop.controller",
             "sync.server")
    light = {"ksdesk_desktop.store", "ksdesk_desktop.store.feed", "ksdesk_desktop.store.health"}
    assert [m for m in out.split() if any(m == h or m.startswith(h + ".") for h in heavy) and m not in light] == []
    assert "ksdesk_desktop.store.feed" in out.split()  # (the check sees the store's modules)


STAGE_ONE = """
import sys
import PySide6.QtCore as core
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.quick_start import Startup

app = QApplication([])
from ksdesk_desktop.app import apply_style
apply_style(app)  # as ksdesk starts: its style (ui.look) and style sheet
paths = Paths.under(Path(sys.argv[1])).ensure()
startup = Startup(Options(), paths, UserSettings(paths.settings_file))
startup.start()
startup.quick.show_rows([{"rowid": 1, "registration_number": None, "provisional_number": "П-1", "status": None,
                          "registered_at": "2026-01-01T10:00:00+00:00", "subject": "Тема", "organization_name": "О"}])
for _ in range(3):
    app.processEvents()
startup.window.grab()
print("QT-NAMESPACE", "Qt" in core.__dict__, flush=True)
"""


def test_the_first_stage_does_without_the_qt_namespace(tmp_path: Path) -> None:
    """PySide builds its ``Qt`` namespace (a hundred-odd enums) on first use, which costs the first
    frame some 15 ms: the first stage's window is built, filled and painted without it (roles as
    numbers, enum properties by name, ``setShortcuts`` rather than ``setShortcut``)."""
    done = subprocess.run([sys.executable, "-c", STAGE_ONE, str(tmp_path)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60, check=False)
    assert "QT-NAMESPACE False" in done.stdout, done.stdout + done.stderr

