"""The ticket form's complexes and types (T7, T8): the complexes the customer's valid contract covers
are painted green with a hint under the lists, a complex's components are offered, and the types are
limited to what the contract allows for the chosen complex (the rule is :func:`sync.tickets.allowed_types`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QLabel

from ksdesk_desktop.core.texts import translate
from ksdesk_desktop.core.tickets import Catalog, Choice
from ksdesk_desktop.ui.look import COVERED_COLOR
from sync import tickets as rules

__all__ = ["COVERED_COLOR", "ComplexesByContract", "fill_combo"]


def fill_combo(combo: QComboBox, choices: list[Choice], keep: str | None = None) -> None:
    """Offer ``choices`` (``keep`` chosen, if given); one change is reported, not one per item."""
    combo.blockSignals(True)
    combo.clear()
    for choice in choices:
        combo.addItem(choice.label, choice.code)
    combo.setCurrentIndex(combo.findData(keep) if keep is not None else -1)
    combo.blockSignals(False)
    combo.currentIndexChanged.emit(combo.currentIndex())


class ComplexesByContract(QObject):
    """Binds the host's complex, component and type lists and the hint under them."""

    message = Signal(str, bool)  # text, whether it is an error

    def __init__(self, complex_combo: QComboBox, component_combo: QComboBox, type_combo: QComboBox,
                 contract_label: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.complex_combo, self.component_combo, self.type_combo = complex_combo, component_combo, type_combo
        self.contract_label = contract_label
        self.catalog: Catalog | None = None
        self.covered: frozenset[str] | None = None  # None: no organization chosen
        complex_combo.currentIndexChanged.connect(self._complex_changed)

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        fill_combo(self.complex_combo, catalog.complexes)

    def set_covered(self, covered: frozenset[str] | None) -> None:
        """The chosen organization's covered complexes (``None``: no organization): paint, limit the types."""
        self.covered = covered
        self._paint()
        self.apply_type_rule()

    def _paint(self) -> None:
        covered = self.covered or frozenset()
        model = self.complex_combo.model()
        for row in range(self.complex_combo.count()):
            green = self.complex_combo.itemData(row) in covered
            brush = QBrush(QColor(COVERED_COLOR)) if green else None  # None: the list's own white
            model.setData(model.index(row, 0), brush, Qt.ItemDataRole.BackgroundRole)
        if self.covered is None:
            self.contract_label.setText("")
        elif not covered:
            self.contract_label.setText(translate("SharedRules", rules.NO_CONTRACT_HINT))
        else:
            self.contract_label.setText(self.tr("Зелёным выделены комплексы, на которые у заказчика есть "
                                                "действующий контракт."))

    def _complex_changed(self, _index: int) -> None:
        complex_id = self.complex_combo.currentData()
        components = self.catalog.components.get(complex_id, []) if self.catalog and complex_id else []
        fill_combo(self.component_combo, components)
        self.component_combo.setEnabled(bool(components))
        self.apply_type_rule()

    def apply_type_rule(self, announce: bool = True) -> None:
        """T8: the types the contract allows for the chosen complex; a type no longer allowed is reset,
        and the operator is told."""
        if self.catalog is None:
            return
        covered = self.complex_combo.currentData() in (self.covered or frozenset())
        allowed = [str(t) for t in rules.allowed_types(covered)]
        choices = [c for c in self.catalog.types if c.code in allowed]
        current = self.type_combo.currentData()
        keep = current if current in allowed else None
        if keep is None and len(choices) == 1 and self.complex_combo.currentIndex() >= 0:
            keep = choices[0].code  # the only type there is (the seed: «по умолчанию — консультация»)
        fill_combo(self.type_combo, choices, keep)
        if announce and current is not None and current not in allowed:
            label = choices[0].label if choices else ""
            self.message.emit(self.tr("Вид обращения изменён на «%s»: на выбранный комплекс нет действующего "
                                      "контракта.") % label, True)
