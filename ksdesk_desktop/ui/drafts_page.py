"""«Черновики» (T15, issue 22): the ticket forms closed before they were saved, newest first. Enter
(or a double click) reopens one — the form it was, with everything typed; «Удалить» drops it after
asking. The list is read on the DB lane whenever it is shown or a draft is kept, saved or dropped."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.cache import Draft, Drafts
from ksdesk_desktop.ops import Lane, Op, TaskManager
from ksdesk_desktop.ui.keys import shortcut


def when_text(moment: datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


def draft_summary(data: dict[str, Any]) -> tuple[str, str, str]:
    """What the list shows of a draft: the organization, the applicant and the subject."""
    organization = data.get("organization") or {}
    name = str(organization.get("name") or data.get("organization_text") or data.get("inn") or "")
    return name, str(data.get("applicant") or ""), str(data.get("subject") or "")


class DraftsPage(QWidget):
    open_requested = Signal(object)  # the Draft to reopen
    counted = Signal(int)  # how many drafts there are, after each reading

    def __init__(self, tasks: TaskManager, drafts: Drafts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts")
        self.tasks, self.drafts = tasks, drafts
        self.found: list[Draft] = []
        title = self.tr("Черновики")
        self.title_label = QLabel(f"<h2>{title}</h2>")
        self.title_label.setObjectName("drafts_title")
        self.hint = QLabel(self.tr("Обращения, закрытые до сохранения. Enter — открыть и дописать."))
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("drafts_view")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Изменён"), self.tr("Организация"), self.tr("Заявитель"), self.tr("Тема обращения")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.empty_label = QLabel(self.tr("Черновиков нет."))
        self.empty_label.setObjectName("drafts_empty")
        self.open_button = QPushButton(self.tr("Открыть"))
        self.open_button.setObjectName("drafts_open")
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.delete_button = QPushButton(self.tr("Удалить…"))
        self.delete_button.setObjectName("drafts_delete")
        self.delete_button.setToolTip(self.tr("Удалить выбранный черновик (Delete)"))
        self.delete_button.clicked.connect(self.ask_delete)
        shortcut(self.table, "Delete", self.ask_delete, Qt.ShortcutContext.WidgetShortcut)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.title_label, self.hint):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        self.question: QMessageBox | None = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        drafts = self.drafts
        Op(lambda _s: drafts.open_drafts(), Lane.DB).success(self._show).run(self.tasks)

    def _show(self, found: list[Draft]) -> None:
        self.found = sorted(found, key=lambda d: d.updated_at, reverse=True)
        self.table.setRowCount(len(self.found))
        for row, draft in enumerate(self.found):
            for column, text in enumerate((when_text(draft.updated_at), *draft_summary(draft.data))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.found and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)
        self.empty_label.setVisible(not self.found)
        for button in (self.open_button, self.delete_button):
            button.setEnabled(bool(self.found))
        self.counted.emit(len(self.found))

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.found):
            self.open_requested.emit(self.found[row])

    def ask_delete(self) -> QMessageBox | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.found):
            return None
        draft = self.found[row]
        subject = draft_summary(draft.data)[2] or self.tr("без темы")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Удалить черновик"),
                          self.tr("Удалить черновик «%s»? Всё, что в нём набрано, пропадёт.") % subject,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = QMessageBox.StandardButton.Yes
        box.finished.connect(lambda result: self._delete(draft.id) if result == yes else None)
        self.question = box
        box.open()
        return box

    def _delete(self, draft_id: str) -> None:
        drafts = self.drafts
        Op(lambda _s: drafts.delete(draft_id), Lane.DB).success(lambda _r: self.refresh()).run(self.tasks)
