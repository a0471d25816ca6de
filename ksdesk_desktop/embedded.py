"""The embedded demo server: ``python -m sync.server serve`` as a child process on a free loopback
port, with SQLite and demo data in the user's data dir.

It is started with the client's own interpreter (``sys.executable -m``), which also works in the
packaged build where no ``ksdesk-server`` script is on PATH. The child announces its port on
standard output; it exits when its standard input closes, so it never outlives the client, even if
the client is killed. A child that dies (or cannot start) is reported, never waited on, and started
again after a delay that doubles with each failure in a row (:class:`~ksdesk_desktop.core.backoff.Backoff`,
1 s up to a minute); a child that served a minute or more starts the count again.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from ksdesk_desktop.core.backoff import Backoff

log = logging.getLogger(__name__)
_READY = re.compile(r"KSDESK_SERVER_READY port=(\d+)")
_PROGRESS = re.compile(r"KSDESK_PROGRESS (\d+)/(\d+) (.*)")
STEADY_S = 60.0  # a child that served this long was not crashing in a loop: the next delay is short again


class EmbeddedServer(QObject):
    ready = Signal(str)  # base URL
    progress = Signal(str, int, int)  # stage, done, total
    stopped = Signal(str)  # a Russian message: the child died or could not start (and when it restarts)
    restarting = Signal()  # the child is being started again after it died

    def __init__(
        self, data_dir: Path, log_file: Path, *, demo_tickets: int = 2000, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.log_file = log_file
        self.demo_tickets = demo_tickets
        self.url: str | None = None
        self._stopping = False
        self._buffer = b""
        self.restarts = 0  # how many times the child was started again after it died
        self.backoff = Backoff(first=1.0, cap=60.0)
        self._ready_at: float | None = None
        self._restart_timer = QTimer(self)
        self._restart_timer.setSingleShot(True)
        self._restart_timer.timeout.connect(self._restart)
        self.process = QProcess(self)
        self.process.readyReadStandardOutput.connect(self._read_stdout)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)

    def arguments(self) -> list[str]:
        return [
            "-m", "sync.server", "serve",
            "--host", "127.0.0.1", "--port", "0",
            "--data-dir", str(self.data_dir),
            "--demo", "--tickets", str(self.demo_tickets),
            "--organizations", str(max(50, self.demo_tickets // 10)),
            "--contacts", str(max(150, self.demo_tickets * 3 // 10)),
            "--exit-on-stdin-eof",
        ]

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("PYTHONIOENCODING", "utf-8")
        env.insert("PYTHONUNBUFFERED", "1")
        # the child must find the same packages as we do (source checkout or installed build)
        env.insert("PYTHONPATH", os.pathsep.join(p for p in sys.path if p))
        for name in ("KSDESK_DATABASE_URL", "KSDESK_HOST", "KSDESK_PORT"):
            env.remove(name)  # the embedded server always uses its own SQLite on loopback
        self.process.setProcessEnvironment(env)
        self.process.setStandardErrorFile(str(self.log_file), QProcess.OpenModeFlag.Append)
        self._stopping = False
        log.info("starting embedded server in %s", self.data_dir)
        self.process.start(sys.executable, self.arguments())

    @property
    def restart_pending(self) -> bool:
        return self._restart_timer.isActive()

    @property
    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def _read_stdout(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace").strip()
            if match := _READY.search(line):
                self.url = f"http://127.0.0.1:{match.group(1)}"
                self._ready_at = time.monotonic()
                log.info("embedded server ready at %s", self.url)
                self.ready.emit(self.url)
            elif match := _PROGRESS.search(line):
                self.progress.emit(match.group(3), int(match.group(1)), int(match.group(2)))

    def _finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        if self._stopping:
            return
        how = self.tr("аварийно") if exit_status == QProcess.ExitStatus.CrashExit else \
            self.tr("с кодом {code}").format(code=exit_code)
        log.error("embedded server stopped: status=%s code=%s", exit_status, exit_code)
        if self._ready_at is not None and time.monotonic() - self._ready_at >= STEADY_S:
            self.backoff.reset()
        self.url, self._ready_at = None, None
        delay = self._schedule_restart()
        self.stopped.emit(self.tr(
            "Встроенный сервер остановился {how}; перезапуск через {s} с. Пока работа идёт без сети; "
            "подробности в журнале {log}.").format(how=how, s=delay, log=self.log_file))

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self._stopping:
            delay = self._schedule_restart()
            self.stopped.emit(self.tr("Не удалось запустить встроенный сервер ({exe}); следующая попытка через "
                                      "{s} с.").format(exe=sys.executable, s=delay))

    def _schedule_restart(self) -> int:
        """Start the child again after the next backoff delay; the delay in whole seconds (for the message)."""
        delay = self.backoff.next_delay()
        self._restart_timer.start(int(delay * 1000))
        return max(1, round(delay))

    def _restart(self) -> None:
        if self._stopping or self.running:
            return
        self.restarts += 1
        log.info("restarting the embedded server (attempt %d)", self.restarts)
        self.restarting.emit()
        self.start()

    def stop(self, timeout_ms: int = 5000) -> None:
        """Close the child's stdin (it shuts down cleanly); kill it if it does not exit in time. No restart
        follows."""
        self._stopping = True
        self._restart_timer.stop()
        if not self.running:
            return
        self.process.closeWriteChannel()
        if not self.process.waitForFinished(timeout_ms):
            log.warning("embedded server did not stop in %d ms; killing it", timeout_ms)
            self.process.kill()
            self.process.waitForFinished(timeout_ms)

