"""The ticket form «Обращение» (T1–T15): one window, opened from every entry point.

Widgets show and collect; the rules are ``sync.tickets`` and ``sync.records.TicketData`` (the
server checks the same), the reads and the saving are :mod:`ksdesk_desktop.core.tickets` on worker lanes.
Every change is written to the draft at once (T15), so a crash loses nothing typed or attached.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QStringListModel, Qt, QTime, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QCloseEvent,
    QColor,
    QDropEvent,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.attachments import AttachmentRefused, KeptFile, LocalFiles, attach, screen
from ksdesk_desktop.core.cache import Batch, Drafts, InvalidChange
from ksdesk_desktop.core.lookup import Lookup, Outcome
from ksdesk_desktop.core.tickets import (
    Catalog,
    Choice,
    OrganizationChoice,
    SavedTicket,
    TicketDraft,
    contacts_of,
    find_organizations,
    organization_choice,
    read_catalog,
    save_ticket,
)
from ksdesk_desktop.i18n import english
from ksdesk_desktop.ops import Lane, Latest, Op
from ksdesk_desktop.ui.forms import child, load_form
from ksdesk_desktop.ui.organization_picker import OrganizationPicker
from ksdesk_desktop.ui.record_model import WARNING_COLOR
from ksdesk_desktop.ui.required import is_missing, mark_required, set_missing
from ksdesk_desktop.ui.services import Services
from sync import tickets as rules
from sync.attachments import format_size
from sync.identifiers import InvalidIdentifier, format_phone, normalize_email, parse_phone
from sync.reference import MAX_SUBJECT, MAX_TICKET_TEXT
from sync.registry import Party

COVERED_COLOR = "#c8efc4"  # T7: a complex under a valid contract
AUTOSAVE_MS = 3000  # T15: besides every change, now and then
CHANGE_SAVE_MS = 300  # a burst of keystrokes is one write


def _party_record(party: Party) -> dict[str, Any]:
    return {"inn": party.inn, "kpp": party.kpp, "ogrn": party.ogrn, "name": party.name,
            "full_name": party.full_name, "address": party.address}


class TicketForm(QWidget):
    saved = Signal(object)  # SavedTicket: queued for registration
    lookup_finished = Signal(object)  # a Lookup, once shown (T2)
    ready = Signal()  # the lists are loaded
    draft_saved = Signal(dict)  # the snapshot now stored
    files_changed = Signal(list)  # the attached files (local copies), after an attach
    organizations_found = Signal(list)  # the type-ahead's answer, shown

    def __init__(self, services: Services, drafts: Drafts, local_files: LocalFiles, draft_id: str,
                 draft: dict[str, Any] | None = None,
                 *, today: Callable[[], date] = rules.contract_day,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("ticket_form")
        self.setWindowTitle(self.tr("Обращение (новое)"))
        self.services, self.drafts, self.local_files, self.draft_id = services, drafts, local_files, draft_id
        self._today = today
        self.organization: OrganizationChoice | None = None
        self.contact_id: str | None = None
        self.catalog: Catalog | None = None
        self.files: list[dict[str, Any]] = []
        self._contacts: list[dict[str, Any]] = []
        self._manual_inn = ""  # T2 offline / not in EGRUL: the INN of an organization typed by hand
        self._loading = True  # filling the fields is not an edit
        self._dirty = False
        self._saving = False
        self._build()
        self._latest_orgs: Latest[list[OrganizationChoice]] = Latest(services.tasks, self)
        self._change_timer = QTimer(self, singleShot=True, interval=CHANGE_SAVE_MS, timeout=self.save_draft)
        self._autosave = QTimer(self, interval=AUTOSAVE_MS, timeout=self.save_draft)
        self._autosave.start()
        self._pending_draft = draft
        en = english()
        Op(lambda _s: read_catalog(services.directory, en), Lane.QUERY).success(self._catalog_read) \
            .run(services.tasks)

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
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
        self.files_list = child(form, QListWidget, "files_list")
        self.attach_button = child(form, QPushButton, "attach_button")
        self.detach_button = child(form, QPushButton, "detach_button")
        self.message_label = child(form, QLabel, "message_label")
        self.draft_label = child(form, QLabel, "draft_label")
        self.save_button = child(form, QPushButton, "save_button")
        self.close_button = child(form, QPushButton, "close_button")
        self.subject_edit.setMaxLength(MAX_SUBJECT)
        self.resize(1000, 720)
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
        self.branch_combo = QComboBox(self)
        self.branch_combo.setObjectName("branch_combo")
        self.kpp_value.parentWidget().layout().addWidget(self.branch_combo)  # type: ignore[union-attr]
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
        set_missing(self.organization_edit, True)
        self.save_button.setToolTip(self.tr("Сохранить и зарегистрировать (Ctrl+S)"))
        self.close_button.setToolTip(self.tr("Закрыть форму (Esc); черновик сохраняется"))
        self.attach_button.setToolTip(self.tr("Прикрепить файлы (Ctrl+O); можно перетащить их в список"))
        self.detach_button.setToolTip(self.tr("Убрать выбранный файл (Delete)"))
        self.inn_edit.setToolTip(self.tr("ИНН и Enter: КПП и наименование из ЕГРЮЛ"))
        self.picker = OrganizationPicker(self.services, self.inn_edit, self.branch_combo, parent=self)
        self._build_completers()
        self._connect()

    def _build_completers(self) -> None:
        self._org_model = QStandardItemModel(self)
        self.organization_completer = QCompleter(self._org_model, self)
        self.organization_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.organization_completer.setWidget(self.organization_edit)
        self.organization_completer.activated[QModelIndex].connect(self._organization_activated)
        self._contact_model = QStringListModel(self)
        self.applicant_completer = QCompleter(self._contact_model, self)
        self.applicant_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.applicant_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.applicant_edit.setCompleter(self.applicant_completer)
        self.applicant_completer.activated[str].connect(self._applicant_chosen)

    def _connect(self) -> None:
        self.inn_edit.returnPressed.connect(self.lookup)
        self.picker.found.connect(self._show_lookup)
        self.picker.failed.connect(lambda message: self.say(message, error=True))
        self.picker.chosen.connect(self._branch_chosen)
        self.organization_edit.textEdited.connect(self._organization_typed)
        self.applicant_edit.textEdited.connect(self._applicant_typed)
        self.email_edit.editingFinished.connect(self._check_email)
        self.phone_edit.editingFinished.connect(self._check_phone)
        self.phone_edit.installEventFilter(self)
        self.complex_combo.currentIndexChanged.connect(self._complex_changed)
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
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.attach_button.clicked.connect(self.choose_files)
        self.detach_button.clicked.connect(self.detach_selected)
        self.files_list.viewport().installEventFilter(self)  # a list's drops arrive at its viewport
        self.files_list.setAcceptDrops(True)
        self.setAcceptDrops(True)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+O"), self, activated=self.choose_files)
        QShortcut(QKeySequence("Escape"), self, activated=self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.files_list, activated=self.detach_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._count()

    # --- loading --------------------------------------------------------------------------------

    def _catalog_read(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._fill(self.complex_combo, catalog.complexes)
        self._fill(self.channel_combo, catalog.channels)
        self._fill(self.priority_combo, catalog.priorities)
        self._apply_type_rule(announce=False)
        if self._pending_draft:
            self.restore(self._pending_draft)
        self._pending_draft = None
        self._loading = False
        self.ready.emit()

    @staticmethod
    def _fill(combo: QComboBox, choices: list[Choice], keep: str | None = None) -> None:
        combo.blockSignals(True)
        combo.clear()
        for choice in choices:
            combo.addItem(choice.label, choice.code)
        combo.setCurrentIndex(combo.findData(keep) if keep is not None else -1)
        combo.blockSignals(False)
        combo.currentIndexChanged.emit(combo.currentIndex())

    # --- organization (T2, T6, T7) -------------------------------------------------------------

    def _organization_typed(self, text: str) -> None:
        if self.organization is not None and text != self.organization.label:
            self._set_organization(None, keep_text=True)
        if self._manual_inn and text.strip():  # typed by hand: created on save, checked in EGRUL on sync
            name = text.strip()
            choice = OrganizationChoice(None, name, self._manual_inn,
                                        new_record={"inn": self._manual_inn, "name": name})
            self._set_organization(choice, keep_text=True)
            return
        directory, day = self.services.directory, self._today()
        self._latest_orgs.run(Op(lambda _s: find_organizations(directory, text, day), Lane.QUERY)
                              .success(self._show_organizations))

    def _show_organizations(self, found: list[OrganizationChoice]) -> None:
        self._org_model.clear()
        for choice in found:
            item = QStandardItem(choice.label)
            item.setData(choice, Qt.ItemDataRole.UserRole)
            self._org_model.appendRow(item)
        if found and self.organization_edit.hasFocus():
            self.organization_completer.complete()
        self.organizations_found.emit(found)

    def _organization_activated(self, index: Any) -> None:
        choice = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(choice, OrganizationChoice):
            self._set_organization(choice)
            self.applicant_edit.setFocus()

    def choose_organization(self, choice: OrganizationChoice) -> None:
        self._set_organization(choice)

    def _set_organization(self, choice: OrganizationChoice | None, *, keep_text: bool = False) -> None:
        previous = self.organization
        self.organization = choice
        set_missing(self.organization_edit, choice is None)
        if choice is not None and not keep_text:
            self.organization_edit.setText(choice.label)
            self.organization_edit.setCursorPosition(0)
        if choice is not None and choice.inn and self.inn_edit.text() != choice.inn:
            self.inn_edit.setText(choice.inn)
        self.kpp_value.setText(choice.kpp if choice else "")
        self.customer_value.setText(choice.customer_name if choice and choice.customer_name else
                                    (self.tr("нет (своего контракта нет)") if choice and choice.id else ""))
        self._paint_complexes()
        self._apply_type_rule()
        if (previous.id if previous else None) != (choice.id if choice else None):
            self.contact_id = None
            self._contacts = []
            self._contact_model.setStringList([])
            if choice is not None and choice.id is not None:
                directory, org_id = self.services.directory, choice.id
                Op(lambda _s: contacts_of(directory, org_id), Lane.QUERY).success(self._contacts_read) \
                    .run(self.services.tasks)

    def _contacts_read(self, contacts: list[dict[str, Any]]) -> None:
        self._contacts = contacts
        self._contact_model.setStringList([str(c["full_name"]) for c in contacts])

    def lookup(self) -> None:
        """T2: «Организация ИНН» + Enter — the directory first, then EGRUL through the server."""
        def started(inn: str) -> None:
            self._manual_inn = ""
            self.say(self.tr("Поиск организации с ИНН %s…") % inn)

        self.picker.lookup(started=started)

    def _show_lookup(self, result: Lookup | None) -> None:
        day = self._today()
        if result is None:  # failed: the picker said why
            pass
        elif result.outcome is Outcome.EXISTS:
            records = result.existing
            self._offer_branches([(f"{self.tr('КПП')} {r.get('kpp') or '—'} — {r['name']}",
                                   organization_choice(self.services.directory, r, day)) for r in records])
            self.say(self.tr("Организация найдена в справочнике «Клиенты»."))
        elif result.outcome in (Outcome.FOUND, Outcome.CHOOSE):
            options = []
            for party in result.parties:
                existing = result.existing_for(party)
                choice = (organization_choice(self.services.directory, existing, day) if existing else
                          OrganizationChoice(None, party.name, party.inn, party.kpp,
                                             new_record=_party_record(party)))
                kind = self.tr("филиал") if party.branch else self.tr("головная организация")
                options.append((f"{self.tr('КПП')} {party.kpp or '—'} — {party.name} ({kind})", choice))
            self._offer_branches(options)
            closed = [p for p in result.parties if p.closed]
            if closed and len(result.parties) == 1:
                self.say(self.tr("Внимание: по данным ЕГРЮЛ организация ликвидирована или закрывается."),
                         error=True)
            else:
                self.say(result.message or self.tr("Данные заполнены из ЕГРЮЛ."))
        else:
            self._manual_inn = self.inn_edit.text()
            self._set_organization(None, keep_text=True)
            self.organization_edit.clear()
            self.say(result.message, error=True)
            self.organization_edit.setFocus()
        self.lookup_finished.emit(result)

    def _offer_branches(self, options: list[tuple[str, OrganizationChoice]]) -> None:
        self.picker.offer(options)
        (self.branch_combo if len(options) > 1 else self.applicant_edit).setFocus()

    def _branch_chosen(self, choice: object) -> None:
        if isinstance(choice, OrganizationChoice):
            self._set_organization(choice)

    # --- applicant (T3, T4) ---------------------------------------------------------------------

    def _applicant_typed(self, _text: str) -> None:
        self.contact_id = None  # typed by hand: becomes a contact on save (without a duplicate)

    def _applicant_chosen(self, name: str) -> None:
        contact = next((c for c in self._contacts if c["full_name"] == name), None)
        if contact is None:
            return
        self.contact_id = str(contact["id"])
        self.email_edit.setText(str(contact.get("email") or ""))
        phone = str(contact.get("phone") or "")
        self.phone_edit.setText(format_phone(phone, str(contact.get("phone_ext") or "")) if phone else "")

    def _check_email(self) -> bool:
        text = self.email_edit.text().strip()
        if not text:
            return True
        try:
            normalize_email(text)
        except InvalidIdentifier as exc:
            self.say(exc.message, error=True)  # the text stays as typed, to be corrected
            return False
        return True

    def _check_phone(self) -> bool:
        text = self.phone_edit.text().strip()
        if not text or text == "+7":
            return True
        try:
            phone = parse_phone(text)
        except InvalidIdentifier as exc:
            self.say(exc.message, error=True)
            return False
        self.phone_edit.setText(format_phone(phone.number, phone.extension))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.phone_edit and event.type() == QEvent.Type.FocusIn and not self.phone_edit.text():
            QTimer.singleShot(0, lambda: self.phone_edit.setText("+7 ") if not self.phone_edit.text() else None)
        if watched is self.files_list.viewport() and self._dropped(event):
            return True
        return super().eventFilter(watched, event)

    def _dropped(self, event: QEvent) -> bool:
        """T12: files dragged from the file manager onto the list are attached."""
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            drag = cast(QDropEvent, event)
            if drag.mimeData().hasUrls():
                drag.acceptProposedAction()
                return True
        if event.type() == QEvent.Type.Drop:
            drop = cast(QDropEvent, event)
            paths = [url.toLocalFile() for url in drop.mimeData().urls() if url.isLocalFile()]
            drop.acceptProposedAction()
            self.add_files(paths)
            return True
        return False

    # --- complexes and types (T7, T8) -------------------------------------------------------------

    def _covered(self) -> frozenset[str]:
        return self.organization.covered if self.organization else frozenset()

    def _paint_complexes(self) -> None:
        covered = self._covered()
        model = self.complex_combo.model()
        for row in range(self.complex_combo.count()):
            green = self.complex_combo.itemData(row) in covered
            brush = QBrush(QColor(COVERED_COLOR)) if green else None  # None: the list's own white
            model.setData(model.index(row, 0), brush, Qt.ItemDataRole.BackgroundRole)
        if self.organization is None:
            self.contract_label.setText("")
        elif not covered:
            self.contract_label.setText(rules.NO_CONTRACT_HINT)
        else:
            self.contract_label.setText(self.tr("Зелёным выделены комплексы, на которые у заказчика есть "
                                                "действующий контракт."))

    def _complex_changed(self, _index: int) -> None:
        complex_id = self.complex_combo.currentData()
        components = self.catalog.components.get(complex_id, []) if self.catalog and complex_id else []
        self._fill(self.component_combo, components)
        self.component_combo.setEnabled(bool(components))
        self._apply_type_rule()

    def _apply_type_rule(self, announce: bool = True) -> None:
        """T8: the types the contract allows for the chosen complex; a type no longer allowed is reset,
        and the operator is told."""
        if self.catalog is None:
            return
        covered = self.complex_combo.currentData() in self._covered()
        allowed = [str(t) for t in rules.allowed_types(covered)]
        choices = [c for c in self.catalog.types if c.code in allowed]
        current = self.type_combo.currentData()
        keep = current if current in allowed else None
        if keep is None and len(choices) == 1 and self.complex_combo.currentIndex() >= 0:
            keep = choices[0].code  # the only type there is (the seed: «по умолчанию — консультация»)
        self._fill(self.type_combo, choices, keep)
        if announce and current is not None and current not in allowed:
            label = choices[0].label if choices else ""
            self.say(self.tr("Вид обращения изменён на «%s»: на выбранный комплекс нет действующего контракта.")
                     % label, error=True)

    # --- counters, messages ----------------------------------------------------------------------

    def _count(self) -> None:
        subject, text = len(self.subject_edit.text()), len(self.text_edit.toPlainText())
        self.subject_counter.setText(f"{subject}/{MAX_SUBJECT}")
        self.text_counter.setText(f"{text}/{MAX_TICKET_TEXT}")
        self.text_counter.setStyleSheet(f"color: {WARNING_COLOR};" if text > MAX_TICKET_TEXT else "")

    def say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"color: {WARNING_COLOR};" if error else "")

    # --- files (T12) ------------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Прикрепить файлы"))
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """T12: keep a local copy of each file (so the draft has it even if the original goes), or
        say why it is refused (over 50 MB: named with its size); the rest are kept."""
        screening = screen(paths)
        if screening.refused:
            self.say("\n".join(screening.refused), error=True)
        if not screening.accepted:
            return
        files, accepted = self.local_files, list(screening.accepted)

        def keep(_state: Any) -> tuple[list[KeptFile], list[str]]:
            kept, refused = [], []
            for path in accepted:
                try:
                    kept.append(files.keep(path))
                except AttachmentRefused as exc:
                    refused.append(exc.message)
            return kept, refused

        self.attach_button.setEnabled(False)
        Op(keep, Lane.NETWORK).success(self._files_kept).failure(self._files_failed) \
            .with_progress(self.tr("Копирование файлов…")).run(self.services.tasks)

    def _files_kept(self, result: tuple[list[KeptFile], list[str]]) -> None:
        kept, refused = result
        self.attach_button.setEnabled(True)
        known = {f["sha256"] for f in self.files}
        for file in kept:
            if file.sha256 in known:
                continue  # the same file twice is attached once
            entry = file.as_dict()
            self.files.append(entry)
            self._show_file(entry)
            known.add(file.sha256)
        if refused:
            self.say("\n".join(refused), error=True)
        self._changed()
        self.files_changed.emit(list(self.files))

    def _files_failed(self, exc: BaseException) -> None:
        self.attach_button.setEnabled(True)
        raise exc

    def detach_selected(self) -> None:
        row = self.files_list.currentRow()
        if 0 <= row < len(self.files):
            del self.files[row]
            self.files_list.takeItem(row)
            self._changed()

    def _show_file(self, entry: dict[str, Any]) -> None:
        self.files_list.addItem(QListWidgetItem(f"{entry['file_name']} ({format_size(entry['size'])})"))

    # --- the draft (T15) ---------------------------------------------------------------------------

    def draft(self) -> TicketDraft:
        return TicketDraft(
            organization=self.organization, contact_id=self.contact_id, applicant_name=self.applicant_edit.text(),
            email=self.email_edit.text(), phone="" if self.phone_edit.text().strip() == "+7" else
            self.phone_edit.text(), complex_id=self.complex_combo.currentData(),
            component_id=self.component_combo.currentData(), ticket_type=self.type_combo.currentData(),
            channel=self.channel_combo.currentData(), priority=self.priority_combo.currentData(),
            subject=self.subject_edit.text(), text=self.text_edit.toPlainText(),
            system_info=self.system_info_edit.toPlainText(), files=list(self.files),
        )

    def snapshot(self) -> dict[str, Any]:
        """Everything on the form, as the draft keeps it."""
        org = self.organization
        return {
            "inn": self.inn_edit.text(), "organization_text": self.organization_edit.text(),
            "manual_inn": self._manual_inn,
            "organization": None if org is None else {
                "id": org.id, "name": org.name, "inn": org.inn, "kpp": org.kpp, "customer_name": org.customer_name,
                "covered": sorted(org.covered), "new_record": org.new_record},
            "contact_id": self.contact_id, "applicant": self.applicant_edit.text(), "email": self.email_edit.text(),
            "phone": self.phone_edit.text(), "complex_id": self.complex_combo.currentData(),
            "component_id": self.component_combo.currentData(), "ticket_type": self.type_combo.currentData(),
            "channel": self.channel_combo.currentData(), "priority": self.priority_combo.currentData(),
            "subject": self.subject_edit.text(), "text": self.text_edit.toPlainText(),
            "system_info": self.system_info_edit.toPlainText(), "files": list(self.files),
        }

    def restore(self, data: dict[str, Any]) -> None:
        self._loading = True
        self.inn_edit.setText(data.get("inn", ""))
        self._manual_inn = data.get("manual_inn", "")
        org = data.get("organization")
        if org:
            choice = OrganizationChoice(org["id"], org["name"], org.get("inn", ""), org.get("kpp", ""),
                                        org.get("customer_name", ""), frozenset(org.get("covered", [])),
                                        org.get("new_record"))
            self._set_organization(choice)
        self.organization_edit.setText(data.get("organization_text", ""))
        self.applicant_edit.setText(data.get("applicant", ""))
        self.contact_id = data.get("contact_id")
        self.email_edit.setText(data.get("email", ""))
        self.phone_edit.setText(data.get("phone", ""))
        for combo, key in ((self.complex_combo, "complex_id"), (self.component_combo, "component_id"),
                           (self.type_combo, "ticket_type"), (self.channel_combo, "channel"),
                           (self.priority_combo, "priority")):
            if data.get(key) is not None:
                combo.setCurrentIndex(combo.findData(data[key]))
        self.subject_edit.setText(data.get("subject", ""))
        self.text_edit.setPlainText(data.get("text", ""))
        self.system_info_edit.setPlainText(data.get("system_info", ""))
        self.files = list(data.get("files", []))
        self.files_list.clear()
        for entry in self.files:
            self._show_file(entry)
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
        missing = self.missing_fields()
        if missing:  # T1: name every missing field, go to the first
            self.say(rules.missing_message(missing), error=True)
            self.field_widgets[missing[0]].setFocus()
            return
        if not self._check_email():
            self.email_edit.setFocus()
            return
        if not self._check_phone():
            self.phone_edit.setFocus()
            return
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
            self.field_widgets[field].setFocus()

    # --- closing --------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self.organization is None and not any(
            (self.inn_edit.text(), self.applicant_edit.text(), self.subject_edit.text(),
             self.text_edit.toPlainText(), self.files))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._autosave.stop()
        if self._saving or self.is_empty():
            if not self._saving:
                Op(lambda _s: self.drafts.delete(self.draft_id), Lane.DB).run(self.services.tasks)
            event.accept()
            return
        self._dirty = True
        self.save_draft()  # the draft stays and reopens at the next start
        event.accept()


def missing_widgets(form: TicketForm) -> list[QWidget]:
    """The required fields shown as empty (yellow), as the operator sees them."""
    return [w for w in form.field_widgets.values() if is_missing(w)]
