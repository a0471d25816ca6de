"""The ticket form's applicant (T3, T4): «Заявитель» completes over the chosen organization's contacts
and fills in the contact's e-mail and phone; a name typed by hand becomes a contact on save. The
e-mail and phone are checked with the shared rules of :mod:`sync.identifiers` when the operator
leaves them (the server checks the same), and the phone field offers «+7 » when entered empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from ksdesk_desktop.core.tickets import OrganizationChoice, contacts_of
from ksdesk_desktop.ops import Lane, Op
from ksdesk_desktop.ui.services import Services
from sync.identifiers import InvalidIdentifier, format_phone, normalize_email, parse_phone


class ApplicantFields(QObject):
    """Binds the host's applicant, e-mail and phone fields; says what is wrong by :attr:`message`."""

    message = Signal(str, bool)  # text, whether it is an error

    def __init__(self, services: Services, applicant_edit: QLineEdit, email_edit: QLineEdit, phone_edit: QLineEdit,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.applicant_edit, self.email_edit, self.phone_edit = applicant_edit, email_edit, phone_edit
        self.contact_id: str | None = None
        self._organization_id: str | None = None
        self._contacts: list[dict[str, Any]] = []
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        applicant_edit.setCompleter(self.completer)
        self.completer.activated[str].connect(self._chosen)
        applicant_edit.textEdited.connect(self._typed)
        email_edit.editingFinished.connect(self.check_email)
        phone_edit.editingFinished.connect(self.check_phone)
        phone_edit.installEventFilter(self)

    def organization_changed(self, choice: OrganizationChoice | None) -> None:
        """Another organization: its contacts are read for the completer, the contact taken is dropped."""
        org_id = choice.id if choice else None
        if org_id == self._organization_id:
            return
        self._organization_id = org_id
        self.contact_id = None
        self._contacts = []
        self._model.setStringList([])
        if org_id is not None:
            directory = self.services.directory
            Op(lambda _s: contacts_of(directory, org_id), Lane.QUERY).success(self._contacts_read) \
                .run(self.services.tasks)

    def _contacts_read(self, contacts: list[dict[str, Any]]) -> None:
        self._contacts = contacts
        self._model.setStringList([str(c["full_name"]) for c in contacts])

    def _typed(self, _text: str) -> None:
        self.contact_id = None  # typed by hand: becomes a contact on save (without a duplicate)

    def _chosen(self, name: str) -> None:
        contact = next((c for c in self._contacts if c["full_name"] == name), None)
        if contact is None:
            return
        self.contact_id = str(contact["id"])
        self.email_edit.setText(str(contact.get("email") or ""))
        phone = str(contact.get("phone") or "")
        self.phone_edit.setText(format_phone(phone, str(contact.get("phone_ext") or "")) if phone else "")

    def phone(self) -> str:
        """The phone as the draft keeps it: the offered «+7» alone is no phone."""
        return "" if self.phone_edit.text().strip() == "+7" else self.phone_edit.text()

    def snapshot(self) -> dict[str, Any]:
        return {"contact_id": self.contact_id, "applicant": self.applicant_edit.text(),
                "email": self.email_edit.text(), "phone": self.phone_edit.text()}

    def restore(self, data: dict[str, Any]) -> None:
        self.applicant_edit.setText(data.get("applicant", ""))
        self.contact_id = data.get("contact_id")
        self.email_edit.setText(data.get("email", ""))
        self.phone_edit.setText(data.get("phone", ""))

    # --- checks (T4) -----------------------------------------------------------------------------

    def check_email(self) -> bool:
        text = self.email_edit.text().strip()
        if not text:
            return True
        try:
            normalize_email(text)
        except InvalidIdentifier as exc:
            self.message.emit(exc.message, True)  # the text stays as typed, to be corrected
            return False
        return True

    def check_phone(self) -> bool:
        text = self.phone_edit.text().strip()
        if not text or text == "+7":
            return True
        try:
            phone = parse_phone(text)
        except InvalidIdentifier as exc:
            self.message.emit(exc.message, True)
            return False
        self.phone_edit.setText(format_phone(phone.number, phone.extension))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        edit = self.phone_edit
        if watched is edit and event.type() == QEvent.Type.FocusIn and not edit.text():
            QTimer.singleShot(0, lambda: edit.setText("+7 ") if not edit.text() else None)
        return super().eventFilter(watched, event)
