"""«Организация ИНН» + Enter (T2), shared by the ticket form and the organization card: the INN (and
KPP) checked as the server would, then the local directory first and the state registry (EGRUL)
through the server on the network lane, the latest request winning; several branches or records are
offered in a list under the INN. What a found organization fills in is the host's business: the
form picks a client for the ticket, the card fills the record's fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit

from ksdesk_desktop.core.lookup import Lookup, checked, lookup_organization
from ksdesk_desktop.ops import Lane, Latest, Op
from ksdesk_desktop.ui.services import Services
from sync.identifiers import InvalidIdentifier


class OrganizationPicker(QObject):
    """Binds the host's INN field (Enter looks up) and list of branches; reports by signal."""

    found = Signal(object)  # a Lookup, for the host to show
    failed = Signal(str)  # the message: an invalid INN/KPP or a failed lookup
    chosen = Signal(object)  # the data of the branch (or record) offered first or picked from the list

    def __init__(self, services: Services, inn_edit: QLineEdit, branch_combo: QComboBox, *,
                 kpp_edit: QLineEdit | None = None, parent: QObject | None = None) -> None:
        """``kpp_edit``: the card also looks a KPP up (a branch); the form takes the head office."""
        super().__init__(parent)
        self.services, self.inn_edit, self.branch_combo, self.kpp_edit = services, inn_edit, branch_combo, kpp_edit
        self._latest: Latest[Lookup] = Latest(services.tasks, self)
        branch_combo.setVisible(False)
        branch_combo.activated.connect(lambda index: self.chosen.emit(branch_combo.itemData(index)))

    def lookup(self, exclude: str | None = None, started: Callable[[str], None] | None = None) -> bool:
        """Check the INN and look it up (``exclude``: the card's own record); ``started`` gets the INN
        once it is valid. ``False`` if it is not: :attr:`failed` said why and the field has the focus."""
        try:
            inn, kpp = checked(self.inn_edit.text(), self.kpp_edit.text() if self.kpp_edit else "")
        except InvalidIdentifier as exc:
            self._latest.cancel()
            self.failed.emit(exc.message)
            (self.kpp_edit if exc.field == "kpp" and self.kpp_edit else self.inn_edit).setFocus()
            return False
        self.inn_edit.setText(inn)
        self.branch_combo.setVisible(False)
        if started is not None:
            started(inn)
        api, directory = self.services.api(), self.services.directory
        self._latest.run(Op(lambda _s: lookup_organization(inn, kpp, api, directory, exclude), Lane.NETWORK)
                         .success(self.found.emit).failure(self._failed))
        return True

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(self.tr("Поиск не удался: %s") % exc)
        self.found.emit(None)

    def offer(self, options: list[tuple[str, Any]], *, choose_first: bool = True) -> None:
        """Several branches or records: listed under the INN (shown when there is a choice); the first
        is taken at once unless ``choose_first`` is off."""
        self.branch_combo.clear()
        for label, data in options:
            self.branch_combo.addItem(label, data)
        self.branch_combo.setVisible(len(options) > 1)
        if choose_first and options:
            self.chosen.emit(self.branch_combo.itemData(0))
