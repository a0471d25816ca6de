"""Test harness: offscreen Qt, every path in tmp_path, an in-memory keyring, real servers.

PostgreSQL: ``KSDESK_TEST_DATABASE_URL`` if set, else the local server at 127.0.0.1:5432
(database ``test``). Without one the PostgreSQL tests are skipped with the reason — except under CI
(``CI=true``), where a missing PostgreSQL fails them.
"""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

pytest_plugins = [
    "tests.fixtures.databases", "tests.fixtures.servers", "tests.fixtures.client", "tests.fixtures.replicas",
    "tests.fixtures.registry_provider", "tests.fixtures.smtp",
]

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _qt_teardown_in_order():  # type: ignore[no-untyped-def]
    """Destroy leftover widgets and QObjects while the QApplication still exists, not in whatever
    order the interpreter finalizes them at exit (PySide6 may crash on the latter)."""
    yield
    from PySide6.QtWidgets import QApplication

    from tests.fixtures.qt import destroy_windows

    app = QApplication.instance()
    if isinstance(app, QApplication):
        destroy_windows(app)


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_ui_thread(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """As in the program (``ksdesk_desktop.collector``): Python's cycle collector runs on the Qt thread
    only, so a widget a test left in a cycle is never destroyed on a worker thread of a later test.

    After a Qt test everything it left in cycles is collected at once: a wrapper kept alive in a cycle
    after Qt had deleted its object (a layout's item) could be handed out by PySide for a new object
    at the same address in the next test (``verticalHeader()`` came back as a ``QWidgetItem``). Outside
    Qt tests the pass the interpreter would have run is run after each test."""
    qt = "qapp" in request.fixturenames or "qtbot" in request.fixturenames
    if qt:
        from ksdesk_desktop import collector

        collector.install(request.getfixturevalue("qapp"))
    yield
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None:
        from ksdesk_desktop.collector import UiThreadCollector

        found = app.findChild(UiThreadCollector)
        if isinstance(found, UiThreadCollector):
            if qt:
                gc.collect()
            else:
                found.check()
