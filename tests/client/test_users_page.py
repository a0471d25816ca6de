"""W3 with the real client's widgets against a real server: a supervisor opens «Пользователи», creates
a user, moves them to the second line, resets their password (the new one logs in through the API) and
disables them; «Журнал» shows who did it. An operator is not offered the page; offline, the page says
that administration needs the server."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.ui.user_dialogs import PasswordDialog, UserDialog
from ksdesk_desktop.ui.users_page import UsersPage
from sync.protocol import API_PREFIX
from tests.client.helpers import activate, type_text
from tests.client.test_ticket_actions import sign_in
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.servers import ServerProcess, seeded_server

pytestmark = pytest.mark.timeout(180)

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def shots(paths: Paths) -> Path:
    """Where the screenshots go: ``KSDESK_SCREENSHOTS`` (to refresh docs/), else the test's data folder."""
    return Path(os.environ.get("KSDESK_SCREENSHOTS") or paths.data)


def cells(table: QTableWidget, login: str) -> list[str]:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text() == login:
            return [table.item(row, c).text() for c in range(table.columnCount())]
    return []


def select(qtbot: QtBot, page: UsersPage, login: str) -> None:
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == login)
    rect = page.table.visualRect(page.table.model().index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected() is not None and page.selected().login == login


def press(qtbot: QtBot, page: UsersPage, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          answer: bool = True) -> None:
    """A shortcut of the page, with the focus in its table; ``answer``: wait for the server's."""
    activate(qtbot, page)
    page.table.setFocus()
    if answer:
        with qtbot.waitSignal(page.changed, timeout=20_000):
            qtbot.keyClick(page.table, key, modifiers)
    else:
        qtbot.keyClick(page.table, key, modifiers)


def ok(qtbot: QtBot, page: UsersPage, dialog: UserDialog) -> None:
    with qtbot.waitSignal(page.changed, timeout=20_000):
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)


def log_in(server: ServerProcess, login: str, password: str) -> httpx.Response:
    return httpx.post(f"{server.url}{API_PREFIX}/auth/login", json={"login": login, "password": password}, timeout=20)


def test_w3_a_supervisor_administers_a_user_from_the_client(qtbot: QtBot, demo_server: ServerProcess, paths: Paths,
                                                           memory_keyring: MemoryKeyring) -> None:
    controller: Controller = sign_in(qtbot, demo_server, paths, "boss")
    window, page = controller.window, controller.users_page
    qtbot.waitUntil(lambda: window.page("users") is page)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_U, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page and cells(page.table, "boss") != [])
    assert cells(page.table, "boss")[2:] == ["Супервизор", "2-я линия", "да"]

    press(qtbot, page, Qt.Key.Key_N, CTRL, answer=False)  # «Создать»
    dialog = page.dialog
    assert isinstance(dialog, UserDialog)
    type_text(dialog.login, "admin.test")
    type_text(dialog.full_name, "Админов Тест Тестович")
    type_text(dialog.password, "abc")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.text() == "Пароль: не короче 4 символов."  # not sent
    type_text(dialog.password, "-1234")
    ok(qtbot, page, dialog)
    assert cells(page.table, "admin.test")[1:] == ["Админов Тест Тестович", "Оператор", "1-я линия", "да"]
    assert log_in(demo_server, "admin.test", "abc-1234").status_code == 200

    press(qtbot, page, Qt.Key.Key_N, CTRL, answer=False)  # the same login again: the server's refusal, in Russian
    again = page.dialog
    assert isinstance(again, UserDialog)
    for edit, text in ((again.login, "Admin.Test"), (again.full_name, "Другой"), (again.password, "pass-5678")):
        type_text(edit, text)
    ok(qtbot, page, again)
    assert page.message.text() == "Пользователь «admin.test» уже существует."

    select(qtbot, page, "admin.test")
    press(qtbot, page, Qt.Key.Key_F2, answer=False)  # «Изменить»: to the second line
    change = page.dialog
    assert isinstance(change, UserDialog) and change.login.isReadOnly()
    change.line.setFocus()
    qtbot.keyClick(change.line, Qt.Key.Key_Down)
    assert change.line.currentText() == "2-я линия"
    ok(qtbot, page, change)
    assert cells(page.table, "admin.test")[2:] == ["Оператор", "2-я линия", "да"]
    assert log_in(demo_server, "admin.test", "abc-1234").json()["user"]["line"] == "line_2"

    press(qtbot, page, Qt.Key.Key_P, CTRL | SHIFT)  # «Сбросить пароль»
    shown = page.dialog
    assert isinstance(shown, PasswordDialog) and shown.password.isReadOnly()
    temporary = shown.password.text()
    qtbot.mouseClick(shown.findChild(QPushButton, "copy_password"), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == temporary and len(temporary) >= 16
    assert log_in(demo_server, "admin.test", temporary).status_code == 200
    assert log_in(demo_server, "admin.test", "abc-1234").status_code == 401
    shown.grab().save(str(shots(paths) / "users-admin-password.png"))
    shown.reject()

    select(qtbot, page, "admin.test")
    assert page.toggle_action.text() == "&Отключить"
    press(qtbot, page, Qt.Key.Key_D, CTRL)  # «Отключить»
    assert cells(page.table, "admin.test")[4] == "нет" and page.toggle_action.text() == "&Включить"
    refused = log_in(demo_server, "admin.test", temporary)
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "user_disabled")

    select(qtbot, page, "boss")
    press(qtbot, page, Qt.Key.Key_D, CTRL)  # never oneself: the server says why
    assert page.message.text().startswith("Нельзя отключить собственную учётную запись")
    assert cells(page.table, "boss")[4] == "да"

    with qtbot.waitSignal(page.changed, timeout=20_000):
        page.tabs.setCurrentIndex(1)  # «Журнал»
    what = [page.audit_table.item(r, 2).text() for r in range(page.audit_table.rowCount())]
    assert what[:4] == ["Пользователь admin.test: изменён", "Пользователь admin.test: сброшен пароль",
                        "Пользователь admin.test: изменён", "Пользователь admin.test: создан"]
    assert page.audit_table.item(0, 1).text() == "Тест boss"
    assert page.audit_table.item(0, 3).text() == "Активен: да → нет"
    assert page.audit_table.item(2, 3).text() == "Линия: 1-я линия → 2-я линия"
    window.resize(1280, 720)
    window.grab().save(str(shots(paths) / "users-audit.png"))
    page.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.message.text() == "")
    window.grab().save(str(shots(paths) / "users-admin.png"))


def test_w3_an_operator_is_not_offered_the_page(qtbot: QtBot, demo_server: ServerProcess, paths: Paths,
                                               memory_keyring: MemoryKeyring) -> None:
    controller = sign_in(qtbot, demo_server, paths, "op1")
    assert controller.window.page("users") is None  # no leaf, no menu entry, no shortcut
    assert "users" not in {a.objectName().removeprefix("action_") for a in controller.window.findChildren(QAction)}
    page = controller.users_page
    assert not page.create_action.isEnabled() and page.message.text() == "Пользователями управляет только супервизор."


def test_w3_offline_administration_says_it_needs_the_server(qtbot: QtBot, tmp_path: Path, paths: Paths,
                                                            memory_keyring: MemoryKeyring) -> None:
    (tmp_path / "server").mkdir()
    with seeded_server("sqlite", tmp_path / "server") as server:
        controller = sign_in(qtbot, server, paths, "boss")
        page = controller.users_page
        activate(qtbot, controller.window)
        qtbot.keyClick(controller.window, Qt.Key.Key_U, CTRL | SHIFT)
        qtbot.waitUntil(lambda: cells(page.table, "op1") != [])
        server.stop()
        select(qtbot, page, "op1")
        press(qtbot, page, Qt.Key.Key_D, CTRL)  # «Отключить» with the server gone
        assert page.message.text().startswith("Нет связи с сервером: управление пользователями")
        assert cells(page.table, "op1")[4] == "да" and controller.sync.pending == 0  # nothing queued for later
