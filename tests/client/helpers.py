"""Helpers for driving the client as a user does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ksdesk_desktop.ui.login_dialog import LoginDialog


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Clear the field and type ASCII text into it key by key."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def fill_login(qtbot: QtBot, dialog: LoginDialog, server: str, login: str, password: str) -> None:
    type_into(qtbot, dialog.server_edit, server)
    type_into(qtbot, dialog.login_edit, login)
    type_into(qtbot, dialog.password_edit, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
