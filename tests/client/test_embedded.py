"""``ksdesk`` with no server: the embedded demo server starts as a child process, the demo operator
is logged in, closing the client stops the child, and a crashed child is reported."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.store.db import LocalStore

START_TIMEOUT_MS = 90_000


def start_controller(qtbot: QtBot, paths: Paths) -> Controller:
    controller = Controller(
        Options(demo_tickets=300), paths, LocalStore(paths.local_db), UserSettings(paths.settings_file)
    )
    qtbot.addWidget(controller.window)
    controller.start()
    return controller


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead too
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().split(") ", 1)[1].startswith("Z"))


@pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals")
def test_embedded_demo_starts_logs_in_and_stops_with_the_client(qtbot: QtBot, paths: Paths, memory_keyring) -> None:
    controller = start_controller(qtbot, paths)
    assert controller.window.isVisible()  # the window is there at once, from the cache
    qtbot.waitUntil(lambda: controller.connection.online, timeout=START_TIMEOUT_MS)
    user = controller.connection.user
    assert user is not None and user.login == "operator" and user.role == "operator"
    assert controller.connection.embedded
    assert controller.connection.server_url.startswith("http://127.0.0.1:")
    assert "В сети" in controller.window.status.connection_label.text()
    assert user.full_name in controller.window.status.user_label.text()
    assert (paths.embedded_server / "ksdesk.sqlite").exists()  # the demo data lives in our data dir
    assert memory_keyring.items == {}  # the demo password is known; nothing is stored
    assert "встроенный" in controller.system_info()
    embedded = controller.embedded
    assert embedded is not None
    pid = embedded.process.processId()
    controller.window.close()
    assert embedded.process.state() == QProcess.ProcessState.NotRunning
    assert not pid_alive(pid)


@pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals")
def test_s5_killed_embedded_server_is_reported_and_restarted_with_backoff(
    qtbot: QtBot, paths: Paths, memory_keyring
) -> None:
    """Issue 22: the client does not stay offline until restarted — it says the server stopped and
    when it restarts, starts it again, logs in again and says so."""
    controller = start_controller(qtbot, paths)
    qtbot.waitUntil(lambda: controller.connection.online, timeout=START_TIMEOUT_MS)
    embedded = controller.embedded
    assert embedded is not None
    first_pid, first_url = embedded.process.processId(), controller.connection.server_url
    with qtbot.waitSignal(embedded.stopped, timeout=10_000) as blocker:
        os.kill(first_pid, signal.SIGKILL)
    message = blocker.args[0]
    assert "Встроенный сервер остановился аварийно; перезапуск через 1 с" in message
    assert "Нет связи" in controller.window.status.connection_label.text()
    assert message in controller.window.status.connection_label.toolTip()
    assert message in controller.window.statusBar().currentMessage()
    with qtbot.waitSignal(embedded.restarting, timeout=5000):
        pass
    assert controller.window.status.busy_label.text() == "Перезапуск встроенного сервера…"
    qtbot.waitUntil(lambda: controller.connection.online, timeout=START_TIMEOUT_MS)
    assert embedded.restarts == 1 and embedded.process.processId() != first_pid
    assert controller.connection.server_url != first_url  # a new port: a new client for it
    assert "В сети" in controller.window.status.connection_label.text()
    qtbot.waitUntil(lambda: controller.window.statusBar().currentMessage()
                    == "Встроенный сервер перезапущен, связь восстановлена.")
    pending_sync = controller.sync.last_sync
    qtbot.waitUntil(lambda: controller.sync.last_sync != pending_sync, timeout=30_000)  # sync goes on
    # a second death in a row waits longer (the delay doubles), and closing the client stops it all
    with qtbot.waitSignal(embedded.stopped, timeout=10_000) as again:
        os.kill(embedded.process.processId(), signal.SIGKILL)
    assert "перезапуск через 2 с" in again.args[0] or "перезапуск через 1 с" in again.args[0]
    assert embedded.backoff.failures == 2
    controller.window.close()
    assert not embedded.restart_pending and not embedded.running


def test_embedded_server_exits_when_the_client_is_killed(tmp_path: Path) -> None:
    """The child watches its stdin: when the parent dies the pipe closes and the server stops."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync.server",
            "serve",
            "--port",
            "0",
            "--data-dir",
            str(tmp_path),
            "--exit-on-stdin-eof",
            "--log-level",
            "warning",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert child.stdout is not None and child.stdin is not None
    for raw in child.stdout:
        if raw.startswith(b"KSDESK_SERVER_READY"):
            break
    child.stdin.close()  # what the kernel does for a killed parent
    assert child.wait(timeout=30) == 0
    child.stdout.close()
