"""The agent desk's shared rules and wire shapes (PRODUCT.md A1–A11; docs/agent-desk.md).

An **activity** is one interaction (an e-mail, a call, a portal message) attached to a ticket; a
**task** is an incoming activity waiting in the queue (glossary). The rules of what an agent types
live here once: the server re-checks them on every write, the client will guide the agent with them.

- A5: every free-text field the agent desk edits holds at most :data:`MAX_AGENT_TEXT` characters.
- A8: a tag is trimmed, non-empty, at most :data:`MAX_TAG` characters; an activity's tags are unique
  without regard to case, and the first spelling is the one kept.

A rule's refusal is a :class:`Problem` with a stable code (``sync.errors.ErrorCode``) and a Russian
message for the agent.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from sync.errors import ErrorCode
from sync.reference import MAX_TEXT_FIELD, Channel, Priority
from sync.text import bad_character

MAX_AGENT_TEXT = MAX_TEXT_FIELD  # A5: 2000 characters (code points, as Python counts them)
MAX_TAG = 50  # A8
MAX_TAGS = 100  # an activity's tags at most: more is no category any more


class Direction(StrEnum):
    """Which way an activity went: from the customer to us, or from us to the customer."""

    INCOMING = "incoming"
    OUTGOING = "outgoing"


class TaskState(StrEnum):
    """A task's life: waiting in the queue, accepted by an agent (A2: «Выполняется»), closed when the
    agent ends the interaction (A10), or cancelled (a supervisor's withdrawal: not in this step)."""

    QUEUED = "queued"
    ACCEPTED = "accepted"
    CLOSED = "closed"
    CANCELLED = "cancelled"


# the queue's order: priority first (critical before low), then time of arrival
PRIORITY_RANK: dict[str, int] = {Priority.CRITICAL: 0, Priority.HIGH: 1, Priority.NORMAL: 2, Priority.LOW: 3}

# the activity fields the agent desk edits, with their labels (A5); docs/agent-desk.md lists each limit
AGENT_TEXT_FIELDS: dict[str, str] = {"note": "Заметка"}


@dataclass(frozen=True, slots=True)
class Problem:
    code: ErrorCode
    message: str
    field: str


def text_problem(field: str, label: str, value: str) -> Problem | None:
    """A5: why ``value`` cannot be the field ``field`` (shown as ``label``), or None when it can."""
    if len(value) > MAX_AGENT_TEXT:
        return Problem(ErrorCode.TEXT_TOO_LONG,
                       f"Поле «{label}» длиннее {MAX_AGENT_TEXT} символов ({len(value)}): сократите его.", field)
    char = bad_character(value)
    if char is not None:
        return Problem(ErrorCode.VALIDATION_ERROR, f"В поле «{label}» недопустимый символ {char}: уберите его.", field)
    return None


def tag_key(tag: str) -> str:
    """What makes two tags the same: case does not (casefold, so «STRASSE» and «straße» are one)."""
    return tag.strip().casefold()


def tag_problem(tag: str) -> Problem | None:
    """A8: why ``tag`` (as typed, before trimming) cannot be a tag, or None when it can."""
    trimmed = tag.strip()
    if not trimmed:
        return Problem(ErrorCode.TAG_EMPTY, "Пустой тег не добавлен.", "tags")
    if len(trimmed) > MAX_TAG:
        return Problem(ErrorCode.TAG_TOO_LONG,
                       f"Тег «{trimmed[:20]}…» длиннее {MAX_TAG} символов ({len(trimmed)}) и не добавлен.", "tags")
    char = bad_character(trimmed)
    if char is not None:
        return Problem(ErrorCode.VALIDATION_ERROR, f"В теге недопустимый символ {char}: уберите его.", "tags")
    return None


def add_tag(tags: list[str], tag: str) -> list[str] | Problem:
    """The tags after the agent adds ``tag`` (trimmed), or why not: a tag already there in any case is
    refused, naming the spelling that stays."""
    problem = tag_problem(tag)
    if problem is not None:
        return problem
    trimmed = tag.strip()
    for present in tags:
        if tag_key(present) == tag_key(trimmed):
            return Problem(ErrorCode.TAG_DUPLICATE, f"Тег «{present}» уже есть.", "tags")
    if len(tags) >= MAX_TAGS:
        return Problem(ErrorCode.VALIDATION_ERROR, f"У активности не больше {MAX_TAGS} тегов.", "tags")
    return [*tags, trimmed]


def checked_tags(tags: Iterable[str]) -> list[str] | Problem:
    """A whole list of tags as a client sends it: each trimmed and checked, a repeat (in any case)
    refused. The list that comes back is what is stored."""
    kept: list[str] = []
    for tag in tags:
        added = add_tag(kept, tag)
        if isinstance(added, Problem):
            return added
        kept = added
    return kept


def merged_tags(first: Iterable[str], second: Iterable[str]) -> list[str]:
    """Both lists of valid tags as one set (A6 merges tags so): ``first``'s order and spelling, then
    what only ``second`` has."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in (*first, *second):
        key = tag_key(tag)
        if key not in seen:
            seen.add(key)
            out.append(tag.strip())
    return out


# --- wire shapes (``/api/v1/agent/…``) --------------------------------------------------------------


def _refuse(problem: Problem) -> PydanticCustomError:
    """A rule's refusal as the validation error whose type is its code (the server answers it as is)."""
    return PydanticCustomError(str(problem.code), problem.message, {"field": problem.field})


class ActivityEdit(BaseModel):
    """What the agent changes in an activity (``PATCH /agent/activities/{id}``): only the fields given."""

    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, description=f"the agent's note, at most {MAX_AGENT_TEXT} characters")
    tags: list[str] | None = Field(default=None, description=f"the whole list: each at most {MAX_TAG} characters "
                                   "after trimming, unique without regard to case")
    version: int | None = Field(default=None, description="the activity's version the edit is based on; "
                                "another is answered 409 conflict")

    @field_validator("note")
    @classmethod
    def _note(cls, value: str | None) -> str | None:
        if value is None:
            return None
        problem = text_problem("note", AGENT_TEXT_FIELDS["note"], value)
        if problem is not None:
            raise _refuse(problem)
        return value.strip()

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        if len(value) > MAX_TAGS:
            raise _refuse(Problem(ErrorCode.VALIDATION_ERROR, f"У активности не больше {MAX_TAGS} тегов.", "tags"))
        checked = checked_tags(value)
        if isinstance(checked, Problem):
            raise _refuse(checked)
        return checked


class ActivityOut(BaseModel):
    id: uuid.UUID
    ticket_id: uuid.UUID | None
    channel: Channel
    direction: Direction
    sender: str
    contact_id: uuid.UUID | None
    organization_id: uuid.UUID | None
    subject: str
    text: str
    note: str
    tags: list[str]
    files: list[dict[str, Any]] = Field(description="files that came with it: file_name, size, sha256, "
                                        "content_type; they become its ticket's files when it joins one")
    created_at: datetime
    version: int


class CustomerOut(BaseModel):
    """Who the sender was matched to (A3): a contact and its organization, by e-mail or phone."""

    contact_id: uuid.UUID
    full_name: str
    organization_id: uuid.UUID
    organization_name: str


class TaskOut(BaseModel):
    id: uuid.UUID
    state: TaskState
    priority: Priority
    arrived_at: datetime
    accepted_by: uuid.UUID | None
    accepted_at: datetime | None
    closed_at: datetime | None
    version: int
    activity: ActivityOut
    customer: CustomerOut | None = Field(description="null: the sender is no known contact (a new customer)")


class AcceptResult(BaseModel):
    """A3: the accepted task and the ticket its activity joined — ``joined`` says whether it was the
    customer's most recent open ticket (``existing``) or a new one (``new``); ``none`` when the
    sender is no known customer (the agent makes the customer first, A9)."""

    task: TaskOut
    ticket_id: uuid.UUID | None
    registration_number: str | None
    joined: str = Field(description="existing | new | none")


def summary(value: str, limit: int = 200) -> str:
    """A text's first ``limit`` characters on one line (a queue row's preview)."""
    line = " ".join(value.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def plain_tags(value: Any) -> list[str]:
    """A stored tags column as a list of text (a database may hand back None)."""
    return [str(t) for t in value] if isinstance(value, list) else []


# --- push mode: the agent's state and offers (A2, A4) -------------------------------------------------

IDEMPOTENCY_HEADER = "Idempotency-Key"
MAX_IDEMPOTENCY_KEY = 100


class AgentStatus(StrEnum):
    """«Готов» (the server offers tasks) or «Не готов» (with a :class:`NotReadyReason`)."""

    READY = "ready"
    NOT_READY = "not_ready"


class NotReadyReason(StrEnum):
    """Why an agent is Not Ready: their own choice, or the server's — an offer not answered in time
    («Нет ответа»), or no live stream for the presence timeout («Нет связи»)."""

    CHOSEN = "chosen"
    NO_ANSWER = "no_answer"
    NO_CONNECTION = "no_connection"


class OfferState(StrEnum):
    """An offer's life: pending until the agent accepts or declines it, its deadline passes
    (``timed_out``), or the server withdraws it (``rescinded``: the task was taken by pull, the agent
    went Not Ready or lost the connection)."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    TIMED_OUT = "timed_out"
    DECLINED = "declined"
    RESCINDED = "rescinded"


class AgentStateChange(BaseModel):
    """``PUT /agent/state``: Ready, or Not Ready by the agent's own choice (the other reasons are the
    server's)."""

    model_config = ConfigDict(extra="forbid")

    state: AgentStatus
    reason: NotReadyReason | None = Field(default=None, description="only with not_ready; only «chosen» "
                                          "may be given (the default)")

    @field_validator("reason")
    @classmethod
    def _reason(cls, value: NotReadyReason | None) -> NotReadyReason | None:
        if value not in (None, NotReadyReason.CHOSEN):
            raise PydanticCustomError(str(ErrorCode.VALIDATION_ERROR),
                                      "Причину «Нет ответа» или «Нет связи» ставит только сервер.", {"field": "reason"})
        return value


class OfferDecision(BaseModel):
    """The body of ``/agent/offers/{id}/accept|decline`` (optional): the idempotency key, which may also
    come as the ``Idempotency-Key`` header."""

    model_config = ConfigDict(extra="forbid")

    idempotency_key: str | None = Field(default=None, min_length=1, max_length=MAX_IDEMPOTENCY_KEY)


class OfferOut(BaseModel):
    """An offer as its agent sees it: the task (its summary), the deadline and the server's time now, so
    a countdown is the deadline minus ``now`` whatever the client's clock says."""

    id: uuid.UUID
    state: OfferState
    created_at: datetime
    deadline_at: datetime
    now: datetime = Field(description="the server's clock when this was sent")
    task: TaskOut


class AgentStateOut(BaseModel):
    """``GET /agent/state``: the agent's own state, the pending offer (if any), the held task (if any)."""

    state: AgentStatus
    reason: NotReadyReason | None
    since: datetime | None
    version: int
    offer: OfferOut | None
    task: TaskOut | None
    now: datetime
