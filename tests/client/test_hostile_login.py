"""Issue 16, class 8, as the operator sees it: the real login dialog against a real server (SQLite
and PostgreSQL) that throttles guessing says so in Russian, with the wait."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ksdesk_desktop.ops import TaskManager
from ksdesk_desktop.ui.login_dialog import LoginDialog
from tests.client.helpers import fill_login
from tests.fixtures.servers import BACKENDS, TEST_PASSWORD, ServerProcess, seeded_server

LIMIT = 2
LIMITS = {"KSDESK_LOGIN_MAX_FAILURES": str(LIMIT), "KSDESK_LOGIN_LOCKOUT_S": "120"}
WRONG = "Неверный логин или пароль."


@pytest.fixture(scope="module", params=BACKENDS)
def throttling_server(request: pytest.FixtureRequest,
                      tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with seeded_server(request.param, tmp_path_factory.mktemp(f"throttling-{request.param}"), LIMITS) as server:
        yield server


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_hostile_a_throttled_login_is_said_in_russian_with_the_wait(
    qtbot: QtBot, tasks: TaskManager, throttling_server: ServerProcess, tmp_path: Path
) -> None:
    dialog = LoginDialog(tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_login(qtbot, dialog, throttling_server.url, "spec1", "wrong-1")
    qtbot.waitUntil(lambda: dialog.message_label.text() == WRONG, timeout=15000)
    for attempt in range(LIMIT - 1):
        qtbot.waitUntil(dialog.ok_button.isEnabled)
        dialog.message_label.clear()
        dialog.password_edit.setText(f"wrong-{attempt + 2}")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.message_label.text() == WRONG, timeout=15000)
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    dialog.password_edit.setText(TEST_PASSWORD)  # even the right password waits now
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    expected = "Слишком много неудачных попыток входа. Повторите через 2\u00a0мин."
    qtbot.waitUntil(lambda: dialog.message_label.text() == expected, timeout=15000)
    assert dialog.isVisible() and dialog.result() == 0 and dialog.ok_button.isEnabled()
    assert dialog.login_edit.text() == "spec1"  # nothing typed is lost
    label = dialog.message_label  # the whole message is shown: the dialog grows to fit its lines
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()) > 0)
    assert dialog.grab().save(str(tmp_path / "login-throttled.png"))
