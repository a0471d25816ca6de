"""Cards of the reference data a supervisor administers (issue 5): a software complex, a component, a
contract with the complexes it covers, and an item of a reference list (its code is fixed: only the
labels, the order and whether it is used change). Everyone else opens them read-only. Saved through
the sync runner like the directory's cards; a shared rule refuses a bad value here, in the message
line, and a refusal of the server comes back as a notice above the pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.i18n import english
from ksdesk_desktop.ui.record_dialog import RecordDialog
from ksdesk_desktop.ui.required import mark_required
from ksdesk_desktop.ui.services import Services
from sync.records import Kind
from sync.reference import ListKind


def only_supervisor() -> str:
    """Why the reference data is read-only for this user."""
    return QCoreApplication.translate("ReferenceDialog", "Изменять справочник может только супервизор.")


def list_title(kind: str) -> str:
    """The name of a reference list as the operator knows it."""
    titles: dict[str, str] = {
        ListKind.TICKET_TYPE: QCoreApplication.translate("ReferenceDialog", "Вид обращения"),
        ListKind.CHANNEL: QCoreApplication.translate("ReferenceDialog", "Тип связи"),
        ListKind.PRIORITY: QCoreApplication.translate("ReferenceDialog", "Приоритет"),
        ListKind.TICKET_STATUS: QCoreApplication.translate("ReferenceDialog", "Статус обращения"),
    }
    return titles.get(kind, kind)


class ReferenceDialog(RecordDialog):
    """A card of reference data: a form of fields, read-only unless the user may administer it."""

    def __init__(self, services: Services, kind: Kind, record: dict[str, Any] | None, title: str,
                 read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(services, kind, record, "", parent)
        self.read_only = read_only
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.setWindowTitle(title)
        self.setMinimumWidth(520)

    def line(self, name: str, label: str, max_length: int, *, required: bool = False) -> QLineEdit:
        edit = QLineEdit(str((self.record or {}).get(name) or ""))
        edit.setObjectName(f"{name}_edit")
        edit.setMaxLength(max_length)
        if required:
            mark_required(edit)
        self.edits[name] = edit
        return self.add(name, label, edit)

    def number(self, name: str, label: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(f"{name}_spin")
        spin.setRange(0, 9999)
        spin.setValue(int((self.record or {}).get(name) or 0))
        return self.add(name, label, spin)

    def add(self, name: str, label: str, widget: Any) -> Any:
        self.fields[name] = widget
        self.form.addRow(label, widget)
        return widget

    def finish(self) -> None:
        """Lay the card out once its fields are added; a read-only card only shows them."""
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)
        for name, widget in self.fields.items():  # each field the rule (sync.roles) lets nobody here set
            if self.read_only or not self.may_set(name):
                _lock(widget)
        if not self.read_only:
            return
        self.save_button.setVisible(False)
        self.cancel_button.setText(self.tr("Закрыть"))
        self.say(only_supervisor())

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def save(self) -> None:
        if not self.read_only and self.save_button.isEnabled():
            self.say("")
            self.store(self.values())

    def refuse(self, message: str, field: str | None) -> None:
        super().refuse(message, field)
        widget = self.fields.get(field or "")
        if widget is not None and field not in self.edits:
            widget.setFocus()


def _lock(widget: QWidget) -> None:
    """Show a field's value without letting it change."""
    if isinstance(widget, QLineEdit | QSpinBox | QDateEdit):
        widget.setReadOnly(True)
    elif isinstance(widget, QListWidget):
        for row in range(widget.count()):
            item = widget.item(row)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
    else:
        widget.setEnabled(False)


class ComplexDialog(ReferenceDialog):
    def __init__(self, services: Services, record: dict[str, Any] | None, read_only: bool,
                 parent: QWidget | None = None) -> None:
        title = record["name"] if record else QCoreApplication.translate("ComplexDialog", "Программный комплекс")
        super().__init__(services, Kind.SOFTWARE_COMPLEX, record, title, read_only, parent)
        self.setObjectName("complex_dialog")
        self.line("code", self.tr("Код"), 50, required=True)
        self.line("name", self.tr("Наименование"), 300, required=True)
        self.number("sort_order", self.tr("Порядок"))
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"code": self.edits["code"].text().strip(), "name": self.edits["name"].text().strip(),
                "sort_order": self.fields["sort_order"].value()}


class ComponentDialog(ReferenceDialog):
    def __init__(self, services: Services, complex_record: dict[str, Any], record: dict[str, Any] | None,
                 read_only: bool, parent: QWidget | None = None) -> None:
        title = record["name"] if record else QCoreApplication.translate("ComponentDialog", "Компонент")
        super().__init__(services, Kind.COMPONENT, record, title, read_only, parent)
        self.setObjectName("component_dialog")
        self.complex_record = complex_record
        complex_label = QLabel(str(complex_record.get("name") or ""))
        complex_label.setObjectName("complex_label")
        self.form.addRow(self.tr("Программный комплекс"), complex_label)
        self.line("name", self.tr("Наименование"), 300, required=True)
        self.number("sort_order", self.tr("Порядок"))
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"complex_id": self.complex_record["id"], "name": self.edits["name"].text().strip(),
                "sort_order": self.fields["sort_order"].value()}


def _date_edit(name: str, day: str | None, default: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(f"{name}_edit")
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    value = date.fromisoformat(day) if day else default
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


class ContractDialog(ReferenceDialog):
    """A contract: its customer, number, partner, the period it is valid and the complexes it covers (T7)."""

    def __init__(self, services: Services, record: dict[str, Any] | None, read_only: bool,
                 parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("ContractDialog", "Контракт")
        if record:
            title = f"{title} {record.get('number', '')}"
        super().__init__(services, Kind.CONTRACT, record, title, read_only, parent)
        self.setObjectName("contract_dialog")
        directory = services.directory
        current = record or {}
        self.customer_combo = QComboBox()
        self.customer_combo.setObjectName("customer_combo")
        for customer_id, name in directory.customer_names().items():
            self.customer_combo.addItem(name, customer_id)
        if current.get("customer_id"):
            self.customer_combo.setCurrentIndex(self.customer_combo.findData(current["customer_id"]))
        self.add("customer_id", self.tr("Заказчик"), self.customer_combo)
        self.line("number", self.tr("Номер"), 100, required=True)
        self.line("partner", self.tr("Партнёр"), 500).setPlaceholderText(self.tr("пусто — контракт с вендором"))
        today = date.today()
        self.add("valid_from", self.tr("Действует с"), _date_edit("valid_from", current.get("valid_from"), today))
        self.add("valid_to", self.tr("Действует по"), _date_edit("valid_to", current.get("valid_to"),
                                                                 date(today.year, 12, 31)))
        self.complexes_list = QListWidget()
        self.complexes_list.setObjectName("complexes_list")
        covered = set(current.get("complex_ids") or ())
        complexes = directory.records(Kind.SOFTWARE_COMPLEX, directory.complex_ids())
        for complex_id in sorted(complexes, key=lambda i: (complexes[i].get("sort_order") or 0,
                                                           str(complexes[i].get("name")))):
            item = QListWidgetItem(str(complexes[complex_id].get("name") or ""))
            item.setData(Qt.ItemDataRole.UserRole, complex_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if complex_id in covered else Qt.CheckState.Unchecked)
            self.complexes_list.addItem(item)
        self.add("complex_ids", self.tr("Программные комплексы"), self.complexes_list)
        self.finish()

    def checked_complexes(self) -> list[str]:
        items = (self.complexes_list.item(row) for row in range(self.complexes_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        if self.customer_combo.currentData() is None:
            self.refuse(self.tr("Выберите заказчика."), "customer_id")
            return
        super().save()

    def values(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_combo.currentData(),
            "number": self.edits["number"].text().strip(),
            "partner": self.edits["partner"].text().strip(),
            "valid_from": self.fields["valid_from"].date().toPython().isoformat(),
            "valid_to": self.fields["valid_to"].date().toPython().isoformat(),
            "complex_ids": sorted(self.checked_complexes()),
        }


class ListItemDialog(ReferenceDialog):
    """An item of a reference list: its code stays; labels, order and use change."""

    def __init__(self, services: Services, record: dict[str, Any], read_only: bool,
                 parent: QWidget | None = None) -> None:
        title = record.get("label_en" if english() else "label_ru")
        super().__init__(services, Kind.LIST_ITEM, record, str(title or ""), read_only, parent)
        self.setObjectName("list_item_dialog")
        for label, value, name in ((self.tr("Список"), list_title(str(record.get("kind"))), "list_label"),
                                   (self.tr("Код"), str(record.get("code") or ""), "code_label")):
            shown = QLabel(value)
            shown.setObjectName(name)
            self.form.addRow(label, shown)
        self.line("label_ru", self.tr("Наименование"), 200, required=True)
        self.line("label_en", self.tr("Наименование (англ.)"), 200, required=True)
        self.number("sort_order", self.tr("Порядок"))
        active = QCheckBox(self.tr("используется в формах"))
        active.setObjectName("is_active_check")
        active.setChecked(bool(record.get("is_active", True)))
        self.add("is_active", self.tr("Используется"), active)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"label_ru": self.edits["label_ru"].text().strip(), "label_en": self.edits["label_en"].text().strip(),
                "sort_order": self.fields["sort_order"].value(), "is_active": self.fields["is_active"].isChecked()}
