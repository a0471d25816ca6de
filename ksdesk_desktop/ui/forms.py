"""Loading Qt Designer forms from ``forms/`` at run time (nothing generated is committed)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from ksdesk_desktop.core.resources import form

W = TypeVar("W", bound=QWidget)


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    path = form(name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"form {path} is missing")
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"form {path} could not be loaded")
    return widget


def child(widget: QWidget, cls: type[W], name: str) -> W:
    found = widget.findChild(cls, name)
    if found is None:
        raise LookupError(f"{name} ({cls.__name__}) is not in the form")
    return found
