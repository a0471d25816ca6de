"""«Организация ИНН» + Enter (T2), shared by the ticket form and the organization card: the INN (and
KPP) checked as the server would, then the local directory first and the state registry (EGRUL)
through the server on the network lane, the latest request winning; several branches or records are
offered in a list under the INN. What a found organization fills in is the host's business: the
card fills the record's fields (it uses :class:`OrganizationPicker` alone), the form takes a client
for the ticket through :class:`OrganizationChooser`, which adds the type-ahead over the directory."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QWidget

from ksdesk_desktop.core.lookup import Lookup, Outcome, checked, lookup_organization
from ksdesk_desktop.core.tickets import OrganizationChoice, find_organizations, organization_choice
from ksdesk_desktop.ops import Lane, Latest, Op
from ksdesk_desktop.ui.required import set_missing
from ksdesk_desktop.ui.services import Services
from sync.identifiers import InvalidIdentifier
from sync.registry import Party


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


def _party_record(party: Party) -> dict[str, Any]:
    return {"inn": party.inn, "kpp": party.kpp, "ogrn": party.ogrn, "name": party.name,
            "full_name": party.full_name, "address": party.address}


class OrganizationChooser(QObject):
    """The ticket form's organization (T2, T6): the picker on «Организация ИНН», the type-ahead over
    the Clients directory in «Организация», and the organization taken for the ticket with its KPP and
    customer. A lookup's answer becomes a choice (a record, or one to create from EGRUL); offline or
    not in EGRUL, the name is typed by hand. The card fills its record instead: it uses the picker."""

    changed = Signal(object)  # the OrganizationChoice or None, each time it is set
    message = Signal(str, bool)  # text, whether it is an error
    lookup_finished = Signal(object)  # a Lookup, once shown (T2)
    organizations_found = Signal(list)  # the type-ahead's answer, shown

    def __init__(self, services: Services, inn_edit: QLineEdit, kpp_value: QLabel, organization_edit: QLineEdit,
                 customer_value: QLabel, *, next_field: QWidget, today: Callable[[], date],
                 parent: QObject | None = None) -> None:
        """``next_field``: where the focus goes once an organization is taken (the applicant)."""
        super().__init__(parent)
        self.services, self.inn_edit, self.kpp_value = services, inn_edit, kpp_value
        self.organization_edit, self.customer_value, self.next_field = organization_edit, customer_value, next_field
        self._today = today
        self.organization: OrganizationChoice | None = None
        self.manual_inn = ""  # T2 offline / not in EGRUL: the INN of an organization typed by hand
        self.branch_combo = QComboBox(kpp_value.parentWidget())
        self.branch_combo.setObjectName("branch_combo")
        kpp_value.parentWidget().layout().addWidget(self.branch_combo)  # type: ignore[union-attr]
        inn_edit.setToolTip(self.tr("ИНН и Enter: КПП и наименование из ЕГРЮЛ"))
        set_missing(organization_edit, True)
        self.picker = OrganizationPicker(services, inn_edit, self.branch_combo, parent=self)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(organization_edit)
        self.completer.activated[QModelIndex].connect(self._activated)
        self._latest: Latest[list[OrganizationChoice]] = Latest(services.tasks, self)
        inn_edit.returnPressed.connect(self.lookup)
        self.picker.found.connect(self._show_lookup)
        self.picker.failed.connect(lambda text: self.message.emit(text, True))
        self.picker.chosen.connect(self._branch_chosen)
        organization_edit.textEdited.connect(self._typed)

    # --- the type-ahead (T6) -------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        if self.organization is not None and text != self.organization.label:
            self.set_organization(None, keep_text=True)
        if self.manual_inn and text.strip():  # typed by hand: created on save, checked in EGRUL on sync
            name = text.strip()
            choice = OrganizationChoice(None, name, self.manual_inn, new_record={"inn": self.manual_inn, "name": name})
            self.set_organization(choice, keep_text=True)
            return
        directory, day = self.services.directory, self._today()
        self._latest.run(Op(lambda _s: find_organizations(directory, text, day), Lane.QUERY)
                         .success(self._show_organizations))

    def _show_organizations(self, found: list[OrganizationChoice]) -> None:
        self.model.clear()
        for choice in found:
            item = QStandardItem(choice.label)
            item.setData(choice, Qt.ItemDataRole.UserRole)
            self.model.appendRow(item)
        if found and self.organization_edit.hasFocus():
            self.completer.complete()
        self.organizations_found.emit(found)

    def _activated(self, index: Any) -> None:
        choice = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(choice, OrganizationChoice):
            self.set_organization(choice)
            self.next_field.setFocus()

    # --- the organization taken (T7) -----------------------------------------------------------

    def set_organization(self, choice: OrganizationChoice | None, *, keep_text: bool = False) -> None:
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
        self.changed.emit(choice)

    def snapshot(self) -> dict[str, Any]:
        org = self.organization
        return {
            "inn": self.inn_edit.text(), "organization_text": self.organization_edit.text(),
            "manual_inn": self.manual_inn,
            "organization": None if org is None else {
                "id": org.id, "name": org.name, "inn": org.inn, "kpp": org.kpp, "customer_name": org.customer_name,
                "covered": sorted(org.covered), "new_record": org.new_record},
        }

    def restore(self, data: dict[str, Any]) -> None:
        self.inn_edit.setText(data.get("inn", ""))
        self.manual_inn = data.get("manual_inn", "")
        org = data.get("organization")
        if org:
            self.set_organization(OrganizationChoice(
                org["id"], org["name"], org.get("inn", ""), org.get("kpp", ""), org.get("customer_name", ""),
                frozenset(org.get("covered", [])), org.get("new_record")))
        self.organization_edit.setText(data.get("organization_text", ""))

    # --- «Организация ИНН» + Enter (T2) ----------------------------------------------------------

    def lookup(self) -> None:
        """The directory first, then EGRUL through the server."""
        def started(inn: str) -> None:
            self.manual_inn = ""
            self.message.emit(self.tr("Поиск организации с ИНН %s…") % inn, False)

        self.picker.lookup(started=started)

    def _show_lookup(self, result: Lookup | None) -> None:
        day, directory = self._today(), self.services.directory
        if result is None:  # failed: the picker said why
            pass
        elif result.outcome is Outcome.EXISTS:
            kpp = self.tr("КПП")
            self._offer([(f"{kpp} {r.get('kpp') or '—'} — {r['name']}",
                          organization_choice(directory, r, day)) for r in result.existing])
            self.message.emit(self.tr("Организация найдена в справочнике «Клиенты»."), False)
        elif result.outcome in (Outcome.FOUND, Outcome.CHOOSE):
            options, kpp = [], self.tr("КПП")
            for party in result.parties:
                existing = result.existing_for(party)
                choice = (organization_choice(directory, existing, day) if existing else
                          OrganizationChoice(None, party.name, party.inn, party.kpp, new_record=_party_record(party)))
                kind = self.tr("филиал") if party.branch else self.tr("головная организация")
                options.append((f"{kpp} {party.kpp or '—'} — {party.name} ({kind})", choice))
            self._offer(options)
            closed = [p for p in result.parties if p.closed]
            if closed and len(result.parties) == 1:
                self.message.emit(self.tr("Внимание: по данным ЕГРЮЛ организация ликвидирована или закрывается."),
                                  True)
            else:
                self.message.emit(result.message or self.tr("Данные заполнены из ЕГРЮЛ."), False)
        else:
            self.manual_inn = self.inn_edit.text()
            self.set_organization(None, keep_text=True)
            self.organization_edit.clear()
            self.message.emit(result.message, True)
            self.organization_edit.setFocus()
        self.lookup_finished.emit(result)

    def _offer(self, options: list[tuple[str, OrganizationChoice]]) -> None:
        self.picker.offer(options)
        (self.branch_combo if len(options) > 1 else self.next_field).setFocus()

    def _branch_chosen(self, choice: object) -> None:
        if isinstance(choice, OrganizationChoice):
            self.set_organization(choice)
