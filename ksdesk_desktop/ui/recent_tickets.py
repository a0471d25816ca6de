"""«Последние» (issue 22): the tickets this operator registered, newest first (those still waiting
for their number on top), so a number the toast showed stays reachable after the toast has gone.
Enter (or a double click) opens the card. Read on the query lane when shown and after a sync that
brought tickets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ksdesk_desktop.core.cache import TicketFilter, TicketList
from ksdesk_desktop.ops import Lane, Op, TaskManager
from sync.records import Kind

RECENT = 30  # how many the list keeps


def recent_tickets(tickets: TicketList, author_id: str, limit: int = RECENT) -> list[dict[str, Any]]:
    """The list rows of the tickets ``author_id`` registered, newest first (a worker's job)."""
    ids = tickets.ids(TicketFilter(author_id=author_id), limit)
    rows = tickets.rows(ids)
    return [rows[i] for i in ids if i in rows]


class RecentTicketsPage(QWidget):
    open_requested = Signal(str)  # the ticket id

    def __init__(self, tasks: TaskManager, tickets: TicketList, whose: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        """``whose``: the operator's user id (None before the login)."""
        super().__init__(parent)
        self.setObjectName("recent")
        self.tasks, self.tickets, self.whose = tasks, tickets, whose
        title = self.tr("Последние")
        self.title_label = QLabel(f"<h2>{title}</h2>")
        self.title_label.setObjectName("recent_title")
        self.hint = QLabel(self.tr("Обращения, зарегистрированные мной, новые сверху. Enter — открыть карточку."))
        self.view = QListWidget(self)
        self.view.setObjectName("recent_view")
        self.view.itemActivated.connect(self._open)
        self.view.itemDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        for widget in (self.title_label, self.hint):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.view.setFocus()

    def records_changed(self, kinds: set[Kind]) -> None:
        if Kind.TICKET in kinds and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        author, tickets = self.whose(), self.tickets
        if author is not None:
            Op(lambda _s: recent_tickets(tickets, author), Lane.QUERY).success(self._show).run(self.tasks)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        current = self.view.currentRow()
        self.view.clear()
        for row in rows:
            number = row.get("registration_number") or row.get("provisional_number") or ""
            text = f"{number} — {row.get('subject') or ''}"
            if row.get("organization_name"):
                text += f" ({row['organization_name']})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(row["id"]))
            self.view.addItem(item)
        if self.view.count():
            self.view.setCurrentRow(min(max(current, 0), self.view.count() - 1))

    def _open(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
