"""«Организация»: a card of the Clients directory. Typing the INN and pressing Enter looks it up —
the local directory first (T5: an organization that is already there is offered, never doubled),
then the state registry (EGRUL) through the server (T2); offline the name is typed by hand and the
server checks it against the registry when the record reaches it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.lookup import Lookup, Outcome, checked
from ksdesk_desktop.i18n import registry_status
from ksdesk_desktop.ui.organization_picker import OrganizationPicker
from ksdesk_desktop.ui.record_dialog import RecordDialog
from ksdesk_desktop.ui.record_model import WARNING_COLOR
from ksdesk_desktop.ui.required import mark_required
from ksdesk_desktop.ui.services import Services
from sync.identifiers import InvalidIdentifier
from sync.records import Kind
from sync.registry import CLOSED_STATUSES, Party, RegistryStatus, status_of

FIELDS = ("inn", "kpp", "ogrn", "name", "full_name", "address")


def _ru_date(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


class OrganizationDialog(RecordDialog):
    lookup_finished = Signal(object)  # a Lookup, once shown

    def __init__(self, services: Services, record: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, Kind.ORGANIZATION, record, self.tr("Открыть существующую"), parent)
        self.setObjectName("organization_dialog")
        self.setWindowTitle(self.tr("Организация") if record is None else record["name"])
        self.setMinimumWidth(620)
        form = QFormLayout()
        labels = {
            "inn": self.tr("Организация ИНН"), "kpp": self.tr("КПП"), "ogrn": self.tr("ОГРН"),
            "name": self.tr("Наименование"), "full_name": self.tr("Полное наименование"), "address": self.tr("Адрес"),
        }
        for name in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"{name}_edit")
            self.edits[name] = edit
        self.edits["inn"].setPlaceholderText(self.tr("10 или 12 цифр; Enter — поиск в ЕГРЮЛ"))
        self.edits["inn"].setMaxLength(14)
        self.edits["kpp"].setMaxLength(11)
        self.edits["ogrn"].setMaxLength(17)
        self.lookup_button = QPushButton(self.tr("Найти в ЕГРЮЛ"))
        self.lookup_button.setObjectName("lookup_button")
        self.lookup_button.setToolTip(self.tr("Поиск по ИНН в справочнике и в ЕГРЮЛ (Enter в поле ИНН)"))
        inn_row = QHBoxLayout()
        inn_row.addWidget(self.edits["inn"], 1)
        inn_row.addWidget(self.lookup_button)
        form.addRow(labels["inn"], inn_row)
        self.branch_combo = QComboBox()
        self.branch_combo.setObjectName("branch_combo")
        form.addRow("", self.branch_combo)
        for name in FIELDS[1:]:
            form.addRow(labels[name], self.edits[name])
        self.status_label = QLabel()
        self.status_label.setObjectName("registry_status")
        form.addRow(self.tr("Статус в ЕГРЮЛ"), self.status_label)
        self.customer_label = QLabel("—")
        self.customer_label.setObjectName("customer_label")
        self.customer_label.setWordWrap(True)
        form.addRow(self.tr("Заказчик"), self.customer_label)

        self.lookup_button.setAutoDefault(False)  # Enter in the INN field looks up, nothing else
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)

        mark_required(self.edits["inn"], self.edits["name"])
        self.picker = OrganizationPicker(services, self.edits["inn"], self.branch_combo, kpp_edit=self.edits["kpp"],
                                         parent=self)
        self.picker.found.connect(self._show_lookup)
        self.picker.failed.connect(lambda message: self.say(message, error=True))
        self.picker.chosen.connect(self._branch_chosen)
        self.edits["inn"].returnPressed.connect(self.lookup)
        self.lookup_button.clicked.connect(self.lookup)
        if record is not None:
            self._fill_record(record)
        self.lock_fields()  # who may set which field: sync.roles (the customer is shown, never edited here)

    # --- showing -------------------------------------------------------------------------------

    def _fill_record(self, record: dict[str, Any]) -> None:
        for name in FIELDS:
            self.edits[name].setText(str(record.get(name) or ""))
        self._show_status(status_of(record.get("registry_status")))
        customer = self.services.directory.customer_of(record)
        self.customer_label.setText(customer.name if customer else self.tr("нет (своего контракта нет)"))

    def _show_status(self, status: RegistryStatus | None, liquidated: date | None = None) -> None:
        if status is None:
            self.status_label.setText("")
            return
        text = registry_status(status)
        if liquidated:
            text += f" ({_ru_date(liquidated)})"
        self.status_label.setText(text)
        closed = status in CLOSED_STATUSES
        self.status_label.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold;" if closed else "")

    # --- lookup (T2) ---------------------------------------------------------------------------

    def lookup(self) -> None:
        def started(_inn: str) -> None:
            self.offer(None)
            self.say(self.tr("Поиск в ЕГРЮЛ…"))

        self.picker.lookup(self.record["id"] if self.record else None, started)

    def _show_lookup(self, result: Lookup | None) -> None:
        if result is None:  # failed: the picker said why
            pass
        elif result.outcome is Outcome.FOUND:
            self._fill_party(result.parties[0], result)
        elif result.outcome is Outcome.CHOOSE:
            self._choose(result)
        elif result.outcome is Outcome.EXISTS:
            self._choose_existing(result)
        else:
            self.say(result.message, error=result.outcome is Outcome.NOT_FOUND or bool(result.error_code))
            self._show_status(RegistryStatus.UNVERIFIED)
            self.edits["name"].setFocus()
        self.lookup_finished.emit(result)

    def _fill_party(self, party: Party, result: Lookup) -> None:
        values = {"inn": party.inn, "kpp": party.kpp, "ogrn": party.ogrn, "name": party.name,
                  "full_name": party.full_name, "address": party.address}
        for name, value in values.items():
            self.edits[name].setText(value)
            self.edits[name].setCursorPosition(0)  # long names and addresses show their beginning
        self._show_status(party.status, party.liquidation_date)
        existing = result.existing_for(party)
        if existing is not None:
            self.say(self.tr("Эта организация уже есть в справочнике: %s. Откройте её, а не создавайте новую.")
                     % existing["name"], error=True)
            self.offer(existing)
        elif party.closed:
            self.say(self.tr("Внимание: по данным ЕГРЮЛ организация — «%s».") % registry_status(party.status),
                     error=True)
        else:
            self.say(self.tr("Данные заполнены из ЕГРЮЛ."))

    def _choose(self, result: Lookup) -> None:
        options, kpp = [], self.tr("КПП")
        for party in result.parties:
            kind = self.tr("филиал") if party.branch else self.tr("головная организация")
            mark = self.tr(", в справочнике") if result.existing_for(party) else ""
            options.append((f"{kpp} {party.kpp} — {party.name} ({kind}{mark})", (party, result)))
        self.say(result.message)
        self.picker.offer(options)
        self.branch_combo.setFocus()

    def _choose_existing(self, result: Lookup) -> None:
        self.say(result.message, error=True)
        kpp = self.tr("КПП")
        self.picker.offer([(f"{kpp} {record.get('kpp') or '—'} — {record['name']}", record)
                           for record in result.existing])
        self.existing_button.setFocus()

    def _branch_chosen(self, data: object) -> None:
        if isinstance(data, tuple):
            party, result = data
            self.offer(None)
            self._fill_party(party, result)
        elif isinstance(data, dict):
            self.offer(data)

    # --- saving --------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return {name: self.edits[name].text().strip() for name in FIELDS}

    def save(self) -> None:
        data = self.values()
        try:
            inn, kpp = checked(data["inn"], data["kpp"])
        except InvalidIdentifier as exc:
            self.refuse(exc.message, exc.field)
            return
        exclude = self.record["id"] if self.record else None
        existing = self.services.directory.find_organization(inn, kpp, exclude=exclude)
        if existing is not None:  # T5: offer the record that exists
            self.refuse(self.tr("Организация с ИНН %s%s уже есть в справочнике: %s.") % (
                inn, self.tr(" и КПП %s") % kpp if kpp else "", existing["name"]), "inn")
            self.offer(existing)
            return
        self.store(data)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.edits["inn"].hasFocus():
            return  # Enter does not close the card (QDialog's default); Ctrl+S saves
        super().keyPressEvent(event)
