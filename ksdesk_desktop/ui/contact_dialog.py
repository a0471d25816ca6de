"""«Контакт»: a person of an organization (an applicant is a contact, T3). A contact with the same
e-mail, or the same phone and extension, in the same organization is offered instead of a second
one (T5)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ksdesk_desktop.i18n import format_phone
from ksdesk_desktop.ui.record_dialog import RecordDialog
from ksdesk_desktop.ui.required import mark_required
from ksdesk_desktop.ui.services import Services
from sync.identifiers import InvalidIdentifier, normalize_email, parse_phone, phone_example
from sync.records import Kind

FIELDS = ("full_name", "position", "email", "phone")


class ContactDialog(RecordDialog):
    def __init__(self, services: Services, organization: dict[str, Any], record: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, Kind.CONTACT, record, self.tr("Открыть существующий"), parent)
        self.setObjectName("contact_dialog")
        self.organization = organization
        self.setWindowTitle(self.tr("Контакт") if record is None else record["full_name"])
        self.setMinimumWidth(520)
        form = QFormLayout()
        org_label = QLabel(organization["name"])
        org_label.setObjectName("organization_label")
        form.addRow(self.tr("Организация"), org_label)
        labels = {"full_name": self.tr("ФИО"), "position": self.tr("Должность"), "email": self.tr("E-mail"),
                  "phone": self.tr("Телефон")}
        for name in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"{name}_edit")
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        self.edits["email"].setPlaceholderText("ivanov@example.ru")
        self.edits["phone"].setPlaceholderText(phone_example())
        mark_required(self.edits["full_name"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)
        if record is not None:
            for name in ("full_name", "position", "email"):
                self.edits[name].setText(str(record.get(name) or ""))
            self.edits["phone"].setText(format_phone(record.get("phone") or "", record.get("phone_ext") or ""))
        self.lock_fields()  # who may set which field: sync.roles

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
            self.refuse(exc.message, exc.field)
            return
        exclude = self.record["id"] if self.record else None
        existing = self.services.directory.find_contact(
            self.organization["id"], data["email"], data["phone"], data["phone_ext"], exclude=exclude)
        if existing is not None:  # T5
            by_email = bool(data["email"]) and existing.get("email") == data["email"]
            what = self.tr("e-mail") if by_email else self.tr("телефон")
            self.refuse(self.tr("Контакт с таким %s у организации уже есть: %s.") % (what, existing["full_name"]),
                        "email" if by_email else "phone")
            self.offer(existing)
            return
        self.store(data)
