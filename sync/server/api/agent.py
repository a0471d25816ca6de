"""The agent desk's API (issue 18): the queue, accepting and closing a task (pull mode, A1–A3), the
agent's state and the offers of push mode (A2, A4), and the agent's edits of an activity (A5, A8).
Every role handles tasks (``Permission.HANDLE_TASKS``)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query

from sync.agent_desk import (
    MAX_IDEMPOTENCY_KEY,
    AcceptResult,
    ActivityEdit,
    ActivityOut,
    AgentStateChange,
    AgentStateOut,
    OfferDecision,
    OfferOut,
    TaskOut,
)
from sync.errors import ErrorCode
from sync.roles import Permission
from sync.server import agent_desk, offers
from sync.server.deps import SessionDep, StateDep, require
from sync.server.errors import ServiceError
from sync.server.models import User
from sync.server.openapi import errors

router = APIRouter(prefix="/agent", tags=["agent desk"])

Agent = Annotated[User, Depends(require(Permission.HANDLE_TASKS))]


@router.get("/queue", response_model=list[TaskOut])
def queue(session: SessionDep, _user: Agent,
          limit: Annotated[int, Query(ge=1, le=agent_desk.MAX_QUEUE_PAGE)] = 200) -> list[TaskOut]:
    """A1: the queued tasks, **priority first, then by arrival**, each with its activity and the customer
    its sender was matched to (null: not a known contact)."""
    return agent_desk.queue(session, limit)


@router.post("/tasks/{task_id}/accept", response_model=AcceptResult,
             responses=errors(ErrorCode.TASK_TAKEN, ErrorCode.TASK_CLOSED, ErrorCode.AGENT_BUSY))
def accept(task_id: uuid.UUID, session: SessionDep, state: StateDep, user: Agent) -> AcceptResult:
    """A2, A3: take a queued task. Of concurrent accepts exactly one wins; the others get 409
    ``task_taken``. An agent holds one task at a time: 409 ``agent_busy`` while another is accepted.
    The activity joins the customer's most recent open ticket, or a ticket registered for it now."""
    result = agent_desk.accept(session, user, task_id)
    offers.dispatch(session, state.settings.offer_timeout_s)  # an offer it withdrew goes to the next agent
    return result


@router.post("/tasks/{task_id}/close", response_model=TaskOut, responses=errors(ErrorCode.TASK_NOT_HELD))
def close(task_id: uuid.UUID, session: SessionDep, state: StateDep, user: Agent) -> TaskOut:
    """A10: end the interaction; the agent may accept the next task (a Ready agent is offered it)."""
    task = agent_desk.close(session, user, task_id)
    offers.dispatch(session, state.settings.offer_timeout_s)
    return task


# --- push mode (A2, A4) ----------------------------------------------------------------------------------

KeyHeader = Annotated[str | None, Header(alias="Idempotency-Key", max_length=MAX_IDEMPOTENCY_KEY,
                                         description="makes a repeat (a lost answer) safe; or the body's field")]


def _key(header: str | None, body: OfferDecision | None) -> str | None:
    given = body.idempotency_key if body is not None else None
    if header is not None and given is not None and header != given:
        raise ServiceError(ErrorCode.VALIDATION_ERROR, "Ключ в заголовке и в теле запроса различаются.",
                           "idempotency_key")
    return header or given


@router.get("/state", response_model=AgentStateOut)
def get_state(session: SessionDep, user: Agent) -> AgentStateOut:
    """The agent's own state, the pending offer (with its deadline) and the held task, with the server's
    time now (a countdown is ``offer.deadline_at - now``)."""
    return offers.state_of(session, user)


@router.put("/state", response_model=AgentStateOut)
def put_state(change: AgentStateChange, session: SessionDep, state: StateDep, user: Agent) -> AgentStateOut:
    """A4: «Готов» (``ready``: the server offers the next task over the live stream) or «Не готов»
    (``not_ready``, reason ``chosen``): a pending offer is withdrawn and goes to the next agent."""
    return offers.set_state(session, user, change, state.settings.offer_timeout_s)


@router.post("/offers/{offer_id}/accept", response_model=AcceptResult,
             responses=errors(ErrorCode.TASK_TAKEN, ErrorCode.OFFER_EXPIRED, ErrorCode.AGENT_BUSY,
                              ErrorCode.IDEMPOTENCY_KEY_REUSED))
def accept_offer(offer_id: uuid.UUID, session: SessionDep, user: Agent, key: KeyHeader = None,
                 body: OfferDecision | None = None) -> AcceptResult:
    """A2, A4: take the offered task — the pull accept's one conditional update, so of an offer's accept
    and another agent's pull exactly one wins. 409 ``offer_expired`` after the deadline or once the offer
    was withdrawn, ``task_taken`` when another agent took the task. A repeat answers the same."""
    return offers.accept_offer(session, user, offer_id, _key(key, body))


@router.post("/offers/{offer_id}/decline", response_model=OfferOut,
             responses=errors(ErrorCode.TASK_TAKEN, ErrorCode.OFFER_EXPIRED, ErrorCode.IDEMPOTENCY_KEY_REUSED))
def decline_offer(offer_id: uuid.UUID, session: SessionDep, state: StateDep, user: Agent, key: KeyHeader = None,
                  body: OfferDecision | None = None) -> OfferOut:
    """A4: decline the offer; the task goes back to its place in the queue and to another Ready agent
    (not to this one while another is Ready). The agent stays Ready. A repeat answers the same."""
    return offers.decline_offer(session, user, offer_id, _key(key, body), state.settings.offer_timeout_s)


@router.patch("/activities/{activity_id}", response_model=ActivityOut,
              responses=errors(ErrorCode.TEXT_TOO_LONG, ErrorCode.TAG_EMPTY, ErrorCode.TAG_TOO_LONG,
                               ErrorCode.TAG_DUPLICATE, ErrorCode.CONFLICT))
def edit_activity(activity_id: uuid.UUID, edit: ActivityEdit, session: SessionDep, user: Agent) -> ActivityOut:
    """A5, A8: the agent's note (at most 2000 characters) and the activity's tags (each trimmed, at
    most 50 characters, unique without regard to case). Only the fields given change."""
    return agent_desk.edit_activity(session, user, activity_id, edit)
