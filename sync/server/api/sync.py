from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sync.protocol import MAX_PULL_PAGE, ChangesPage, PushRequest, PushResponse
from sync.server import sync_service
from sync.server.deps import CurrentUser, SessionDep, StateDep

router = APIRouter(prefix="/sync", tags=["sync"])


@router.get("/changes", response_model=ChangesPage)
def changes(
    state: StateDep,
    _user: CurrentUser,
    after: Annotated[int, Query(ge=0, description="the cursor from the previous page; 0 for everything")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_PAGE)] = 1000,
) -> ChangesPage:
    """Records changed after the cursor, oldest first; deletions come as tombstones (S3)."""
    with sync_service.snapshot_session(state.session_factory) as snapshot:
        return sync_service.pull(snapshot, after, limit)


@router.post("/push", response_model=PushResponse)
def push(body: PushRequest, session: SessionDep, user: CurrentUser) -> PushResponse:
    """Apply outbox entries, each exactly once, with a result per entry (S2, S4)."""
    return PushResponse(results=sync_service.push(session, user, body))
