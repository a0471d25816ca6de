"""What the views of the directory (and later the ticket form) need, handed in by the controller."""

from __future__ import annotations

from dataclasses import dataclass

from ksdesk_desktop.core.api_client import ApiClient
from ksdesk_desktop.core.cache import Directory
from ksdesk_desktop.ops import TaskManager
from ksdesk_desktop.session import Connection
from ksdesk_desktop.sync_runner import SyncRunner


@dataclass(frozen=True)
class Services:
    tasks: TaskManager
    directory: Directory
    sync: SyncRunner  # local changes go through it: outbox entry, then a sync round
    connection: Connection

    def api(self) -> ApiClient | None:
        """The server, when there is one to ask (None when offline: work from the cache)."""
        c = self.connection
        return c.api if c.api is not None and c.online else None
