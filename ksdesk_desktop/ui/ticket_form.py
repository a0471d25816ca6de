"""The ticket form «Обращение» (T1–T15): one window, opened from every entry point.

Widgets show and collect; the rules are ``sync.tickets`` and ``sync.records.TicketData`` (the
server checks the same), the reads and the saving are :mod:`ksdesk_desktop.core.tickets` on worker lanes.
The window is built from ``forms/ticket_form.ui``; its parts bind the form's own fields: the
organization (:class:`~ksdesk_desktop.ui.organization_picker.OrganizationChooser`), the applicant
(:class:`~ksdesk_desktop.ui.applicant_fields.ApplicantFields`), the complexes and types under the
contract (:class:`~ksdesk_desktop.ui.ticket_complexes.ComplexesByContract`) and «Файлы»
(:class:`~ksdesk_desktop.ui.ticket_files.TicketFiles`). The form keeps the draft and the saving:
every change is written to the draft at once (T15), so a crash loses nothing typed or attached.
A problem is shown at its field (:class:`~ksdesk_desktop.ui.field_problems.FieldProblems`) and goes
as soon as the field is fixed; Save lists them all. Esc closes an open list only; a form with content
closes into its draft (:attr:`TicketForm.kept`), which «Черновики» reopens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.attachments import AttachmentRefused, KeptFile, LocalFiles, attach
from ksdesk_desktop.core.cache import Batch, Drafts, InvalidChange
from ksdesk_desktop.core.tickets import Catalog, OrganizationChoice, SavedTicket, TicketDraft, read_catalog, save_ticket
from ksdesk_desktop.i18n import english
from ksdesk_desktop.ops import Lane, Op
from ksdesk_desktop.ui.applicant_fields import ApplicantFields
from ksdesk_desktop.ui.field_problems import FieldProblems
from ksdesk_desktop.ui.forms import child, load_form
from ksdesk_desktop.ui.keys import LatinMnemonics, shortcut
from ksdesk_desktop.ui.organization_picker import OrganizationChooser
from ksdesk_desktop.ui.record_model import WARNING_COLOR
from ksdesk_desktop.ui.required import is_missing, mark_required
from ksdesk_desktop.ui.services import Services
from ksdesk_desktop.ui.ticket_complexes import ComplexesByContract, fill_combo
from ksdesk_desktop.ui.ticket_files import TicketFiles
from sync import tickets as rules
from sync.identifiers import InvalidIdentifier
from sync.reference import MAX_SUBJECT, MAX_TICKET_TEXT

AUTOSAVE_MS = 3000  # T15: besides every change, now and then
CHANGE_SAVE_MS = 300  # a burst of keystrokes is one write


class TicketForm(QWidget):
    saved = Signal(object)  # SavedTicket: queued for registration
    lookup_finished = Signal(object)  # a Lookup, once shown (T2)
    ready = Signal()  # the lists are loaded
    draft_saved = Signal(dict)  # the snapshot now stored
    files_changed = Signal(list)  # the attached files (local copies), after an attach
    organizations_found = Signal(list)  # the type-ahead's answer, shown
    kept = Signal(str)  # closed with content: the draft stays (its subject, maybe empty)

    def __init__(self, services: Services, drafts: Drafts, local_files: LocalFiles, draft_id: str,
                 draft: dict[str, Any] | None = None,
                 *, today: Callable[[], date] = rules.contract_day,
                 system_info: Callable[[], str] | None = None,
                 parent: QWidget | None = None) -> None:
        """``system_info``: the text «Вставить информацию о системе» puts in (T10)."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("ticket_form")
        self.setWindowTitle(self.tr("Обращение (новое)"))
        self.services, self.drafts, self.local_files, self.draft_id = services, drafts, local_files, draft_id
        self.catalog: Catalog | None = None
        self._loading = True  # filling the fields is not an edit
        self._dirty = False
        self._saving = False
        self._summary_shown = False  # the bottom line lists the problems: it follows them
        self._system_info = system_info
        self._build(today)
        self._change_timer, self._autosave = QTimer(self), QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(CHANGE_SAVE_MS)
        self._autosave.setInterval(AUTOSAVE_MS)
        for timer in (self._change_timer, self._autosave):
            timer.timeout.connect(self.save_draft)
        self._autosave.start()
        self._pending_draft = draft
        en = english()
        Op(lambda _s: read_catalog(services.directory, en), Lane.QUERY).success(self._catalog_read) \
            .run(services.tasks)

    # --- building -----------------------------------------------------------------------------

    def _build(self, today: Callable[[], date]) -> None:
        form = load_form("ticket_form.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(form)
        self.inn_edit = child(form, QLineEdit, "inn_edit")
        self.kpp_value = child(form, QLabel, "kpp_value")
        self.organization_edit = child(form, QLineEdit, "organization_edit")
        self.customer_value = child(form, QLabel, "customer_value")
        self.applicant_edit = child(form, QLineEdit, "applicant_edit")
        self.email_edit = child(form, QLineEdit, "email_edit")
        self.phone_edit = child(form, QLineEdit, "phone_edit")
        self.complex_combo = child(form, QComboBox, "complex_combo")
        self.component_combo = child(form, QComboBox, "component_combo")
        self.type_combo = child(form, QComboBox, "type_combo")
        self.channel_combo = child(form, QComboBox, "channel_combo")
        self.priority_combo = child(form, QComboBox, "priority_combo")
        self.contract_label = child(form, QLabel, "contract_label")
        self.subject_edit = child(form, QLineEdit, "subject_edit")
        self.subject_counter = child(form, QLabel, "subject_counter")
        self.text_edit = child(form, QPlainTextEdit, "text_edit")
        self.text_counter = child(form, QLabel, "text_counter")
        self.system_info_edit = child(form, QPlainTextEdit, "system_info_edit")
        self.system_info_button = child(form, QPushButton, "system_info_button")
        self.files_list = child(form, QListWidget, "files_list")
        self.attach_button = child(form, QPushButton, "attach_button")
        self.detach_button = child(form, QPushButton, "detach_button")
        self.message_label = child(form, QLabel, "message_label")
        self.draft_label = child(form, QLabel, "draft_label")
        self.save_button = child(form, QPushButton, "save_button")
        self.close_button = child(form, QPushButton, "close_button")
        self.subject_edit.setMaxLength(MAX_SUBJECT)
        self.resize(1000, 720)
        self._arrange(form)
        for combo in (self.complex_combo, self.type_combo, self.channel_combo, self.priority_combo):
            combo.setPlaceholderText(self.tr("Выберите…"))
        self.component_combo.setPlaceholderText(self.tr("(не указан)"))
        self.field_widgets: dict[str, QWidget] = {
            "organization_id": self.organization_edit, "applicant_name": self.applicant_edit,
            "email": self.email_edit, "phone": self.phone_edit, "complex_id": self.complex_combo,
            "ticket_type": self.type_combo, "channel": self.channel_combo, "priority": self.priority_combo,
            "subject": self.subject_edit, "text": self.text_edit, "component_id": self.component_combo,
        }
        mark_required(self.applicant_edit, self.email_edit, self.phone_edit, self.complex_combo, self.type_combo,
                      self.channel_combo, self.priority_combo, self.subject_edit, self.text_edit)
        self.save_button.setToolTip(self.tr("Сохранить и зарегистрировать (Ctrl+S)"))
        self.close_button.setToolTip(self.tr("Закрыть форму (Esc); черновик сохраняется"))
        self.system_info_button.setToolTip(self.tr("Сведения о программе, системе и сервере, как в «О программе»"))
        self.system_info_button.setVisible(self._system_info is not None)
        self.problems = FieldProblems(self.field_widgets, self)
        self._build_parts(today)
        self._connect()
        self.mnemonics = LatinMnemonics(self)  # Alt+<Latin letter> on the key of a Cyrillic mnemonic (T10)
        self.organization_edit.setFocus()  # a known organization is found by its name (issue 22)

    def _arrange(self, form: QWidget) -> None:
        """What Designer cannot say: the columns' shares, the contract hint under its lists."""
        for name, stretch in (("left_form", 3), ("right_column", 2)):
            columns = form.findChild(QHBoxLayout, "columns")
            inner = form.findChild(QFormLayout, name) or form.findChild(QVBoxLayout, name)
            if columns is not None and inner is not None:
                columns.setStretchFactor(inner, stretch)
        right_form = form.findChild(QFormLayout, "right_form")
        if right_form is not None:  # the hint belongs under the lists it explains
            right_form.addRow(self.contract_label)
            self.contract_label.setMinimumHeight(self.contract_label.fontMetrics().height() * 3)
        for name in ("left_form", "right_form", "text_form"):
            found = form.findChild(QFormLayout, name)
            if found is not None:
                found.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def _build_parts(self, today: Callable[[], date]) -> None:
        self.organization_chooser = OrganizationChooser(
            self.services, self.inn_edit, self.kpp_value, self.organization_edit, self.customer_value,
            next_field=self.applicant_edit, today=today, parent=self)
        self.applicant = ApplicantFields(self.services, self.applicant_edit, self.email_edit, self.phone_edit, self)
        self.complexes = ComplexesByContract(self.complex_combo, self.component_combo, self.type_combo,
                                             self.contract_label, self)
        self.attachments = TicketFiles(self.services, self.local_files, self.files_list, self.attach_button,
                                       self.detach_button, self)
        chooser = self.organization_chooser
        chooser.changed.connect(lambda choice: self.complexes.set_covered(choice.covered if choice else None))
        chooser.changed.connect(self.applicant.organization_changed)
        chooser.lookup_finished.connect(self.lookup_finished)
        chooser.organizations_found.connect(self.organizations_found)
        for part in (chooser, self.complexes, self.attachments):
            part.message.connect(lambda text, error: self.say(text, error=error))
        self.applicant.checked.connect(self._checked)
        self.applicant.contact_chosen.connect(lambda: self._focus_next_empty("applicant_name"))
        chooser.changed.connect(lambda _choice: self._recheck("organization_id"))
        self.problems.changed.connect(self._problems_changed)
        self.attachments.edited.connect(self._changed)
        self.attachments.attached.connect(self.files_changed)

    def _connect(self) -> None:
        self.subject_edit.textChanged.connect(self._count)
        self.text_edit.textChanged.connect(self._count)
        for edit in (self.inn_edit, self.organization_edit, self.applicant_edit, self.email_edit, self.phone_edit,
                     self.subject_edit):
            edit.textChanged.connect(self._changed)
        for text in (self.text_edit, self.system_info_edit):
            text.textChanged.connect(self._changed)
        for combo in (self.complex_combo, self.component_combo, self.type_combo, self.channel_combo,
                      self.priority_combo):
            combo.currentIndexChanged.connect(self._changed)
        for name, widget in self.field_widgets.items():
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda *_a, n=name: self._recheck(n))
            elif name != "organization_id":  # the organization is fixed by choosing one, not by typing
                widget.textChanged.connect(lambda *_a, n=name: self._recheck(n))  # type: ignore[attr-defined]
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.system_info_button.clicked.connect(self.insert_system_info)
        self.setAcceptDrops(True)
        shortcut(self, "Ctrl+S", self.save)
        self._count()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the form only when no field took it: an open list (the applicant's, the
        organizations', a drop-down) closes by itself first (issue 22)."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close()
            return
        super().keyPressEvent(event)

    def insert_system_info(self) -> None:
        """T10: «Вставить информацию о системе» — what «О программе / Скопировать в буфер» copies."""
        if self._system_info is None:
            return
        edit = self.system_info_edit
        edit.setFocus()
        if edit.toPlainText().strip():
            edit.appendPlainText("")
        edit.insertPlainText(self._system_info())

    # --- loading --------------------------------------------------------------------------------

    def _catalog_read(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.complexes.set_catalog(catalog)
        fill_combo(self.channel_combo, catalog.channels)
        fill_combo(self.priority_combo, catalog.priorities)
        self.complexes.apply_type_rule(announce=False)
        if self._pending_draft:
            self.restore(self._pending_draft)
        self._pending_draft = None
        self._loading = False
        self.ready.emit()

    # --- the organization, as its part has it (T2, T6, T7) -----------------------------------------

    @property
    def organization(self) -> OrganizationChoice | None:
        return self.organization_chooser.organization

    def choose_organization(self, choice: OrganizationChoice) -> None:
        self.organization_chooser.set_organization(choice)

    def lookup(self) -> None:
        """T2: «Организация ИНН» + Enter — the directory first, then EGRUL through the server."""
        self.organization_chooser.lookup()

    # --- counters, messages ----------------------------------------------------------------------

    def _count(self) -> None:
        subject, text = len(self.subject_edit.text()), len(self.text_edit.toPlainText())
        self.subject_counter.setText(f"{subject}/{MAX_SUBJECT}")
        self.text_counter.setText(f"{text}/{MAX_TICKET_TEXT}")
        self.text_counter.setStyleSheet(f"color: {WARNING_COLOR};" if text > MAX_TICKET_TEXT else "")

    def say(self, text: str, *, error: bool = False) -> None:
        self._summary_shown = False
        label = self.message_label
        label.setText(text)
        label.setStyleSheet(f"color: {WARNING_COLOR};" if error else "")
        # the layout sizes a wrapped line by its width only later: room for all its lines, now
        label.setMinimumHeight(label.heightForWidth(max(label.width(), self.width() - 40)) if text else 0)

    # --- problems at their fields (T1, T4) ---------------------------------------------------------

    def _problem_of(self, name: str, missing: list[str] | None = None) -> str:
        """What is wrong with a field now ("" when nothing); ``missing``: the empty required fields."""
        if name in (self.missing_fields() if missing is None else missing):
            return self.tr("Заполните это поле.")
        if name == "email":
            return self.applicant.email_problem()
        if name == "phone":
            return self.applicant.phone_problem()
        return ""

    def _checked(self, name: str, problem: str) -> None:
        """A field checked on leaving it: its problem shown, or (once fixed) gone."""
        if problem:
            self.problems.show(name, problem)
        else:
            self._recheck(name)

    def _recheck(self, name: str) -> None:
        """A field with a problem that is fixed now loses it at once (a new problem waits for Save or
        for leaving the field)."""
        if self.problems.problem(name) and not self._problem_of(name):
            self.problems.clear(name)

    def check_all(self) -> dict[str, str]:
        """Every field's problem shown at it; field → message, in the form's order."""
        missing = self.missing_fields()
        for name in self.field_widgets:
            self.problems.show(name, self._problem_of(name, missing))
        return self.problems.problems()

    def _summary(self) -> str:
        problems = self.problems.problems()
        missing = [n for n, text in problems.items() if n in rules.REQUIRED and text == self.tr("Заполните это поле.")]
        parts = [rules.missing_message(missing)] if missing else []
        parts += [text for n, text in problems.items() if n not in missing]
        return " ".join(parts)

    def _problems_changed(self) -> None:
        if self._summary_shown:
            self.say(self._summary(), error=True)
            self._summary_shown = bool(self.message_label.text())

    def _focus_next_empty(self, after: str) -> None:
        """After a contact is taken: the next field still to fill (its e-mail and phone usually are)."""
        names = list(self.field_widgets)
        for name in names[names.index(after) + 1:]:
            if name in rules.REQUIRED and is_missing(self.field_widgets[name]):
                self.field_widgets[name].setFocus()
                return

    # --- the draft (T15) ---------------------------------------------------------------------------

    def draft(self) -> TicketDraft:
        return TicketDraft(
            organization=self.organization, contact_id=self.applicant.contact_id,
            applicant_name=self.applicant_edit.text(), email=self.email_edit.text(), phone=self.applicant.phone(),
            complex_id=self.complex_combo.currentData(), component_id=self.component_combo.currentData(),
            ticket_type=self.type_combo.currentData(), channel=self.channel_combo.currentData(),
            priority=self.priority_combo.currentData(), subject=self.subject_edit.text(),
            text=self.text_edit.toPlainText(), system_info=self.system_info_edit.toPlainText(),
            files=list(self.attachments.files),
        )

    def snapshot(self) -> dict[str, Any]:
        """Everything on the form, as the draft keeps it."""
        return {
            **self.organization_chooser.snapshot(), **self.applicant.snapshot(),
            "complex_id": self.complex_combo.currentData(),
            "component_id": self.component_combo.currentData(), "ticket_type": self.type_combo.currentData(),
            "channel": self.channel_combo.currentData(), "priority": self.priority_combo.currentData(),
            "subject": self.subject_edit.text(), "text": self.text_edit.toPlainText(),
            "system_info": self.system_info_edit.toPlainText(), "files": list(self.attachments.files),
        }

    def restore(self, data: dict[str, Any]) -> None:
        self._loading = True
        self.organization_chooser.restore(data)
        self.applicant.restore(data)
        for combo, key in ((self.complex_combo, "complex_id"), (self.component_combo, "component_id"),
                           (self.type_combo, "ticket_type"), (self.channel_combo, "channel"),
                           (self.priority_combo, "priority")):
            if data.get(key) is not None:
                combo.setCurrentIndex(combo.findData(data[key]))
        self.subject_edit.setText(data.get("subject", ""))
        self.text_edit.setPlainText(data.get("text", ""))
        self.system_info_edit.setPlainText(data.get("system_info", ""))
        self.attachments.restore(data.get("files", []))
        self._loading = False

    def _changed(self, *_args: Any) -> None:
        if self._loading or self._saving:
            return
        self._dirty = True
        self._change_timer.start()

    def save_draft(self) -> None:
        if not self._dirty or self._saving:
            return
        self._dirty = False
        data, drafts, draft_id = self.snapshot(), self.drafts, self.draft_id
        Op(lambda _s: drafts.save(draft_id, data), Lane.DB).success(lambda _r: self._draft_written(data)) \
            .run(self.services.tasks)

    def _draft_written(self, data: dict[str, Any]) -> None:
        if not shiboken6.isValid(self):
            return  # closed while the draft was written
        self.draft_label.setText(self.tr("Черновик сохранён в %s") % QTime.currentTime().toString("HH:mm:ss"))
        self.draft_saved.emit(data)

    # --- saving (T1, T13) ----------------------------------------------------------------------

    def missing_fields(self) -> list[str]:
        return self.draft().missing()

    def save(self) -> None:
        if self._saving:
            return
        problems = self.check_all()
        if problems:  # T1, T4: every problem at its field and in the bottom line; the first has the focus
            self.say(self._summary(), error=True)
            self._summary_shown = True
            self.field_widgets[next(iter(problems))].setFocus()
            return
        self.applicant.check_phone()  # shown as operators write it
        self._saving = True
        self.save_button.setEnabled(False)
        self._change_timer.stop()
        draft, directory = self.draft(), self.services.directory
        drafts, ticket_id, local_files = self.drafts, self.draft_id, self.local_files

        gone = self.tr("Копия файла «%s» пропала с диска: уберите его и прикрепите заново.")

        def work(batch: Batch) -> SavedTicket:  # one unit of work: all of it is saved, or nothing
            kept = [KeptFile.from_dict(entry) for entry in draft.files]
            for file in kept:  # every copy is there before anything is saved
                if not file.path.is_file():
                    raise AttachmentRefused(gone % file.file_name)
            saved = save_ticket(batch, directory, ticket_id, draft)
            for file in kept:  # after the ticket: the outbox sends them in this order
                attach(batch, local_files, ticket_id, file)
            drafts.delete(ticket_id)
            return saved

        self.services.sync.save(work, on_done=self._saved, on_error=self._save_failed)

    def _saved(self, saved: SavedTicket) -> None:
        self.saved.emit(saved)
        self._autosave.stop()
        self.close()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, AttachmentRefused):
            self.say(exc.message, error=True)
            return
        if not isinstance(exc, InvalidChange | InvalidIdentifier):
            raise exc
        self.say(exc.message, error=True)
        field = exc.field
        if field in self.field_widgets:
            self.problems.show(field, exc.message)
            self.field_widgets[field].setFocus()

    # --- closing --------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self.organization is None and not any(
            (self.inn_edit.text(), self.applicant_edit.text(), self.subject_edit.text(),
             self.text_edit.toPlainText(), self.attachments.files))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._autosave.stop()
        if self._saving or self.is_empty():
            if not self._saving:
                Op(lambda _s: self.drafts.delete(self.draft_id), Lane.DB).run(self.services.tasks)
            event.accept()
            return
        self._dirty = True
        self.save_draft()  # the draft stays: «Черновики» reopens it, and so does the next start
        event.accept()
        self.kept.emit(self.subject_edit.text().strip())


def missing_widgets(form: TicketForm) -> list[QWidget]:
    """The required fields shown as empty (yellow), as the operator sees them."""
    return [w for w in form.field_widgets.values() if is_missing(w)]
