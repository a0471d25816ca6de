"""The «История» tab of a ticket's card (N5): the server's history of the ticket, newest first; offline
(or when the server does not answer, or the ticket is not on it yet) what the cache knows, with a note
saying so. The lines are made by :mod:`ksdesk_desktop.ticket_history`; this tab only shows them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from ksdesk_desktop.api_client import ApiError
from ksdesk_desktop.ops import Lane, Op
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.ticket_history import cached_history, history_lines
from ksdesk_desktop.ui.services import Services
from sync.protocol import HistoryEntry


class HistoryPanel(QWidget):
    shown = Signal(str)  # "server" or "cache": where the lines now shown come from

    def __init__(self, ticket: Mapping[str, Any], services: Services, store: LocalStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket, self.services, self.store = dict(ticket), services, store
        self.source = ""
        self._cache_note = ""
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

    def load(self) -> None:
        self.note.setText(self.tr("Загрузка истории…"))
        self.note.setVisible(True)
        api = self.services.api()
        if not self.ticket.get("version"):
            self._from_cache(self.tr("Обращение ещё не отправлено на сервер: показана история из локального кэша."))
        elif api is None:
            self._from_cache(self.tr("Нет связи с сервером: показана история из локального кэша."))
        else:
            ticket_id = str(self.ticket["id"])
            Op(lambda _s: api.ticket_history(ticket_id), Lane.NETWORK).success(self._show_server) \
                .failure(self._server_failed).run(self.services.tasks)

    def _show_server(self, entries: list[HistoryEntry]) -> None:
        self._show(entries, "", "server")

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
        store, ticket = self.store, self.ticket
        user = self.services.connection.user
        me = user.full_name if user is not None else ""
        Op(lambda _s: cached_history(store, ticket, me), Lane.QUERY).success(self._show_cached) \
            .run(self.services.tasks)

    def _show_cached(self, entries: list[HistoryEntry]) -> None:
        self._show(entries, self._cache_note, "cache")

    def _show(self, entries: list[HistoryEntry], note: str, source: str) -> None:
        self.model.setStringList(history_lines(entries))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.source = source
        self.shown.emit(source)
