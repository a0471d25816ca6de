"""The sync endpoints against a real server (SQLite and PostgreSQL): cursor pull with tombstones,
exactly-once push with per-entry results, version conflicts, and hostile input answered with 4xx."""

from __future__ import annotations

import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

import httpx
import pytest
from pydantic import TypeAdapter
from sqlalchemy.orm import Session

from sync.ids import new_id
from sync.protocol import API_PREFIX
from sync.server.demo import DemoSize, generate_demo
from sync.server.sync_service import HIDDEN, pull, pull_json
from tests.fixtures.identities import inns
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess

INN = inns("77")  # unique valid INNs


def client_for(server: ServerProcess, user: str = "op1") -> httpx.Client:
    """A client logged in as ``user`` (use it in a ``with`` block)."""
    login = httpx.post(f"{server.url}{API_PREFIX}/auth/login", json={"login": user, "password": TEST_PASSWORD})
    token = login.json()["access_token"]
    return httpx.Client(base_url=server.url + API_PREFIX, timeout=20, headers={"Authorization": f"Bearer {token}"})


def org_mutation(name: str = "ООО «Ромашка»", **changes: Any) -> dict[str, Any]:
    data = {"inn": next(INN), "kpp": "770101001", "name": name}
    return {"id": str(new_id()), "kind": "organization", "record_id": str(new_id()), "data": data, **changes}


def push(client: httpx.Client, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
    response = client.post("/sync/push", json={"mutations": list(mutations)})
    assert response.status_code == 200, response.text
    return response.json()["results"]


def pull_all(client: httpx.Client, after: int = 0, limit: int = 1000) -> tuple[list[dict[str, Any]], int, int]:
    """Every change after ``after``; returns the changes, the final cursor and the number of pages."""
    changes: list[dict[str, Any]] = []
    pages = 0
    while True:
        page = client.get("/sync/changes", params={"after": after, "limit": limit}).json()
        pages += 1
        assert page["cursor"] >= after
        changes += page["changes"]
        after = page["cursor"]
        if not page["has_more"]:
            return changes, after, pages


def test_s3_pull_follows_the_cursor_in_pages(live_server: ServerProcess) -> None:
    with client_for(live_server) as client:
        _, start, _ = pull_all(client)
        created = push(client, *[org_mutation(f"ООО «Организация {i}»") for i in range(7)])
        assert {r["status"] for r in created} == {"applied"}
        changes, cursor, pages = pull_all(client, start, limit=3)
        assert pages == 3  # 7 changes in pages of 3
        assert [c["id"] for c in changes] == [r["record"]["id"] for r in created]
        seqs = [c["seq"] for c in changes]
        assert seqs == sorted(seqs) and cursor == seqs[-1]
        assert changes[0]["data"]["name"] == "ООО «Организация 0»" and changes[0]["version"] == 1
        again, _, _ = pull_all(client, cursor)
        assert again == []  # nothing new: only changes after the cursor travel


def test_s3_users_travel_without_password_hashes(live_server: ServerProcess) -> None:
    with client_for(live_server) as client:
        changes, _, _ = pull_all(client)
    users = [c for c in changes if c["kind"] == "user"]
    assert {u["data"]["login"] for u in users} >= {"op1", "spec1", "boss"}
    assert all("password_hash" not in u["data"] for u in users)


def test_s2_replayed_entry_is_applied_once(live_server: ServerProcess) -> None:
    mutation = org_mutation("ООО «Повтор»")
    with client_for(live_server) as client:
        _, start, _ = pull_all(client)
        first = push(client, mutation)[0]
        with ThreadPoolExecutor(4) as pool:  # the same entry sent again, also concurrently
            replays = list(pool.map(lambda _: push(client, mutation)[0], range(8)))
        changes, _, _ = pull_all(client, start)
    assert first["status"] == "applied"
    assert all(r == first for r in replays)
    assert [c["id"] for c in changes] == [mutation["record_id"]]
    assert changes[0]["version"] == 1


def test_s2_a_key_reused_for_another_change_is_refused(live_server: ServerProcess) -> None:
    mutation = org_mutation()
    with client_for(live_server) as client:
        assert push(client, mutation)[0]["status"] == "applied"
        other = {**mutation, "data": {**mutation["data"], "name": "Другое имя"}}
        result = push(client, other)[0]
    assert result["status"] == "rejected"
    assert result["error"]["code"] == "idempotency_key_reused"


def test_s4_concurrent_edit_is_a_conflict_and_both_texts_survive(live_server: ServerProcess) -> None:
    with client_for(live_server, "op1") as one, client_for(live_server, "spec1") as two:
        created = push(one, org_mutation("ООО «Исходное»"))[0]["record"]
        base = {"kind": "organization", "record_id": created["id"], "base_version": created["version"]}
        mine = push(one, {"id": str(new_id()), **base, "data": {"name": "ООО «Правка первого»"}})[0]
        theirs = push(two, {"id": str(new_id()), **base, "data": {"name": "ООО «Правка второго»"}})[0]
    assert mine["status"] == "applied" and mine["record"]["version"] == 2
    assert theirs["status"] == "conflict"
    assert theirs["record"]["data"]["name"] == "ООО «Правка первого»"  # the server's text, to show with «Загрузить»
    assert theirs["record"]["version"] == 2  # the later edit did not overwrite: its text stays with its client


def test_s3_deletion_travels_as_a_tombstone(live_server: ServerProcess) -> None:
    with client_for(live_server, "op1") as operator, client_for(live_server, "boss") as boss:
        record = push(operator, org_mutation("ООО «Удаляемое»"))[0]["record"]
        _, cursor, _ = pull_all(operator)
        refused = push(
            operator,
            {"id": str(new_id()), "kind": "organization", "record_id": record["id"], "op": "delete", "base_version": 1},
        )[0]
        deleted = push(
            boss,
            {"id": str(new_id()), "kind": "organization", "record_id": record["id"], "op": "delete", "base_version": 1},
        )[0]
        changes, _, _ = pull_all(operator, cursor)
    assert refused["status"] == "rejected" and refused["error"]["code"] == "forbidden"
    assert deleted["status"] == "applied"
    assert [(c["id"], c["deleted"], c["data"]) for c in changes] == [(record["id"], True, {})]


@pytest.mark.parametrize(
    "mutation,code,field",
    [
        ({"kind": "spaceship", "data": {}}, "unknown_kind", "kind"),
        ({"kind": "user", "data": {"login": "x"}}, "not_writable", "kind"),
        ({"kind": "ticket", "data": {"subject": "x", "text": "y"}}, "validation_error", "organization_id"),
        ({"kind": "software_complex", "data": {"code": "X", "name": "X"}}, "forbidden", None),
        ({"kind": "organization", "data": {"inn": "12ab567890", "name": "X"}}, "validation_error", "inn"),
        (
            {"kind": "organization", "data": {"inn": "7707083893", "name": "X", "hacked": 1}},
            "validation_error",
            "hacked",
        ),
        (
            {"kind": "contact", "data": {"organization_id": str(uuid.UUID(int=1)), "full_name": "Иванов"}},
            "not_found",
            "organization_id",
        ),
        (
            {"kind": "organization", "base_version": 3, "data": {"inn": "7719402047", "name": "X"}},
            "not_found",
            "record_id",
        ),
    ],
)
def test_s2_bad_entries_are_rejected_one_by_one(
    live_server: ServerProcess, mutation: dict[str, Any], code: str, field: str | None
) -> None:
    entry = {"id": str(new_id()), "record_id": str(new_id()), **mutation}
    with client_for(live_server) as client:
        results = push(client, entry, org_mutation("ООО «Хорошая запись»"))
    assert results[0]["status"] == "rejected"
    assert results[0]["error"]["code"] == code and results[0]["error"]["field"] == field
    assert results[0]["error"]["message"]
    assert results[1]["status"] == "applied"  # one bad entry does not block the rest


@pytest.mark.parametrize(
    "body",
    [
        {"mutations": "all of them"},
        {"mutations": [{"id": "not-a-uuid", "kind": "organization", "record_id": str(uuid.uuid4())}]},
        {
            "mutations": [
                {"id": str(uuid.uuid4()), "kind": "organization", "record_id": str(uuid.uuid4()), "base_version": "one"}
            ]
        },
        {
            "mutations": [
                {"id": str(uuid.uuid4()), "kind": "organization", "record_id": str(uuid.uuid4()), "op": "explode"}
            ]
        },
        {"mutations": [], "extra": True},
        [],
    ],
)
def test_s2_malformed_push_gets_4xx_with_stable_code(live_server: ServerProcess, body: Any) -> None:
    with client_for(live_server) as client:
        response = client.post("/sync/push", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "validation_error"


@pytest.mark.parametrize("params", [{"after": -1}, {"after": "x"}, {"limit": 0}, {"limit": 10**6}])
def test_s3_malformed_pull_gets_4xx(live_server: ServerProcess, params: dict[str, Any]) -> None:
    with client_for(live_server) as client:
        response = client.get("/sync/changes", params=params)
    assert response.status_code == 422 and response.json()["error"]["code"] == "validation_error"


def test_sync_needs_a_login(live_server: ServerProcess) -> None:
    response = httpx.get(live_server.url + API_PREFIX + "/sync/changes", timeout=10)
    assert response.status_code == 401 and response.json()["error"]["code"] == "auth_required"


def test_s3_demo_data_is_numbered_for_pull(server_engine) -> None:  # type: ignore[no-untyped-def]
    report = generate_demo(server_engine, DemoSize(tickets=120, organizations=30, contacts=90))
    seen: dict[str, int] = {}
    after, pages = 0, 0
    with Session(server_engine) as session:
        while True:
            page = pull(session, after, 100)
            pages += 1
            for change in page.changes:
                seen[change.kind] = seen.get(change.kind, 0) + 1
            after = page.cursor
            if not page.has_more:
                break
    assert seen["ticket"] == report.tickets and seen["contact"] == report.contacts
    assert seen["organization"] == report.organizations and seen["user"] == report.users
    assert pages > 1


def test_s3_a_page_carries_ids_as_text_and_moments_in_utc_on_both_databases(server_engine) -> None:  # type: ignore[no-untyped-def]
    """The page's body is written straight from the rows: every field as the ``ChangesPage`` model
    would write it (ids as text, moments as pydantic writes them), whatever database the server uses."""
    from sync.server.models import Contract, Ticket

    generate_demo(server_engine, DemoSize(tickets=30, organizations=10, contacts=20))
    moment = TypeAdapter(datetime)
    with Session(server_engine) as session:
        body = json.loads(pull_json(session, 0, 5000))
        assert body["has_more"] is False and body["cursor"] == body["head"]
        assert [c["seq"] for c in body["changes"]] == sorted(c["seq"] for c in body["changes"])
        for kind, model in (("ticket", Ticket), ("contract", Contract)):
            sent = [c for c in body["changes"] if c["kind"] == kind]
            assert sent
            for change in sent:
                row = session.get(model, uuid.UUID(change["id"]))
                assert row is not None and (change["version"], change["seq"]) == (row.version, row.change_seq)
                for column in model.__table__.columns:
                    if column.key in HIDDEN:
                        continue
                    value = getattr(row, column.key)
                    expected = (str(value) if isinstance(value, uuid.UUID) else
                                moment.dump_python(value, mode="json") if isinstance(value, datetime) else
                                value.isoformat() if hasattr(value, "isoformat") else value)
                    assert change["data"][column.key] == expected, column.key
        contract = next(c for c in body["changes"] if c["kind"] == "contract")
        assert contract["data"]["complex_ids"] and all(uuid.UUID(i) for i in contract["data"]["complex_ids"])
        assert pull(session, 0, 5000).model_dump(mode="json") == body


def test_s2_another_users_ticket_is_refused_and_ones_own_is_applied(server_engine) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import or_, select

    from sync.protocol import Mutation, PushRequest
    from sync.server.models import Ticket, User
    from sync.server.sync_service import push as push_service

    generate_demo(server_engine, DemoSize(tickets=60, organizations=20, contacts=60))
    with Session(server_engine) as session:
        me = session.scalars(select(User).where(User.login == "operator")).one()
        others = select(Ticket).where(
            Ticket.author_id != me.id, or_(Ticket.assignee_id.is_(None), Ticket.assignee_id != me.id)
        )
        foreign = session.scalars(others.limit(1)).one()
        own = session.scalars(select(Ticket).where(Ticket.assignee_id == me.id).limit(1)).one()

        def edit(ticket: Ticket) -> Mutation:
            return Mutation(
                id=new_id(),
                kind="ticket",
                record_id=ticket.id,
                base_version=ticket.version,
                data={"subject": "Новая тема", "text": ticket.text},
            )

        own_version = own.version
        refused, applied = push_service(session, me, PushRequest(mutations=[edit(foreign), edit(own)]))
        session.commit()
    assert refused.status == "rejected" and refused.error is not None and refused.error.code == "forbidden"
    assert applied.status == "applied" and applied.record is not None
    assert applied.record.data["subject"] == "Новая тема" and applied.record.version == own_version + 1
