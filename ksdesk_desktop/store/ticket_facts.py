"""What the cache alone knows of a ticket's past (``core.ticket_history.cached_history`` makes history
entries of it when the server cannot be asked): when it was queued here, its files, and the names of
their authors. Qt-free; one short read, safe from any thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.schema import CACHE, local_files, outbox
from sync.records import Kind


@dataclass(frozen=True)
class CachedFile:
    data: dict[str, Any]  # the attachment record
    version: int | None  # None: not on the server yet
    kept_at: str | None  # when the file was attached here, if it was


@dataclass(frozen=True)
class TicketFacts:
    queued_at: str | None  # the first outbox entry of the ticket still waiting, if any
    files: list[CachedFile] = field(default_factory=list)  # by id
    names: dict[str, str] = field(default_factory=dict)  # user id → full name, for the ticket's and files' authors


def ticket_facts(store: LocalStore, ticket_id: str, author_id: str = "") -> TicketFacts:
    attachments, users = CACHE[Kind.ATTACHMENT], CACHE[Kind.USER]
    with store.engine.connect() as conn:
        queued = conn.execute(select(func.min(outbox.c.created_at)).where(
            outbox.c.kind == Kind.TICKET, outbox.c.record_id == ticket_id)).scalar()
        files = [CachedFile(row.data, row.version, row.created_at) for row in conn.execute(
            select(attachments.c.data, attachments.c.version, local_files.c.created_at)
            .outerjoin(local_files, local_files.c.attachment_id == attachments.c.id)
            .where(attachments.c.ticket_id == ticket_id).order_by(attachments.c.id)
        )]
        authors = ({author_id} | {str(f.data.get("created_by") or "") for f in files}) - {""}
        names = {row.id: str(row.full_name or "") for row in conn.execute(
            select(users.c.id, users.c.full_name).where(users.c.id.in_(sorted(authors))))}
    return TicketFacts(queued, files, names)
