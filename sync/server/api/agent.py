"""The agent desk's API (issue 18): the queue, accepting and closing a task (pull mode, A1–A3), and the
agent's edits of an activity (A5, A8). Every role handles tasks (``Permission.HANDLE_TASKS``)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from sync.agent_desk import AcceptResult, ActivityEdit, ActivityOut, TaskOut
from sync.errors import ErrorCode
from sync.roles import Permission
from sync.server import agent_desk
from sync.server.deps import SessionDep, require
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
def accept(task_id: uuid.UUID, session: SessionDep, user: Agent) -> AcceptResult:
    """A2, A3: take a queued task. Of concurrent accepts exactly one wins; the others get 409
    ``task_taken``. An agent holds one task at a time: 409 ``agent_busy`` while another is accepted.
    The activity joins the customer's most recent open ticket, or a ticket registered for it now."""
    return agent_desk.accept(session, user, task_id)


@router.post("/tasks/{task_id}/close", response_model=TaskOut, responses=errors(ErrorCode.TASK_NOT_HELD))
def close(task_id: uuid.UUID, session: SessionDep, user: Agent) -> TaskOut:
    """A10: end the interaction; the agent may accept the next task."""
    return agent_desk.close(session, user, task_id)


@router.patch("/activities/{activity_id}", response_model=ActivityOut,
              responses=errors(ErrorCode.TEXT_TOO_LONG, ErrorCode.TAG_EMPTY, ErrorCode.TAG_TOO_LONG,
                               ErrorCode.TAG_DUPLICATE, ErrorCode.CONFLICT))
def edit_activity(activity_id: uuid.UUID, edit: ActivityEdit, session: SessionDep, user: Agent) -> ActivityOut:
    """A5, A8: the agent's note (at most 2000 characters) and the activity's tags (each trimmed, at
    most 50 characters, unique without regard to case). Only the fields given change."""
    return agent_desk.edit_activity(session, user, activity_id, edit)
