"""What the cards of the Clients directory share: a message line, «Сохранить» / «Отмена» (Ctrl+S,
Esc), the offer of an existing record instead of a duplicate (T5), and saving through the sync
runner — a new record is created, an existing one gets only the fields that changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ksdesk_desktop.core.cache import InvalidChange
from ksdesk_desktop.ui.keys import shortcut
from ksdesk_desktop.ui.record_model import WARNING_COLOR
from ksdesk_desktop.ui.services import Services
from sync.records import Kind, spec
from sync.roles import field_refusal


class RecordDialog(QDialog):
    saved = Signal(str)  # the record's id
    open_existing = Signal(str)  # T5: the operator takes the record that exists instead

    def __init__(self, services: Services, kind: Kind, record: dict[str, Any] | None, existing_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.kind, self.record = services, kind, record
        self.edits: dict[str, QLineEdit] = {}
        self._offered: dict[str, Any] | None = None
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.existing_button = QPushButton(existing_label)
        self.existing_button.setObjectName("open_existing_button")
        self.existing_button.setVisible(False)
        self.save_button = QPushButton(self.tr("Сохранить"))
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(self.tr("Сохранить (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Отмена"))
        self.cancel_button.setObjectName("cancel_button")
        for button in (self.existing_button, self.save_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter in a field never saves or closes by accident
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.existing_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.save_button)
        self.buttons.addWidget(self.cancel_button)
        self.existing_button.clicked.connect(self._take_existing)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        shortcut(self, "Ctrl+S", self.save)

    def save(self) -> None:
        raise NotImplementedError

    def may_set(self, name: str) -> bool:
        """Whether the user may set (in a new record) or change the field ``name`` (``sync.roles``);
        before a session is known, yes: the server judges it again on sync."""
        user = self.services.connection.user
        return user is None or spec(self.kind).access.may_set(user.role, name, creating=self.record is None)

    def why_locked(self, name: str) -> str:
        """The rule's reason a field is read-only for this user."""
        model = spec(self.kind).model(creating=self.record is None)
        info = model.model_fields.get(name)
        label = info.title if info is not None and info.title else name
        return field_refusal(spec(self.kind).access, name, label, creating=self.record is None)

    def lock_fields(self) -> list[str]:
        """Make read-only the fields this user may not set or change (the rule of ``sync.roles``, which
        the server enforces); returns their names."""
        locked = [name for name in self.edits if not self.may_set(name)]
        for name in locked:
            self.edits[name].setReadOnly(True)
            self.edits[name].setToolTip(self.why_locked(name))
        return locked

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {WARNING_COLOR};" if error else "")
        self.message.setVisible(bool(text))

    def offer(self, record: dict[str, Any] | None) -> None:
        """T5: this record is in the directory already; the button opens it."""
        self._offered = record
        self.existing_button.setVisible(record is not None)

    def _take_existing(self) -> None:
        if self._offered is not None:
            self.open_existing.emit(self._offered["id"])
            self.reject()

    def store(self, data: dict[str, Any]) -> None:
        """Create the record, or change the fields that differ; the card closes when it is stored."""
        self.save_button.setEnabled(False)
        if self.record is None:
            self.services.sync.create(self.kind, data, on_done=self._saved, on_error=self._save_failed)
            return
        record_id = self.record["id"]
        changed = {k: v for k, v in data.items() if v != (self.record.get(k) or "")}
        self.services.sync.change(self.kind, record_id, changed, on_done=lambda _key: self._saved(record_id),
                                  on_error=self._save_failed)

    def _saved(self, record_id: str) -> None:
        self.saved.emit(record_id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, InvalidChange):
            raise exc
        self.refuse(exc.message, exc.field)

    def refuse(self, message: str, field: str | None) -> None:
        """Say what is wrong and put the cursor there; everything typed stays."""
        self.say(message, error=True)
        if field in self.edits:
            self.edits[field].setFocus()
            self.edits[field].selectAll()
