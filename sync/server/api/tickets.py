"""A ticket's history (N5): what happened to it and who did it, from the server's audit log."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from sync.protocol import HistoryEntry
from sync.server import tickets
from sync.server.deps import CurrentUser, SessionDep

router = APIRouter(prefix="/tickets", tags=["tickets"])


@router.get("/{ticket_id}/history", response_model=list[HistoryEntry])
def history(ticket_id: uuid.UUID, session: SessionDep, _user: CurrentUser) -> list[HistoryEntry]:
    """The ticket's history, **oldest first**: its registration, changes of its fields (``updated``,
    with ``changes`` = {field: [old, new]}) and files added to it. Any signed-in user may read it."""
    return tickets.history(session, ticket_id)
