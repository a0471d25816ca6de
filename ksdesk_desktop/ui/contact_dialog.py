"""«Контакт»: a person of an organization (an applicant is a contact, T3). A contact with the same
e-mail, or the same phone and extension, in the same organization is offered instead of a second
one (T5)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ksdesk_desktop.store.replica import InvalidChange
from ksdesk_desktop.ui.required import mark_required
from ksdesk_desktop.ui.services import Services
from sync.identifiers import PHONE_EXAMPLE, InvalidIdentifier, format_phone, normalize_email, parse_phone
from sync.records import Kind

FIELDS = ("full_name", "position", "email", "phone")


class ContactDialog(QDialog):
    saved = Signal(str)
    open_existing = Signal(str)

    def __init__(self, services: Services, organization: dict[str, Any], record: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contact_dialog")
        self.services, self.organization, self.record = services, organization, record
        self.setWindowTitle(self.tr("Контакт") if record is None else record["full_name"])
        self.setMinimumWidth(520)
        self._offered: dict[str, Any] | None = None
        form = QFormLayout()
        org_label = QLabel(organization["name"])
        org_label.setObjectName("organization_label")
        form.addRow(self.tr("Организация"), org_label)
        labels = {"full_name": self.tr("ФИО"), "position": self.tr("Должность"), "email": self.tr("E-mail"),
                  "phone": self.tr("Телефон")}
        self.edits: dict[str, QLineEdit] = {}
        for name in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"{name}_edit")
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        self.edits["email"].setPlaceholderText("ivanov@example.ru")
        self.edits["phone"].setPlaceholderText(PHONE_EXAMPLE)
        mark_required(self.edits["full_name"])
        self.message = QLabel()
        self.message.setObjectName("contact_message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.existing_button = QPushButton(self.tr("Открыть существующий"))
        self.existing_button.setObjectName("open_existing_button")
        self.existing_button.setVisible(False)
        self.save_button = QPushButton(self.tr("Сохранить"))
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(self.tr("Сохранить (Ctrl+S)"))
        cancel = QPushButton(self.tr("Отмена"))
        for button in (self.existing_button, self.save_button, cancel):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.existing_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.existing_button.clicked.connect(self._take_existing)
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        if record is not None:
            for name in ("full_name", "position", "email"):
                self.edits[name].setText(str(record.get(name) or ""))
            self.edits["phone"].setText(format_phone(record.get("phone") or "", record.get("phone_ext") or ""))

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b3261e;" if error else "")
        self.message.setVisible(bool(text))

    def values(self) -> dict[str, str]:
        """The fields as the shared rules store them (raises InvalidIdentifier for a bad e-mail or phone)."""
        text = {name: self.edits[name].text().strip() for name in FIELDS}
        values = {"organization_id": self.organization["id"], "full_name": text["full_name"],
                  "position": text["position"], "email": "", "phone": "", "phone_ext": ""}
        if text["email"]:
            values["email"] = normalize_email(text["email"])
        if text["phone"]:
            phone = parse_phone(text["phone"])
            values["phone"], values["phone_ext"] = phone.number, phone.extension
        return values

    def save(self) -> None:
        try:
            data = self.values()
        except InvalidIdentifier as exc:
            self._refuse(exc.message, exc.field)
            return
        exclude = self.record["id"] if self.record else None
        existing = self.services.directory.find_contact(
            self.organization["id"], data["email"], data["phone"], data["phone_ext"], exclude=exclude)
        if existing is not None:  # T5
            same = self.tr("e-mail") if data["email"] and existing.get("email") == data["email"] else self.tr("телефон")
            self._refuse(self.tr("Контакт с таким %s у организации уже есть: %s.") % (same, existing["full_name"]),
                         "email" if same == self.tr("e-mail") else "phone")
            self._offered = existing
            self.existing_button.setVisible(True)
            return
        self.save_button.setEnabled(False)
        if self.record is None:
            self.services.sync.create(Kind.CONTACT, data, on_done=self._saved, on_error=self._save_failed)
        else:
            record_id = self.record["id"]
            changed = {k: v for k, v in data.items() if v != (self.record.get(k) or "")}
            self.services.sync.change(Kind.CONTACT, record_id, changed, on_done=lambda _k: self._saved(record_id),
                                      on_error=self._save_failed)

    def _saved(self, record_id: str) -> None:
        self.saved.emit(record_id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, InvalidChange):
            raise exc
        self._refuse(exc.message, exc.field)

    def _refuse(self, message: str, field: str | None) -> None:
        self.say(message, error=True)
        if field in self.edits:
            self.edits[field].setFocus()
            self.edits[field].selectAll()

    def _take_existing(self) -> None:
        if self._offered is not None:
            self.open_existing.emit(self._offered["id"])
            self.reject()
