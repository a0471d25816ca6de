"""Opening ticket forms and cards, reopening drafts (T15: at start, and from «Черновики»), the toast
that follows a saved ticket until the server registers it (T13), and the last saved ticket's card
(Ctrl+Shift+T, issue 22). A form closed with content says in the status bar that its draft stays."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from ksdesk_desktop.core.attachments import AttachedFile, LocalFiles, ticket_files
from ksdesk_desktop.core.cache import Draft, Drafts
from ksdesk_desktop.core.tickets import SavedTicket, ticket_names
from ksdesk_desktop.i18n import english
from ksdesk_desktop.ops import Lane, Op
from ksdesk_desktop.ui.services import Services
from ksdesk_desktop.ui.ticket_card import CardContext, TicketCard
from ksdesk_desktop.ui.ticket_form import TicketForm
from ksdesk_desktop.ui.toast import Toast
from sync.ids import new_id
from sync.records import Kind


class TicketWindows(QObject):
    form_opened = Signal(object)  # TicketForm
    card_opened = Signal(object)  # TicketCard
    registered = Signal(str, str)  # ticket id, registration number: the toast shows it
    drafts_changed = Signal()  # a draft was kept, saved as a ticket or dropped: «Черновики» reads again

    def __init__(self, services: Services, drafts: Drafts, files: LocalFiles, window: QWidget,
                 system_info: Callable[[], str] | None = None) -> None:
        super().__init__(window)
        self.services, self.drafts, self.files, self.window = services, drafts, files, window
        self.system_info = system_info
        self.forms: list[TicketForm] = []
        self.card: TicketCard | None = None
        self.toast = Toast(window)
        self.toast.link_clicked.connect(self.open_ticket)
        self._watched: str | None = None  # the ticket the toast waits to see registered
        self.last_ticket_id: str | None = None  # the last ticket saved here: Ctrl+Shift+T opens it
        services.sync.records_changed.connect(self._records_changed)

    def new_ticket(self) -> TicketForm:
        return self._open_form(str(new_id()))

    def _open_form(self, draft_id: str, data: dict[str, Any] | None = None) -> TicketForm:
        form = TicketForm(self.services, self.drafts, self.files, draft_id, data,
                          system_info=self.system_info, parent=self.window)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._saved)
        form.kept.connect(self._kept)
        form.destroyed.connect(lambda _o=None, f=form: self.forms.remove(f) if f in self.forms else None)
        form.destroyed.connect(self.drafts_changed)  # after its draft was written, dropped or saved
        self.forms.append(form)
        form.show()
        form.activateWindow()
        self.form_opened.emit(form)
        return form

    def reopen_drafts(self) -> None:
        """T15: the forms that were open when the program stopped (or crashed) come back."""
        drafts = self.drafts
        Op(lambda _s: drafts.open_drafts(), Lane.DB).success(self._reopen).run(self.services.tasks)

    def open_draft(self, draft: Draft) -> TicketForm:
        """«Черновики»: the draft's form — the one open already, or opened with what it keeps."""
        form = next((f for f in self.forms if f.draft_id == draft.id), None)
        if form is None:
            return self._open_form(draft.id, draft.data)
        form.showNormal()
        form.raise_()
        form.activateWindow()
        return form

    def _kept(self, subject: str) -> None:
        if isinstance(self.window, QMainWindow):
            name = f"«{subject}»" if subject else self.tr("без темы")
            self.window.statusBar().showMessage(
                self.tr("Черновик %s сохранён: он в «Обращения / Черновики» (Ctrl+Shift+D).") % name, 30_000)

    def _reopen(self, found: list[Draft]) -> None:
        open_ids = {f.draft_id for f in self.forms}
        for draft in found:
            if draft.id not in open_ids:
                self._open_form(draft.id, draft.data)

    # --- after saving (T13) -----------------------------------------------------------------------

    def _saved(self, saved: SavedTicket) -> None:
        online = self.services.api() is not None
        self.toast.show_ticket(saved.id, saved.provisional_number, registered=False, online=online)
        self._watched = self.last_ticket_id = saved.id
        self._check()

    def _records_changed(self, kinds: set[Kind]) -> None:
        if self._watched is not None and Kind.TICKET in kinds:
            self._check()

    def _check(self) -> None:
        replica, ticket_id = self.services.sync.replica, self._watched
        if ticket_id is None:
            return
        Op(lambda _s: replica.get(Kind.TICKET, ticket_id), Lane.QUERY).success(self._show_state) \
            .run(self.services.tasks)

    def _show_state(self, ticket: dict[str, Any] | None) -> None:
        if ticket is None or ticket["id"] != self._watched or not ticket.get("registration_number"):
            return
        self._watched = None
        number = str(ticket["registration_number"])
        if self.toast.ticket_id == ticket["id"]:
            self.toast.show_ticket(ticket["id"], number, registered=True)
        self.registered.emit(ticket["id"], number)

    # --- the card ---------------------------------------------------------------------------------

    def open_last(self) -> None:
        """Ctrl+Shift+T: the card of the ticket saved last (the toast's number, from the keyboard)."""
        if self.last_ticket_id is not None:
            self.open_ticket(self.last_ticket_id)
        elif isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(
                self.tr("В этом сеансе обращений ещё не сохраняли; все ваши — в «Обращения / Последние»."), 15_000)

    def open_ticket(self, ticket_id: str) -> None:
        """N5: the ticket's card, with its fields, files and history (read on a worker)."""
        replica, directory, en = self.services.sync.replica, self.services.directory, english()
        store = self.files.store

        def read(_s: Any) -> tuple[dict[str, Any], dict[str, str], list[AttachedFile]] | None:
            ticket = replica.get(Kind.TICKET, ticket_id)
            if ticket is None:
                return None
            return ticket, ticket_names(directory, ticket, en), ticket_files(store, ticket_id)

        Op(read, Lane.QUERY).success(self._show_card).run(self.services.tasks)

    def _show_card(self, found: tuple[dict[str, Any], dict[str, str], list[AttachedFile]] | None) -> None:
        if found is None:
            return
        ticket, names, files = found
        card = TicketCard(ticket, names, parent=self.window, files=files,
                          context=CardContext(self.services, self.files))
        card.destroyed.connect(lambda _o=None, c=card: self._forget_card(c))
        self.card = card
        card.open()
        self.card_opened.emit(card)

    def _forget_card(self, card: TicketCard) -> None:
        if self.card is card:
            self.card = None
