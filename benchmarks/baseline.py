"""The bare PySide6 window the client's start-up and windows are compared with (platform-notes: «the
baseline the cold-start benchmark divides by — measure it in the same run»): a QMainWindow with a menu
and a status bar, shown, one event-loop turn — in the running process, and as a whole new process."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QMainWindow, QMenuBar, QStatusBar

READY = "READY"  # what a started process prints once it is interactive (the parent's clock stops there)

BARE_START = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\nwindow = QMainWindow()\nwindow.menuBar().addMenu('Файл')\n"
    "window.statusBar().showMessage('')\nwindow.show()\n"
    f"QTimer.singleShot(0, lambda: (print({READY!r}, flush=True), app.quit()))\napp.exec()\n"
)


def settle(ms: int = 5) -> None:
    """Let queued signals, timers and deferred deletes run for a moment."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def bare_window_ms() -> float:
    """A bare window in this process (a QApplication exists): built, shown, one event-loop turn."""
    start = time.perf_counter()
    window = QMainWindow()
    window.setMenuBar(QMenuBar(window))
    window.menuBar().addMenu("Файл")
    window.setStatusBar(QStatusBar(window))
    window.resize(1000, 720)
    window.show()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    elapsed = (time.perf_counter() - start) * 1000
    window.close()
    window.deleteLater()
    settle()
    return elapsed


def offscreen_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def started_ms(command: list[str], env: dict[str, str] | None = None, timeout_s: float = 120.0
               ) -> tuple[float, list[str]]:
    """Wall time from starting ``command`` until it prints ``READY`` (the parent's clock: interpreter,
    imports, start-up, the first event-loop turn), and what it printed after that line until it exited."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               encoding="utf-8", env=env or offscreen_env())
    assert process.stdout is not None
    watchdog = threading.Timer(timeout_s, process.kill)  # a hung start must not hang the benchmark
    watchdog.start()
    ready_ms: float | None = None
    after: list[str] = []
    try:
        for line in process.stdout:
            if ready_ms is None and line.startswith(READY):
                ready_ms = (time.perf_counter() - start) * 1000
            elif ready_ms is not None:
                after.append(line.rstrip("\n"))
        code = process.wait()
    finally:
        watchdog.cancel()
        process.stdout.close()
    if ready_ms is None:
        raise RuntimeError(f"{command[1:3]} never said {READY} (exit code {code})")
    if code != 0:
        raise RuntimeError(f"{command[1:3]} exited with code {code}")
    return ready_ms, after


def bare_start_ms() -> float:
    """A bare window's whole start as a new process (interpreter, import, QApplication, window shown,
    the first event-loop turn), offscreen, until it says it is ready."""
    return started_ms([sys.executable, "-c", BARE_START])[0]
