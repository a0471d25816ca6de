"""One crash handler for bugs: log the traceback, write a report to the log folder and tell the user
instead of vanishing. Environment errors (offline, disk full …) are handled where they happen."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)


class CrashHandler(QObject):
    _report = Signal(str)  # crossing from any thread to the UI thread

    def __init__(self, log_dir: Path) -> None:
        super().__init__()
        self.log_dir = log_dir
        self.last_report: Path | None = None
        self.dialog: QMessageBox | None = None
        self._report.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("unhandled exception\n%s", text)
        path = self.write_report(text)
        self._report.emit(str(path))

    def write_report(self, text: str) -> Path:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        path = self.log_dir / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
        path.write_text(text, encoding="utf-8")
        self.last_report = path
        return path

    @Slot(str)
    def _show(self, path: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Непредвиденная ошибка"),
            self.tr(
                "В программе произошла непредвиденная ошибка. Введённые данные сохранены.\n"
                "Отчёт об ошибке: {path}\nПередайте его в службу поддержки."
            ).format(path=path),
            QMessageBox.StandardButton.Ok,
        )
        box.setObjectName("crash_dialog")
        self.dialog = box
        box.open()
