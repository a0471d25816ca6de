"""«Клиенты»: the Clients directory, from the Navigator. Organizations searched offline as you type
(name, INN, KPP — latest request wins), the selected one's card with its customer and contracts (T6)
and its contacts (T3). Everything is read from the cache on worker threads."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.cache import CustomerInfo
from ksdesk_desktop.i18n import format_phone, registry_status
from ksdesk_desktop.ops import Lane, Latest, Op
from ksdesk_desktop.ui import icons
from ksdesk_desktop.ui.contact_dialog import ContactDialog
from ksdesk_desktop.ui.icons import list_icon
from ksdesk_desktop.ui.keys import shortcut
from ksdesk_desktop.ui.organization_dialog import OrganizationDialog
from ksdesk_desktop.ui.record_model import WARNING_COLOR, Column, RecordTableModel
from ksdesk_desktop.ui.services import Services
from ksdesk_desktop.ui.table_view import CELL_ROOM, table_view, text_width
from sync.records import Kind
from sync.registry import CLOSED_STATUSES, RegistryStatus, status_of
from sync.tickets import contract_day

DIRECTORY_KINDS = frozenset({Kind.ORGANIZATION, Kind.CONTACT, Kind.CUSTOMER, Kind.CONTRACT})


def _closed(record: dict[str, Any]) -> bool:
    return status_of(record.get("registry_status")) in CLOSED_STATUSES


def _status(record: dict[str, Any]) -> str:
    status = status_of(record.get("registry_status"))
    return "" if status is RegistryStatus.ACTIVE else registry_status(status)


@dataclass(frozen=True)
class Card:
    """What the right-hand side shows for one organization (read on a worker)."""

    organization: dict[str, Any]
    customer: CustomerInfo | None
    complexes: dict[str, list[str]]  # contract id → names of the complexes it covers
    contact_ids: list[str]


class ClientsPage(QWidget):
    searched = Signal(int)  # how many organizations the last search found
    card_shown = Signal(str)  # the id of the organization whose card is shown

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clients")
        self.services = services
        self.dialog: OrganizationDialog | ContactDialog | None = None
        self._search = Latest(services.tasks, self)
        self._card = Latest(services.tasks, self)
        self._current: dict[str, Any] | None = None
        directory = services.directory

        clients = self.tr("Клиенты")
        title = QLabel(f"<h2>{clients}</h2>")
        title.setObjectName("clients_title")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("clients_search")
        self.search_edit.setPlaceholderText(self.tr("Поиск: наименование, ИНН или КПП (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.create_button = QPushButton(list_icon(icons.CREATE), self.tr("Создать"))
        self.create_button.setObjectName("create_organization_button")
        self.create_button.setToolTip(self.tr("Новая организация (Ctrl+N)"))
        self.open_button = QPushButton(list_icon(icons.OPEN), self.tr("Открыть"))
        self.open_button.setObjectName("open_organization_button")
        self.open_button.setToolTip(self.tr("Открыть карточку (Enter)"))
        self.count_label = QLabel()
        self.count_label.setObjectName("clients_count")
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.create_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.count_label)

        self.organizations = RecordTableModel([
            Column(self.tr("Наименование"), lambda r: str(r.get("name", "")), _closed),
            Column(self.tr("ИНН"), lambda r: str(r.get("inn", ""))),
            Column(self.tr("КПП"), lambda r: str(r.get("kpp", ""))),
            Column(self.tr("Статус"), _status, _closed),
        ], lambda ids: directory.records(Kind.ORGANIZATION, ids), self)
        self.organizations_view = table_view("organizations_view", self.organizations, 0, {1: 100, 2: 90, 3: 150})

        self.details = QLabel()
        self.details.setObjectName("organization_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.customer_details = QLabel()
        self.customer_details.setObjectName("customer_details")
        self.customer_details.setWordWrap(True)
        self.customer_details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.contacts = RecordTableModel([
            Column(self.tr("ФИО"), lambda r: str(r.get("full_name", ""))),
            Column(self.tr("Должность"), lambda r: str(r.get("position", ""))),
            Column(self.tr("E-mail"), lambda r: str(r.get("email", ""))),
            Column(self.tr("Телефон"), lambda r: format_phone(r.get("phone") or "", r.get("phone_ext") or "")),
        ], lambda ids: directory.records(Kind.CONTACT, ids), self)
        # issue 22: every column in view at 1280×720 — the name takes what the others leave, a phone is whole
        phone_width = text_width(QFontMetrics(self.font()), [format_phone("+74852752529")], CELL_ROOM)
        self.contacts_view = table_view("contacts_view", self.contacts, 0, {1: 100, 2: 150, 3: phone_width})
        self.add_contact_button = QPushButton(list_icon(icons.ADD_CONTACT), self.tr("Добавить контакт"))
        self.add_contact_button.setObjectName("add_contact_button")
        self.add_contact_button.setToolTip(self.tr("Новый контакт организации (Ctrl+Shift+N)"))
        self.add_contact_button.setEnabled(False)
        contacts_bar = QHBoxLayout()
        contacts = self.tr("Контакты")
        contacts_bar.addWidget(QLabel(f"<b>{contacts}</b>"))
        contacts_bar.addStretch(1)
        contacts_bar.addWidget(self.add_contact_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.customer_details)
        right_layout.addLayout(contacts_bar)
        right_layout.addWidget(self.contacts_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.organizations_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.search_edit.textChanged.connect(self.search)
        self.search_edit.returnPressed.connect(self.organizations_view.setFocus)
        self.create_button.clicked.connect(lambda: self.open_organization(None))
        self.open_button.clicked.connect(self.open_selected)
        self.organizations_view.doubleClicked.connect(lambda _i: self.open_selected())
        self.organizations_view.activated.connect(lambda _i: self.open_selected())
        self.organizations_view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.contacts_view.doubleClicked.connect(self._open_contact_at)
        self.contacts_view.activated.connect(self._open_contact_at)
        self.add_contact_button.clicked.connect(lambda: self.open_contact(None))
        shortcut(self, "Ctrl+F", self._focus_search)
        shortcut(self, "Ctrl+N", lambda: self.open_organization(None))
        shortcut(self, "Ctrl+Shift+N", lambda: self.open_contact(None))
        services.sync.records_changed.connect(self._records_changed)
        self.search()

    # --- search --------------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def search(self) -> None:
        query = self.search_edit.text()
        directory = self.services.directory
        self._search.run(Op(lambda _s: directory.organization_ids(query), Lane.QUERY).success(self._found))

    def _found(self, ids: list[str]) -> None:
        keep = self._current["id"] if self._current else None
        self.organizations.set_ids(ids)
        self.count_label.setText(self.tr("Найдено: %n", "", len(ids)))
        row = self.organizations.row_of(keep) if keep else -1
        if row < 0 and ids:
            row = 0
        if row >= 0:
            self.organizations_view.selectRow(row)
        else:
            self._show_card(None)
        self.searched.emit(len(ids))

    def _records_changed(self, kinds: set[Kind]) -> None:
        if kinds & DIRECTORY_KINDS:
            self.search()
            if self._current is not None:
                self._load_card(self._current["id"])

    # --- the card ------------------------------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self.organizations.id_at(current.row())
        if record_id is not None:
            self._load_card(record_id)

    def _load_card(self, record_id: str) -> None:
        directory = self.services.directory

        def read(_s: Any) -> Card | None:
            organization = directory.get(Kind.ORGANIZATION, record_id)
            if organization is None:
                return None
            customer = directory.customer_of(organization)
            complexes = {c.id: directory.complex_names(sorted(c.complex_ids)) for c in customer.contracts} \
                if customer else {}
            return Card(organization, customer, complexes, directory.contact_ids(record_id))

        self._card.run(Op(read, Lane.QUERY).success(self._show_card))

    def _show_card(self, card: Card | None) -> None:
        self._current = card.organization if card else None
        self.add_contact_button.setEnabled(card is not None)
        if card is None:
            self.details.setText(self.tr("Выберите организацию в списке."))
            self.customer_details.setText("")
            self.contacts.set_ids([])
            return
        o = card.organization
        e = html.escape
        status = status_of(o.get("registry_status"))
        colour = WARNING_COLOR if status in CLOSED_STATUSES else "#1f3b5a"
        inn, kpp, ogrn = self.tr("ИНН"), self.tr("КПП"), self.tr("ОГРН")
        lines = [
            f"<h3 style='margin:0'>{e(o['name'])}</h3>",
            f"<div>{e(o.get('full_name') or '')}</div>",
            f"<div>{inn} <b>{e(o['inn'])}</b>"
            + (f" &nbsp; {kpp} <b>{e(o['kpp'])}</b>" if o.get("kpp") else "")
            + (f" &nbsp; {ogrn} <b>{e(o['ogrn'])}</b>" if o.get("ogrn") else "") + "</div>",
            f"<div>{e(o.get('address') or '')}</div>",
            f"<div style='color:{colour}'>{e(registry_status(status))}</div>",
        ]
        if o.get("local"):
            pending = self.tr("Есть изменения, ещё не отправленные на сервер.")
            lines.append(f"<div style='color:#8a6d00'>{pending}</div>")
        self.details.setText("".join(lines))
        self.customer_details.setText(self._customer_html(o, card))
        self.contacts.set_ids(card.contact_ids)
        self.card_shown.emit(o["id"])

    def _customer_html(self, organization: dict[str, Any], card: Card) -> str:
        e = html.escape
        customer = card.customer
        if customer is None:
            return self.tr("<b>Заказчик:</b> нет — контракта на сопровождение нет")
        own = customer.organization is not None and customer.organization["id"] == organization["id"]
        holder = self.tr("сама организация") if own else e(customer.name)
        lines = [self.tr("<b>Заказчик:</b> %s") % holder]
        today, contract_word = contract_day(), self.tr("Контракт")
        for contract in customer.contracts:
            valid = contract.valid_on(today)
            state = self.tr("действует") if valid else self.tr("не действует")
            partner = self.tr(", партнёр %s") % e(contract.partner) if contract.partner else ""
            names = ", ".join(e(n) for n in card.complexes.get(contract.id, []))
            lines.append(
                f"<div style='color:{'#1b5e20' if valid else '#777'}'>{contract_word} {e(contract.number)}"
                f"{partner}: {contract.valid_from:%d.%m.%Y}–{contract.valid_to:%d.%m.%Y}, {state}"
                f"<br><small>{names}</small></div>"
            )
        return "".join(lines)

    # --- opening cards -------------------------------------------------------------------------

    def selected_organization(self) -> dict[str, Any] | None:
        index = self.organizations_view.currentIndex()
        return self.organizations.record(index.row()) if index.isValid() else None

    def open_selected(self) -> None:
        record = self.selected_organization()
        if record is not None:
            self.open_organization(record)

    def open_organization(self, record: dict[str, Any] | None) -> OrganizationDialog:
        dialog = OrganizationDialog(self.services, record, self)
        dialog.saved.connect(self.show_organization)
        dialog.open_existing.connect(self._open_existing_organization)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_existing_organization(self, record_id: str) -> None:
        self.show_organization(record_id)
        record = self.services.directory.get(Kind.ORGANIZATION, record_id)
        if record is not None:
            self.open_organization(record)

    def show_organization(self, record_id: str) -> None:
        """Select an organization in the list (clearing a search that hides it)."""
        row = self.organizations.row_of(record_id)
        if row >= 0:
            self.organizations_view.selectRow(row)
            return
        self._current = {"id": record_id}
        if self.search_edit.text():
            self.search_edit.clear()  # searches again and keeps the current one selected
        else:
            self.search()

    def _open_contact_at(self, index: QModelIndex) -> None:
        record = self.contacts.record(index.row())
        if record is not None:
            self.open_contact(record)

    def open_contact(self, record: dict[str, Any] | None) -> ContactDialog | None:
        if self._current is None or "name" not in self._current:
            return None
        dialog = ContactDialog(self.services, self._current, record, self)
        dialog.saved.connect(lambda _id: self._load_card(self._current["id"]) if self._current else None)
        dialog.open_existing.connect(self._open_existing_contact)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_existing_contact(self, record_id: str) -> None:
        record = self.services.directory.get(Kind.CONTACT, record_id)
        if record is not None:
            self.open_contact(record)
