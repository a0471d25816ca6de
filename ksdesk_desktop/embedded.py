"""The embedded demo server: ``python -m sync.server serve`` as a child process on a free loopback
port, with SQLite and demo data in the user's data dir.

It is started with the client's own interpreter (``sys.executable -m``), which also works in the
packaged build where no ``ksdesk-server`` script is on PATH. The child announces its port on
standard output; it exits when its standard input closes, so it never outlives the client, even if
the client is killed. A child that dies is reported, never waited on.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

log = logging.getLogger(__name__)
_READY = re.compile(r"KSDESK_SERVER_READY port=(\d+)")
_PROGRESS = re.compile(r"KSDESK_PROGRESS (\d+)/(\d+) (.*)")


class EmbeddedServer(QObject):
    ready = Signal(str)  # base URL
    progress = Signal(str, int, int)  # stage, done, total
    stopped = Signal(str)  # a Russian message: the child died or could not start

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
    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def _read_stdout(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace").strip()
            if match := _READY.search(line):
                self.url = f"http://127.0.0.1:{match.group(1)}"
                log.info("embedded server ready at %s", self.url)
                self.ready.emit(self.url)
            elif match := _PROGRESS.search(line):
                self.progress.emit(match.group(3), int(match.group(1)), int(match.group(2)))

    def _finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        if self._stopping:
            return
        how = "аварийно" if exit_status == QProcess.ExitStatus.CrashExit else f"с кодом {exit_code}"
        message = (
            f"Встроенный сервер остановился {how}. Работа продолжается без сети; "
            f"подробности в журнале {self.log_file}."
        )
        log.error("embedded server stopped: status=%s code=%s", exit_status, exit_code)
        self.url = None
        self.stopped.emit(message)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.stopped.emit(f"Не удалось запустить встроенный сервер ({sys.executable}).")

    def stop(self, timeout_ms: int = 5000) -> None:
        """Close the child's stdin (it shuts down cleanly); kill it if it does not exit in time."""
        if not self.running:
            return
        self._stopping = True
        self.process.closeWriteChannel()
        if not self.process.waitForFinished(timeout_ms):
            log.warning("embedded server did not stop in %d ms; killing it", timeout_ms)
            self.process.kill()
            self.process.waitForFinished(timeout_ms)

