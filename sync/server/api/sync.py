from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse

from sync.errors import ErrorCode
from sync.numbers import INT64_MAX
from sync.protocol import MAX_PULL_PAGE, ChangesPage, PushRequest, PushResponse
from sync.server import offers, sync_service
from sync.server.deps import BearerDep, CurrentUser, SessionDep, StateDep, authenticate, token_user_id
from sync.server.errors import ServiceError
from sync.server.live import OFFER_HINT, AgentHub, ChangeHub
from sync.server.models import Offer
from sync.server.openapi import errors
from sync.server.state import ServerState

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
    ``{"code": …}`` ends it.

    The agent desk (A4): ``event: offer`` carries the user's pending offer (``OfferOut``: the task, the
    deadline and the server's time now) when it is made, and again at every connect while it is
    pending; ``event: offer_ended`` with ``{"id", "state"}`` when an offer sent on this stream stops
    being pending (accepted, timed out, declined or withdrawn). An open stream is the agent's presence."""

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
    agent_id = token_user_id(state.secret_key, credentials)
    return StreamingResponse(_events(state.hub, refused, state.settings.stream_recheck_s,
                                     offer_news=_offer_news(state, agent_id), agents=state.agents, agent_id=agent_id),
                             media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def _event(name: str, data: dict[str, object]) -> str:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n"


OfferNews = Callable[[uuid.UUID | None], tuple[list[str], uuid.UUID | None]]


def _offer_news(state: ServerState, agent_id: uuid.UUID) -> OfferNews:
    """What the agent's stream should say about offers, given the id of the pending offer it sent last:
    the events (``offer_ended`` for that one if it is no longer pending, ``offer`` for a new pending
    one) and the id it then has sent last."""

    def news(last: uuid.UUID | None) -> tuple[list[str], uuid.UUID | None]:
        events: list[str] = []
        with state.session_factory() as session:
            pending = offers.pending_offer(session, agent_id)
            if last is not None and (pending is None or pending.id != last):
                ended = session.get(Offer, last)
                events.append(_event("offer_ended", {"id": str(last), "state": ended.state if ended else "unknown"}))
                last = None
            if pending is not None and pending.id != last:
                out = offers.offer_out(session, pending)
                data: dict[str, Any] = json.loads(out.model_dump_json())
                events.append(_event("offer", data))
                last = pending.id
        return events, last

    return news


async def _events(hub: ChangeHub, refused: Callable[[], str | None], recheck_s: float, *,
                  offer_news: OfferNews | None = None, agents: AgentHub | None = None,
                  agent_id: uuid.UUID | None = None) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    with hub.subscribe() as queue, _agent_subscription(agents, agent_id, queue):
        yield "retry: 2000\n" + _event("hello", {"seq": hub.latest})
        last_offer: uuid.UUID | None = None
        if offer_news is not None:  # a (re)connecting agent gets its pending offer
            events, last_offer = await run_in_threadpool(offer_news, None)
            for event in events:
                yield event
        quiet, checked = 0.0, loop.time()
        tick = min(TICK_S, recheck_s)
        while not hub.closed:
            items: list[int | None] = []
            try:
                items.append(await asyncio.wait_for(queue.get(), timeout=tick))
            except TimeoutError:
                quiet += tick
            while not queue.empty():  # a burst of commits becomes one hint
                items.append(queue.get_nowait())
            changes = [item for item in items if item != OFFER_HINT]
            hinted = any(item is not None for item in changes) or len(changes) > 1
            # a change to the user is itself a change: a hint checks too, at most once a second
            if loop.time() - checked >= (min(HINT_RECHECK_S, recheck_s) if hinted else recheck_s):
                checked = loop.time()
                reason = await run_in_threadpool(refused)
                if reason is not None:
                    yield _event("closed", {"code": reason})
                    return
            if hub.closed:
                return
            if offer_news is not None and len(changes) < len(items):  # the agent's offers changed
                events, last_offer = await run_in_threadpool(offer_news, last_offer)
                for event in events:
                    quiet = 0.0
                    yield event
            if not hinted:
                if quiet >= HEARTBEAT_S:
                    quiet = 0.0
                    yield ": ping\n\n"
                continue
            quiet = 0.0
            seq = max((item for item in changes if item is not None), default=0)
            yield _event("changed", {"seq": seq or hub.latest})


@contextlib.contextmanager
def _agent_subscription(agents: AgentHub | None, agent_id: uuid.UUID | None,
                        queue: asyncio.Queue[int | None]) -> Iterator[None]:
    if agents is None or agent_id is None:
        yield
        return
    with agents.subscribe(agent_id, queue):
        yield
