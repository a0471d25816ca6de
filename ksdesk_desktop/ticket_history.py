"""A ticket's history as its card shows it (N5), without Qt.

The server's history (``GET /tickets/{id}/history``) is the source of truth. Offline, or for a ticket
not on the server yet, :func:`cached_history` makes entries of the same shape from what the cache
knows: the ticket's creation here (while it waits to be sent), its registration and its files.
:func:`history_lines` turns either into lines «дата время — кто — что», newest first.
Run :func:`cached_history` on a worker (it reads the cache).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any

from sqlalchemy import func, select

from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.schema import CACHE, local_files, outbox
from sync.protocol import HistoryAction, HistoryEntry
from sync.records import Kind, TicketData

CREATED = "created"  # only in the cache's history: made on this computer, not yet registered
SYSTEM = "Система"  # who did what the server did by itself
UNKNOWN = "пользователь не известен"  # a user this computer has not synced yet


def field_title(field: str) -> str:
    """«Тема обращения» for ``subject``: the titles of the shared ticket model."""
    info = TicketData.model_fields.get(field)
    return info.title if info is not None and info.title else field


def describe(entry: HistoryEntry) -> str:
    """What happened, in the operator's words."""
    changes = entry.changes
    if entry.action == HistoryAction.REGISTERED:
        return f"Зарегистрировано, номер {changes.get('registration_number') or '—'}"
    if entry.action == HistoryAction.UPDATED:
        return "Изменено: " + ", ".join(field_title(f) for f in changes)
    if entry.action == HistoryAction.ATTACHMENT_ADDED:
        return f"Добавлен файл «{changes.get('file_name') or ''}»"
    if entry.action == CREATED:
        return f"Создано (предварительный номер {changes.get('provisional_number') or '—'})"
    return entry.action  # a newer server's event: shown as it is named


def history_line(entry: HistoryEntry, tz: tzinfo | None = None) -> str:
    """«05.03.2025 14:07 — Петрова Анна — Добавлен файл «скан.pdf»» (local time unless ``tz``)."""
    at = _aware(entry.at)
    who = entry.user_name or (UNKNOWN if entry.user_id else SYSTEM)
    return f"{at.astimezone(tz):%d.%m.%Y %H:%M} — {who} — {describe(entry)}"


def history_lines(entries: Iterable[HistoryEntry], tz: tzinfo | None = None) -> list[str]:
    """Newest first; events of the same moment keep their order reversed (the later one first)."""
    ordered = sorted(entries, key=lambda e: _aware(e.at))
    return [history_line(e, tz) for e in reversed(ordered)]


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _moment(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return _aware(datetime.fromisoformat(str(value)))
    except ValueError:
        return None


def cached_history(store: LocalStore, ticket: Mapping[str, Any], me: str = "") -> list[HistoryEntry]:
    """What the cache knows of a ticket's history, oldest first. ``me``: the signed-in user's name,
    the author of what was done here and is not on the server yet."""
    ticket_id = str(ticket["id"])
    attachments, users = CACHE[Kind.ATTACHMENT], CACHE[Kind.USER]
    with store.engine.connect() as conn:
        queued = conn.execute(select(func.min(outbox.c.created_at)).where(
            outbox.c.kind == Kind.TICKET, outbox.c.record_id == ticket_id)).scalar()
        files = conn.execute(
            select(attachments.c.data, attachments.c.version, local_files.c.created_at)
            .outerjoin(local_files, local_files.c.attachment_id == attachments.c.id)
            .where(attachments.c.ticket_id == ticket_id).order_by(attachments.c.id)
        ).all()
        authors = {str(ticket.get("author_id") or "")} | {str(f.data.get("created_by") or "") for f in files}
        names = dict(conn.execute(select(users.c.id, users.c.full_name).where(users.c.id.in_(authors - {""}))).all())

    def by(user_id: Any, version: Any) -> dict[str, Any]:
        if user_id:
            return {"user_id": user_id, "user_name": str(names.get(str(user_id)) or "")}
        return {"user_name": "" if version else me}  # on the server without an author: the system's

    entries: list[HistoryEntry] = []
    number = ticket.get("registration_number")
    if not number:
        at = _moment(queued) or _moment(ticket.get("created_at")) or datetime.now(UTC)
        entries.append(HistoryEntry(at=at, user_name=me, action=CREATED,
                                    changes={"provisional_number": ticket.get("provisional_number") or ""}))
    else:
        at = _moment(ticket.get("registered_at")) or _moment(ticket.get("created_at")) or datetime.now(UTC)
        entries.append(HistoryEntry(at=at, **by(ticket.get("author_id"), ticket.get("version")),
                                    action=HistoryAction.REGISTERED, changes={"registration_number": number}))
    for data, version, kept_at in files:
        at = _moment(data.get("created_at")) or _moment(kept_at) or entries[0].at
        entries.append(HistoryEntry(at=at, **by(data.get("created_by"), version), action=HistoryAction.ATTACHMENT_ADDED,
                                    changes={"file_name": data.get("file_name")}))
    return sorted(entries, key=lambda e: e.at)
