"""Keyboard shortcuts made one way: a key, where it works, what it does."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget


def shortcut(parent: QWidget, key: str | QKeySequence | QKeySequence.StandardKey, run: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QShortcut:
    """``key`` runs ``run`` while ``parent``'s window (or, with ``context``, ``parent`` alone) has focus."""
    made = QShortcut(QKeySequence(key), parent)
    made.setContext(context)
    made.activated.connect(run)
    return made


# The letter a key carries on the Russian layout (ЙЦУКЕН), by the Latin letter on the same key (QWERTY)
_RUSSIAN_ON = dict(zip("QWERTYUIOP[]ASDFGHJKL;'ZXCVBNM,.", "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ", strict=True))
_MNEMONIC = re.compile(r"&([^&])")


def page_action(page: QWidget, name: str, text: str, shortcuts: Sequence[str], run: Callable[[], object],
                icon: QIcon | None = None) -> QAction:
    """A command of a page (``action_<name>``): its shortcuts work while the focus is anywhere in the page,
    and its tooltip names the first one; the caller puts it on a toolbar or a button."""
    action = QAction(icon, text, page) if icon is not None else QAction(text, page)
    action.setObjectName(f"action_{name}")
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setToolTip(f"{text.replace('&', '')} ({shortcuts[0]})")
    action.triggered.connect(lambda: run())
    page.addAction(action)
    return action


def mnemonic(text: str) -> str:
    """The letter after «&» in a label (upper case; "" for none)."""
    found = _MNEMONIC.search(text)
    return found.group(1).upper() if found else ""


def russian_letter(key: int) -> str:
    """The Cyrillic letter on the key that types ``key`` (a ``Qt.Key``) on a Latin layout ("" for none)."""
    return _RUSSIAN_ON.get(chr(key), "") if 0x20 < key < 0x7F else ""


class LatinMnemonics(QObject):
    """T10 / issue 22: the window's Cyrillic mnemonics («&Заявитель» is Alt+З) work on a Latin layout
    too, by key position (Alt+P there): Qt matches a mnemonic by the character typed. It watches the
    key presses no shortcut took — on the Russian layout Qt's own mnemonic takes Alt+З first, so the
    two never compete. A letter shared by several fields moves the focus among them, as Qt does; a
    button's letter presses it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        for widget in [window, *window.findChildren(QWidget)]:
            widget.installEventFilter(self)

    def targets(self, letter: str) -> list[QWidget]:
        found: list[QWidget] = []
        for label in self.window.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is not None and buddy.isVisibleTo(self.window) and mnemonic(label.text()) == letter:
                found.append(buddy)
        for button in self.window.findChildren(QAbstractButton):
            if button.isVisibleTo(self.window) and mnemonic(button.text()) == letter:
                found.append(button)
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.modifiers() == Qt.KeyboardModifier.AltModifier):
            letter = russian_letter(event.key())
            targets = [t for t in self.targets(letter) if t.isEnabled()] if letter else []
            if targets:
                self._go(targets)
                return True
        return super().eventFilter(watched, event)

    def _go(self, targets: list[QWidget]) -> None:
        if len(targets) == 1 and isinstance(targets[0], QAbstractButton):
            targets[0].click()
            return
        focused = QApplication.focusWidget()
        after = (targets.index(focused) + 1) % len(targets) if focused in targets else 0
        targets[after].setFocus(Qt.FocusReason.ShortcutFocusReason)
