"""Helpers for driving the client as a user does."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
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


def type_text(edit: QWidget, text: str) -> None:
    """Type any text (Cyrillic too: keyClicks aborts on it) key by key into the focused field."""
    edit.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def double_click(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    """Double-click an item as a mouse does: press and release, then the double click (a view acts on
    a double click only on the item the press was on)."""
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Shortcuts reach only the active window, as on a desktop."""
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow, timeout=5000)
