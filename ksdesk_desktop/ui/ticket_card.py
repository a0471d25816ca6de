"""A ticket's card (N5): its fields as the cache holds them, its files and its history, each on a tab
(opened from the toast's number, T13, and from the ticket lists). Whatever it asks in the background
answers to the card's own tabs, so an answer arriving after the card closed is dropped.

The card follows its ticket while open: when sync brings a change of it, or the operator's own change
is stored or pushed, the fields are read again from the cache, the files tab lists the files again, and
the history is asked for again (:class:`~ksdesk_desktop.ui.card_history.HistoryPanel` decides when)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
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

from ksdesk_desktop.core.attachments import AttachedFile, LocalFiles
from ksdesk_desktop.core.tickets import ticket_names
from ksdesk_desktop.i18n import english, format_phone
from ksdesk_desktop.ops import Lane, Latest, Op
from ksdesk_desktop.ui.card_files import FilesPanel
from ksdesk_desktop.ui.card_history import HistoryPanel
from ksdesk_desktop.ui.services import Services
from ksdesk_desktop.ui.ticket_actions import TicketActions
from sync.records import Kind

STATUS_UNREGISTERED = QT_TRANSLATE_NOOP("TicketCard", "Ожидает регистрации")  # a ticket saved here, not yet sent


@dataclass(frozen=True)
class CardContext:
    """What the card's files and history tabs need: the workers, the server and the local copies."""

    services: Services
    files: LocalFiles


# What a ticket's fields show: the ticket itself and the records and lists it points at.
FIELD_KINDS = frozenset({Kind.TICKET, Kind.ORGANIZATION, Kind.CUSTOMER, Kind.USER, Kind.SOFTWARE_COMPLEX,
                         Kind.COMPONENT, Kind.LIST_ITEM})


class TicketCard(QDialog):
    def __init__(self, ticket: dict[str, Any], names: dict[str, str], parent: QWidget | None = None, *,
                 files: Sequence[AttachedFile] = (), context: CardContext | None = None) -> None:
        """``names``: the display names of the records it points at (organization, complex …) and of
        its list codes (type, channel, priority, status); ``files``: the ticket's files as the cache
        lists them. Without a ``context`` the card shows the fields only."""
        super().__init__(parent)
        self.setObjectName("ticket_card")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ticket, self.names, self.context = dict(ticket), dict(names), context
        self.resize(680, 540)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("card_tabs")
        self.tabs.addTab(self._fields_tab(), self.tr("&Поля"))
        self._show_fields()
        self.files: FilesPanel | None = None
        self.history: HistoryPanel | None = None
        self.ticket_actions: TicketActions | None = None
        if context is not None:
            self.ticket_actions = TicketActions(ticket, context.services, self)  # W2, W3
            self.action_message = QLabel()
            self.action_message.setObjectName("action_message")
            self.ticket_actions.message.connect(self.action_message.setText)
            self.files = FilesPanel(str(ticket["id"]), files, context.services, context.files)
            self.history = HistoryPanel(ticket, context.services, context.files.store)
            self.files_tab = self.tabs.addTab(self.files, "")
            self.tabs.addTab(self.history, self.tr("&История"))
            self.files.count_changed.connect(self._count_files)
            self.files.files_changed.connect(self.history.refresh)
            self._count_files(len(files))
            self.history.load()
            self._reading: Latest[Any] = Latest(context.services.tasks, self)
            context.services.sync.records_changed.connect(self._records_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():  # Enter opens a file; only Esc or «Закрыть» close the card
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        if self.ticket_actions is not None:
            layout.addWidget(self.ticket_actions)
            layout.addWidget(self.action_message)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _fields_tab(self) -> QWidget:
        form = QFormLayout()
        titles = [self.tr("Учётный номер"), self.tr("Статус"), self.tr("Исполнитель"), self.tr("Организация"),
                  self.tr("Заказчик"), self.tr("Заявитель"), self.tr("E-mail"), self.tr("Телефон"),
                  self.tr("Программный комплекс"), self.tr("Компонент"), self.tr("Вид обращения"),
                  self.tr("Тип связи"), self.tr("Приоритет"), self.tr("Тема обращения")]
        self.values: dict[str, QLabel] = {}
        for title in titles:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[title] = label
            form.addRow(title + ":", label)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        form.addRow(self.tr("Текст обращения") + ":", self.text)
        self.system_info = QPlainTextEdit()  # T10: what «О программе» copied, often many lines
        self.system_info.setObjectName("card_system_info")
        self.system_info.setReadOnly(True)
        self.system_info.setMaximumHeight(90)
        form.addRow(self.tr("Информация о системе") + ":", self.system_info)
        page = QWidget()
        page.setLayout(form)
        return page

    def _show_fields(self) -> None:
        ticket, names = self.ticket, self.names
        number = str(ticket.get("registration_number") or ticket.get("provisional_number") or "")
        self.setWindowTitle(self.tr("Обращение %s") % number)
        phone = format_phone(ticket["phone"], ticket.get("phone_ext") or "") if ticket.get("phone") else ""
        values = [
            ticket.get("registration_number") or self.tr("%s (предварительный)") % number,
            names.get("status") or self.tr(STATUS_UNREGISTERED), names.get("assignee", ""),
            names.get("organization", ""), names.get("customer", ""), ticket.get("applicant_name", ""),
            ticket.get("email", ""), phone,
            names.get("complex", ""), names.get("component", ""), names.get("ticket_type", ""),
            names.get("channel", ""), names.get("priority", ""), ticket.get("subject", ""),
        ]
        for label, value in zip(self.values.values(), values, strict=True):
            label.setText(str(value))
        for view, value in ((self.text, str(ticket.get("text", ""))),
                            (self.system_info, str(ticket.get("system_info") or ""))):
            if view.toPlainText() != value:  # keeps the reader's place otherwise
                view.setPlainText(value)

    # --- following the ticket while the card is open -------------------------------------------------

    def _records_changed(self, kinds: set[Kind]) -> None:
        if not kinds & FIELD_KINDS or self.context is None:
            return  # the files tab follows the ticket's files itself
        context, ticket_id, en = self.context, str(self.ticket["id"]), english()
        replica, directory = context.services.sync.replica, context.services.directory

        def read(_s: Any) -> tuple[dict[str, Any], dict[str, str]] | None:
            ticket = replica.get(Kind.TICKET, ticket_id)
            return None if ticket is None else (ticket, ticket_names(directory, ticket, en))

        self._reading.run(Op(read, Lane.QUERY).success(self._reread))

    def _reread(self, found: tuple[dict[str, Any], dict[str, str]] | None) -> None:
        if found is None:  # deleted: the card keeps showing what it was
            return
        ticket, names = found
        if ticket == self.ticket and names == self.names:
            return
        changed = ticket != self.ticket
        self.ticket, self.names = ticket, names
        self._show_fields()
        if self.ticket_actions is not None:
            self.ticket_actions.show_ticket(ticket)
        if changed and self.history is not None:
            self.history.refresh(ticket)

    def _count_files(self, count: int) -> None:
        self.tabs.setTabText(self.files_tab, self.tr("&Файлы (%s)") % count)

    def done(self, result: int) -> None:
        if self.files is not None:
            self.files.cancel()
        if self.history is not None:
            self.history.cancel()
            self._reading.cancel()
        super().done(result)
