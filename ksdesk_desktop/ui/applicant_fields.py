"""The ticket form's applicant (T3, T4): «Заявитель» completes over the chosen organization's contacts
(by word starts: «г» finds «Горбунов», not «Евгения»; Down on the field lists them all) and fills in
the contact's e-mail and phone; a name typed by hand becomes a contact on save. The
e-mail and phone are checked with the shared rules of :mod:`sync.identifiers` when the operator
leaves them (the server checks the same), and the phone field offers «+7 » when entered empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from ksdesk_desktop.core.tickets import OrganizationChoice, contacts_of, matching_contacts
from ksdesk_desktop.i18n import format_phone
from ksdesk_desktop.ops import Lane, Op
from ksdesk_desktop.ui.services import Services
from sync.identifiers import InvalidIdentifier, normalize_email, parse_phone


class ApplicantFields(QObject):
    """Binds the host's applicant, e-mail and phone fields; says what is wrong by :attr:`checked`."""

    contact_chosen = Signal()  # a contact was taken from the list: its e-mail and phone are filled in
    checked = Signal(str, str)  # a field checked on leaving it ("email" / "phone"), its problem or ""

    def __init__(self, services: Services, applicant_edit: QLineEdit, email_edit: QLineEdit, phone_edit: QLineEdit,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.applicant_edit, self.email_edit, self.phone_edit = applicant_edit, email_edit, phone_edit
        self.contact_id: str | None = None
        self._organization_id: str | None = None
        self._contacts: list[dict[str, Any]] = []
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(applicant_edit)  # the list is filtered here, by word starts
        self.completer.activated[QModelIndex].connect(self._chosen)
        applicant_edit.textEdited.connect(self._typed)
        applicant_edit.installEventFilter(self)
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
        self.model.clear()
        if org_id is not None:
            directory = self.services.directory
            Op(lambda _s: contacts_of(directory, org_id), Lane.QUERY).success(self._contacts_read) \
                .run(self.services.tasks)

    def _contacts_read(self, contacts: list[dict[str, Any]]) -> None:
        self._contacts = contacts

    def offer(self, typed: str) -> list[str]:
        """List the contacts matching ``typed`` under the field (all of them for nothing typed); the
        names listed."""
        found = matching_contacts(self._contacts, typed)
        self.model.clear()
        for contact in found:
            item = QStandardItem(str(contact["full_name"]))
            item.setData(contact, Qt.ItemDataRole.UserRole)
            self.model.appendRow(item)
        if found and self.applicant_edit.hasFocus():
            self.completer.complete()
        else:
            self.completer.popup().hide()
        return [str(c["full_name"]) for c in found]

    def _typed(self, text: str) -> None:
        self.contact_id = None  # typed by hand: becomes a contact on save (without a duplicate)
        if text.strip():
            self.offer(text)
        else:
            self.completer.popup().hide()

    def _chosen(self, index: QModelIndex) -> None:
        contact = index.data(Qt.ItemDataRole.UserRole)
        if not isinstance(contact, dict):
            return
        self.applicant_edit.setText(str(contact["full_name"]))
        self.contact_id = str(contact["id"])
        self.email_edit.setText(str(contact.get("email") or ""))
        phone = str(contact.get("phone") or "")
        self.phone_edit.setText(format_phone(phone, str(contact.get("phone_ext") or "")) if phone else "")
        self.contact_chosen.emit()

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

    def email_problem(self) -> str:
        """Why the e-mail is wrong ("" when it is right, or empty)."""
        text = self.email_edit.text().strip()
        try:
            if text:
                normalize_email(text)
        except InvalidIdentifier as exc:
            return exc.message
        return ""

    def phone_problem(self) -> str:
        """Why the phone is wrong ("" when it is right, or empty: the offered «+7» alone is empty)."""
        text = self.phone().strip()
        try:
            if text:
                parse_phone(text)
        except InvalidIdentifier as exc:
            return exc.message
        return ""

    def check_email(self) -> bool:
        """On leaving the field: its problem, or none, reported by :attr:`checked`; the text stays as
        typed, to be corrected."""
        problem = self.email_problem()
        self.checked.emit("email", problem)
        return not problem

    def check_phone(self) -> bool:
        """On leaving the field: its problem, or none; a right number is shown as operators write it."""
        problem = self.phone_problem()
        self.checked.emit("phone", problem)
        text = self.phone().strip()
        if text and not problem:
            phone = parse_phone(text)
            self.phone_edit.setText(format_phone(phone.number, phone.extension))
        return not problem

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.applicant_edit and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
                and not self.completer.popup().isVisible()):
            self.offer(self.applicant_edit.text())  # Down: the organization's contacts, even before typing
            return True
        edit = self.phone_edit
        if watched is edit and event.type() == QEvent.Type.FocusIn and not edit.text():
            QTimer.singleShot(0, lambda: edit.setText("+7 ") if not edit.text() else None)
        return super().eventFilter(watched, event)
