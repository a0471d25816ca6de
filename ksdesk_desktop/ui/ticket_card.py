"""A ticket's card: its fields as the cache holds them (opened from the toast's number, T13)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from sync.identifiers import format_phone

STATUS_UNREGISTERED = "Ожидает регистрации"


class TicketCard(QDialog):
    def __init__(self, ticket: dict[str, Any], names: dict[str, str], parent: QWidget | None = None) -> None:
        """``names``: the display names of the records it points at (organization, complex …) and of
        its list codes (type, channel, priority, status)."""
        super().__init__(parent)
        self.setObjectName("ticket_card")
        number = ticket.get("registration_number") or ticket.get("provisional_number") or ""
        self.setWindowTitle(self.tr("Обращение %s") % number)
        self.resize(640, 520)
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
            self.values[title] = label
            form.addRow(title + ":", label)
        self.text = QPlainTextEdit(str(ticket.get("text", "")))
        self.text.setReadOnly(True)
        form.addRow(self.tr("Текст обращения") + ":", self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
