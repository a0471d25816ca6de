"""The agent desk's push mode (issue 18, step 2; A2, A4): an agent's «Готов» / «Не готов», offers with a
deadline from the database's clock, the sweeper, offer events on the live stream, presence. Real server
processes (one fresh database each, SQLite and PostgreSQL), real SMTP for the tasks, real SSE streams."""

from __future__ import annotations

import secrets
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from sync.agent_desk import OfferState
from sync.protocol import API_PREFIX
from sync.roles import Role
from sync.server.agent_desk import queue_activity
from sync.server.db import make_engine, make_session_factory, session_scope
from sync.server.models import Activity, AgentState, Offer, User
from sync.server.users import create_user
from tests.fixtures.databases import empty_database
from tests.fixtures.servers import BACKENDS, TEST_PASSWORD, ServerProcess, seed_users, start_server
from tests.fixtures.smtp import free_port, wait_until
from tests.fixtures.streams import Stream
from tests.server.test_agent_desk import AGENTS, Desk, _add_agents, history, mail
from tests.server.test_sync_protocol import client_for


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@contextmanager
def offer_desk(backend: str, data_dir: Path, **env: str) -> Iterator[Desk]:
    """A fresh database and a server process with the e-mail channel, started with ``env``; its secret
    key is known, so a second process can serve the same database (``second``)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with empty_database(backend, data_dir) as url:
        seed_users(url)
        _add_agents(url)
        port = free_port()
        env = {"KSDESK_SECRET_KEY": secrets.token_urlsafe(32), **env}
        server = start_server(url, data_dir, "--smtp-in-port", str(port), env=env)
        server.env = env  # type: ignore[attr-defined]
        clients = {login: client_for(server, login) for login in ("op1", "boss", *AGENTS)}
        try:
            yield Desk(server, url, backend, port, clients)
        finally:
            for client in clients.values():
                client.close()
            server.stop()


def stream_of(server: ServerProcess, client: httpx.Client) -> Stream:
    stream = Stream(server, client.headers["Authorization"].split()[1])
    assert stream.hello.wait(10), "the stream did not open"
    return stream


def ready(desk: Desk, login: str, state: str = "ready") -> dict[str, Any]:
    answer = desk.clients[login].put("/agent/state", json={"state": state})
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def agent_state(desk: Desk, login: str) -> dict[str, Any]:
    answer = desk.clients[login].get("/agent/state")
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def offer_for(stream: Stream, subject: str, timeout: float = 15.0) -> dict[str, Any]:
    offer = stream.wait_for_event("offer", lambda o: o["task"]["activity"]["subject"] == subject, timeout)
    assert offer is not None, f"no offer of «{subject}»: {stream.events}"
    return dict(offer)


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def audit(desk: Desk, entity: str, entity_id: str) -> list[dict[str, Any]]:
    answer = desk.clients["boss"].get("/audit", params={"entity": entity, "entity_id": entity_id})
    assert answer.status_code == 200, answer.text
    return list(reversed(answer.json()["entries"]))  # oldest first


def test_a4_a_ready_agent_gets_the_mailed_task_on_its_stream_and_accepts_it(backend: str, tmp_path: Path) -> None:
    with offer_desk(backend, tmp_path) as desk:  # the default timeout: 15 s
        desk.customer("ivan@example.ru")
        mine, other = stream_of(desk.server, desk.clients["ag1"]), stream_of(desk.server, desk.clients["ag2"])
        try:
            refused = desk.clients["ag1"].put("/agent/state", json={"state": "not_ready", "reason": "no_answer"})
            assert refused.status_code == 422  # «Нет ответа» is the server's to set
            assert agent_state(desk, "ag1")["state"] == "not_ready"
            state = ready(desk, "ag1")
            assert state["state"] == "ready" and state["reason"] is None and state["offer"] is None
            desk.send(mail("Иван <ivan@example.ru>", "Принтер не печатает"))
            offer = offer_for(mine, "Принтер не печатает")
            remaining = (_at(offer["deadline_at"]) - _at(offer["now"])).total_seconds()
            assert 13.0 < remaining <= 15.0  # the deadline and the server's now: the countdown ignores our clock
            assert offer["state"] == "pending" and offer["task"]["customer"]["full_name"] == "Иван Петров"
            assert agent_state(desk, "ag1")["offer"]["id"] == offer["id"]
            assert other.named("offer") == []  # only the agent's own stream(s)

            key = {"Idempotency-Key": uuid.uuid4().hex}
            accepted = desk.clients["ag1"].post(f"/agent/offers/{offer['id']}/accept", headers=key)
            assert accepted.status_code == 200, accepted.text
            result = accepted.json()
            assert result["task"]["state"] == "accepted" and result["joined"] == "new"
            again = desk.clients["ag1"].post(f"/agent/offers/{offer['id']}/accept", headers=key)  # a lost answer
            assert again.status_code == 200 and again.json() == result
            assert any(e["action"] == "activity_added" for e in history(desk, result["ticket_id"]))
            ended = mine.wait_for_event("offer_ended", lambda e: e["id"] == offer["id"])
            assert ended == {"id": offer["id"], "state": "accepted"}
            state = agent_state(desk, "ag1")
            assert state["offer"] is None and state["task"]["id"] == result["task"]["id"]
            declined = desk.clients["ag1"].post(f"/agent/offers/{offer['id']}/decline", headers=key)
            assert declined.status_code == 409 and declined.json()["error"]["code"] == "idempotency_key_reused"
            foreign = desk.clients["ag2"].post(f"/agent/offers/{offer['id']}/accept")
            assert foreign.status_code == 404  # another agent's offer is none of theirs

            actions = [e["action"] for e in audit(desk, "offer", offer["id"])]
            assert actions == ["offered", "accepted"]
            (became_ready,) = audit(desk, "agent", state["task"]["accepted_by"])
            assert became_ready["changes"]["state"] == ["not_ready", "ready"]
        finally:
            mine.close()
            other.close()


def test_a4_an_offer_missed_goes_to_another_agent_and_never_back_while_another_is_ready(
        backend: str, tmp_path: Path) -> None:
    with offer_desk(backend, tmp_path, KSDESK_OFFER_TIMEOUT_S="4") as desk:
        streams = {login: stream_of(desk.server, desk.clients[login]) for login in AGENTS[:3]}
        try:
            # ag3 is Ready and holds a task (pull mode): Ready, but offered nothing while busy
            desk.send(mail("busy@example.org", "Занят"))
            (held,) = desk.queued("Занят")
            assert desk.accept("ag3", held["id"]).status_code == 200
            ready(desk, "ag3")
            ready(desk, "ag1")
            ready(desk, "ag2")  # Ready later than ag1: ag1 is offered first
            desk.send(mail("late@example.org", "Первая"))
            first = offer_for(streams["ag1"], "Первая")
            # the reconnecting agent gets its pending offer again, with the same deadline
            again = stream_of(desk.server, desk.clients["ag1"])
            try:
                assert offer_for(again, "Первая")["deadline_at"] == first["deadline_at"]
            finally:
                again.close()
            assert desk.queued("Первая")[0]["state"] == "queued"  # an offered task keeps its place

            # ag1 lets it time out: Not Ready («Нет ответа»), and the task goes to ag2
            ended = streams["ag1"].wait_for_event("offer_ended", lambda e: e["id"] == first["id"])
            assert ended == {"id": first["id"], "state": "timed_out"}
            state = agent_state(desk, "ag1")
            assert (state["state"], state["reason"], state["offer"]) == ("not_ready", "no_answer", None)
            second = offer_for(streams["ag2"], "Первая")
            assert second["task"]["id"] == first["task"]["id"] and second["id"] != first["id"]
            assert desk.queue()[0]["id"] == first["task"]["id"]  # back first in the queue, as it arrived

            # ag1 is Ready again and ag2 declines: the task is not offered back to ag1 or ag2 while ag3
            # (Ready, busy) is there; ag2 stays Ready
            ready(desk, "ag1")
            declined = desk.clients["ag2"].post(f"/agent/offers/{second['id']}/decline",
                                                json={"idempotency_key": "d-1"})
            assert declined.status_code == 200 and declined.json()["state"] == "declined"
            repeat = desk.clients["ag2"].post(f"/agent/offers/{second['id']}/decline",
                                              headers={"Idempotency-Key": "d-1"})
            assert repeat.status_code == 200 and repeat.json()["id"] == second["id"]
            assert agent_state(desk, "ag2")["state"] == "ready"
            late = desk.clients["ag2"].post(f"/agent/offers/{second['id']}/accept")
            assert late.status_code == 409 and late.json()["error"]["code"] == "offer_expired"
            expired = desk.clients["ag1"].post(f"/agent/offers/{first['id']}/accept")
            assert expired.status_code == 409 and expired.json()["error"]["code"] == "offer_expired"
            desk.close_task("ag3", held["id"])  # ag3 is free: the task is its
            third = offer_for(streams["ag3"], "Первая")
            assert third["task"]["id"] == first["task"]["id"]
            assert [o for o in streams["ag1"].named("offer") if o["task"]["id"] == first["task"]["id"]] == [first]
            assert [o["id"] for o in streams["ag2"].named("offer")] == [second["id"]]
            assert desk.clients["ag3"].post(f"/agent/offers/{third['id']}/accept").status_code == 200

            timeline = audit(desk, "offer", first["id"])
            assert [e["action"] for e in timeline] == ["offered", "timed_out"]
            assert timeline[1]["changes"]["reason"] == "no_answer" and timeline[1]["user_id"] is None
            ag1 = _id_of(desk, "ag1")
            reasons = [e["changes"]["reason"][1] for e in audit(desk, "agent", ag1)]
            assert reasons == [None, "no_answer", None]  # Ready, «Нет ответа», Ready again
        finally:
            for stream in streams.values():
                stream.close()


def _id_of(desk: Desk, login: str) -> str:
    engine = make_engine(desk.url, pool_size=1)
    try:
        with make_session_factory(engine)() as session:
            return str(session.scalar(select(User.id).where(User.login == login)))
    finally:
        engine.dispose()


STREAM_CLIENT = """
import sys, httpx
with httpx.stream("GET", sys.argv[1] + "/sync/stream", headers={"Authorization": "Bearer " + sys.argv[2]},
                  timeout=None) as answer:
    for line in answer.iter_lines():
        print(line, flush=True)
"""


def test_a4_an_agent_whose_stream_is_gone_becomes_not_ready_and_its_offer_goes_on(
        backend: str, tmp_path: Path) -> None:
    with offer_desk(backend, tmp_path, KSDESK_PRESENCE_TIMEOUT_S="2") as desk:
        token = desk.clients["ag1"].headers["Authorization"].split()[1]
        client = subprocess.Popen([sys.executable, "-c", STREAM_CLIENT, desk.server.url + API_PREFIX, token],
                                  stdout=subprocess.PIPE, text=True)  # the agent's client, to be killed
        staying = stream_of(desk.server, desk.clients["ag2"])
        try:
            assert client.stdout is not None and client.stdout.readline().startswith("retry")  # connected
            ready(desk, "ag1")
            desk.send(mail("who@example.org", "Связь"))
            offer = wait_until(lambda: agent_state(desk, "ag1")["offer"], "the offer to ag1")
            ready(desk, "ag2")
            client.kill()  # the agent's client dies with its connection
            client.wait()
            moved = offer_for(staying, "Связь", timeout=15)
            assert moved["task"]["id"] == offer["task"]["id"]
            state = agent_state(desk, "ag1")
            assert (state["state"], state["reason"]) == ("not_ready", "no_connection")
            timeline = audit(desk, "offer", offer["id"])
            assert timeline[-1]["changes"].get("reason") == "no_connection", timeline
            # an agent with an open stream stays Ready well past the presence timeout
            wait_until(lambda: _seen_twice(desk), "the presence to be refreshed", timeout=10)
            assert agent_state(desk, "ag2")["state"] == "ready"
        finally:
            client.kill()
            client.wait()
            if client.stdout is not None:
                client.stdout.close()
            staying.close()


def _seen_twice(desk: Desk) -> bool:
    """More than two presence timeouts have passed since ag2's offer."""
    state = agent_state(desk, "ag2")
    return bool(state["offer"]) and (_at(state["now"]) - _at(state["since"])).total_seconds() > 5


@pytest.mark.postgres
def test_a2_an_offers_accept_and_another_agents_pull_on_two_processes_have_one_winner(tmp_path: Path) -> None:
    with offer_desk("postgresql", tmp_path / "one") as desk:
        second = start_server(desk.url, tmp_path, env=desk.server.env)  # type: ignore[attr-defined]
        puller = client_for(second, "ag2")
        stream = stream_of(desk.server, desk.clients["ag1"])
        wins = {"offer": 0, "pull": 0}
        try:
            ready(desk, "ag1")
            for n in range(12):
                subject = f"Гонка {n}"
                desk.send(mail("race@example.org", subject))
                offer = offer_for(stream, subject)
                task_id = offer["task"]["id"]
                answers = _race({"offer": (desk.clients["ag1"], f"/agent/offers/{offer['id']}/accept"),
                                 "pull": (puller, f"/agent/tasks/{task_id}/accept")})
                assert sorted(a.status_code for a in answers.values()) == [200, 409], \
                    {k: a.text for k, a in answers.items()}
                (winner,) = [k for k, a in answers.items() if a.status_code == 200]
                (loser,) = [a for a in answers.values() if a.status_code == 409]
                assert loser.json()["error"]["code"] == "task_taken"
                wins[winner] += 1
                holder = desk.clients["ag1"] if winner == "offer" else puller
                assert holder.post(f"/agent/tasks/{task_id}/close").status_code == 200
                ended = stream.wait_for_event("offer_ended", lambda e, o=offer: e["id"] == o["id"])
                assert ended["state"] == ("accepted" if winner == "offer" else "rescinded")
            engine = make_engine(desk.url, pool_size=1)
            try:
                with make_session_factory(engine)() as session:
                    states = session.scalars(select(Offer.state)).all()
                    assert OfferState.PENDING not in states and len(states) == 12
            finally:
                engine.dispose()
            print("winners", wins)
        finally:
            stream.close()
            puller.close()
            second.stop()


def _race(posts: dict[str, tuple[httpx.Client, str]]) -> dict[str, httpx.Response]:
    answers: dict[str, httpx.Response] = {}
    start = threading.Barrier(len(posts))

    def post(key: str) -> None:
        client, path = posts[key]
        start.wait()
        answers[key] = client.post(path)

    threads = [threading.Thread(target=post, args=(key,)) for key in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_a2_the_database_holds_one_pending_offer_per_task_and_per_agent(backend: str, tmp_path: Path) -> None:
    from datetime import UTC, timedelta

    from sync.server.bootstrap import prepare_database

    with empty_database(backend, tmp_path) as url:
        engine = make_engine(url, pool_size=2)
        prepare_database(engine)
        factory = make_session_factory(engine)
        with session_scope(factory) as session:
            one = create_user(session, "one", TEST_PASSWORD, Role.OPERATOR)
            two = create_user(session, "two", TEST_PASSWORD, Role.OPERATOR)
            tasks = [queue_activity(session, Activity(channel="email", direction="incoming", sender=f"{n}@x.ru",
                                                      subject=str(n), text="", note="", tags=[], files=[]))
                     for n in range(3)]
            ids = (one.id, two.id, [t.id for t in tasks])
        now = datetime.now(UTC)

        def offer(task: uuid.UUID, agent: uuid.UUID, state: str = "pending") -> None:
            with session_scope(factory) as session:
                session.add(Offer(task_id=task, agent_id=agent, created_at=now, deadline_at=now + timedelta(seconds=15),
                                  state=state))

        agent_one, agent_two, (t1, t2, t3) = ids
        offer(t1, agent_one)
        with pytest.raises(IntegrityError):
            offer(t1, agent_two)  # the task is offered already
        with pytest.raises(IntegrityError):
            offer(t2, agent_one)  # the agent has an offer already
        offer(t1, agent_two, "timed_out")  # a resolved offer is history: any number
        offer(t2, agent_two)
        offer(t3, agent_one, "declined")
        with session_scope(factory) as session:
            pending = session.scalars(select(Offer.task_id).where(Offer.state == "pending")).all()
            assert sorted(pending) == sorted([t1, t2])
        engine.dispose()


@pytest.mark.postgres
def test_a4_an_accept_at_the_deadline_against_two_processes_sweepers_has_one_outcome(tmp_path: Path) -> None:
    """Accepts sent from 150 ms before to 150 ms after the deadline (by the server's clock, as the offer
    tells it), while both processes' sweepers run: each offer is either accepted (the task the agent's)
    or timed out (409 ``offer_expired``, the agent Not Ready «Нет ответа», the task queued) — never both,
    never neither. The agent's stream is on the other process: offers cross processes by NOTIFY."""
    with offer_desk("postgresql", tmp_path / "one", KSDESK_OFFER_TIMEOUT_S="1") as desk:
        second = start_server(desk.url, tmp_path, env=desk.server.env)  # type: ignore[attr-defined]
        stream = stream_of(second, desk.clients["ag1"])
        agent = desk.clients["ag1"]
        outcomes: list[str] = []
        try:
            for n, offset in enumerate((-0.15, -0.1, -0.05, -0.02, 0.0, 0.0, 0.02, 0.05, 0.1, 0.15)):
                subject = f"Срок {n}"
                ready(desk, "ag1")
                desk.send(mail("deadline@example.org", subject))
                offer = offer_for(stream, subject)
                received = time.monotonic()
                left = (_at(offer["deadline_at"]) - _at(offer["now"])).total_seconds()
                threading.Event().wait(max(0.0, received + left + offset - time.monotonic()))  # a timed race
                answer = agent.post(f"/agent/offers/{offer['id']}/accept")
                task_id = offer["task"]["id"]
                if answer.status_code == 200:
                    outcomes.append("accepted")
                    assert answer.json()["task"]["state"] == "accepted"
                    ended = stream.wait_for_event("offer_ended", lambda e, o=offer: e["id"] == o["id"])
                    assert ended["state"] == "accepted"
                    assert agent_state(desk, "ag1")["state"] == "ready"
                else:
                    outcomes.append("timed_out")
                    assert answer.status_code == 409 and answer.json()["error"]["code"] == "offer_expired", answer.text
                    ended = stream.wait_for_event("offer_ended", lambda e, o=offer: e["id"] == o["id"])
                    assert ended["state"] == "timed_out"
                    state = agent_state(desk, "ag1")
                    assert (state["state"], state["reason"]) == ("not_ready", "no_answer")
                    assert [t["id"] for t in desk.queue()] == [task_id]  # back in the queue
                    assert desk.accept("ag1", task_id).status_code == 200  # taken from the queue to go on
                desk.close_task("ag1", task_id)
            engine = make_engine(desk.url, pool_size=1)
            try:
                with make_session_factory(engine)() as session:
                    states = [OfferState(s) for s in session.scalars(select(Offer.state).order_by(Offer.created_at))]
            finally:
                engine.dispose()
            assert [str(s) for s in states] == outcomes  # one offer per task, settled exactly once each
            print("outcomes", outcomes)
        finally:
            stream.close()
            second.stop()


def test_a4_a_server_killed_mid_offer_and_restarted_resolves_the_offer_once(backend: str, tmp_path: Path) -> None:
    """SIGKILL while an offer is pending: after the restart the reconnecting agent gets the same offer with
    the same deadline (the true remaining time, by the server's clock), the restarted process's sweeper
    times it out, and the task is offered once more — to the next Ready agent, not twice to anyone."""
    # the deadline leaves room for the restart, three logins and the reconnect on a busy machine
    with offer_desk(backend, tmp_path / "one", KSDESK_OFFER_TIMEOUT_S="15") as desk:
        env = desk.server.env  # type: ignore[attr-defined]
        stream = stream_of(desk.server, desk.clients["ag1"])
        ready(desk, "ag1")
        desk.send(mail("kill@example.org", "Убит"))
        offer = offer_for(stream, "Убит")
        stream.close()
        desk.server.proc.kill()  # SIGKILL: no shutdown of any kind
        desk.server.stop()
        restarted = start_server(desk.url, tmp_path, env=env)
        clients = {login: client_for(restarted, login) for login in ("ag1", "ag2", "boss")}
        streams: list[Stream] = []
        try:
            again = stream_of(restarted, clients["ag1"])
            streams.append(again)
            back = offer_for(again, "Убит")
            assert (back["id"], back["deadline_at"]) == (offer["id"], offer["deadline_at"])
            assert _at(back["now"]) > _at(offer["now"])  # less time left: the deadline did not move
            other = stream_of(restarted, clients["ag2"])
            streams.append(other)
            assert clients["ag2"].put("/agent/state", json={"state": "ready"}).status_code == 200
            ended = again.wait_for_event("offer_ended", lambda e: e["id"] == offer["id"], timeout=30)
            assert ended == {"id": offer["id"], "state": "timed_out"}
            moved = offer_for(other, "Убит")
            assert moved["task"]["id"] == offer["task"]["id"]
            assert clients["ag2"].post(f"/agent/offers/{moved['id']}/accept").status_code == 200
            answer = clients["boss"].get("/audit", params={"entity": "offer", "limit": 100})
            actions = sorted((e["entity_id"], e["action"]) for e in answer.json()["entries"])
            assert actions == sorted([(offer["id"], "offered"), (offer["id"], "timed_out"),
                                      (moved["id"], "offered"), (moved["id"], "accepted")])
        finally:
            for s in streams:
                s.close()
            for client in clients.values():
                client.close()
            restarted.stop()


def test_a4_the_reconciler_withdraws_an_offer_that_should_not_be_pending(backend: str, tmp_path: Path) -> None:
    """What the transitions never leave — a pending offer to an agent no longer Ready — made by hand in
    the database: the worker withdraws it (audited ``reconciled``) and the task stays queued."""
    with offer_desk(backend, tmp_path) as desk:
        stream = stream_of(desk.server, desk.clients["ag1"])
        try:
            ready(desk, "ag1")
            desk.send(mail("odd@example.org", "Странное"))
            offer = offer_for(stream, "Странное")
            engine = make_engine(desk.url, pool_size=1)
            try:
                with session_scope(make_session_factory(engine)) as session:
                    session.execute(update(AgentState).where(AgentState.user_id == uuid.UUID(_id_of(desk, "ag1")))
                                    .values(state="not_ready", reason="chosen"))
            finally:
                engine.dispose()
            ended = stream.wait_for_event("offer_ended", lambda e: e["id"] == offer["id"])
            assert ended == {"id": offer["id"], "state": "rescinded"}
            assert audit(desk, "offer", offer["id"])[-1]["changes"]["reason"] == "reconciled"
            assert [t["id"] for t in desk.queued("Странное")] == [offer["task"]["id"]]
        finally:
            stream.close()
