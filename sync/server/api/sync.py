from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse

from sync.errors import ErrorCode
from sync.numbers import INT64_MAX
from sync.protocol import MAX_PULL_PAGE, ChangesPage, PushRequest, PushResponse
from sync.server import sync_service
from sync.server.deps import BearerDep, CurrentUser, SessionDep, StateDep, authenticate
from sync.server.errors import ServiceError
from sync.server.live import ChangeHub
from sync.server.openapi import errors

router = APIRouter(prefix="/sync", tags=["sync"])

HEARTBEAT_S = 15.0  # a comment line this often, so clients and proxies see a live connection
TICK_S = 0.5  # how often a quiet stream checks for shutdown
HINT_RECHECK_S = 1.0  # a hint re-checks the stream's login if the last check is older than this


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


@router.post("/push", response_model=PushResponse, responses=errors(ErrorCode.BATCH_TOO_LARGE))
def push(body: PushRequest, session: SessionDep, user: CurrentUser) -> PushResponse:
    """Apply outbox entries, each exactly once, with a result per entry (S2, S4)."""
    return PushResponse(results=sync_service.push(session, user, body))


@router.get("/stream", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}}, "description": "server-sent events"}})
async def stream(state: StateDep, credentials: BearerDep) -> StreamingResponse:
    """Live hints (S3): ``event: changed`` with ``{"seq": N}`` when changes up to N are committed.
    A hint, not data: pull ``/sync/changes`` from your cursor when one arrives (and on connect).
    The stream checks its login again every ``KSDESK_STREAM_RECHECK_S`` seconds and on hints: once
    the user is disabled or deleted or the token has expired, ``event: closed`` with the error's
    ``{"code": …}`` ends it."""

    def refused() -> str | None:
        try:
            with state.session_factory() as session:
                authenticate(state, session, credentials)
        except ServiceError as exc:
            return str(exc.code)
        return None

    reason = await run_in_threadpool(refused)
    if reason is not None:
        raise ServiceError(ErrorCode(reason))
    return StreamingResponse(_events(state.hub, refused, state.settings.stream_recheck_s),
                             media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def _event(name: str, data: dict[str, object]) -> str:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n"


async def _events(hub: ChangeHub, refused: Callable[[], str | None], recheck_s: float) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    with hub.subscribe() as queue:
        yield "retry: 2000\n" + _event("hello", {"seq": hub.latest})
        quiet, checked = 0.0, loop.time()
        tick = min(TICK_S, recheck_s)
        while not hub.closed:
            seq: int | None = None
            try:
                seq = await asyncio.wait_for(queue.get(), timeout=tick)
            except TimeoutError:
                quiet += tick
            hinted = seq is not None or not queue.empty()
            # a change to the user is itself a change: a hint checks too, at most once a second
            if loop.time() - checked >= (min(HINT_RECHECK_S, recheck_s) if hinted else recheck_s):
                checked = loop.time()
                reason = await run_in_threadpool(refused)
                if reason is not None:
                    yield _event("closed", {"code": reason})
                    return
            if not hinted:
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
