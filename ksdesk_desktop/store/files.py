"""The cache's side of attached files (T12): the ``local_files`` rows that tie an attachment to its
copy on this computer and follow its upload, and the attachments of a ticket as the lists read them.
The rules (what may be attached, how a file is copied and uploaded) are in
``ksdesk_desktop.core.attachments``; this module only reads and writes rows. Qt-free; a worker's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update

from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.schema import CACHE, local_files
from sync.records import Kind


@dataclass(frozen=True)
class LocalFile:
    """A file attached here, waiting to go up: its copy (relative to the cache's folder, or absolute)."""

    attachment_id: str
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class TicketFileRow:
    """An attachment of a ticket: its record and, for a file attached here, its copy and why its
    upload stopped."""

    id: str
    data: dict[str, Any]
    path: str | None
    error_message: str | None


class FileRows:
    """The ``local_files`` rows of one cache. Each write is one transaction, or joins the unit of work
    open on this thread (:meth:`LocalStore.write`)."""

    def __init__(self, store: LocalStore) -> None:
        self.store = store

    def add(self, attachment_id: str, path: str, sha256: str, size: int) -> None:
        with self.store.write() as conn:
            conn.execute(insert(local_files).values(
                attachment_id=attachment_id, path=path, sha256=sha256, size=size, uploaded=False,
                created_at=datetime.now(UTC).isoformat(),
            ))

    def drop(self, attachment_id: str) -> None:
        with self.store.write() as conn:
            conn.execute(delete(local_files).where(local_files.c.attachment_id == attachment_id))

    def stop(self, attachment_id: str, code: str | None, message: str | None) -> None:
        """Record why a file's upload stopped for good (``None``: clear it, so it is tried again)."""
        with self.store.write() as conn:
            conn.execute(update(local_files).where(local_files.c.attachment_id == attachment_id).values(
                error_code=code, error_message=message))

    def mark_uploaded(self, attachment_id: str) -> None:
        with self.store.write() as conn:
            conn.execute(update(local_files).where(local_files.c.attachment_id == attachment_id).values(
                uploaded=True))

    def to_upload(self) -> list[LocalFile]:
        """Local files not yet on the server whose attachment record the server has (version > 0),
        oldest first."""
        table = CACHE[Kind.ATTACHMENT]
        stmt = (
            select(local_files)
            .join(table, table.c.id == local_files.c.attachment_id)
            .where(local_files.c.uploaded.is_(False), local_files.c.error_code.is_(None), table.c.version > 0)
            .order_by(local_files.c.created_at)
        )
        with self.store.engine.connect() as conn:
            return [LocalFile(r.attachment_id, r.path, r.sha256, r.size) for r in conn.execute(stmt)]

    def of_ticket(self, ticket_id: str) -> list[TicketFileRow]:
        """A ticket's attachments in the order they were attached: ``id``, ``data`` and, for a file
        attached here, its copy's ``path`` and ``error_message``."""
        table = CACHE[Kind.ATTACHMENT]
        stmt = (
            select(table.c.id, table.c.data, local_files.c.path, local_files.c.error_message)
            .outerjoin(local_files, local_files.c.attachment_id == table.c.id)
            .where(table.c.ticket_id == str(ticket_id))
            .order_by(table.c.id)  # UUIDv7: creation order
        )
        with self.store.engine.connect() as conn:
            return [TicketFileRow(r.id, r.data, r.path, r.error_message) for r in conn.execute(stmt)]
