"""The second stage of the start (``ksdesk_desktop.quick_start``), on its worker thread: the heavy
half of the client imported, the store opened, the keyring's back end loaded and the kept session
read, the desktop feed listed — and, back on the UI thread, that list handed to the real feed.
The store is opened by ``store.recovery.open_store``: a damaged cache or kept file is set aside and
what could be saved is said (``Loaded.recovery``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ksdesk_desktop.core.credentials import CredentialStore
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.feed import feed_ids
from ksdesk_desktop.store.recovery import Recovery, open_store

if TYPE_CHECKING:
    from ksdesk_desktop.core.config import UserSettings
    from ksdesk_desktop.core.options import Options
    from ksdesk_desktop.core.paths import Paths

log = logging.getLogger(__name__)


@dataclass
class Loaded:
    """What the worker of stage 2 prepared."""

    store: LocalStore
    credentials: CredentialStore
    refresh_token: str | None
    feed_ids: list[int] | None
    recovery: Recovery


def load_client(options: Options, paths: Paths, settings: UserSettings) -> Loaded:
    """Stage 2's worker: import the client's heavy half, open the store, load the keyring's back end
    and read the kept session, list the feed. Creates no Qt object."""
    import logging.handlers  # noqa: F401  (the rotating log file, once stage 2 is done)

    from ksdesk_desktop import controller  # noqa: F401  (the import is the work: everything it needs)
    from ksdesk_desktop.ui import about_dialog, notices  # noqa: F401  (made on first use, on the UI thread)

    store, recovery = open_store(paths.local_db)
    try:
        credentials = CredentialStore()
        credentials.available  # noqa: B018  (loads the keyring's back end here, not on the UI thread)
        server, login = options.server or str(settings.get("server_url")), str(settings.get("login"))
        token = credentials.load_refresh_token(server, login) if server and login else None
    except BaseException:
        store.close()
        raise
    return Loaded(store, credentials, token, feed_ids(paths.local_db), recovery)
