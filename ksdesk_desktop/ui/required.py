"""Required fields are yellow until filled (T1), in every form of the application."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

REQUIRED_COLOR = "#fff3a0"
_STYLE = f"background-color: {REQUIRED_COLOR};"


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    raise TypeError(f"{type(widget).__name__} is not a text field")


def refresh(widget: QWidget) -> None:
    missing = not _text(widget).strip()
    if widget.property("missing") != missing:
        widget.setProperty("missing", missing)
        widget.setStyleSheet(_STYLE if missing else "")


def mark_required(*widgets: QLineEdit | QPlainTextEdit) -> None:
    """Yellow while empty; the colour goes as soon as something is typed."""
    for widget in widgets:
        widget.setProperty("required", True)
        widget.textChanged.connect(lambda *_args, w=widget: refresh(w))
        refresh(widget)


def is_missing(widget: QWidget) -> bool:
    return bool(widget.property("missing"))
