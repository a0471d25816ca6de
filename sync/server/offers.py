"""The agent desk's push mode (issue 18; A2, A4): the agent's «Готов» / «Не готов», offers with a deadline
from the database's clock, and the worker every server process runs to time offers out, notice agents
whose live streams are gone, and offer queued tasks to Ready agents.

What the database holds, not this code: at most one pending offer per task and per agent (partial unique
indexes), one accepted task per agent (step 1's index). Accepting an offer goes through step 1's one
conditional update (``agent_desk.accept``), so an offer's accept and another agent's pull cannot both
win. Locks are always taken in one order — the agent's state, then the task, then the offer — and the
dispatcher and the sweeper skip rows another transaction holds (``FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite has one
writer), so any number of processes may run them at once. Every transition is an ``AuditEntry``
(entity ``offer``, and ``agent`` for the state) with its actor, reason and the database's time.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sync.agent_desk import (
    AcceptResult,
    AgentStateChange,
    AgentStateOut,
    AgentStatus,
    NotReadyReason,
    OfferOut,
    OfferState,
    TaskState,
)
from sync.errors import ErrorCode
from sync.server import agent_desk
from sync.server.agent_desk import db_now, resolve_offer
from sync.server.db import write_scope
from sync.server.errors import ServiceError
from sync.server.live import AgentHub, ChangeHub, note_offer, run_rounds
from sync.server.models import AgentState, AuditEntry, Offer, Task, User
from sync.server.settings import Settings

log = logging.getLogger(__name__)

MISSED = (OfferState.TIMED_OUT, OfferState.DECLINED)  # a task is not offered again to these agents …
DISPATCH_LOOKAHEAD = 100  # … while another is Ready: the tasks looked at beyond one per free agent
SWEEP_BATCH = 100
IDLE_WAIT_S = 1.0  # the worker looks at least this often (a missed hint costs at most this)
AFTER_ERROR_S = 5.0


def _locked(session: Session, query: Any) -> Any:
    return query.with_for_update(skip_locked=True) if session.get_bind().dialect.name == "postgresql" else query


# --- the agent's state ---------------------------------------------------------------------------------


def _audit_agent(session: Session, actor: User | None, row: AgentState, old: tuple[str | None, str | None],
                 now: datetime) -> None:
    session.add(AuditEntry(user_id=actor.id if actor else None, entity="agent", entity_id=row.user_id,
                           action="state", changes={"state": [old[0], row.state], "reason": [old[1], row.reason],
                                                    "at": now.isoformat()}))


def _set(session: Session, actor: User | None, row: AgentState, state: AgentStatus,
         reason: NotReadyReason | None, now: datetime) -> None:
    old = (row.state, row.reason)
    if old == (state, reason):
        return
    row.state, row.reason, row.since, row.version = state, reason, now, row.version + 1
    _audit_agent(session, actor, row, old, now)


def _state_row(session: Session, user_id: uuid.UUID, now: datetime) -> AgentState:
    """The agent's row, locked (made Not Ready the first time; a concurrent first time is one row)."""
    row = session.get(AgentState, user_id, with_for_update=True, populate_existing=True)
    if row is not None:
        return row
    try:
        with session.begin_nested():
            session.add(AgentState(user_id=user_id, state=AgentStatus.NOT_READY, reason=None, since=now, seen_at=now,
                                   version=1))
    except IntegrityError:
        pass  # another request made it meanwhile
    row = session.get(AgentState, user_id, with_for_update=True, populate_existing=True)
    assert row is not None
    return row


def pending_offer(session: Session, agent_id: uuid.UUID) -> Offer | None:
    return session.scalar(select(Offer).where(Offer.agent_id == agent_id, Offer.state == OfferState.PENDING))


def set_state(session: Session, user: User, change: AgentStateChange, timeout_s: float) -> AgentStateOut:
    """«Готов» / «Не готов» by the agent. Not Ready withdraws a pending offer (its task goes to the next
    agent); Ready may bring an offer at once."""
    now = db_now(session)
    row = _state_row(session, user.id, now)  # the state's lock before the offer's (the one order)
    offer = session.scalar(select(Offer).where(Offer.agent_id == user.id, Offer.state == OfferState.PENDING)
                           .with_for_update())
    if change.state == AgentStatus.READY:
        _set(session, user, row, AgentStatus.READY, None, now)
        row.seen_at = now  # presence: the agent has the presence timeout to open a live stream
    else:
        _set(session, user, row, AgentStatus.NOT_READY, change.reason or NotReadyReason.CHOSEN, now)
        if offer is not None:
            resolve_offer(session, user, offer, OfferState.RESCINDED, now, "agent_not_ready")
    session.flush()
    dispatch(session, timeout_s)
    return state_of(session, user)


def state_of(session: Session, user: User) -> AgentStateOut:
    row = session.get(AgentState, user.id)
    offer = pending_offer(session, user.id)
    held = agent_desk.held_task(session, user)
    now = db_now(session)
    return AgentStateOut(
        state=AgentStatus(row.state) if row else AgentStatus.NOT_READY,
        reason=NotReadyReason(row.reason) if row and row.reason else None, since=row.since if row else None,
        version=row.version if row else 0, offer=offer_out(session, offer, now) if offer else None,
        task=agent_desk.task_out(session, held) if held else None, now=now)


def offer_out(session: Session, offer: Offer, now: datetime | None = None) -> OfferOut:
    task = session.get(Task, offer.task_id)
    assert task is not None
    return OfferOut(id=offer.id, state=OfferState(offer.state), created_at=offer.created_at,
                    deadline_at=offer.deadline_at, now=now or db_now(session), task=agent_desk.task_out(session, task))


# --- offering --------------------------------------------------------------------------------------------


def dispatch(session: Session, timeout_s: float) -> int:
    """Offer queued tasks (priority, then arrival) to Ready agents with no task and no pending offer
    (longest Ready first), in the caller's transaction; returns how many offers were made. A task an
    agent let time out or declined is not offered to them again while another agent is Ready."""
    busy = select(Task.accepted_by).where(Task.state == TaskState.ACCEPTED, Task.accepted_by.is_not(None))
    offered_agents = select(Offer.agent_id).where(Offer.state == OfferState.PENDING)
    free: list[AgentState] = list(session.scalars(_locked(session, (
        select(AgentState)
        .where(AgentState.state == AgentStatus.READY, AgentState.user_id.not_in(busy),
               AgentState.user_id.not_in(offered_agents))
        .order_by(AgentState.since, AgentState.user_id)))))
    if not free:
        return 0
    offered_tasks = select(Offer.task_id).where(Offer.state == OfferState.PENDING)
    tasks = list(session.scalars(_locked(session, (
        select(Task).where(Task.state == TaskState.QUEUED, Task.id.not_in(offered_tasks))
        .order_by(Task.priority_rank, Task.arrived_at, Task.id).limit(len(free) + DISPATCH_LOOKAHEAD)))))
    if not tasks:
        return 0
    ready = set(session.scalars(select(AgentState.user_id).where(AgentState.state == AgentStatus.READY)))
    now = db_now(session)
    made = 0
    for task in tasks:
        if not free:
            break
        missed = set(session.scalars(select(Offer.agent_id).where(Offer.task_id == task.id,
                                                                   Offer.state.in_([str(s) for s in MISSED]))))
        pick = next((agent for agent in free if agent.user_id not in missed), None)
        if pick is None and not ready - missed:  # nobody else is Ready: the task may come back to them
            pick = free[0]
        if pick is None:
            continue  # it waits for another agent
        free.remove(pick)
        offer = Offer(id=uuid.uuid4(), task_id=task.id, agent_id=pick.user_id, created_at=now,
                      deadline_at=now + timedelta(seconds=timeout_s), state=OfferState.PENDING)
        try:
            with session.begin_nested():
                session.add(offer)
        except IntegrityError:  # another process offered the task, or to the agent, meanwhile
            continue
        session.add(AuditEntry(user_id=None, entity="offer", entity_id=offer.id, action="offered", changes={
            "state": [None, OfferState.PENDING], "task_id": str(task.id), "agent_id": str(pick.user_id),
            "deadline_at": offer.deadline_at.isoformat(), "at": now.isoformat()}))
        note_offer(session, pick.user_id)
        made += 1
    session.flush()
    return made


def accept_offer(session: Session, user: User, offer_id: uuid.UUID, key: str | None) -> AcceptResult:
    """The agent takes the offered task, through the pull accept's conditional update. A repeat (the
    answer was lost) answers the same; after the deadline, or once the offer was withdrawn, 409
    ``offer_expired`` (``task_taken`` when another agent took the task)."""
    offer = _own(session, user, offer_id)
    _same_key(offer, key, OfferState.ACCEPTED)
    if offer.state == OfferState.ACCEPTED:
        return agent_desk.accept(session, user, offer.task_id)  # the task is theirs: the same answer
    if offer.state != OfferState.PENDING:
        raise _gone(session, offer)
    session.get(AgentState, user.id, with_for_update=True)  # the agent's, then the task's (the one order)
    session.get(Task, offer.task_id, with_for_update=True)
    now = db_now(session)
    changed = cast(CursorResult[Any], session.execute(
        update(Offer).where(Offer.id == offer.id, Offer.state == OfferState.PENDING, Offer.deadline_at > now)
        .values(state=OfferState.ACCEPTED, resolved_at=now, resolution_key=key)
        .execution_options(synchronize_session=False))).rowcount
    session.refresh(offer)
    if not changed:
        if offer.state == OfferState.ACCEPTED:
            return agent_desk.accept(session, user, offer.task_id)
        raise _gone(session, offer)
    session.add(AuditEntry(user_id=user.id, entity="offer", entity_id=offer.id, action=OfferState.ACCEPTED, changes={
        "state": [OfferState.PENDING, OfferState.ACCEPTED], "task_id": str(offer.task_id),
        "agent_id": str(offer.agent_id), "reason": "accepted", "at": now.isoformat()}))
    note_offer(session, user.id)
    return agent_desk.accept(session, user, offer.task_id)  # raises (and rolls all back) when it lost


def decline_offer(session: Session, user: User, offer_id: uuid.UUID, key: str | None, timeout_s: float) -> OfferOut:
    """The agent declines: the task goes back to its place in the queue and to another Ready agent (not to
    them while another is Ready); they stay Ready. A repeat answers the same."""
    offer = _own(session, user, offer_id)
    _same_key(offer, key, OfferState.DECLINED)
    if offer.state == OfferState.DECLINED:
        return offer_out(session, offer)
    if offer.state != OfferState.PENDING:
        raise _gone(session, offer)
    session.get(AgentState, user.id, with_for_update=True)
    session.get(Task, offer.task_id, with_for_update=True)
    now = db_now(session)
    changed = cast(CursorResult[Any], session.execute(
        update(Offer).where(Offer.id == offer.id, Offer.state == OfferState.PENDING)
        .values(state=OfferState.DECLINED, resolved_at=now, resolution_key=key)
        .execution_options(synchronize_session=False))).rowcount
    session.refresh(offer)
    if not changed:
        if offer.state == OfferState.DECLINED:
            return offer_out(session, offer)
        raise _gone(session, offer)
    session.add(AuditEntry(user_id=user.id, entity="offer", entity_id=offer.id, action=OfferState.DECLINED, changes={
        "state": [OfferState.PENDING, OfferState.DECLINED], "task_id": str(offer.task_id),
        "agent_id": str(offer.agent_id), "reason": "declined", "at": now.isoformat()}))
    note_offer(session, user.id)
    session.flush()
    dispatch(session, timeout_s)
    return offer_out(session, offer, now)


def _own(session: Session, user: User, offer_id: uuid.UUID) -> Offer:
    offer = session.get(Offer, offer_id)
    if offer is None or offer.agent_id != user.id:
        raise ServiceError(ErrorCode.NOT_FOUND, "Предложение не найдено.")
    return offer


def _same_key(offer: Offer, key: str | None, state: OfferState) -> None:
    """A key that settled the offer the other way is not this request's: 409 ``idempotency_key_reused``."""
    if key is not None and offer.resolution_key == key and offer.state != state:
        raise ServiceError(ErrorCode.IDEMPOTENCY_KEY_REUSED)


def _gone(session: Session, offer: Offer) -> ServiceError:
    """Why an offer no longer pending cannot be answered: the task is another's, or its time is over."""
    task = session.get(Task, offer.task_id)
    if task is not None and task.state == TaskState.ACCEPTED and task.accepted_by != offer.agent_id:
        return ServiceError(ErrorCode.TASK_TAKEN)
    return ServiceError(ErrorCode.OFFER_EXPIRED)


# --- the sweeper: timeouts and presence --------------------------------------------------------------------


def sweep_timeouts(session: Session) -> int:
    """Offers past their deadline: ``timed_out``, the agent Not Ready («Нет ответа»). Each agent's row and
    then its offer are claimed with SKIP LOCKED (the one order of locks), so an accept or a state change
    holding them is never waited for: that offer is looked at again in the next round."""
    now = db_now(session)
    expired = session.execute(
        select(Offer.id, Offer.agent_id).where(Offer.state == OfferState.PENDING, Offer.deadline_at <= now)
        .order_by(Offer.deadline_at, Offer.id).limit(SWEEP_BATCH)).all()
    done = 0
    for offer_id, agent_id in expired:
        row = session.scalar(_locked(session, select(AgentState).where(AgentState.user_id == agent_id)))
        offer = session.scalar(_locked(session, select(Offer).where(
            Offer.id == offer_id, Offer.state == OfferState.PENDING, Offer.deadline_at <= now)))
        if row is None or offer is None:
            continue  # held by another transaction, or settled meanwhile
        session.refresh(row)
        session.refresh(offer)
        resolve_offer(session, None, offer, OfferState.TIMED_OUT, now, "no_answer")
        if row.state == AgentStatus.READY:
            _set(session, None, row, AgentStatus.NOT_READY, NotReadyReason.NO_ANSWER, now)
        done += 1
    session.flush()
    return done


def sweep_absent(session: Session, presence_timeout_s: float) -> int:
    """Ready agents no live stream has shown for the presence timeout: Not Ready («Нет связи»), their
    pending offer withdrawn."""
    now = db_now(session)
    cutoff = now - timedelta(seconds=presence_timeout_s)
    absent = list(session.scalars(select(AgentState.user_id).where(AgentState.state == AgentStatus.READY,
                                                                  AgentState.seen_at < cutoff)))
    gone = 0
    for agent_id in absent:
        row = session.scalar(_locked(session, select(AgentState).where(
            AgentState.user_id == agent_id, AgentState.state == AgentStatus.READY, AgentState.seen_at < cutoff)))
        if row is None:
            continue  # came back, or another process holds it
        session.refresh(row)
        pending = session.scalar(select(Offer.id).where(Offer.agent_id == agent_id, Offer.state == OfferState.PENDING))
        offer = session.scalar(_locked(session, select(Offer).where(Offer.id == pending))) if pending else None
        if pending is not None and offer is None:
            continue  # its offer is being answered: the next round looks again
        _set(session, None, row, AgentStatus.NOT_READY, NotReadyReason.NO_CONNECTION, now)
        if offer is not None:
            session.refresh(offer)
            if offer.state == OfferState.PENDING:
                resolve_offer(session, None, offer, OfferState.RESCINDED, now, "no_connection")
        gone += 1
    session.flush()
    return gone


def mark_seen(session: Session, agents: Iterable[uuid.UUID]) -> None:
    """Presence: these agents have a live stream open in this process now."""
    ids = list(agents)
    if ids:
        now = db_now(session)
        session.execute(update(AgentState).where(AgentState.user_id.in_(ids)).values(seen_at=now)
                        .execution_options(synchronize_session=False))


def next_deadline_in(session: Session) -> float | None:
    """Seconds to the nearest pending offer's deadline (0 when one has passed); None when none is pending."""
    deadline = session.scalar(select(func.min(Offer.deadline_at)).where(Offer.state == OfferState.PENDING))
    if deadline is None:
        return None
    return max(0.0, (deadline - db_now(session)).total_seconds())


def _astray() -> ColumnElement[bool]:
    """A pending offer that should not be: its task is no longer queued, or its agent is not Ready or holds
    a task. The transitions never leave one; the reconciler withdraws any it finds."""
    ready = select(AgentState.user_id).where(AgentState.state == AgentStatus.READY)
    busy = select(Task.accepted_by).where(Task.state == TaskState.ACCEPTED, Task.accepted_by.is_not(None))
    not_queued = select(Task.id).where(Task.state != TaskState.QUEUED)
    return and_(Offer.state == OfferState.PENDING,
                or_(Offer.task_id.in_(not_queued), Offer.agent_id.not_in(ready), Offer.agent_id.in_(busy)))


def reconcile(session: Session) -> int:
    """The reconciler: withdraws (and logs, and audits with the reason ``reconciled``) every pending offer
    that should not be pending; its task is offered again by the dispatcher."""
    astray = list(session.scalars(_locked(session, select(Offer).where(_astray()).order_by(Offer.id)
                                          .limit(SWEEP_BATCH))))
    now = db_now(session)
    for offer in astray:
        log.warning("reconciler: offer %s of task %s to agent %s was pending though its task is not queued or "
                    "its agent is not free and Ready; withdrawn", offer.id, offer.task_id, offer.agent_id)
        resolve_offer(session, None, offer, OfferState.RESCINDED, now, "reconciled")
    session.flush()
    return len(astray)


def _work_waiting(session: Session, presence_timeout_s: float) -> bool:
    """Whether a round has anything to write (so that on SQLite an idle worker never takes the write lock)."""
    now = db_now(session)
    expired = session.scalar(select(exists().where(Offer.state == OfferState.PENDING, Offer.deadline_at <= now)))
    absent = session.scalar(select(exists().where(
        AgentState.state == AgentStatus.READY, AgentState.seen_at < now - timedelta(seconds=presence_timeout_s))))
    if expired or absent or session.scalar(select(exists().where(_astray()))):
        return True
    busy = select(Task.accepted_by).where(Task.state == TaskState.ACCEPTED, Task.accepted_by.is_not(None))
    offered_agents = select(Offer.agent_id).where(Offer.state == OfferState.PENDING)
    offered_tasks = select(Offer.task_id).where(Offer.state == OfferState.PENDING)
    free = session.scalar(select(exists().where(AgentState.state == AgentStatus.READY,
                                                AgentState.user_id.not_in(busy),
                                                AgentState.user_id.not_in(offered_agents))))
    queued = session.scalar(select(exists().where(Task.state == TaskState.QUEUED, Task.id.not_in(offered_tasks))))
    return bool(free and queued)


class OfferWorker:
    """Each server process runs one (started with the app): it wakes on change hints (a task queued),
    on offer hints (from any process), at the nearest deadline and at least every second; it refreshes
    the presence of the agents whose streams this process holds, times offers out, notices absent agents,
    withdraws offers that should not be pending (the reconciler) and offers the queue to free Ready agents
    — each a short transaction of its own."""

    def __init__(self, settings: Settings, session_factory: sessionmaker[Session], agents: AgentHub) -> None:
        self.settings, self.session_factory, self.agents = settings, session_factory, agents
        self._seen_written = 0.0
        self.stopping = threading.Event()

    def run_once(self) -> float:
        s = self.settings
        connected = self.agents.connected()
        if connected and time.monotonic() - self._seen_written >= s.presence_timeout_s / 3:
            with write_scope(self.session_factory) as session:
                mark_seen(session, connected)
            self._seen_written = time.monotonic()
        with self.session_factory() as session:
            waiting = _work_waiting(session, s.presence_timeout_s)
        if waiting:
            with write_scope(self.session_factory) as session:
                sweep_timeouts(session)
            with write_scope(self.session_factory) as session:
                sweep_absent(session, s.presence_timeout_s)
            with write_scope(self.session_factory) as session:
                reconcile(session)
            with write_scope(self.session_factory) as session:
                dispatch(session, s.offer_timeout_s)
        with self.session_factory() as session:
            due = next_deadline_in(session)
        wait = IDLE_WAIT_S if due is None else min(due, IDLE_WAIT_S)
        return max(wait, 0.01)

    async def run(self, hub: ChangeHub) -> None:
        """Until cancelled (or the hub closes): a round at once, then on every change or offer hint, or
        at the nearest deadline."""
        try:
            await run_rounds(hub, self.run_once, first_wait=0.0, after_error_s=AFTER_ERROR_S, what="offer round",
                             also=lambda hints: self.agents.subscribe(None, hints))
        finally:
            self.stopping.set()
