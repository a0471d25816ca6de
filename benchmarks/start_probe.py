"""The client's cold start as ``python -m ksdesk_desktop`` does it, for ``bench_lists``:
``ksdesk_desktop.app.main`` itself, given a watcher that prints ``READY`` once the main window is
shown, the desktop's ticket feed has listed the cache and its rows have been painted, and the event
loop has turned once more.

The client starts in two stages (``ksdesk_desktop.quick_start``): the window with the feed read
straight from the cache, then the rest imported on a worker and the controller built in steps. So that
work moved past ``READY`` cannot hide a frozen window, a 5 ms timer ticks on the UI thread from the
first event-loop turn until both ``WATCH_S`` seconds have passed since the start and stage 2 has
completed; the longest gap between two ticks is the longest UI-thread stall (``stall`` in ``STAGES``,
``stall_at`` when it ended), and ``stage2`` is when the controller was built and started. Then it quits
(``aboutToQuit`` shuts the client down).

``python benchmarks/start_probe.py [--memory] -- [ksdesk arguments]``; with ``--memory`` it goes on,
after that, to open the Navigator's «Обращение» list, scroll it to the last row (painting every tenth
page on the way) and print the process's resident memory (``RSS <now MB> <peak MB>``, from
/proc/self/status) before quitting.
Nothing of the client's behaviour is changed; the probe only listens to its signals.
"""

from __future__ import annotations

import sys
import time

START = time.perf_counter()

from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from ksdesk_desktop.app import main as app_main

if TYPE_CHECKING:
    from ksdesk_desktop.quick_start import Startup

READY = "READY"  # benchmarks.baseline.READY (not imported: the probe loads nothing the client does not)
SCROLL_STRIDE = 10  # pages per step on the way down with --memory (the rows read stay bounded: the model
# keeps 40 pages of 100 rows, reached after a few steps)
TICK_MS = 5  # the UI thread's heartbeat while the start is watched
WATCH_S = 2.0  # the stall is watched at least this long after the start (and until stage 2 completed)
IMPORTED = time.perf_counter()


def memory_mb() -> tuple[float, float]:
    """(resident now, peak resident) in MB (10⁶ bytes) — VmRSS and VmHWM of /proc/self/status (Linux)."""
    fields: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) * 1024 / 1e6  # kB
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def _ms(at: float) -> float:
    return round((at - START) * 1000, 1)


class Watcher(QObject):
    """Listens to the starting client; says READY once, watches the stalls, then (with ``memory``)
    measures, then quits."""

    def __init__(self, app: QApplication, startup: Startup, memory: bool, stages: dict[str, float]) -> None:
        super().__init__()
        self.app, self.startup, self.memory, self.stages = app, startup, memory, stages
        self.said = self.done = False
        self.painted: set[int] = set()  # ids of feed viewports painted with rows
        self.watched: Any = None
        self._watch_feed()
        startup.completed.connect(self._completed)
        self.last_tick: float | None = None
        self.stall, self.stall_at = 0.0, 0.0
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()  # its first tick comes with the first event-loop turn

    def _watch_feed(self) -> None:
        """Follow the desktop's current feed: its ``listed`` and the painting of its rows."""
        feed: Any = self.startup.feed
        if feed is self.watched:
            return
        self.watched = feed
        feed.listed.connect(self._listed)
        feed.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.said and event.type() == QEvent.Type.Paint:
            feed: Any = self.startup.feed
            if watched is feed.view.viewport() and feed.model.rowCount() > 0:
                self.painted.add(id(watched))
                self.stages.setdefault("painted", _ms(time.perf_counter()))
                QTimer.singleShot(0, self._check)  # one more event-loop turn after the rows were painted
        return False

    def _listed(self, _count: int) -> None:
        self.stages.setdefault("feed_listed", _ms(time.perf_counter()))
        QTimer.singleShot(0, self._check)

    def _check(self) -> None:
        if self.said:
            return
        feed: Any = self.startup.feed
        window = self.startup.window
        if not window.isVisible() or feed.model.rowCount() == 0 or id(feed.view.viewport()) not in self.painted:
            return  # not yet (an empty cache would never be ready: the benchmark gives up)
        record = getattr(feed.model, "record", None)
        if record is not None:  # the real lazy feed: its first page read already when painted (else now, counted)
            record(0)
        self.said = True
        print(READY, flush=True)
        self.stages["ready"] = _ms(time.perf_counter())

    def _completed(self) -> None:
        self.stages["stage2"] = _ms(time.perf_counter())
        self._watch_feed()  # not READY yet (nothing could be read directly): wait for the real feed
        self._maybe_done()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last_tick is not None and now - self.last_tick > self.stall:
            self.stall, self.stall_at = now - self.last_tick, now
        self.last_tick = now
        self._maybe_done()

    def _maybe_done(self) -> None:
        if self.done or not self.said or self.startup.controller is None or "stage2" not in self.stages:
            return
        if time.perf_counter() - START < WATCH_S:
            return
        self.done = True
        self.ticker.stop()
        self.stages["stall"] = round(self.stall * 1000, 1)
        self.stages["stall_at"] = _ms(self.stall_at)
        if self.memory:
            self._open_all()
        else:
            self._quit()

    def _open_all(self) -> None:
        controller = self.startup.controller
        assert controller is not None
        page = controller.ticket_pages[0]
        window = controller.window
        if window.pages.currentWidget() is not page:  # shown, it queries; scroll once all its rows came
            page.listed.connect(lambda _count: getattr(page, "complete", True)
                                and QTimer.singleShot(0, lambda: self._scroll(page)))
            window.show_page(page)

    def _scroll(self, page: Any) -> None:
        view = page.view
        bar = view.verticalScrollBar()
        while bar.value() < bar.maximum():  # to the end, every tenth page painted (bench_lists paints each)
            bar.setValue(bar.value() + SCROLL_STRIDE * bar.pageStep())
            view.viewport().repaint()
        view.scrollToBottom()
        view.viewport().repaint()
        now, peak = memory_mb()
        self.stages["scrolled"] = _ms(time.perf_counter())
        print(f"RSS {now:.1f} {peak:.1f} rows={page.model.rowCount()}", flush=True)
        self._quit()

    def _quit(self) -> None:
        now, peak = memory_mb()
        stages = " ".join(f"{name}={ms}" for name, ms in self.stages.items())
        print(f"STAGES {stages} rss={now:.1f} peak={peak:.1f}", flush=True)
        self.app.quit()


def main(argv: list[str]) -> int:
    memory = "--memory" in argv
    argv = argv[argv.index("--") + 1:] if "--" in argv else [a for a in argv if a != "--memory"]
    stages = {"imports": _ms(IMPORTED)}

    def watch(startup: Startup) -> Watcher:  # before the window is shown
        stages["window"] = _ms(time.perf_counter())
        QTimer.singleShot(0, lambda: stages.setdefault("shown", _ms(time.perf_counter())))
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return Watcher(app, startup, memory, stages)

    return app_main(argv, watch)  # exactly the client's start-up


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
