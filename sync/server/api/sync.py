from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse

from sync.numbers import INT64_MAX
from sync.protocol import MAX_PULL_PAGE, ChangesPage, PushRequest, PushResponse
from sync.server import sync_service
from sync.server.deps import BearerDep, CurrentUser, SessionDep, StateDep, authenticate
from sync.server.live import ChangeHub

router = APIRouter(prefix="/sync", tags=["sync"])

HEARTBEAT_S = 15.0  # a comment line this often, so clients and proxies see a live connection
TICK_S = 0.5  # how often a quiet stream checks for shutdown


@router.get("/changes", response_model=ChangesPage)
def changes(
    state: StateDep,
    _user: CurrentUser,
    after: Annotated[int, Query(ge=0, le=INT64_MAX,
                                description="the cursor from the previous page; 0 for everything")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_PAGE)] = 1000,
) -> Response:
    """Records changed after the cursor, oldest first; deletions come as tombstones (S3)."""
    with sync_service.snapshot_session(state.session_factory) as snapshot:
        return Response(sync_service.pull_json(snapshot, after, limit), media_type="application/json")


@router.post("/push", response_model=PushResponse)
def push(body: PushRequest, session: SessionDep, user: CurrentUser) -> PushResponse:
    """Apply outbox entries, each exactly once, with a result per entry (S2, S4)."""
    return PushResponse(results=sync_service.push(session, user, body))


@router.get("/stream", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}}, "description": "server-sent events"}})
async def stream(state: StateDep, credentials: BearerDep) -> StreamingResponse:
    """Live hints (S3): ``event: changed`` with ``{"seq": N}`` when changes up to N are committed.
    A hint, not data: pull ``/sync/changes`` from your cursor when one arrives (and on connect)."""

    def check() -> None:
        with state.session_factory() as session:
            authenticate(state, session, credentials)

    await run_in_threadpool(check)
    return StreamingResponse(_events(state.hub), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def _event(name: str, data: dict[str, int]) -> str:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n"


async def _events(hub: ChangeHub) -> AsyncIterator[str]:
    with hub.subscribe() as queue:
        yield "retry: 2000\n" + _event("hello", {"seq": hub.latest})
        quiet = 0.0
        while not hub.closed:
            try:
                seq = await asyncio.wait_for(queue.get(), timeout=TICK_S)
            except TimeoutError:
                quiet += TICK_S
                if quiet >= HEARTBEAT_S:
                    quiet = 0.0
                    yield ": ping\n\n"
                continue
            while not queue.empty():  # a burst of commits becomes one hint
                seq = max(seq or 0, queue.get_nowait() or 0)
            if hub.closed:
                return
            quiet = 0.0
            yield _event("changed", {"seq": seq or hub.latest})
