"""A ticket's history (N5): what happened to it and who did it, from the server's audit log."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter

from sync.errors import ErrorCode
from sync.protocol import ErrorBody, HistoryEntry
from sync.server import tickets
from sync.server.deps import CurrentUser, SessionDep
from sync.server.errors import STATUS

router = APIRouter(prefix="/tickets", tags=["tickets"])

ERRORS: dict[int | str, dict[str, Any]] = {
    STATUS[ErrorCode.NOT_FOUND]: {"model": ErrorBody, "description": "not_found: no such ticket"},
}


@router.get("/{ticket_id}/history", response_model=list[HistoryEntry], responses=ERRORS)
def history(ticket_id: uuid.UUID, session: SessionDep, _user: CurrentUser) -> list[HistoryEntry]:
    """The ticket's history, **oldest first**: its registration, changes of its fields (``updated``,
    with ``changes`` = {field: [old, new]}) and files added to it. Any signed-in user may read it."""
    return tickets.history(session, ticket_id)
