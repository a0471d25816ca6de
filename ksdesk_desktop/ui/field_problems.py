"""A problem is shown at its field (T1, T4): the field gets a red frame and its message in a line right
under it; the form's bottom line lists every problem. A problem goes the moment its field is fixed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QLabel, QLayout, QWidget

from ksdesk_desktop.ui.record_model import WARNING_COLOR
from ksdesk_desktop.ui.required import set_problem


def _containing(host: QWidget, item: QWidget | QLayout) -> QLayout | None:
    for layout in [host.layout(), *host.findChildren(QLayout)]:
        if layout is None or layout is item:
            continue
        if isinstance(item, QWidget) and layout.indexOf(item) >= 0:
            return layout
        if isinstance(item, QLayout) and any(layout.itemAt(i) is item for i in range(layout.count())):
            return layout
    return None


def place_under(field: QWidget, note: QWidget) -> None:
    """Put ``note`` right under ``field`` in the layout that holds it (a form row, a column), going up
    through a row the field shares with others (the subject and its counter)."""
    host = field.parentWidget()
    if host is None:
        raise LookupError(f"{field.objectName()} is in no form")
    item: QWidget | QLayout = field
    while True:
        layout = _containing(host, item)
        if layout is None:
            raise LookupError(f"{field.objectName()} is in no layout of {host.objectName()}")
        if isinstance(layout, QFormLayout):
            position = (layout.getWidgetPosition(item) if isinstance(item, QWidget)
                        else layout.getLayoutPosition(item))
            layout.insertRow(int(position[0]) + 1, "", note)  # type: ignore[index]  # PySide's stub: object
            return
        if isinstance(layout, QBoxLayout) and layout.direction() in (QBoxLayout.Direction.TopToBottom,
                                                                     QBoxLayout.Direction.BottomToTop):
            index = layout.indexOf(item) if isinstance(item, QWidget) else next(
                i for i in range(layout.count()) if layout.itemAt(i) is item)
            layout.insertWidget(index + 1, note)
            return
        item = layout  # a row beside other widgets: under the whole row


class FieldProblems(QObject):
    """The problems of a form's fields, each shown at its field."""

    changed = Signal()  # a problem came or went

    def __init__(self, fields: dict[str, QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        self.notes: dict[str, QLabel] = {}
        self._problems: dict[str, str] = {}
        for name, widget in fields.items():
            note = QLabel()
            note.setObjectName(f"{name}_problem")
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {WARNING_COLOR};")
            note.setVisible(False)
            place_under(widget, note)
            self.notes[name] = note

    def show(self, field: str, text: str) -> None:
        """``text`` at the field (an empty text clears it)."""
        if not text:
            self.clear(field)
            return
        self._problems[field] = text
        self.notes[field].setText(text)
        self.notes[field].setVisible(True)
        set_problem(self.fields[field], True)
        self.changed.emit()

    def clear(self, field: str) -> None:
        if self._problems.pop(field, None) is None:
            return
        self.notes[field].setVisible(False)
        self.notes[field].clear()
        set_problem(self.fields[field], False)
        self.changed.emit()

    def problems(self) -> dict[str, str]:
        """Field → message, in the order of the fields."""
        return {name: self._problems[name] for name in self.fields if name in self._problems}

    def problem(self, field: str) -> str:
        return self._problems.get(field, "")
