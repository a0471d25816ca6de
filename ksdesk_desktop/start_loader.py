"""The second stage of the start (``ksdesk_desktop.quick_start``), on its worker thread: the heavy
half of the client imported, the store opened, the keyring's back end loaded and the kept session
read, the desktop feed listed — and, back on the UI thread, that list handed to the real feed."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ksdesk_desktop.core.credentials import CredentialStore
from ksdesk_desktop.quick_start import FEED_REGISTERED, FEED_UNREGISTERED
from ksdesk_desktop.store import LocalStore

if TYPE_CHECKING:
    from ksdesk_desktop.app import Options
    from ksdesk_desktop.core.config import UserSettings
    from ksdesk_desktop.core.paths import Paths
    from ksdesk_desktop.ui.ticket_list import TicketListPage

log = logging.getLogger(__name__)


@dataclass
class Loaded:
    """What the worker of stage 2 prepared."""

    store: LocalStore
    credentials: CredentialStore
    refresh_token: str | None
    feed_ids: list[int] | None


def load_client(options: Options, paths: Paths, settings: UserSettings) -> Loaded:
    """Stage 2's worker: import the client's heavy half, open the store, load the keyring's back end
    and read the kept session, list the feed. Creates no Qt object."""
    import logging.handlers  # noqa: F401  (the rotating log file, once stage 2 is done)

    from ksdesk_desktop import controller  # noqa: F401  (the import is the work: everything it needs)
    from ksdesk_desktop.ui import about_dialog, notices  # noqa: F401  (made on first use, on the UI thread)

    store = LocalStore(paths.local_db)
    try:
        credentials = CredentialStore()
        credentials.available  # noqa: B018  (loads the keyring's back end here, not on the UI thread)
        server, login = options.server or str(settings.get("server_url")), str(settings.get("login"))
        token = credentials.load_refresh_token(server, login) if server and login else None
    except BaseException:
        store.close()
        raise
    return Loaded(store, credentials, token, feed_ids(paths.local_db))


def seed(page: TicketListPage, ids: list[int]) -> None:
    """Show ``ids`` — every ticket of the page's (unfiltered) list, read just now — in ``page`` as the
    answer to its query, without asking the cache again when it is shown.

    ``TicketListPage.seed`` is the place for this (wanted there: ``self.model.set_ids(ids)``, then the
    answer noted as the one shown, complete, and not stale); until it exists, its state is set here.
    """
    hook = getattr(page, "seed", None)
    if callable(hook):
        hook(ids)
        return
    page.model.set_ids(ids)
    state = {"_stale": False, "_shown": page.current_filter(), "complete": True}
    for name, value in state.items():
        if name == "_stale" or hasattr(page, name):
            setattr(page, name, value)


def feed_ids(path: Path) -> list[int] | None:
    """Every ticket's row number in the feed's order (what ``TicketList.ids(TicketFilter())`` answers),
    read as one string per part: SQLite walks the index with the GIL released, and the UI thread is
    not starved as it is by a worker fetching 100 000 rows one by one. ``None`` if it cannot be read."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error:
        return None
    try:
        found: list[int] = []
        for part in (FEED_UNREGISTERED, FEED_REGISTERED):
            joined = db.execute(f"SELECT group_concat(rowid) FROM ({part.removesuffix(' LIMIT ?')})").fetchone()[0]
            found += map(int, joined.split(",")) if joined else []
        return found
    except sqlite3.Error:
        log.info("quick start: the feed cannot be listed directly", exc_info=True)
        return None
    finally:
        db.close()
