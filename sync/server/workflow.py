"""A ticket's actions on the server (W2, W3): a push entry with ``op = "action"`` judged by the one
status machine (``sync.workflow``) against the ticket as it is now — the user's role, its status, line
and assignee — and, when allowed, written in the push's transaction: the ticket's server-owned fields,
the history entry, and the applicant's e-mail queued once (a replayed entry gets the stored answer).

A stale ``base_version`` is no conflict here: an action does not overwrite anything the user has not
seen — it is refused when the ticket's state no longer allows it (``invalid_transition``,
``not_assignee``, ``wrong_line``), and applied otherwise.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from sync import workflow
from sync.errors import ErrorCode
from sync.protocol import HistoryAction, Mutation, plain
from sync.records import Kind
from sync.server import mail
from sync.server.models import AuditEntry, Ticket, User
from sync.server.rejection import Rejected

FIELDS = ("status", "route", "assignee_id", "closed_at")


def state(ticket: Ticket) -> dict[str, Any]:
    """What the status machine reads of a ticket."""
    return {name: plain(getattr(ticket, name)) for name in (*FIELDS, "author_id")}


def act(session: Session, user: User, m: Mutation) -> Ticket:
    """Apply the action of entry ``m`` to its ticket, or raise :class:`Rejected` with the reason."""
    if m.kind != Kind.TICKET:
        raise Rejected(ErrorCode.NOT_WRITABLE, "Действия возможны только с обращениями.", "kind")
    parsed = workflow.parse(m.data)
    if isinstance(parsed, workflow.Refusal):
        raise Rejected(parsed.code, parsed.message, parsed.field)
    action, text = parsed
    ticket = session.get(Ticket, m.record_id, with_for_update=True)
    if ticket is None or ticket.deleted_at is not None:
        raise Rejected(ErrorCode.NOT_FOUND, "Обращение не найдено.", "record_id")
    before = state(ticket)
    refusal = workflow.refusal(action, user.role, str(user.id), before, text, user.line)
    if refusal is not None:
        raise Rejected(refusal.code, refusal.message, refusal.field)
    done = workflow.effect(action, str(user.id), before, text)
    for name, value in done.changes.items():
        if name == "closed_at":
            value = datetime.now(UTC) if value == "now" else None
        elif name == "assignee_id" and value is not None:
            value = user.id
        setattr(ticket, name, value)
    changes: dict[str, Any] = {name: [before[name], plain(getattr(ticket, name))] for name in done.changes}
    if text:
        changes["text"] = text
    _audit(session, user, ticket, str(action), changes)
    if done.mail is not None:
        queued = mail.queue_action_mail(session, ticket, done.mail, text)
        if queued is not None:
            session.flush()
            _audit(session, user, ticket, HistoryAction.MAIL, {
                "kind": str(done.mail), "recipient": queued.recipient, "subject": queued.subject,
                "mail_id": str(queued.id)})
    return ticket


def _audit(session: Session, user: User, ticket: Ticket, action: str, changes: dict[str, Any]) -> None:
    session.add(AuditEntry(user_id=user.id, entity="ticket", entity_id=ticket.id, action=action, changes=changes))
