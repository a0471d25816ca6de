"""Keyboard shortcuts made one way: a key, where it works, what it does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def shortcut(parent: QWidget, key: str | QKeySequence | QKeySequence.StandardKey, run: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QShortcut:
    """``key`` runs ``run`` while ``parent``'s window (or, with ``context``, ``parent`` alone) has focus."""
    made = QShortcut(QKeySequence(key), parent)
    made.setContext(context)
    made.activated.connect(run)
    return made
