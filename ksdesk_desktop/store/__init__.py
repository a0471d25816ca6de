"""The local store: SQLAlchemy over the client's SQLite cache (``db.LocalStore``). Qt-free, and it
imports nothing from the rest of the client (the import test checks). Kept empty: ``store.feed`` is
read by the first stage of the start, which must not load SQLAlchemy."""
