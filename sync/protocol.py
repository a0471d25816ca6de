"""Wire schemas of the API under ``/api/v1`` shared by server and client (pydantic, no Qt)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from sync import accounts
from sync.errors import ErrorCode
from sync.numbers import Version
from sync.roles import Line, Role
from sync.text import Text


def plain(value: Any) -> Any:
    """A column value as records carry it in JSON: ids and moments as text."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value

API_PREFIX = "/api/v1"


class ErrorDetail(BaseModel):
    # text, not the enum: a newer server may send a code this build does not know (clients show its message)
    code: str = Field(description="a stable code to branch on (sync.errors.ErrorCode); each answer lists its own",
                      json_schema_extra={"enum": [str(c) for c in ErrorCode]})
    message: str = Field(description="what to tell the user, in Russian")
    field: str | None = Field(default=None, description="the request's field the error is about, if one")


class ErrorBody(BaseModel):
    """Every error answer of the API, whatever its status: ``{"error": {code, message, field}}``."""

    error: ErrorDetail


class Health(BaseModel):
    status: str = "ok"
    version: str
    database: str = Field(description="sqlite or postgresql")
    server_time: datetime


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    login: Text = Field(min_length=1, max_length=64)  # the text rule: a NUL must not reach a query
    password: Text = Field(min_length=1, max_length=256)


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    refresh_token: Text = Field(min_length=16, max_length=256)


class UserPublic(BaseModel):
    id: uuid.UUID
    login: str
    full_name: str
    role: Role
    email: str | None = None
    line: Line | None = Field(default=None, description="the user's line (None from a server before lines were "
                                                       "set per user: the role's, sync.roles.line_of)")
    is_active: bool = True


class UserCreate(BaseModel):
    """A new user, made by a supervisor through ``POST /users`` (the rules: ``sync.accounts``)."""

    model_config = ConfigDict(extra="forbid")
    login: Text = Field(min_length=1, max_length=accounts.LOGIN_MAX)
    full_name: Text = Field(min_length=1, max_length=accounts.FULL_NAME_MAX)
    role: Role
    line: Line | None = Field(default=None, description="omitted: the role's line")
    password: Text = Field(min_length=1, max_length=accounts.PASSWORD_MAX,
                           description="the initial password (at least 4 characters)")


class UserUpdate(BaseModel):
    """What a supervisor may change of a user through ``PATCH /users/{id}``; a field left out (or null)
    stays as it is."""

    model_config = ConfigDict(extra="forbid")
    full_name: Text | None = Field(default=None, min_length=1, max_length=accounts.FULL_NAME_MAX)
    role: Role | None = None
    line: Line | None = None
    is_active: bool | None = Field(default=None,
                                   description="false: the user can no longer log in, refresh or keep a stream open")


class TemporaryPassword(BaseModel):
    """The answer of ``POST /users/{id}/password``: shown once, never stored (only its hash is)."""

    password: str


class UserAction(StrEnum):
    """What an audit entry of a user records (``entity`` = ``user``)."""

    CREATED = "created"  # changes: {"login", "full_name", "role", "line"}
    UPDATED = "updated"  # changes: {field: [old, new]}
    PASSWORD_RESET = "password_reset"  # changes: {} (never the password)


class AuditRecord(BaseModel):
    """One entry of the audit log (W3), as ``GET /audit`` answers it."""

    id: uuid.UUID
    at: datetime
    user_id: uuid.UUID | None = None
    user_name: str = Field(default="", description="who did it: their full name (empty for the system)")
    entity: str = Field(description="ticket, user, …")
    entity_id: uuid.UUID
    action: str
    changes: dict[str, Any] = Field(default_factory=dict)


class AuditPage(BaseModel):
    entries: list[AuditRecord] = Field(description="newest first")
    next_before: uuid.UUID | None = Field(default=None, description="pass as ``before`` for the older entries; "
                                                                    "None when there are none")


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="seconds until the access token expires")
    user: UserPublic


# --- sync (S2–S4) ---------------------------------------------------------------------------------

MAX_PUSH_BATCH = 500
MAX_PULL_PAGE = 5000


class Operation(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"
    # a ticket's action (W2, W3): ``data`` is ``{"action": "request_info", "text": "…"}``, judged by the
    # server through the one status machine (``sync.workflow``) against the ticket as it is then
    ACTION = "action"


class Mutation(BaseModel):
    """One outbox entry. ``id`` is the client-made idempotency key; ``base_version`` is the version
    the change was based on (None to create)."""

    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID
    kind: Text = Field(max_length=50)
    record_id: uuid.UUID
    op: Operation = Operation.UPSERT
    base_version: Version | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mutations: list[Mutation] = Field(max_length=MAX_PUSH_BATCH)

    @field_validator("mutations", mode="before")
    @classmethod
    def _batch_size(cls, value: Any) -> Any:
        """More than :data:`MAX_PUSH_BATCH` entries is ``batch_too_large`` (an error type the server
        answers with that code), found before any entry is checked."""
        if isinstance(value, list) and len(value) > MAX_PUSH_BATCH:
            raise PydanticCustomError(str(ErrorCode.BATCH_TOO_LARGE),
                                      "Слишком много изменений в одном запросе: не больше {limit}.",
                                      {"limit": MAX_PUSH_BATCH})
        return value


class ResultStatus(StrEnum):
    APPLIED = "applied"
    CONFLICT = "conflict"
    REJECTED = "rejected"
    # T5: the record already existed (same INN+KPP, or the same contact); the entry was merged into
    # it and ``record`` is that record: repoint the local id to ``record.id``
    MERGED = "merged"


class RecordOut(BaseModel):
    kind: str
    id: uuid.UUID
    version: int
    seq: int
    deleted: bool = False
    data: dict[str, Any] = Field(default_factory=dict)


class MutationResult(BaseModel):
    id: uuid.UUID
    status: ResultStatus
    record: RecordOut | None = None  # the server's record after applying, or the current one on conflict
    error: ErrorDetail | None = None


class PushResponse(BaseModel):
    results: list[MutationResult]


class ChangesPage(BaseModel):
    changes: list[RecordOut]
    cursor: int = Field(description="pass as ``after`` to get the next page")
    has_more: bool
    head: int = Field(default=0, description="the newest change number when the page was read (for progress)")


# --- tickets (N5) ---------------------------------------------------------------------------------


class HistoryAction(StrEnum):
    """What an entry of a ticket's history records (the server's audit log of the ticket)."""

    REGISTERED = "registered"  # changes: {"registration_number": "ОБР-…"}
    UPDATED = "updated"  # changes: {field: [old, new]} for each changed field
    ATTACHMENT_ADDED = "attachment_added"  # changes: {"file_name": "…"}
    # the actions of ``sync.workflow.Action`` (take, escalate, request_info, …) are recorded under their
    # own names: changes {field: [old, new]} for status, route, assignee_id, closed_at, and "text"
    MAIL = "mail"  # changes: {"kind", "recipient", "subject", "mail_id"}; the history adds "delivery"
    # the agent desk (issue 18): an activity joined the ticket — changes {"activity_id", "channel",
    # "direction", "sender", "subject"}; the applicant's reply moved it back to work — {"status": [old, new]}
    ACTIVITY_ADDED = "activity_added"
    APPLICANT_REPLIED = "applicant_replied"


class HistoryEntry(BaseModel):
    """One event of a ticket's history; ``GET /tickets/{id}/history`` answers a list, oldest first.
    ``action`` is a :class:`HistoryAction` value (a newer server may send others: show them as is)."""

    at: datetime
    user_id: uuid.UUID | None = None
    user_name: str = Field(default="", description="the user's full name (empty for the system)")
    action: str
    changes: dict[str, Any] = Field(default_factory=dict)
