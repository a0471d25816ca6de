"""The connection to the central server as the UI sees it: which server, who is logged in,
online or not, what the server said about itself. Changes arrive as signals."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from ksdesk_desktop.core.api_client import ApiClient
from sync.protocol import Health, UserPublic


class Connection(QObject):
    changed = Signal()
    error = Signal(str)  # a Russian message about the connection (login, embedded server …)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api: ApiClient | None = None
        self.embedded = False
        self.user: UserPublic | None = None
        self.health: Health | None = None
        self.online = False
        self.starting = False
        self.last_error = ""
        self.last_contact: datetime | None = None

    @property
    def server_url(self) -> str:
        return self.api.base_url if self.api else ""

    def set_api(self, api: ApiClient, *, embedded: bool) -> None:
        if self.api is not None and self.api is not api:
            self.api.close()
        self.api, self.embedded = api, embedded
        self.changed.emit()

    def set_user(self, user: UserPublic | None) -> None:
        self.user = user
        self.changed.emit()

    def set_online(self, health: Health) -> None:
        self.health, self.online, self.starting, self.last_error = health, True, False, ""
        self.last_contact = datetime.now().astimezone()
        self.changed.emit()

    def set_offline(self, message: str) -> None:
        self.online, self.last_error = False, message
        self.changed.emit()

    def set_starting(self, starting: bool) -> None:
        self.starting = starting
        self.changed.emit()

    def report(self, message: str) -> None:
        self.last_error = message
        self.error.emit(message)
        self.changed.emit()

    def close(self) -> None:
        if self.api is not None:
            self.api.close()
            self.api = None
