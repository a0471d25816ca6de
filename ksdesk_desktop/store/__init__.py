"""The local store: SQLAlchemy over the client's SQLite cache. Qt-free (the import test checks)."""

from ksdesk_desktop.store.db import LocalStore, StoreVersionError

__all__ = ["LocalStore", "StoreVersionError"]
