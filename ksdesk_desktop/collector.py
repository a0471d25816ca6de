"""Python's cycle collector, run on the UI thread only.

CPython collects reference cycles in whichever thread happens to allocate when a generation's
threshold is crossed: in this program often a worker (a sync round parsing a batch, a search). A
widget left in a cycle (a closed dialog whose slots close over it) was then destroyed on that worker:
Qt printed "Timers cannot be stopped from another thread" and, now and then, the process crashed. So
automatic collection is switched off and the UI thread runs the same generational passes itself, on a
timer and whenever asked (``check``), with the interpreter's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

CHECK_INTERVAL_MS = 250


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.collections = [0, 0, 0]  # passes run, per generation
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int | None:
        """Runs the pass the interpreter would have run by now (the oldest generation due); returns it."""
        if QThread.currentThread() is not self.thread():
            return None  # only ever on the thread that owns the widgets
        count = gc.get_count()
        due = None
        for generation in range(3):
            if count[generation] > self.threshold[generation]:
                due = generation
        if due is not None:
            gc.collect(due)
            self.collections[due] += 1
        return due


def install(app: QCoreApplication) -> UiThreadCollector:
    """The application's collector (made once, a child of the application)."""
    existing = app.findChild(UiThreadCollector)
    if isinstance(existing, UiThreadCollector):
        return existing
    return UiThreadCollector(app)
