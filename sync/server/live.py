"""Live change hints (S3): "changes up to N are committed", pushed to clients over SSE.

The hint is only a hint: clients still pull from their cursor, so a lost event loses nothing.
Inside a process a :class:`ChangeHub` fans a hint out to the open streams. Across processes the
database carries it: on PostgreSQL every committing transaction that changed records sends
``NOTIFY ksdesk_changes`` (delivered at commit, never for a rollback) and each process LISTENs on one
connection of its own, so any number of server processes behind a load balancer see every change.
SQLite serves one process: its commits publish to the hub directly.

Offers (the agent desk's push mode, A4) ride the same streams as their own event: a transaction that
changes an agent's offers names the agent (``note_offer``), and at commit the agent's streams are told to
look at its pending offer — through ``NOTIFY ksdesk_offers, '<agent id>'`` on PostgreSQL (so every
process hears it), through the :class:`AgentHub` directly on SQLite.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

CHANNEL = "ksdesk_changes"
OFFER_CHANNEL = "ksdesk_offers"  # payload: the id of the agent whose offers changed
OFFER_HINT = -1  # what an agent's stream finds in its queue when its offers changed (not a change number)
OFFER_AGENTS = "ksdesk_offer_agents"  # session.info key: agents whose offers this transaction changed
AGENT_HUB = "ksdesk_agent_hub"  # session.info key: the process's AgentHub
MAX_SEQ = "ksdesk_max_seq"  # session.info key: the highest change number reserved in this transaction
HUB = "ksdesk_change_hub"  # session.info key: the hub of the server process the session belongs to


class ChangeHub:
    """Thread-safe fan-out to the asyncio queues of this process's open streams."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: set[tuple[asyncio.AbstractEventLoop, asyncio.Queue[int | None]]] = set()
        self.closed = False
        self.latest = 0

    def publish(self, seq: int | None) -> None:
        with self._lock:
            if seq is not None:
                self.latest = max(self.latest, seq)
            targets = list(self._subscribers)
        for loop, queue in targets:
            with contextlib.suppress(RuntimeError):  # the loop has closed: its stream is gone
                loop.call_soon_threadsafe(queue.put_nowait, seq)

    @contextlib.contextmanager
    def subscribe(self) -> Iterator[asyncio.Queue[int | None]]:
        entry = (asyncio.get_running_loop(), asyncio.Queue[int | None]())
        with self._lock:
            self._subscribers.add(entry)
        try:
            yield entry[1]
        finally:
            with self._lock:
                self._subscribers.discard(entry)

    @property
    def subscribers(self) -> int:
        with self._lock:
            return len(self._subscribers)

    def close(self) -> None:
        """Server shutdown: every open stream ends (clients reconnect to another process)."""
        self.closed = True
        self.publish(None)


class AgentHub:
    """Thread-safe: which of this process's streams belong to which agent, and a poke to them (the
    :data:`OFFER_HINT` put in the stream's queue) when the agent's offers changed. A subscription to
    ``None`` hears every agent (the process's offer worker)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[uuid.UUID | None, set[tuple[asyncio.AbstractEventLoop, asyncio.Queue[int | None]]]] = {}

    def publish(self, agent_id: uuid.UUID | None) -> None:
        """Poke ``agent_id``'s streams and the listeners of every agent; ``None`` pokes all streams."""
        with self._lock:
            if agent_id is None:
                targets = {entry for entries in self._subscribers.values() for entry in entries}
            else:
                targets = {*self._subscribers.get(agent_id, ()), *self._subscribers.get(None, ())}
        for loop, queue in targets:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(queue.put_nowait, OFFER_HINT)

    @contextlib.contextmanager
    def subscribe(self, agent_id: uuid.UUID | None, queue: asyncio.Queue[int | None]) -> Iterator[None]:
        entry = (asyncio.get_running_loop(), queue)
        with self._lock:
            self._subscribers.setdefault(agent_id, set()).add(entry)
        try:
            yield
        finally:
            with self._lock:
                entries = self._subscribers.get(agent_id, set())
                entries.discard(entry)
                if not entries:
                    self._subscribers.pop(agent_id, None)

    def connected(self) -> list[uuid.UUID]:
        """The agents with at least one open stream in this process (presence)."""
        with self._lock:
            return [agent for agent in self._subscribers if agent is not None]


def note_offer(session: Session, agent_id: uuid.UUID) -> None:
    """This transaction changed ``agent_id``'s offers: its streams look again once it commits."""
    session.info.setdefault(OFFER_AGENTS, set()).add(agent_id)


async def run_rounds(hub: ChangeHub, one_round: Callable[[], float], *, first_wait: float, after_error_s: float,
                     what: str,
                     also: Callable[[asyncio.Queue[int | None]], AbstractContextManager[object]] | None = None) -> None:
    """A background worker of a server process, until cancelled: ``one_round`` runs on a thread after
    ``first_wait``, then after every change hint (a burst of hints is one round) or when the wait it
    returned is over. A failing round is logged and tried again ``after_error_s`` later. ``also``
    subscribes the same queue to more hints (the offer worker: any agent's offers changed)."""
    with hub.subscribe() as hints, also(hints) if also is not None else contextlib.nullcontext():
        wait = first_wait
        while not hub.closed:
            if wait:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(hints.get(), wait)
            while not hints.empty():
                hints.get_nowait()
            if hub.closed:
                return
            try:
                wait = await asyncio.to_thread(one_round)
            except Exception:  # never let a bad round stop the worker
                log.exception("%s failed", what)
                wait = after_error_s


def note_changes(session: Session, last_seq: int) -> None:
    """Called by the change-numbering hook when it reserves numbers."""
    session.info[MAX_SEQ] = max(int(session.info.get(MAX_SEQ, 0)), last_seq)


@event.listens_for(Session, "before_commit")
def _notify_in_transaction(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: the hint goes with the outermost commit
    seq = session.info.get(MAX_SEQ)
    if seq and session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, :seq)"), {"channel": CHANNEL, "seq": str(seq)})
    agents = session.info.get(OFFER_AGENTS)
    if agents and session.get_bind().dialect.name == "postgresql":
        for agent in sorted(agents):
            session.execute(text("SELECT pg_notify(:channel, :agent)"), {"channel": OFFER_CHANNEL, "agent": str(agent)})


@event.listens_for(Session, "after_commit")
def _publish_after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint was released (this event fires for those too): nothing is committed yet
    seq = session.info.pop(MAX_SEQ, None)
    agents = session.info.pop(OFFER_AGENTS, None)
    if session.get_bind().dialect.name == "postgresql":
        return  # the NOTIFYs of the transaction reach every process, this one included
    hub = session.info.get(HUB)
    if seq and hub is not None:
        hub.publish(int(seq))
    agent_hub = session.info.get(AGENT_HUB)
    if agents and agent_hub is not None:
        for agent in agents:
            agent_hub.publish(agent)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    if not session.in_transaction():
        session.info.pop(MAX_SEQ, None)
        session.info.pop(OFFER_AGENTS, None)


class PgListener:
    """One LISTEN connection per process, on a thread; reconnects with backoff when it drops."""

    def __init__(self, engine: Engine, hub: ChangeHub, agents: AgentHub | None = None) -> None:
        self._conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._hub = hub
        self._agents = agents
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pg-listen", daemon=True)
        self.listening = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        import psycopg

        delay = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    conn.execute(f"LISTEN {OFFER_CHANNEL}")
                    self.listening.set()
                    delay = 0.5
                    # a reconnect may have missed hints: tell the streams to look (the cursor is the truth)
                    self._hub.publish(self._hub.latest)
                    if self._agents is not None:
                        self._agents.publish(None)
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            if note.channel == OFFER_CHANNEL:
                                if self._agents is not None:
                                    self._agents.publish(_as_uuid(note.payload))
                            else:
                                self._hub.publish(_as_int(note.payload))
            except psycopg.Error as exc:
                self.listening.clear()
                log.warning("LISTEN connection lost (%s); reconnecting in %.1f s", exc, delay)
                self._stop.wait(delay)
                delay = min(delay * 2, 10.0)


def _as_uuid(payload: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(payload))
    except ValueError:
        return None


def _as_int(payload: Any) -> int | None:
    try:
        return int(payload)
    except (TypeError, ValueError):
        return None
