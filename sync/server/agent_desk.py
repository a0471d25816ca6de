"""The agent desk on the server (issue 18; A1, A2, A3, A5, A8): incoming activities become queued
tasks, an agent accepts one (pull mode) and its activity joins a ticket, the agent closes it.

Invariants the database holds, not this code: a task leaves the queue by one conditional update
(``state = 'queued'`` in its WHERE), so of concurrent accepts exactly one changes a row and the rest
are told ``task_taken``; an agent holds at most one accepted task (a partial unique index, A2), so a
second concurrent accept by the same agent fails on it and is told ``agent_busy``. Every transition
is written to the audit log (``AuditEntry``, entity ``task``) in its transaction.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync.agent_desk import (
    PRIORITY_RANK,
    AcceptResult,
    ActivityEdit,
    ActivityOut,
    CustomerOut,
    Direction,
    OfferState,
    TaskOut,
    TaskState,
)
from sync.errors import ErrorCode
from sync.ids import new_id
from sync.protocol import HistoryAction
from sync.reference import MAX_SUBJECT, MAX_TICKET_TEXT, Channel, Priority, TicketStatus, TicketType
from sync.roles import TICKETS, Role
from sync.server import tickets
from sync.server.errors import ServiceError
from sync.server.live import note_offer
from sync.server.models import (
    Activity,
    AgentState,
    Attachment,
    AuditEntry,
    Contact,
    Offer,
    Organization,
    Task,
    Ticket,
    User,
)

OPEN_STATUSES = (TicketStatus.REGISTERED, TicketStatus.IN_PROGRESS, TicketStatus.AWAITING_INFO)
MAX_QUEUE_PAGE = 1000


def audit_task(session: Session, user: User | None, task: Task, action: str, changes: dict[str, Any]) -> None:
    session.add(AuditEntry(user_id=user.id if user else None, entity="task", entity_id=task.id, action=action,
                           changes=changes))


def db_now(session: Session) -> datetime:
    """The database's clock, the only clock of offers (A4): every server process reads the same one. On
    SQLite the database is a file of this process's machine, so its clock is this one."""
    if session.get_bind().dialect.name == "postgresql":
        now = session.scalar(text("SELECT clock_timestamp()"))
        assert isinstance(now, datetime)
        return now.astimezone(UTC)
    return datetime.now(UTC)


def resolve_offer(session: Session, user: User | None, offer: Offer, state: OfferState, now: datetime,
                  why: str, key: str | None = None) -> None:
    """An offer leaves ``pending`` (the caller holds its row: locked, or changed by a conditional update),
    audited with the actor and the reason; its agent's streams are told."""
    offer.state, offer.resolved_at = state, now
    if key is not None:
        offer.resolution_key = key
    session.add(AuditEntry(user_id=user.id if user else None, entity="offer", entity_id=offer.id, action=state,
                           changes={"state": [OfferState.PENDING, state], "task_id": str(offer.task_id),
                                    "agent_id": str(offer.agent_id), "reason": why, "at": now.isoformat()}))
    note_offer(session, offer.agent_id)


def _settle_offers(session: Session, user: User, task: Task, now: datetime) -> None:
    """After ``user`` took ``task``: an offer of it to them is accepted; any other pending offer of the
    task (to another agent) and of this agent (another task) is withdrawn (its task goes back to the
    queue, to be offered again). Rows are locked after the task's (the one order of locks)."""
    pending = session.scalars(
        select(Offer).where(Offer.state == OfferState.PENDING, or_(Offer.task_id == task.id, Offer.agent_id == user.id))
        .order_by(Offer.id).with_for_update()
    ).all()
    for offer in pending:
        if offer.task_id == task.id and offer.agent_id == user.id:
            resolve_offer(session, user, offer, OfferState.ACCEPTED, now, "accepted_from_queue")
        elif offer.task_id == task.id:
            resolve_offer(session, user, offer, OfferState.RESCINDED, now, "task_taken")
        else:
            resolve_offer(session, user, offer, OfferState.RESCINDED, now, "agent_took_another")


def queue_activity(session: Session, activity: Activity, priority: Priority = Priority.NORMAL) -> Task:
    """A new incoming activity and its queued task, in the caller's transaction (one for both)."""
    session.add(activity)
    session.flush()
    task = Task(id=new_id(), activity_id=activity.id, state=TaskState.QUEUED, priority=priority,
                priority_rank=PRIORITY_RANK[priority], arrived_at=datetime.now(UTC))
    session.add(task)
    session.flush()
    audit_task(session, None, task, "queued", {"activity_id": str(activity.id), "channel": activity.channel,
                                                 "sender": activity.sender})
    return task


def join_ticket(session: Session, user: User | None, activity: Activity, ticket: Ticket) -> None:
    """A3: the activity becomes part of the ticket, written to the ticket's history; the files that
    came with it become the ticket's files (T12: their content is on the server already)."""
    activity.ticket_id = ticket.id
    for file in activity.files or []:
        attachment = Attachment(ticket_id=ticket.id, file_name=file["file_name"], size=file["size"],
                                sha256=file["sha256"], content_type=file["content_type"], uploaded_bytes=file["size"],
                                complete=True, created_by=user.id if user else None)
        session.add(attachment)
        session.flush()
        session.add(AuditEntry(user_id=user.id if user else None, entity="ticket", entity_id=ticket.id,
                               action=HistoryAction.ATTACHMENT_ADDED, changes={"file_name": attachment.file_name}))
    session.add(AuditEntry(user_id=user.id if user else None, entity="ticket", entity_id=ticket.id,
                           action=HistoryAction.ACTIVITY_ADDED, changes={
                               "activity_id": str(activity.id), "channel": activity.channel,
                               "direction": activity.direction, "sender": activity.sender,
                               "subject": activity.subject}))


# --- reading --------------------------------------------------------------------------------------


def _activity_out(activity: Activity) -> ActivityOut:
    return ActivityOut(
        id=activity.id, ticket_id=activity.ticket_id, channel=Channel(activity.channel),
        direction=Direction(activity.direction), sender=activity.sender, contact_id=activity.contact_id,
        organization_id=activity.organization_id, subject=activity.subject, text=activity.text,
        note=activity.note, tags=list(activity.tags or []), files=list(activity.files or []),
        created_at=activity.created_at, version=activity.version)


def _customer(contact: Contact | None, organization: Organization | None) -> CustomerOut | None:
    if contact is None or organization is None:
        return None
    return CustomerOut(contact_id=contact.id, full_name=contact.full_name, organization_id=organization.id,
                       organization_name=organization.name)


def task_out(session: Session, task: Task, activity: Activity | None = None) -> TaskOut:
    activity = activity or session.get(Activity, task.activity_id)
    assert activity is not None  # a task's activity is a foreign key
    contact = session.get(Contact, activity.contact_id) if activity.contact_id else None
    organization = session.get(Organization, contact.organization_id) if contact else None
    return _task_out(task, activity, _customer(contact, organization))


def _task_out(task: Task, activity: Activity, customer: CustomerOut | None) -> TaskOut:
    return TaskOut(id=task.id, state=TaskState(task.state), priority=Priority(task.priority),
                   arrived_at=task.arrived_at, accepted_by=task.accepted_by, accepted_at=task.accepted_at,
                   closed_at=task.closed_at, version=task.version, activity=_activity_out(activity),
                   customer=customer)


def queue(session: Session, limit: int) -> list[TaskOut]:
    """A1: the queued tasks, priority first, then by arrival — each with its activity and customer."""
    rows = session.execute(
        select(Task, Activity, Contact, Organization)
        .join(Activity, Activity.id == Task.activity_id)
        .outerjoin(Contact, Contact.id == Activity.contact_id)
        .outerjoin(Organization, Organization.id == Contact.organization_id)
        .where(Task.state == TaskState.QUEUED)
        .order_by(Task.priority_rank, Task.arrived_at, Task.id)
        .limit(min(limit, MAX_QUEUE_PAGE))
    )
    return [_task_out(task, activity, _customer(contact, organization))
            for task, activity, contact, organization in rows]


def held_task(session: Session, user: User) -> Task | None:
    """The task this agent has accepted and not closed (A2: at most one)."""
    return session.scalar(select(Task).where(Task.accepted_by == user.id, Task.state == TaskState.ACCEPTED))


# --- accepting and closing ------------------------------------------------------------------------


def _refusal(task: Task) -> ServiceError:
    """Why a task that is not queued cannot be accepted."""
    if task.state == TaskState.ACCEPTED:
        return ServiceError(ErrorCode.TASK_TAKEN)
    return ServiceError(ErrorCode.TASK_CLOSED)


def accept(session: Session, user: User, task_id: uuid.UUID) -> AcceptResult:
    """A2, A3: the agent takes the task; its activity joins the customer's most recent open ticket or a
    ticket registered for it now. Repeating an accept that succeeded answers the same. The one path of
    both modes: pull (from the queue) and push (``sync.server.offers.accept_offer``), so they cannot
    both win; the task's pending offers are settled in the same transaction."""
    task = session.get(Task, task_id)
    if task is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Задача не найдена.")
    if task.state == TaskState.ACCEPTED and task.accepted_by == user.id:  # a lost answer asked again
        done = session.scalar(select(AuditEntry.changes).where(
            AuditEntry.entity == "task", AuditEntry.entity_id == task.id, AuditEntry.action == "accepted"))
        return _answer(session, task, str((done or {}).get("joined", "none")))
    if task.state != TaskState.QUEUED:
        raise _refusal(task)
    if held_task(session, user) is not None:
        raise ServiceError(ErrorCode.AGENT_BUSY)
    # the agent's state row first (the one order of locks: agent, task, offer), so a dispatcher that
    # found the agent free has committed its offer (settled below) or skips the agent
    session.get(AgentState, user.id, with_for_update=True)
    now = datetime.now(UTC)
    try:
        with session.begin_nested():
            changed = session.execute(
                update(Task).where(Task.id == task_id, Task.state == TaskState.QUEUED)
                .values(state=TaskState.ACCEPTED, accepted_by=user.id, accepted_at=now, version=Task.version + 1)
                .execution_options(synchronize_session=False)
            ).rowcount  # type: ignore[attr-defined]  # an UPDATE's result is a CursorResult
    except IntegrityError as exc:  # A2's index: this agent accepted another task meanwhile
        raise ServiceError(ErrorCode.AGENT_BUSY) from exc
    session.refresh(task)
    if not changed:  # another agent's accept came first (its transaction committed meanwhile)
        raise _refusal(task)
    _settle_offers(session, user, task, db_now(session))
    joined = _join(session, user, task)
    audit_task(session, user, task, "accepted", {"state": [TaskState.QUEUED, TaskState.ACCEPTED], "joined": joined})
    return _answer(session, task, joined)


def _join(session: Session, user: User, task: Task) -> str:
    """A3 for an accepted task: ``existing`` (the customer's open ticket, or the one it joined before),
    ``new`` (registered now) or ``none`` (the sender is no known customer)."""
    activity = session.get(Activity, task.activity_id)
    assert activity is not None
    if activity.ticket_id is not None:
        return "existing"
    if activity.contact_id is None:
        return "none"
    ticket = open_ticket(session, activity.contact_id)
    joined = "existing"
    if ticket is None:
        ticket, joined = register_ticket(session, user, task, activity), "new"
    join_ticket(session, user, activity, ticket)
    session.flush()
    return joined


def _answer(session: Session, task: Task, joined: str) -> AcceptResult:
    activity = session.get(Activity, task.activity_id)
    assert activity is not None
    ticket = session.get(Ticket, activity.ticket_id) if activity.ticket_id else None
    return AcceptResult(task=task_out(session, task, activity), ticket_id=ticket.id if ticket else None,
                        registration_number=ticket.registration_number if ticket else None, joined=joined)


def open_ticket(session: Session, contact_id: uuid.UUID) -> Ticket | None:
    """A3: the customer's most recent open ticket (registered, in progress or awaiting information)."""
    return session.scalar(
        select(Ticket).where(Ticket.contact_id == contact_id, Ticket.deleted_at.is_(None),
                             Ticket.status.in_([str(s) for s in OPEN_STATUSES]))
        .order_by(Ticket.registered_at.desc().nulls_last(), Ticket.created_at.desc()).limit(1)
    )


def register_ticket(session: Session, user: User, task: Task, activity: Activity) -> Ticket:
    """A3: a new ticket for the activity through the server's one registration path (T13 number, W1
    assignee, T14 applicant e-mail). The type is a consultation — allowed under any contract (T8); the
    complex is left for the agent to choose."""
    contact = session.get(Contact, activity.contact_id)
    assert contact is not None
    subject = " ".join(activity.subject.split()) or "Без темы"
    if len(subject) > MAX_SUBJECT:
        subject = subject[: MAX_SUBJECT - 1] + "…"
    text = activity.text.strip() or subject
    if len(text) > MAX_TICKET_TEXT:
        text = text[: MAX_TICKET_TEXT - 1] + "…"
    values: dict[str, Any] = {
        "organization_id": contact.organization_id, "contact_id": contact.id, "applicant_name": contact.full_name,
        "email": contact.email, "phone": contact.phone, "phone_ext": contact.phone_ext, "complex_id": None,
        "component_id": None, "ticket_type": TicketType.CONSULTATION, "channel": activity.channel,
        "priority": task.priority, "system_info": "", "subject": subject, "text": text, "provisional_number": None,
    }
    return tickets.create(session, user, new_id(), values)


def close(session: Session, user: User, task_id: uuid.UUID) -> TaskOut:
    """A10: the agent ends the interaction; the task is closed and the agent free for the next one. A
    supervisor may close anyone's task. Repeating a close that succeeded answers the same."""
    task = session.get(Task, task_id)
    if task is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Задача не найдена.")
    mine = task.accepted_by == user.id or user.role == Role.SUPERVISOR
    if task.state == TaskState.CLOSED and mine:
        return task_out(session, task)
    if task.state != TaskState.ACCEPTED or not mine:
        raise ServiceError(ErrorCode.TASK_NOT_HELD)
    changed = session.execute(
        update(Task).where(Task.id == task_id, Task.state == TaskState.ACCEPTED, Task.version == task.version)
        .values(state=TaskState.CLOSED, closed_at=datetime.now(UTC), version=Task.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    session.refresh(task)
    if not changed:
        raise ServiceError(ErrorCode.TASK_NOT_HELD)
    audit_task(session, user, task, "closed", {"state": [TaskState.ACCEPTED, TaskState.CLOSED]})
    return task_out(session, task)


# --- the agent's edits (A5, A8) ---------------------------------------------------------------------


def may_edit(session: Session, user: User, activity: Activity) -> bool:
    """The agent whose accepted task it is, whoever may change its ticket, and a supervisor."""
    if user.role == Role.SUPERVISOR:
        return True
    holder = session.scalar(select(Task.accepted_by).where(Task.activity_id == activity.id,
                                                           Task.state == TaskState.ACCEPTED))
    if holder == user.id:
        return True
    ticket = session.get(Ticket, activity.ticket_id) if activity.ticket_id else None
    return ticket is not None and TICKETS.may_change(user.role, user.id, ticket)


def edit_activity(session: Session, user: User, activity_id: uuid.UUID, edit: ActivityEdit) -> ActivityOut:
    """The note and the tags of an activity, checked by the shared rules (already, by ``ActivityEdit``)."""
    activity = session.get(Activity, activity_id, with_for_update=True)
    if activity is None or activity.deleted_at is not None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Активность не найдена.")
    if not may_edit(session, user, activity):
        raise ServiceError(ErrorCode.FORBIDDEN)
    if edit.version is not None and edit.version != activity.version:
        raise ServiceError(ErrorCode.CONFLICT, "Активность уже изменена другим оператором: загрузите её снова.",
                           "version")
    changes: dict[str, list[Any]] = {}
    if edit.note is not None and edit.note != activity.note:
        changes["note"] = [activity.note, edit.note]
        activity.note = edit.note
    if edit.tags is not None and edit.tags != list(activity.tags or []):
        changes["tags"] = [list(activity.tags or []), edit.tags]
        activity.tags = edit.tags
    if changes:
        session.add(AuditEntry(user_id=user.id, entity="activity", entity_id=activity.id, action="updated",
                               changes=changes))
        session.flush()
    return _activity_out(activity)
