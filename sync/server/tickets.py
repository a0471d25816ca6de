"""Creating a ticket on the server (T7, T8, T13, T14, W1): the checks the form made, once more, then
the registration number, the route and the applicant's e-mail, all in the pushing transaction; and a
ticket's history (N5), written to the audit log in the transaction of each change."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync import tickets as rules
from sync.errors import ErrorCode
from sync.numbering import REGISTRATION_COUNTER, registration_number
from sync.protocol import HistoryAction, HistoryEntry, plain
from sync.reference import TicketStatus
from sync.roles import Line, line_of
from sync.server import mail
from sync.server.errors import ServiceError
from sync.server.models import (
    AuditEntry,
    Component,
    Contact,
    Contract,
    ContractComplex,
    Counter,
    MailMessage,
    Organization,
    Ticket,
    User,
)
from sync.server.rejection import Rejected


def covered_complexes(session: Session, organization: Organization, day: Any) -> frozenset[str]:
    """T7: the complexes covered on ``day`` by the valid contracts of the organization's customer."""
    if organization.customer_id is None:
        return frozenset()
    rows = session.execute(
        select(Contract.valid_from, Contract.valid_to, ContractComplex.complex_id)
        .join(ContractComplex, ContractComplex.contract_id == Contract.id)
        .where(Contract.customer_id == organization.customer_id, Contract.deleted_at.is_(None))
    )
    return rules.covered_complexes(
        (rules.ContractTerms(start, end, frozenset({str(complex_id)})) for start, end, complex_id in rows), day
    )


def next_registration_number(session: Session, at: datetime) -> str:
    """T13: the next number of the global sequence. The counter row stays locked until commit, so
    concurrent registrations on any backend get distinct numbers."""
    conn = session.connection()
    stmt = text("UPDATE counters SET value = value + 1 WHERE name = :name RETURNING value")
    value = conn.execute(stmt, {"name": REGISTRATION_COUNTER}).scalar()
    if value is None:  # a database made before the counter was seeded: the first number
        try:
            with session.begin_nested():
                session.execute(insert(Counter).values(name=REGISTRATION_COUNTER, value=0))
        except IntegrityError:
            pass  # a concurrent registration made it
        value = conn.execute(stmt, {"name": REGISTRATION_COUNTER}).scalar_one()
    return registration_number(at, int(value))


def create(session: Session, user: User, record_id: uuid.UUID, values: dict[str, Any]) -> Ticket:
    organization = session.get(Organization, values["organization_id"])
    assert organization is not None  # references were checked
    if values.get("component_id") is not None:
        component = session.get(Component, values["component_id"])
        if component is None or component.complex_id != values["complex_id"]:
            raise Rejected(ErrorCode.VALIDATION_ERROR, "Компонент не относится к выбранному программному комплексу.",
                           "component_id")
    if values.get("contact_id") is not None:
        contact = session.get(Contact, values["contact_id"])
        if contact is None or contact.organization_id != organization.id:
            raise Rejected(ErrorCode.VALIDATION_ERROR, "Заявитель — контакт другой организации.", "contact_id")
    now = datetime.now(UTC)
    covered = str(values["complex_id"]) in covered_complexes(session, organization, rules.contract_day(now))
    refusal = rules.type_refusal(values["ticket_type"], covered)
    if refusal is not None:
        raise Rejected(ErrorCode.TYPE_NOT_ALLOWED, refusal, "ticket_type")
    line = line_of(user.role, user.line)
    ticket = Ticket(
        id=record_id, **values,
        registration_number=next_registration_number(session, now),
        status=TicketStatus.REGISTERED, route=Line.LINE_1, author_id=user.id, registered_at=now,
        assignee_id=user.id if line is Line.LINE_1 else None,  # W1: a first-line operator's own ticket
    )
    session.add(ticket)
    session.flush()
    audit(session, user, ticket.id, HistoryAction.REGISTERED, {"registration_number": ticket.registration_number})
    mail.queue_ticket_registered(session, ticket)
    return ticket


# --- history (N5) ----------------------------------------------------------------------------------


def audit(session: Session, user: User, ticket_id: uuid.UUID, action: HistoryAction, changes: dict[str, Any]) -> None:
    """An entry of the ticket's history, in the transaction of the change it records."""
    session.add(AuditEntry(user_id=user.id, entity="ticket", entity_id=ticket_id, action=str(action),
                           changes=changes))


def audit_update(session: Session, user: User, ticket: Ticket, changed: dict[str, tuple[Any, Any]]) -> None:
    """The push hook after a ticket's fields changed: ``changed`` is {field: (old, new)}."""
    if changed:
        audit(session, user, ticket.id, HistoryAction.UPDATED,
              {field: [plain(old), plain(new)] for field, (old, new) in changed.items()})


def history(session: Session, ticket_id: uuid.UUID) -> list[HistoryEntry]:
    """The ticket's history, oldest first (any user who may sign in may read it: it is the ticket's
    own record, not the supervisor's audit log). An unknown or deleted ticket is ``not_found``."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.deleted_at is not None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Обращение не найдено.")
    rows = session.execute(
        select(AuditEntry, User.full_name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity == "ticket", AuditEntry.entity_id == ticket_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    entries = [HistoryEntry(at=entry.at, user_id=entry.user_id, user_name=name or "", action=entry.action,
                            changes=dict(entry.changes or {})) for entry, name in rows]
    mails = session.scalars(select(MailMessage).where(MailMessage.ticket_id == ticket_id))
    delivery = {str(m.id): m.status for m in mails}
    for entry in entries:  # W3: an e-mail with its delivery state (queued, sent, failed) as it is now
        if entry.action == HistoryAction.MAIL:
            entry.changes["delivery"] = delivery.get(str(entry.changes.get("mail_id")), "")
    return entries
