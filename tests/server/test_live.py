"""Live change hints (S3): an SSE stream that says "changes up to N are committed". With several
server processes on one PostgreSQL database the hint crosses processes (LISTEN/NOTIFY)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, func, select

from sync.protocol import API_PREFIX, PushRequest
from sync.server import sync_service
from sync.server.db import make_engine, make_session_factory
from sync.server.live import HUB, ChangeHub
from sync.server.models import Organization, User
from tests.fixtures.databases import pg_database
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess, seed_users, start_server
from tests.fixtures.streams import Stream
from tests.server.test_sync_protocol import client_for, org_mutation, push

pytestmark = pytest.mark.timeout(90)


def token_for(server: ServerProcess, user: str = "op1") -> str:
    answer = httpx.post(f"{server.url}{API_PREFIX}/auth/login", json={"login": user, "password": TEST_PASSWORD})
    return str(answer.json()["access_token"])


def test_s3_stream_needs_a_valid_login(live_server: ServerProcess) -> None:
    with httpx.Client(base_url=live_server.url + API_PREFIX, timeout=10) as client:
        none = client.get("/sync/stream")
        bad = client.get("/sync/stream", headers={"Authorization": "Bearer not-a-token"})
    assert (none.status_code, none.json()["error"]["code"]) == (401, "auth_required")
    assert (bad.status_code, bad.json()["error"]["code"]) == (401, "invalid_token")


def test_s3_a_push_is_announced_on_the_stream(live_server: ServerProcess) -> None:
    stream = Stream(live_server, token_for(live_server))
    try:
        assert stream.hello.wait(10)
        with client_for(live_server) as client:
            [result] = push(client, org_mutation("ООО «Слышно»"))
        assert stream.wait_for_seq(result["record"]["seq"]), stream.seqs
    finally:
        stream.close()


@pytest.fixture
def pg_url() -> Iterator[str]:
    with pg_database() as url:
        yield url


@pytest.mark.postgres
def test_s3_hint_crosses_server_processes_through_postgresql(pg_url: str, tmp_path: Path) -> None:
    seed_users(pg_url)
    first = start_server(pg_url, tmp_path / "one")
    second = start_server(pg_url, tmp_path / "two")
    stream = Stream(second, token_for(second))
    try:
        assert stream.hello.wait(10)
        with client_for(first) as client:  # the change goes through the other process
            [result] = push(client, org_mutation("ООО «Через процессы»"))
        assert result["status"] == "applied"
        assert stream.wait_for_seq(result["record"]["seq"]), "the hint crossed processes (LISTEN/NOTIFY)"
    finally:
        stream.close()
        first.stop()
        second.stop()


class _WitnessHub(ChangeHub):
    """Records, at each hint, how many organizations another connection can already read."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine
        self.seen: list[tuple[int | None, int]] = []

    def publish(self, seq: int | None) -> None:
        with self.engine.connect() as conn:
            self.seen.append((seq, conn.execute(select(func.count()).select_from(Organization)).scalar_one()))
        super().publish(seq)


def test_s3_a_hint_is_published_only_after_the_commit(tmp_path: Path) -> None:
    """Push applies each entry in a savepoint; releasing one must not announce anything (SQLite
    publishes from the commit hook, which also fires for savepoints): a client pulling on the hint
    would not find the change yet."""
    url = f"sqlite:///{(tmp_path / 'server.sqlite').as_posix()}"
    seed_users(url)
    engine = make_engine(url)
    hub = _WitnessHub(engine)
    factory = make_session_factory(engine, info={HUB: hub})
    with factory() as session:
        user = session.scalars(select(User).where(User.login == "op1")).one()
        sync_service.push(session, user, PushRequest.model_validate({"mutations": [org_mutation(), org_mutation()]}))
        assert hub.seen == []  # both savepoints released, nothing committed
        session.commit()
    assert [count for _seq, count in hub.seen] == [2]
    engine.dispose()
