"""«Программные комплексы», «Контракты» and «Списки», opened from the Navigator (issue 5): reference data
read from the cache on worker threads, in tables that hold only ids. A supervisor adds, changes and
deletes; everyone else reads — the buttons that would change something are off and say why, and a
double-click opens a read-only card."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.ops import Lane, Latest, Op
from ksdesk_desktop.ui import icons
from ksdesk_desktop.ui.icons import list_icon
from ksdesk_desktop.ui.record_model import Column, RecordTableModel
from ksdesk_desktop.ui.reference_dialogs import (
    ComplexDialog,
    ComponentDialog,
    ContractDialog,
    ListItemDialog,
    ReferenceDialog,
    list_title,
    only_supervisor,
)
from ksdesk_desktop.ui.services import Services
from ksdesk_desktop.ui.table_view import table_view
from sync.protocol import Operation
from sync.records import Kind
from sync.reference import ListKind
from sync.roles import Permission, may
from sync.tickets import contract_day

Record = dict[str, Any]

BUTTON_ICONS = {"add": icons.CREATE, "open": icons.OPEN, "delete": icons.DELETE, "edit": icons.EDIT}


def confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, QCoreApplication.translate("ReferencePage", "Удаление"), question)
    return answer == QMessageBox.StandardButton.Yes


def _day(value: Any) -> str:
    return date.fromisoformat(str(value)).strftime("%d.%m.%Y") if value else ""


class ReferencePage(QWidget):
    """What the three pages share: a title, buttons that change the data (a supervisor's), the current
    dialog, reading again when the records change, and deleting after a question."""

    loaded = Signal()  # the page shows the cache as it is now
    kinds: frozenset[Kind] = frozenset()

    def __init__(self, services: Services, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.services = services
        self.title = title
        self.dialog: ReferenceDialog | None = None
        self.edit_buttons: list[QPushButton] = []
        self.title_label = QLabel(f"<h2>{title}</h2>")
        self.title_label.setObjectName(f"{name}_title")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.title_label)
        services.connection.changed.connect(self._update_rights)
        services.sync.records_changed.connect(self._records_changed)

    @property
    def editable(self) -> bool:
        """Whether the logged-in user administers reference data (a supervisor)."""
        user = self.services.connection.user
        return user is not None and may(user.role, Permission.ADMIN_REFERENCE)

    def button(self, text: str, name: str, tip: str, slot: Any, *, edits: bool = True) -> QPushButton:
        """A command button, with the icon its name's verb calls for (``add_…``, ``open_…``, ``delete_…``,
        ``edit_…``)."""
        verb = name.split("_", 1)[0]
        button = QPushButton(list_icon(BUTTON_ICONS[verb]), text) if verb in BUTTON_ICONS else QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setProperty("tip", tip)
        button.clicked.connect(lambda _checked=False: slot())
        if edits:
            self.edit_buttons.append(button)
        return button

    def _update_rights(self) -> None:
        editable = self.editable
        for button in self.edit_buttons:
            button.setEnabled(editable)
            button.setToolTip(button.property("tip") if editable else only_supervisor())

    def _records_changed(self, kinds: set[Kind]) -> None:
        if kinds & self.kinds:
            self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def show_dialog(self, dialog: ReferenceDialog) -> ReferenceDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete(self, kind: Kind, record: Record | None, question: str) -> None:
        """Soft-delete a record (a supervisor's), after asking."""
        if record is None or not self.editable or not confirm(self, question):
            return
        self.services.sync.change(kind, record["id"], {}, Operation.DELETE)


def _selected(view: QTableView, model: RecordTableModel) -> Record | None:
    index = view.currentIndex()
    return model.record(index.row()) if index.isValid() else None


class ComplexesPage(ReferencePage):
    """The software complexes, and below them the components of the selected one."""

    kinds = frozenset({Kind.SOFTWARE_COMPLEX, Kind.COMPONENT})

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, "complexes", self.tr("Программные комплексы"), parent)
        directory = services.directory
        self._list: Latest[list[str]] = Latest(services.tasks, self)
        self._components: Latest[list[str]] = Latest(services.tasks, self)
        self.complexes = RecordTableModel([
            Column(self.tr("Код"), lambda r: str(r.get("code", ""))),
            Column(self.tr("Наименование"), lambda r: str(r.get("name", ""))),
            Column(self.tr("Порядок"), lambda r: str(r.get("sort_order", ""))),
        ], lambda ids: directory.records(Kind.SOFTWARE_COMPLEX, ids), self)
        self.complexes_view = table_view("complexes_view", self.complexes, 1, {0: 180, 2: 90})
        self.components = RecordTableModel([
            Column(self.tr("Компонент"), lambda r: str(r.get("name", ""))),
            Column(self.tr("Порядок"), lambda r: str(r.get("sort_order", ""))),
        ], lambda ids: directory.records(Kind.COMPONENT, ids), self)
        self.components_view = table_view("components_view", self.components, 0, {1: 90})

        self.add_complex_button = self.button(self.tr("Добавить комплекс"), "add_complex_button",
                                              self.tr("Новый программный комплекс"), lambda: self.open_complex(None))
        self.open_complex_button = self.button(self.tr("Открыть"), "open_complex_button",
                                               self.tr("Открыть карточку комплекса (Enter)"),
                                               lambda: self.open_complex(self.selected_complex()), edits=False)
        self.delete_complex_button = self.button(self.tr("Удалить"), "delete_complex_button",
                                                 self.tr("Удалить программный комплекс"), self.delete_complex)
        self.add_component_button = self.button(self.tr("Добавить компонент"), "add_component_button",
                                                self.tr("Новый компонент выбранного комплекса"),
                                                lambda: self.open_component(None))
        self.delete_component_button = self.button(self.tr("Удалить компонент"), "delete_component_button",
                                                   self.tr("Удалить выбранный компонент"), self.delete_component)
        bar = QHBoxLayout()
        for widget in (self.add_complex_button, self.open_complex_button, self.delete_complex_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        components_bar = QHBoxLayout()
        components = self.tr("Компоненты")
        components_bar.addWidget(QLabel(f"<b>{components}</b>"))
        components_bar.addStretch(1)
        components_bar.addWidget(self.add_component_button)
        components_bar.addWidget(self.delete_component_button)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 8, 0, 0)
        below_layout.addLayout(components_bar)
        below_layout.addWidget(self.components_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.complexes_view)
        splitter.addWidget(below)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(splitter, 1)

        views = ((self.complexes_view, self._open_complex_at), (self.components_view, self._open_component_at))
        for view, slot in views:
            view.doubleClicked.connect(slot)
            view.activated.connect(slot)
        self.complexes_view.selectionModel().currentRowChanged.connect(self._complex_changed)
        self._update_rights()
        self.reload()

    def reload(self) -> None:
        directory = self.services.directory
        self._list.run(Op(lambda _s: directory.complex_ids(), Lane.QUERY).success(self._show_complexes))

    def _show_complexes(self, ids: list[str]) -> None:
        keep = (self.selected_complex() or {}).get("id")
        self.complexes.set_ids(ids)
        row = self.complexes.row_of(keep) if keep else -1
        if row < 0 and ids:
            row = 0
        if row >= 0:
            self.complexes_view.selectRow(row)  # the components follow, then ``loaded``
        else:
            self.components.set_ids([])
            self.loaded.emit()

    def _complex_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        complex_id = self.complexes.id_at(current.row())
        if complex_id is None:
            return
        directory = self.services.directory
        self._components.run(Op(lambda _s: directory.component_ids(complex_id), Lane.QUERY)
                             .success(self._show_components))

    def _show_components(self, ids: list[str]) -> None:
        self.components.set_ids(ids)
        self.loaded.emit()

    def selected_complex(self) -> Record | None:
        return _selected(self.complexes_view, self.complexes)

    def selected_component(self) -> Record | None:
        return _selected(self.components_view, self.components)

    def _open_complex_at(self, index: QModelIndex) -> None:
        self.open_complex(self.complexes.record(index.row()))

    def _open_component_at(self, index: QModelIndex) -> None:
        self.open_component(self.components.record(index.row()))

    def open_complex(self, record: Record | None) -> ReferenceDialog | None:
        if record is None and not self.editable:
            return None
        return self.show_dialog(ComplexDialog(self.services, record, not self.editable, self))

    def open_component(self, record: Record | None) -> ReferenceDialog | None:
        complex_record = self.selected_complex()
        if complex_record is None or (record is None and not self.editable):
            return None
        return self.show_dialog(ComponentDialog(self.services, complex_record, record, not self.editable, self))

    def delete_complex(self) -> None:
        record = self.selected_complex()
        self.delete(Kind.SOFTWARE_COMPLEX, record, self.tr("Удалить программный комплекс «%s»?")
                    % (record or {}).get("name"))

    def delete_component(self) -> None:
        record = self.selected_component()
        self.delete(Kind.COMPONENT, record, self.tr("Удалить компонент «%s»?") % (record or {}).get("name"))


def _expired(record: Record) -> bool:
    valid_to = record.get("valid_to")
    return bool(valid_to) and date.fromisoformat(str(valid_to)) < contract_day()


class ContractsPage(ReferencePage):
    """The customers' contracts, filtered by the customer's name (or INN) as you type."""

    kinds = frozenset({Kind.CONTRACT, Kind.CUSTOMER, Kind.ORGANIZATION, Kind.SOFTWARE_COMPLEX})
    searched = Signal(int)  # how many contracts the last filter found

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, "contracts", self.tr("Контракты"), parent)
        self._search: Latest[list[str]] = Latest(services.tasks, self)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("contracts_search")
        self.search_edit.setPlaceholderText(self.tr("Заказчик: наименование или ИНН"))
        self.search_edit.setClearButtonEnabled(True)
        self.add_button = self.button(self.tr("Добавить контракт"), "add_contract_button",
                                      self.tr("Новый контракт"), lambda: self.open_contract(None))
        self.open_button = self.button(self.tr("Открыть"), "open_contract_button", self.tr("Открыть контракт (Enter)"),
                                       self.open_selected, edits=False)
        self.delete_button = self.button(self.tr("Удалить"), "delete_contract_button",
                                         self.tr("Удалить выбранный контракт"), self.delete_selected)
        self.count_label = QLabel()
        self.count_label.setObjectName("contracts_count")
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        for widget in (self.add_button, self.open_button, self.delete_button, self.count_label):
            bar.addWidget(widget)
        self.contracts = RecordTableModel([
            Column(self.tr("Заказчик"), lambda r: str(r.get("customer_name", ""))),
            Column(self.tr("Номер"), lambda r: str(r.get("number", ""))),
            Column(self.tr("Партнёр"), lambda r: str(r.get("partner", ""))),
            Column(self.tr("Действует с"), lambda r: _day(r.get("valid_from"))),
            Column(self.tr("Действует по"), lambda r: _day(r.get("valid_to")), _expired),
            Column(self.tr("Программные комплексы"), lambda r: ", ".join(r.get("complex_names") or ())),
        ], services.directory.contracts, self)
        self.contracts_view = table_view("contracts_view", self.contracts, 5,
                                         {0: 270, 1: 110, 2: 150, 3: 90, 4: 95})
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.contracts_view, 1)
        self.search_edit.textChanged.connect(self.reload)
        self.contracts_view.doubleClicked.connect(lambda _i: self.open_selected())
        self.contracts_view.activated.connect(lambda _i: self.open_selected())
        self._update_rights()
        self.reload()

    def reload(self) -> None:
        query, directory = self.search_edit.text(), self.services.directory
        self._search.run(Op(lambda _s: directory.contract_ids(query), Lane.QUERY).success(self._found))

    def _found(self, ids: list[str]) -> None:
        keep = (self.selected_contract() or {}).get("id")
        self.contracts.set_ids(ids)
        row = self.contracts.row_of(keep) if keep else -1
        if row >= 0:
            self.contracts_view.selectRow(row)
        self.count_label.setText(self.tr("Найдено: %n", "", len(ids)))
        self.searched.emit(len(ids))
        self.loaded.emit()

    def selected_contract(self) -> Record | None:
        return _selected(self.contracts_view, self.contracts)

    def open_selected(self) -> None:
        record = self.selected_contract()
        if record is not None:
            self.open_contract(record)

    def open_contract(self, record: Record | None) -> ReferenceDialog | None:
        if record is None and not self.editable:
            return None
        return self.show_dialog(ContractDialog(self.services, record, not self.editable, self))

    def delete_selected(self) -> None:
        record = self.selected_contract()
        self.delete(Kind.CONTRACT, record, self.tr("Удалить контракт %s заказчика «%s»?")
                    % ((record or {}).get("number"), (record or {}).get("customer_name")))


class ListsPage(ReferencePage):
    """The reference lists (ticket types, channels, priorities, statuses): codes are fixed, a
    supervisor changes their labels, order and use."""

    kinds = frozenset({Kind.LIST_ITEM})

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, "lists", self.tr("Списки"), parent)
        directory = services.directory
        self._list: Latest[list[str]] = Latest(services.tasks, self)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("list_kind_combo")
        self.kind_combo.addItem(self.tr("Все списки"), "")
        for kind in ListKind:
            self.kind_combo.addItem(list_title(kind), str(kind))
        self.edit_button = self.button(self.tr("Изменить"), "edit_list_item_button",
                                       self.tr("Изменить выбранный элемент списка (Enter)"), self.open_selected)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Список")))
        bar.addWidget(self.kind_combo)
        bar.addStretch(1)
        bar.addWidget(self.edit_button)
        self.items = RecordTableModel([
            Column(self.tr("Список"), lambda r: list_title(str(r.get("kind", "")))),
            Column(self.tr("Код"), lambda r: str(r.get("code", ""))),
            Column(self.tr("Наименование"), lambda r: str(r.get("label_ru", ""))),
            Column(self.tr("Наименование (англ.)"), lambda r: str(r.get("label_en", ""))),
            Column(self.tr("Порядок"), lambda r: str(r.get("sort_order", ""))),
            Column(self.tr("Используется"), lambda r: self.tr("да") if r.get("is_active", True) else self.tr("нет"),
                   lambda r: not r.get("is_active", True)),
        ], lambda ids: directory.records(Kind.LIST_ITEM, ids), self)
        self.items_view = table_view("list_items_view", self.items, 2, {0: 160, 1: 130, 3: 220, 4: 80, 5: 110})
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.items_view, 1)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.items_view.doubleClicked.connect(lambda _i: self.open_item(self.selected_item()))
        self.items_view.activated.connect(lambda _i: self.open_item(self.selected_item()))
        self._update_rights()
        self.reload()

    def reload(self) -> None:
        list_kind, directory = self.kind_combo.currentData() or None, self.services.directory
        self._list.run(Op(lambda _s: directory.list_item_ids(list_kind), Lane.QUERY).success(self._show))

    def _show(self, ids: list[str]) -> None:
        keep = (self.selected_item() or {}).get("id")
        self.items.set_ids(ids)
        row = self.items.row_of(keep) if keep else -1
        if row >= 0:
            self.items_view.selectRow(row)
        self.loaded.emit()

    def selected_item(self) -> Record | None:
        return _selected(self.items_view, self.items)

    def open_selected(self) -> None:
        self.open_item(self.selected_item())

    def open_item(self, record: Record | None) -> ReferenceDialog | None:
        if record is None:
            return None
        return self.show_dialog(ListItemDialog(self.services, record, not self.editable, self))


def reference_pages(services: Services) -> dict[str, ReferencePage]:
    """The pages by the Navigator's keys."""
    return {"complexes": ComplexesPage(services), "contracts": ContractsPage(services), "lists": ListsPage(services)}
