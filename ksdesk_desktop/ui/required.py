"""Required fields are yellow until filled (T1), in every form of the application; a field with a
problem (T4) has a red frame besides."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

REQUIRED_COLOR = "#fff3a0"
PROBLEM_COLOR = "#c62828"  # 5.6:1 on white (WCAG AA for the frame and its message)


def _filled(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit):
        return bool(widget.text().strip())
    if isinstance(widget, QPlainTextEdit):
        return bool(widget.toPlainText().strip())
    if isinstance(widget, QComboBox):
        return widget.currentIndex() >= 0 and widget.currentData() is not None
    raise TypeError(f"{type(widget).__name__} is not a form field")


def set_missing(widget: QWidget, missing: bool) -> None:
    """Show a required field as empty (yellow) or filled; for fields whose «filled» means more than
    text (an organization is filled when one is chosen, not when a name is typed)."""
    if widget.property("missing") != missing:
        widget.setProperty("missing", missing)
        _paint(widget)


def set_problem(widget: QWidget, problem: bool) -> None:
    """Frame a field whose value is wrong (its message is shown under it: ``ui.field_problems``)."""
    if bool(widget.property("problem")) != problem:
        widget.setProperty("problem", problem)
        _paint(widget)


def _paint(widget: QWidget) -> None:
    rules = []
    if widget.property("missing"):
        rules.append(f"background-color: {REQUIRED_COLOR};")
    if widget.property("problem"):
        rules.append(f"border: 2px solid {PROBLEM_COLOR}; border-radius: 2px;")
    widget.setStyleSheet(f"{type(widget).__name__} {{ {' '.join(rules)} }}" if rules else "")


def refresh(widget: QWidget) -> None:
    set_missing(widget, not _filled(widget))


def mark_required(*widgets: QLineEdit | QPlainTextEdit | QComboBox) -> None:
    """Yellow while empty; the colour goes as soon as something is typed or chosen."""
    for widget in widgets:
        widget.setProperty("required", True)
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda *_args, w=widget: refresh(w))
            widget.model().modelReset.connect(lambda w=widget: refresh(w))
        else:
            widget.textChanged.connect(lambda *_args, w=widget: refresh(w))
        refresh(widget)


def is_missing(widget: QWidget) -> bool:
    return bool(widget.property("missing"))


def has_problem(widget: QWidget) -> bool:
    return bool(widget.property("problem"))
