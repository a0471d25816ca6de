"""The server's data model for the whole product (PRODUCT.md), SQLAlchemy 2 declarative.

Every synced record carries a client-makeable UUIDv7 ``id``, a ``version`` that increases with each
change, ``created_at``/``updated_at`` and a soft-delete mark ``deleted_at``. Names follow the glossary.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from sync.ids import new_id
from sync.reference import MAX_SUBJECT, MAX_TEXT_FIELD

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Columns every synced record has."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # S3: position in the server's global change sequence; set on every insert and update
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0", index=True)


class AppliedMutation(Base):
    """S2: every applied outbox entry, keyed by the client's idempotency key, stored in the same
    transaction as the change; a replay gets the stored result instead of a second change."""

    __tablename__ = "applied_mutations"
    key: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    body_hash: Mapped[str] = mapped_column(String(64))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RecordAlias(Base):
    """T5: a record created twice (offline on two clients, say) is merged into the one that existed;
    the other id lives on here, so later changes of it and records pointing at it still land."""

    __tablename__ = "record_aliases"
    alias_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# --- people -----------------------------------------------------------------------------------


class User(Synced, Base):
    __tablename__ = "users"
    login: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(20))  # sync.roles.Role
    line: Mapped[str] = mapped_column(String(10))  # sync.roles.Line: set for each user (sync.roles.line_of)
    password_hash: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class RefreshToken(Base):
    """Opaque refresh tokens, stored only as a SHA-256 hash; rotated on every use. The tokens that
    descend from one login are a family: a rotated token redeemed again after the grace window
    revokes the whole family (``sync.server.users.redeem_refresh_token``)."""

    __tablename__ = "refresh_tokens"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # set when the token was rotated (then replaced_by_id says by which) or its family revoked
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    family_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)  # the id of the login's first token
    replaced_by_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)


class LoginThrottle(Base):
    """Login attempts per login and per client address within a window, and the lockout they earned
    (``sync.server.throttle``). In the database, so every server process counts the same attempts."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)  # "login:<login>" or "address:<ip>"
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # failed (or still running) in the window
    window_start: Mapped[datetime] = mapped_column(UTCDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)  # each one doubles the next lockout
    last_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)  # forgotten when long idle


# --- clients directory --------------------------------------------------------------------------


class Customer(Synced, Base):
    """Заказчик: the organization that holds a contract with the vendor or a partner (T6)."""

    __tablename__ = "customers"
    organization_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organizations.id"), unique=True)
    note: Mapped[str] = mapped_column(String(MAX_TEXT_FIELD), default="")


class Organization(Synced, Base):
    """An organization from the Clients directory; unique by INN+KPP (T5)."""

    __tablename__ = "organizations"
    __table_args__ = (UniqueConstraint("inn", "kpp", name="uq_organizations_inn_kpp"),)
    inn: Mapped[str] = mapped_column(String(12), index=True)
    kpp: Mapped[str] = mapped_column(String(9), default="")  # "" for individual entrepreneurs
    ogrn: Mapped[str] = mapped_column(String(15), default="")
    name: Mapped[str] = mapped_column(String(500), index=True)  # short name with legal form
    full_name: Mapped[str] = mapped_column(String(1000), default="")
    address: Mapped[str] = mapped_column(String(1000), default="")
    # sync.registry.RegistryStatus: the provider's state.status once checked (T2)
    registry_status: Mapped[str] = mapped_column(String(20), default="UNVERIFIED")
    registry_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    # T6: the customer whose contract this organization works under (its own, or another's)
    customer_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("customers.id", use_alter=True), index=True
    )


class Contact(Synced, Base):
    """A person of an organization; an applicant is a contact (T3). Unique by e-mail or phone
    within the organization (T5)."""

    __tablename__ = "contacts"
    __table_args__ = (
        Index("uq_contacts_email", "organization_id", "email", unique=True,
              sqlite_where=text("email <> '' AND deleted_at IS NULL"),
              postgresql_where=text("email <> '' AND deleted_at IS NULL")),
        Index("uq_contacts_phone", "organization_id", "phone", "phone_ext", unique=True,
              sqlite_where=text("phone <> '' AND deleted_at IS NULL"),
              postgresql_where=text("phone <> '' AND deleted_at IS NULL")),
    )
    organization_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organizations.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(300))
    position: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")  # E.164
    phone_ext: Mapped[str] = mapped_column(String(10), default="")


class SoftwareComplex(Synced, Base):
    __tablename__ = "software_complexes"
    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Component(Synced, Base):
    __tablename__ = "components"
    complex_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("software_complexes.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Contract(Synced, Base):
    """A contract of a customer, valid between two dates, covering some software complexes (T7)."""

    __tablename__ = "contracts"
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    number: Mapped[str] = mapped_column(String(100))
    partner: Mapped[str] = mapped_column(String(500), default="")  # "" when signed with the vendor
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    complexes: Mapped[list[SoftwareComplex]] = relationship(secondary="contract_complexes")


class ContractComplex(Base):
    __tablename__ = "contract_complexes"
    contract_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), primary_key=True
    )
    complex_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("software_complexes.id"), primary_key=True)


class ListItemRecord(Synced, Base):
    """Reference lists: ticket types, channels, priorities, statuses (``sync.reference``)."""

    __tablename__ = "list_items"
    __table_args__ = (UniqueConstraint("kind", "code", name="uq_list_items_kind_code"),)
    kind: Mapped[str] = mapped_column(String(30))
    code: Mapped[str] = mapped_column(String(30))
    label_ru: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


# --- tickets ------------------------------------------------------------------------------------


class Counter(Base):
    """Named counters for atomic number assignment (registration numbers, T13)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Ticket(Synced, Base):
    """Обращение."""

    __tablename__ = "tickets"
    registration_number: Mapped[str | None] = mapped_column(String(30), unique=True)
    provisional_number: Mapped[str | None] = mapped_column(String(40))
    organization_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    applicant_name: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    phone_ext: Mapped[str] = mapped_column(String(10), default="")
    complex_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("software_complexes.id"))
    component_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("components.id"))
    ticket_type: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(30))
    priority: Mapped[str] = mapped_column(String(30))
    system_info: Mapped[str] = mapped_column(Text, default="")
    subject: Mapped[str] = mapped_column(String(MAX_SUBJECT))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(30), index=True)
    route: Mapped[str] = mapped_column(String(20), default="line_1")  # sync.roles.Line
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    registered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Attachment(Synced, Base):
    """A file of a ticket, stored content-addressed on disk by SHA-256 (T12)."""

    __tablename__ = "attachments"
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    content_type: Mapped[str] = mapped_column(String(200), default="application/octet-stream")
    uploaded_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))


class AuditEntry(Base):
    """Who changed what and when (W3). Append-only."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_entity", "entity", "entity_id"),)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    action: Mapped[str] = mapped_column(String(50))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class MailMessage(Base):
    """An e-mail queued in the same transaction as its cause and sent by the mail sender (T14)."""

    __tablename__ = "mail_messages"
    __table_args__ = (  # what the senders look for: queued messages by due time (a small index)
        Index("ix_mail_messages_due", "next_attempt_at",
              sqlite_where=text("status = 'queued'"), postgresql_where=text("status = 'queued'")),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)  # queued/sent/failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # counted when a sender claims the message
    # due time; while a sender holds the message, the end of its lease (then it is due again)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(String(1000), default="")


# --- the agent desk (A1–A11, docs/agent-desk.md) ------------------------------------------------------


class Activity(Synced, Base):
    """One interaction — an e-mail, a call, a portal message — with its channel, direction, sender,
    text and tags; attached to a ticket once a task of it is accepted, or when it answers one.
    Synced to clients (read-only there); the agent desk's API changes the note and the tags."""

    __tablename__ = "activities"
    __table_args__ = (  # a message delivered twice is one activity (the SMTP retry, two MTAs)
        Index("uq_activities_message_id", "message_id", unique=True,
              sqlite_where=text("message_id IS NOT NULL"), postgresql_where=text("message_id IS NOT NULL")),
    )
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    channel: Mapped[str] = mapped_column(String(30))  # sync.reference.Channel
    direction: Mapped[str] = mapped_column(String(10))  # sync.agent_desk.Direction
    sender: Mapped[str] = mapped_column(String(254), default="")  # e-mail (lower-cased) or E.164 phone
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    organization_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organizations.id"))
    subject: Mapped[str] = mapped_column(String(MAX_TEXT_FIELD), default="")
    text: Mapped[str] = mapped_column(Text, default="")  # the customer's words as they came
    note: Mapped[str] = mapped_column(String(MAX_TEXT_FIELD), default="")  # the agent's (A5)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)  # A8: sync.agent_desk.checked_tags
    # files that came with it, stored by SHA-256; they become the ticket's files when it joins one:
    # [{"file_name", "size", "sha256", "content_type"}]
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # an e-mail's Message-ID (or "sha256:…" of its content when it had none); None for other channels
    message_id: Mapped[str | None] = mapped_column(String(998))


class Task(Base):
    """An incoming activity waiting for an agent (the queue, A1) and its life after (A2). Not synced:
    the queue is read through ``/agent/queue``. Accepting is one conditional update (queued →
    accepted), so of concurrent accepts exactly one wins; the partial unique index holds A2 — an
    agent has at most one accepted task."""

    __tablename__ = "tasks"
    __table_args__ = (
        Index("uq_tasks_one_per_agent", "accepted_by", unique=True,
              sqlite_where=text("state = 'accepted'"), postgresql_where=text("state = 'accepted'")),
        Index("ix_tasks_queue", "state", "priority_rank", "arrived_at"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activities.id"), unique=True)
    state: Mapped[str] = mapped_column(String(20), default="queued")  # sync.agent_desk.TaskState
    priority: Mapped[str] = mapped_column(String(30), default="normal")  # sync.reference.Priority
    priority_rank: Mapped[int] = mapped_column(Integer, default=2)  # sync.agent_desk.PRIORITY_RANK: the order
    arrived_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    accepted_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)  # + 1 with every transition


class AgentState(Base):
    """An agent's «Готов» / «Не готов» (A4), with the reason of a Not Ready (``sync.agent_desk.NotReadyReason``)
    and when a live stream of the agent was last seen (presence). No row: the agent was never Ready."""

    __tablename__ = "agent_states"
    __table_args__ = (
        Index("ix_agent_states_ready", "since", sqlite_where=text("state = 'ready'"),
              postgresql_where=text("state = 'ready'")),
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(20), default="not_ready")  # sync.agent_desk.AgentStatus
    reason: Mapped[str | None] = mapped_column(String(30))  # sync.agent_desk.NotReadyReason; None when Ready
    since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)  # the database's clock
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)  # a live stream of the agent was open
    version: Mapped[int] = mapped_column(Integer, default=1)


class Offer(Base):
    """A task offered to one agent until ``deadline_at`` (the database's clock, A4). The partial unique
    indexes hold the invariants: at most one pending offer per task and per agent."""

    __tablename__ = "offers"
    __table_args__ = (
        Index("ix_offers_task_id", "task_id"),
        Index("uq_offers_pending_task", "task_id", unique=True, sqlite_where=text("state = 'pending'"),
              postgresql_where=text("state = 'pending'")),
        Index("uq_offers_pending_agent", "agent_id", unique=True, sqlite_where=text("state = 'pending'"),
              postgresql_where=text("state = 'pending'")),
        Index("ix_offers_deadline", "deadline_at", sqlite_where=text("state = 'pending'"),
              postgresql_where=text("state = 'pending'")),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id"))
    agent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deadline_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(20), default="pending")  # sync.agent_desk.OfferState
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution_key: Mapped[str | None] = mapped_column(String(100))  # the accept's or decline's idempotency key


# --- state registry (T2) ------------------------------------------------------------------------


class RegistryCacheEntry(Base):
    """T2: the registry provider's answer to one query, shared by all server processes
    (``sync.server.registry.cache``); not synced to clients."""

    __tablename__ = "registry_cache"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)  # "<inn>:<kpp>", "<inn>:" without a KPP
    parties: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # sync.registry.Party as JSON; [] = not found
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)  # when the provider answered
