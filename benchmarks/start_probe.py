"""The client's cold start as ``python -m ksdesk_desktop`` does it, for ``bench_lists``:
``ksdesk_desktop.app.main`` itself, given a watcher that prints ``READY`` once the main window is
shown, the desktop's ticket feed has listed the cache and read its first page of rows, and the event
loop has turned once more — then quits (``aboutToQuit`` shuts the controller down).

``python benchmarks/start_probe.py [--memory] -- [ksdesk arguments]``; with ``--memory`` it goes on,
after ``READY``, to open the Navigator's «Обращение» list, scroll it to the last row (painting every
tenth page on the way) and print the process's resident memory (``RSS <now MB> <peak MB>``, from
/proc/self/status) before quitting.
Nothing of the client's behaviour is changed; the probe only listens to its signals.
"""

from __future__ import annotations

import sys
import time

START = time.perf_counter()

from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ksdesk_desktop.app import Controller
from ksdesk_desktop.app import main as app_main

READY = "READY"  # benchmarks.baseline.READY (not imported: the probe loads nothing the client does not)
SCROLL_STRIDE = 10  # pages per step on the way down with --memory (the rows read stay bounded: the model
# keeps 40 pages of 100 rows, reached after a few steps)
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


class Watcher:
    """Listens to the started client; says READY once, then (with ``memory``) measures, then quits."""

    def __init__(self, app: QApplication, controller: Controller, memory: bool, stages: dict[str, float]) -> None:
        self.app, self.controller, self.memory, self.stages = app, controller, memory, stages
        self.feed = controller.ticket_pages[2]
        self.said = False
        self.feed.listed.connect(self._listed)

    def _listed(self, count: int) -> None:
        self.stages["feed_listed"] = _ms(time.perf_counter())
        QTimer.singleShot(0, self._check)  # one more event-loop turn: the feed shown, its rows painted

    def _check(self) -> None:
        if self.said:
            return
        feed, window = self.feed, self.controller.window
        if not window.isVisible() or feed.model.rowCount() == 0:
            return  # not yet (an empty cache would never be ready: the benchmark gives up)
        feed.model.record(0)  # the first page: read already when the feed painted (else read now, counted)
        self.said = True
        print(READY, flush=True)
        self.stages["ready"] = _ms(time.perf_counter())
        if self.memory:
            self._open_all()
        else:
            self._quit()

    def _open_all(self) -> None:
        page = self.controller.ticket_pages[0]
        window = self.controller.window
        if window.pages.currentWidget() is not page:  # shown, it queries; scroll once its rows came
            page.listed.connect(lambda _count: QTimer.singleShot(0, lambda: self._scroll(page)))
            window.show_page(page)

    def _scroll(self, page: object) -> None:
        view = page.view  # type: ignore[attr-defined]
        bar = view.verticalScrollBar()
        while bar.value() < bar.maximum():  # to the end, every tenth page painted (bench_lists paints each)
            bar.setValue(bar.value() + SCROLL_STRIDE * bar.pageStep())
            view.viewport().repaint()
        view.scrollToBottom()
        view.viewport().repaint()
        now, peak = memory_mb()
        self.stages["scrolled"] = _ms(time.perf_counter())
        print(f"RSS {now:.1f} {peak:.1f} rows={page.model.rowCount()}", flush=True)  # type: ignore[attr-defined]
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

    def watch(controller: Controller) -> Watcher:  # before start(): the feed's answer is queued
        stages["controller"] = _ms(time.perf_counter())
        QTimer.singleShot(0, lambda: stages.setdefault("shown", _ms(time.perf_counter())))
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return Watcher(app, controller, memory, stages)

    return app_main(argv, watch)  # exactly the client's start-up


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
