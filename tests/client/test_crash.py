"""A bug is logged, written to a report and shown to the user, not a vanished window."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from ksdesk_desktop.crash import CrashHandler


def test_crash_handler_writes_report_and_tells_the_user(qtbot: QtBot, tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path / "logs")
    try:
        raise ZeroDivisionError("деление на ноль в тесте")
    except ZeroDivisionError:
        handler.handle(*sys.exc_info())  # type: ignore[arg-type]
    assert handler.last_report is not None
    text = handler.last_report.read_text(encoding="utf-8")
    assert "ZeroDivisionError: деление на ноль в тесте" in text
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert handler.dialog is not None
    assert str(handler.last_report) in handler.dialog.text()
    assert "непредвиденная ошибка" in handler.dialog.text()
    handler.dialog.close()


def test_crash_in_a_worker_thread_reaches_the_ui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path / "logs")
    previous, previous_sys = threading.excepthook, sys.excepthook
    handler.install()
    try:
        with qtbot.waitSignal(handler._report, timeout=5000):
            worker = threading.Thread(target=lambda: 1 / 0)
            worker.start()
            worker.join()
    finally:
        threading.excepthook = previous
        sys.excepthook = previous_sys
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert handler.last_report is not None and "ZeroDivisionError" in handler.last_report.read_text(encoding="utf-8")
    handler.dialog.close()
