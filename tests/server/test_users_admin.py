"""W3 and roles (issue 20): a supervisor administers users through the API, against a real server on
SQLite and PostgreSQL — create, change name, role and line, disable (the user's session and stream
end within seconds), reset the password; the last supervisor stays; the audit log is append-only and
read by supervisors only."""

from __future__ import annotations

import itertools
import json
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from sync.errors import ErrorCode
from sync.protocol import API_PREFIX, UserUpdate
from sync.roles import Role
from sync.server import user_admin
from sync.server.db import make_session_factory, session_scope
from sync.server.errors import ServiceError
from sync.server.models import AuditEntry, User
from sync.server.users import create_user
from tests.fixtures.servers import BACKENDS, TEST_PASSWORD, ServerProcess, seeded_server
from tests.fixtures.streams import Stream

pytestmark = pytest.mark.timeout(120)

RECHECK_S = 1
_NAMES = (f"user{i}" for i in itertools.count())


@pytest.fixture(scope="module", params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """Users op1/spec1/boss; a stream rechecks its user every second."""
    with seeded_server(request.param, tmp_path_factory.mktemp(f"users-{request.param}"),
                       {"KSDESK_STREAM_RECHECK_S": str(RECHECK_S)}) as running:
        yield running


@pytest.fixture
def api(server: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url + API_PREFIX, timeout=20) as client:
        yield client


def log_in(api: httpx.Client, login: str, password: str = TEST_PASSWORD) -> httpx.Response:
    return api.post("/auth/login", json={"login": login, "password": password})


def bearer(api: httpx.Client, login: str, password: str = TEST_PASSWORD) -> dict[str, str]:
    answer = log_in(api, login, password)
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def new_user(api: httpx.Client, boss: dict[str, str], role: str = "operator", **extra: Any) -> dict[str, Any]:
    login = next(_NAMES)
    body = {"login": login, "full_name": f"Сотрудник {login}", "role": role, "password": TEST_PASSWORD, **extra}
    answer = api.post("/users", json=body, headers=boss)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def error(answer: httpx.Response) -> tuple[int, str]:
    return answer.status_code, answer.json()["error"]["code"]


def audit_of(api: httpx.Client, boss: dict[str, str], user_id: str) -> list[dict[str, Any]]:
    answer = api.get("/audit", params={"entity": "user", "entity_id": user_id}, headers=boss)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["entries"])


def test_w3_every_user_route_is_a_supervisors_and_checked_by_the_server(api: httpx.Client) -> None:
    boss = bearer(api, "boss")
    victim = new_user(api, boss)
    routes = [("GET", "/users", None), ("POST", "/users", {"login": "x1", "full_name": "X", "role": "operator",
                                                          "password": "long-enough"}),
              ("PATCH", f"/users/{victim['id']}", {"is_active": False}),
              ("POST", f"/users/{victim['id']}/password", None), ("GET", "/audit", None)]
    for login in ("op1", "spec1"):
        headers = bearer(api, login)
        for method, path, body in routes:
            answer = api.request(method, path, json=body, headers=headers)
            assert error(answer) == (403, "forbidden"), (login, method, path)
    for method, path, body in routes:
        assert error(api.request(method, path, json=body)) == (401, "auth_required"), (method, path)
    after = api.get("/users", headers=boss).json()
    assert "x1" not in {u["login"] for u in after}
    assert next(u for u in after if u["id"] == victim["id"])["is_active"] is True  # nothing was changed


def test_w3_a_supervisor_creates_a_user_by_the_clis_rules(api: httpx.Client) -> None:
    boss = bearer(api, "boss")
    made = new_user(api, boss, role="specialist", login="New.Spec", full_name="Новый Специалист")
    assert (made["login"], made["role"], made["line"], made["is_active"]) == ("new.spec", "specialist", "line_2", True)
    assert log_in(api, "new.spec").status_code == 200
    operator_on_two = new_user(api, boss, role="operator", line="line_2")
    assert operator_on_two["line"] == "line_2"
    again = api.post("/users", json={"login": "NEW.SPEC", "full_name": "Другой", "role": "operator",
                                     "password": TEST_PASSWORD}, headers=boss)
    assert error(again) == (409, "already_exists") and again.json()["error"]["field"] == "login"
    body = {"login": "ok", "full_name": "Имя", "role": "operator", "password": TEST_PASSWORD}
    for change, field in [({"login": "с кириллицей"}, "login"), ({"password": "abc"}, "password"),
                          ({"role": "admin"}, "role"), ({"line": "line_3"}, "line"), ({"full_name": ""}, "full_name"),
                          ({"is_admin": True}, "is_admin"), ({"login": "x" * 65}, "login")]:
        refused = api.post("/users", json={**body, **change}, headers=boss)
        assert error(refused) == (422, "validation_error"), (change, refused.text)
        assert refused.json()["error"]["field"] == field, change
    assert "ok" not in {u["login"] for u in api.get("/users", headers=boss).json()}
    [created] = audit_of(api, boss, made["id"])
    assert created["action"] == "created" and created["user_name"] == "Тест boss"
    assert created["changes"] == {"login": "new.spec", "full_name": "Новый Специалист", "role": "specialist",
                                  "line": "line_2"}
    assert TEST_PASSWORD not in json.dumps(created)


def test_w3_changing_role_or_line_ends_the_users_session(api: httpx.Client) -> None:
    boss = bearer(api, "boss")
    user = new_user(api, boss)
    session = log_in(api, user["login"]).json()
    renamed = api.patch(f"/users/{user['id']}", json={"full_name": "Переименован"}, headers=boss)
    assert renamed.status_code == 200 and renamed.json()["full_name"] == "Переименован"
    kept = api.post("/auth/refresh", json={"refresh_token": session["refresh_token"]})
    assert kept.status_code == 200  # a new name leaves the session alone
    moved = api.patch(f"/users/{user['id']}", json={"line": "line_2"}, headers=boss)
    assert (moved.json()["role"], moved.json()["line"]) == ("operator", "line_2")
    ended = api.post("/auth/refresh", json={"refresh_token": kept.json()["refresh_token"]})
    assert error(ended) == (401, "invalid_token")
    pulled = api.get("/sync/changes", params={"after": 0, "limit": 5000}, headers=boss).json()["changes"]
    record = next(c["data"] for c in pulled if c["id"] == user["id"])  # the clients' caches learn the line
    assert record["line"] == "line_2" and "password_hash" not in record
    second = log_in(api, user["login"]).json()
    promoted = api.patch(f"/users/{user['id']}", json={"role": "supervisor"}, headers=boss).json()
    assert (promoted["role"], promoted["line"]) == ("supervisor", "line_2")  # no line given: the role's
    assert error(api.post("/auth/refresh", json={"refresh_token": second["refresh_token"]})) == (401, "invalid_token")
    changes = [e["changes"] for e in audit_of(api, boss, user["id"])]
    assert changes[:3] == [{"role": ["operator", "supervisor"]}, {"line": ["line_1", "line_2"]},
                           {"full_name": [f"Сотрудник {user['login']}", "Переименован"]}]  # newest first
    for body in ({"role": "root"}, {"is_active": "maybe"}, {"password_hash": "x"}, {"full_name": ""}):
        assert error(api.patch(f"/users/{user['id']}", json=body, headers=boss)) == (422, "validation_error"), body
    assert error(api.patch(f"/users/{uuid.uuid4()}", json={"line": "line_1"}, headers=boss)) == (404, "not_found")


def test_w3_disabling_a_user_ends_their_session_and_stream_within_seconds(api: httpx.Client,
                                                                          server: ServerProcess) -> None:
    boss = bearer(api, "boss")
    user = new_user(api, boss, role="specialist")
    session = log_in(api, user["login"]).json()
    stream = Stream(server, session["access_token"])
    try:
        assert stream.hello.wait(10)
        assert not stream.ended.wait(RECHECK_S + 1)
        started = time.monotonic()
        disabled = api.patch(f"/users/{user['id']}", json={"is_active": False}, headers=boss)
        assert disabled.status_code == 200 and disabled.json()["is_active"] is False
        assert stream.ended.wait(RECHECK_S + 3) and time.monotonic() - started <= RECHECK_S + 3
        assert stream.events[-1] == ("closed", {"code": "user_disabled"})
    finally:
        stream.close()
    assert error(api.post("/auth/refresh", json={"refresh_token": session["refresh_token"]}))[0] == 401
    assert error(log_in(api, user["login"])) == (403, "user_disabled")
    listed = {u["id"]: u for u in api.get("/users", headers=boss).json()}
    assert listed[user["id"]]["is_active"] is False  # still listed, to be enabled again
    assert api.patch(f"/users/{user['id']}", json={"is_active": True}, headers=boss).status_code == 200
    assert log_in(api, user["login"]).status_code == 200


def test_w3_a_reset_password_is_shown_once_and_ends_the_sessions(api: httpx.Client) -> None:
    boss = bearer(api, "boss")
    user = new_user(api, boss)
    session = log_in(api, user["login"]).json()
    answer = api.post(f"/users/{user['id']}/password", headers=boss)
    assert answer.status_code == 200, answer.text
    temporary = answer.json()["password"]
    assert len(temporary) >= 16 and temporary != TEST_PASSWORD
    assert log_in(api, user["login"], temporary).status_code == 200
    assert error(log_in(api, user["login"])) == (401, "invalid_credentials")  # the old one is gone
    assert error(api.post("/auth/refresh", json={"refresh_token": session["refresh_token"]})) == (401, "invalid_token")
    other = api.post(f"/users/{user['id']}/password", headers=boss).json()["password"]
    assert other != temporary
    entries = audit_of(api, boss, user["id"])
    assert [e["action"] for e in entries[:2]] == ["password_reset", "password_reset"]
    assert temporary not in json.dumps(entries) and other not in json.dumps(entries)
    assert error(api.post(f"/users/{uuid.uuid4()}/password", headers=boss)) == (404, "not_found")


def test_w3_a_supervisor_never_demotes_or_disables_themselves(api: httpx.Client) -> None:
    boss = bearer(api, "boss")
    me = api.get("/auth/me", headers=boss).json()
    for body in ({"is_active": False}, {"role": "specialist"}, {"role": "operator", "line": "line_1"}):
        refused = api.patch(f"/users/{me['id']}", json=body, headers=boss)
        assert error(refused) == (403, "forbidden"), body
        assert refused.json()["error"]["message"].startswith("Нельзя")
    assert api.patch(f"/users/{me['id']}", json={"line": "line_1"}, headers=boss).json()["line"] == "line_1"
    assert api.patch(f"/users/{me['id']}", json={"line": "line_2"}, headers=boss).status_code == 200
    assert api.get("/auth/me", headers=boss).json()["role"] == "supervisor"


def test_w3_two_supervisors_disabling_each_other_at_once_leave_one(api: httpx.Client) -> None:
    boss = bearer(api, "boss")
    first, second = new_user(api, boss, role="supervisor"), new_user(api, boss, role="supervisor")
    tokens = {u["id"]: bearer(api, u["login"]) for u in (first, second)}
    answers: dict[str, httpx.Response] = {}
    start = threading.Barrier(2)

    def disable(actor: dict[str, Any], target: dict[str, Any]) -> None:
        with httpx.Client(base_url=api.base_url, timeout=20) as own:
            start.wait()
            answers[actor["id"]] = own.patch(f"/users/{target['id']}", json={"is_active": False},
                                             headers=tokens[actor["id"]])

    threads = [threading.Thread(target=disable, args=pair) for pair in ((first, second), (second, first))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # boss is a third supervisor, so the last-supervisor rule allows both; but whichever goes second
    # was disabled by the first: it is refused, whether it came after or waited on the lock
    succeeded = [a for a in answers.values() if a.status_code == 200]
    assert len(succeeded) == 1, [a.text for a in answers.values()]
    refused = next(a for a in answers.values() if a.status_code != 200)
    assert error(refused) == (403, "user_disabled")
    listed = {u["id"]: u["is_active"] for u in api.get("/users", headers=boss).json()}
    assert sorted([listed[first["id"]], listed[second["id"]]]) == [False, True]


def test_w3_the_last_active_supervisor_is_never_demoted_or_disabled(server_engine: Engine) -> None:
    """The rule itself, on both databases: only a supervisor who is no longer active would be left to
    ask (the routes refuse them first — this is what the lock protects when two requests cross)."""
    factory = make_session_factory(server_engine)
    with session_scope(factory) as session:
        last = create_user(session, "last", TEST_PASSWORD, Role.SUPERVISOR)
        gone = create_user(session, "gone", TEST_PASSWORD, Role.SUPERVISOR)
        gone.is_active = False
    for body in (UserUpdate(is_active=False), UserUpdate(role=Role.SPECIALIST)):
        with session_scope(factory) as session:
            actor = session.scalar(select(User).where(User.login == "gone"))
            assert actor is not None
            with pytest.raises(ServiceError) as refused:
                user_admin.change(session, actor, last.id, body)
            assert refused.value.code is ErrorCode.LAST_SUPERVISOR and refused.value.status == 409
    with session_scope(factory) as session:
        again = session.get(User, last.id)
        assert again is not None and (again.is_active, again.role) == (True, "supervisor")
        assert not session.scalars(select(AuditEntry).where(AuditEntry.entity_id == last.id)).all()
        actor = session.get(User, gone.id)
        assert actor is not None
        with pytest.raises(ServiceError) as stale:  # a supervisor disabled meanwhile changes nothing else
            user_admin.change(session, actor, gone.id, UserUpdate(full_name="Бывший"))
        assert stale.value.code is ErrorCode.USER_DISABLED
        assert user_admin.change(session, again, gone.id, UserUpdate(full_name="Бывший")).full_name == "Бывший"


def test_w3_the_audit_log_is_newest_first_paged_and_append_only(api: httpx.Client) -> None:
    boss = bearer(api, "boss")
    user = new_user(api, boss)
    for name in ("Первое", "Второе", "Третье"):
        api.patch(f"/users/{user['id']}", json={"full_name": name}, headers=boss)
    first = api.get("/audit", params={"entity_id": user["id"], "limit": 2}, headers=boss).json()
    assert [e["changes"].get("full_name", [None, None])[1] for e in first["entries"]] == ["Третье", "Второе"]
    rest = api.get("/audit", params={"entity_id": user["id"], "limit": 2, "before": first["next_before"]},
                   headers=boss).json()
    assert [e["action"] for e in rest["entries"]] == ["updated", "created"] and rest["next_before"] is None
    mine = api.get("/audit", params={"user_id": user["id"]}, headers=boss).json()
    assert mine["entries"] == []  # they did nothing themselves
    for params in ({"limit": 0}, {"limit": 501}, {"before": "x"}, {"entity": "'; drop"}):
        assert error(api.get("/audit", params=params, headers=boss)) == (422, "validation_error"), params
    entry = first["entries"][0]["id"]
    for method in ("PUT", "PATCH", "DELETE"):
        answer = api.request(method, "/audit", json={}, headers=boss)
        assert error(answer) == (405, "method_not_allowed") and answer.headers["allow"] == "GET"
        assert error(api.request(method, f"/audit/{entry}", json={}, headers=boss)) == (404, "not_found")
    again = api.get("/audit", params={"entity_id": user["id"]}, headers=boss).json()["entries"]
    assert len(again) == 4 and again[0]["id"] == entry
