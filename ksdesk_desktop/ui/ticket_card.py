"""A ticket's card (N5): its fields as the cache holds them, its files and its history, each on a tab
(opened from the toast's number, T13, and from the ticket lists). Whatever it asks in the background
answers to the card's own tabs, so an answer arriving after the card closed is dropped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.attachments import AttachedFile, LocalFiles
from ksdesk_desktop.ui.card_files import FilesPanel
from ksdesk_desktop.ui.card_history import HistoryPanel
from ksdesk_desktop.ui.services import Services
from sync.identifiers import format_phone

STATUS_UNREGISTERED = "Ожидает регистрации"


@dataclass(frozen=True)
class CardContext:
    """What the card's files and history tabs need: the workers, the server and the local copies."""

    services: Services
    files: LocalFiles


class TicketCard(QDialog):
    def __init__(self, ticket: dict[str, Any], names: dict[str, str], parent: QWidget | None = None, *,
                 files: Sequence[AttachedFile] = (), context: CardContext | None = None) -> None:
        """``names``: the display names of the records it points at (organization, complex …) and of
        its list codes (type, channel, priority, status); ``files``: the ticket's files as the cache
        lists them. Without a ``context`` the card shows the fields only."""
        super().__init__(parent)
        self.setObjectName("ticket_card")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        number = ticket.get("registration_number") or ticket.get("provisional_number") or ""
        self.setWindowTitle(self.tr("Обращение %s") % number)
        self.resize(680, 540)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("card_tabs")
        self.tabs.addTab(self._fields_tab(ticket, names, str(number)), self.tr("&Поля"))
        self.files: FilesPanel | None = None
        self.history: HistoryPanel | None = None
        if context is not None:
            self.files = FilesPanel(str(ticket["id"]), files, context.services, context.files)
            self.history = HistoryPanel(ticket, context.services, context.files.store)
            self.files_tab = self.tabs.addTab(self.files, "")
            self.tabs.addTab(self.history, self.tr("&История"))
            self.files.count_changed.connect(self._count_files)
            self._count_files(len(files))
            self.history.load()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():  # Enter opens a file; only Esc or «Закрыть» close the card
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _fields_tab(self, ticket: dict[str, Any], names: dict[str, str], number: str) -> QWidget:
        form = QFormLayout()
        phone = format_phone(ticket["phone"], ticket.get("phone_ext") or "") if ticket.get("phone") else ""
        rows = [
            (self.tr("Учётный номер"), ticket.get("registration_number") or self.tr("%s (предварительный)") % number),
            (self.tr("Статус"), names.get("status") or self.tr(STATUS_UNREGISTERED)),
            (self.tr("Организация"), names.get("organization", "")),
            (self.tr("Заявитель"), ticket.get("applicant_name", "")),
            (self.tr("E-mail"), ticket.get("email", "")),
            (self.tr("Телефон"), phone),
            (self.tr("Программный комплекс"), names.get("complex", "")),
            (self.tr("Компонент"), names.get("component", "")),
            (self.tr("Вид обращения"), names.get("ticket_type", "")),
            (self.tr("Тип связи"), names.get("channel", "")),
            (self.tr("Приоритет"), names.get("priority", "")),
            (self.tr("Тема обращения"), ticket.get("subject", "")),
        ]
        self.values: dict[str, QLabel] = {}
        for title, value in rows:
            label = QLabel(str(value))
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[title] = label
            form.addRow(title + ":", label)
        self.text = QPlainTextEdit(str(ticket.get("text", "")))
        self.text.setReadOnly(True)
        form.addRow(self.tr("Текст обращения") + ":", self.text)
        page = QWidget()
        page.setLayout(form)
        return page

    def _count_files(self, count: int) -> None:
        self.tabs.setTabText(self.files_tab, self.tr("&Файлы (%s)") % count)

    def done(self, result: int) -> None:
        if self.files is not None:
            self.files.cancel()
        super().done(result)
