"""Login against a real server: wrong password and unreachable server are said in Russian; the
refresh token goes to the keyring and never to a file (S6)."""

from __future__ import annotations

import socket
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.ops import TaskManager
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.ui.login_dialog import LoginDialog
from tests.client.helpers import fill_login
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess, seeded_server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def tasks(qtbot: QtBot):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def open_dialog(qtbot: QtBot, tasks: TaskManager, **kwargs: object) -> LoginDialog:
    dialog = LoginDialog(tasks, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_login_wrong_password_says_so_in_russian(qtbot: QtBot, tasks: TaskManager, live_server: ServerProcess) -> None:
    dialog = open_dialog(qtbot, tasks)
    fill_login(qtbot, dialog, live_server.url, "op1", "wrong-password")
    qtbot.waitUntil(lambda: dialog.message_label.text() == "Неверный логин или пароль.", timeout=15000)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.ok_button.isEnabled()
    assert dialog.login_edit.text() == "op1"  # nothing typed is lost


def test_login_to_unreachable_server_says_so(qtbot: QtBot, tasks: TaskManager) -> None:
    dialog = open_dialog(qtbot, tasks)
    url = f"http://127.0.0.1:{free_port()}"
    fill_login(qtbot, dialog, url, "op1", "whatever")
    qtbot.waitUntil(lambda: "Не удалось подключиться к серверу" in dialog.message_label.text(), timeout=15000)
    assert url in dialog.message_label.text()


def test_login_checks_fields_before_sending(qtbot: QtBot, tasks: TaskManager) -> None:
    dialog = open_dialog(qtbot, tasks)
    fill_login(qtbot, dialog, "ksdesk.local", "op1", "x")
    assert dialog.message_label.text() == "Укажите адрес сервера, начиная с http:// или https://."
    assert tasks.running == 0


def test_s6_login_keeps_refresh_token_in_keyring_only(
    qtbot: QtBot, live_server: ServerProcess, memory_keyring: MemoryKeyring, paths: Paths
) -> None:
    controller = Controller(
        Options(server=live_server.url), paths, LocalStore(paths.local_db), UserSettings(paths.settings_file)
    )
    qtbot.addWidget(controller.window)
    controller.start()
    dialog = controller.login_dialog
    assert dialog is not None and dialog.isVisible()
    fill_login(qtbot, dialog, live_server.url, "op1", TEST_PASSWORD)
    qtbot.waitUntil(lambda: controller.connection.online, timeout=15000)
    assert controller.connection.user is not None and controller.connection.user.login == "op1"
    assert "В сети" in controller.window.status.connection_label.text()
    tokens = list(memory_keyring.items.values())
    assert len(tokens) == 1
    stored = tokens[0]
    for file in Path(paths.data).parent.rglob("*"):
        if file.is_file():
            assert stored.encode() not in file.read_bytes(), f"refresh token leaked into {file}"
    controller.window.close()

    # the next start restores the session from the keyring, without asking
    again = Controller(
        Options(server=live_server.url), paths, LocalStore(paths.local_db), UserSettings(paths.settings_file)
    )
    qtbot.addWidget(again.window)
    again.start()
    assert again.login_dialog is None
    qtbot.waitUntil(lambda: again.connection.online, timeout=15000)
    assert again.connection.user is not None and again.connection.user.login == "op1"
    again.window.close()


def test_s6_without_keyring_the_program_still_logs_in(qtbot: QtBot, live_server: ServerProcess, paths: Paths) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        controller = Controller(
            Options(server=live_server.url), paths, LocalStore(paths.local_db), UserSettings(paths.settings_file)
        )
        qtbot.addWidget(controller.window)
        controller.start()
        dialog = controller.login_dialog
        assert dialog is not None
        assert not dialog.remember_check.isEnabled() and not dialog.remember_check.isChecked()
        assert "недоступно" in dialog.remember_check.toolTip()
        fill_login(qtbot, dialog, live_server.url, "op1", TEST_PASSWORD)
        qtbot.waitUntil(lambda: controller.connection.online, timeout=15000)
        controller.window.close()
    finally:
        keyring.set_keyring(previous)


def test_s6_a_session_refreshed_while_working_is_kept_for_the_next_start(
    qtbot: QtBot, memory_keyring: MemoryKeyring, paths: Paths, tmp_path: Path
) -> None:
    """Refresh tokens rotate and a spent one is refused (no grace here): the access token's own
    refresh during work must update the kept session, or the next start asks for the password again."""
    (tmp_path / "server").mkdir()
    with seeded_server("sqlite", tmp_path / "server", env={"KSDESK_REFRESH_GRACE_S": "0"}) as server:
        controller = Controller(
            Options(server=server.url), paths, LocalStore(paths.local_db), UserSettings(paths.settings_file)
        )
        qtbot.addWidget(controller.window)
        controller.start()
        dialog = controller.login_dialog
        assert dialog is not None
        fill_login(qtbot, dialog, server.url, "op1", TEST_PASSWORD)
        qtbot.waitUntil(lambda: controller.connection.online, timeout=15000)
        first = set(memory_keyring.items.values())
        api = controller.connection.api
        assert api is not None
        api.refresh()  # what the client does by itself when its access token expires
        assert set(memory_keyring.items.values()) != first
        controller.window.close()

        again = Controller(
            Options(server=server.url), paths, LocalStore(paths.local_db), UserSettings(paths.settings_file)
        )
        qtbot.addWidget(again.window)
        again.start()
        qtbot.waitUntil(lambda: again.connection.online or again.login_dialog is not None, timeout=15000)
        assert again.login_dialog is None, "the kept session was a spent refresh token"
        assert again.connection.user is not None and again.connection.user.login == "op1"
        again.window.close()
