"""The «История» tab of a ticket's card (N5): the server's history of the ticket, newest first; offline
(or when the server does not answer, or the ticket is not on it yet) what the cache knows, with a note
saying so. The lines are made by :mod:`ksdesk_desktop.core.ticket_history` in the interface's language (Qt's
translator, the cache's labels of list codes); this tab only asks for them and shows them.

While the card is open the history follows the ticket: :meth:`HistoryPanel.refresh` after a change of
it (synced from the server or pushed from here) asks again — at once, with a burst of changes folded
into one request, when the tab is in view; otherwise the history is only marked stale and asked for
when the tab is next shown. A new request drops the answer of the one before it (latest wins)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStringListModel, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from ksdesk_desktop.core.api_client import ApiError
from ksdesk_desktop.core.cache import LocalStore
from ksdesk_desktop.core.ticket_history import Wording, cached_history, history_lines, list_labels
from ksdesk_desktop.i18n import english
from ksdesk_desktop.ops import Lane, Latest, Op
from ksdesk_desktop.ui.services import Services
from sync.protocol import HistoryEntry

FOLD_MS = 300  # changes closer together than this make one request

# Titles of the ticket's fields (sync.records.TicketData) that the history may name but the card's «Поля»
# does not show: translated in the card's context, like the card's own field labels.
QT_TRANSLATE_NOOP("TicketCard", "Информация о системе")
QT_TRANSLATE_NOOP("TicketCard", "Добавочный")
QT_TRANSLATE_NOOP("TicketCard", "Предварительный номер")

Loaded = tuple[list[HistoryEntry], dict[tuple[str, str], str]]  # the entries and the labels of list codes


class HistoryPanel(QWidget):
    shown = Signal(str)  # "server" or "cache": where the lines now shown come from

    def __init__(self, ticket: Mapping[str, Any], services: Services, store: LocalStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket, self.services, self.store = dict(ticket), services, store
        self.source = ""
        self.stale = False  # the ticket changed while the tab was out of view
        self.requests = 0  # how many times the server was asked (a change out of view asks nothing)
        self._cache_note = ""
        self._latest: Latest[Any] = Latest(services.tasks, self)
        self._fold = QTimer(self)
        self._fold.setSingleShot(True)
        self._fold.setInterval(FOLD_MS)
        self._fold.timeout.connect(self.load)
        self.note = QLabel()
        self.note.setObjectName("history_note")
        self.note.setWordWrap(True)
        self.model = QStringListModel(self)
        self.view = QListView()
        self.view.setObjectName("history_list")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view)

    def refresh(self, ticket: Mapping[str, Any] | None = None) -> None:
        """The ticket (or one of its files) changed: ask again — soon if the tab is in view, else when
        it is next shown."""
        if ticket is not None:
            self.ticket = dict(ticket)
        if self.isVisible():
            self._fold.start()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.load()

    def cancel(self) -> None:
        """The card closes: nothing more is asked, and an answer under way is dropped."""
        self._fold.stop()
        self._latest.cancel()

    def load(self) -> None:
        self._fold.stop()
        self.stale = False
        if not self.model.rowCount():  # a refresh keeps the lines shown until the new ones come
            self.note.setText(self.tr("Загрузка истории…"))
            self.note.setVisible(True)
        api, store, en = self.services.api(), self.store, english()
        if not self.ticket.get("version"):
            self._from_cache(self.tr("Обращение ещё не отправлено на сервер: показана история из локального кэша."))
        elif api is None:
            self._from_cache(self.tr("Нет связи с сервером: показана история из локального кэша."))
        else:
            ticket_id = str(self.ticket["id"])
            self.requests += 1
            self._latest.run(Op(lambda _s: (api.ticket_history(ticket_id), list_labels(store, en)),
                                Lane.NETWORK).success(self._show_server).failure(self._server_failed))

    def _show_server(self, loaded: Loaded) -> None:
        self._show(loaded, "", "server")

    def _server_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ApiError):
            raise exc
        if exc.offline:
            self._from_cache(self.tr("Нет связи с сервером: показана история из локального кэша."))
        else:
            self._from_cache(self.tr("Сервер не отдал историю (%s): показана история из локального кэша.")
                             % exc.message.rstrip("."))

    def _from_cache(self, note: str) -> None:
        self._cache_note = note
        store, ticket, en = self.store, self.ticket, english()
        user = self.services.connection.user
        me = user.full_name if user is not None else ""
        self._latest.run(Op(lambda _s: (cached_history(store, ticket, me), list_labels(store, en)),
                            Lane.QUERY).success(self._show_cached))

    def _show_cached(self, loaded: Loaded) -> None:
        self._show(loaded, self._cache_note, "cache")

    def _show(self, loaded: Loaded, note: str, source: str) -> None:
        entries, labels = loaded
        self.model.setStringList(history_lines(entries, words=Wording(QCoreApplication.translate, labels)))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.source = source
        self.shown.emit(source)
