"""Issue 16, class 11: ``/openapi.json`` says what the server answers, errors included.

A real server process on loopback, on SQLite and on PostgreSQL. schemathesis sends every operation a
few examples that fit its schema and a few that break it (as nobody, the operator and, where a role
is checked, the supervisor) and checks each answer against the description; the other tests hold the
rules the description promises: one error body, 405 with ``Allow``, ``batch_too_large``, and the
token checked before the body is read. ``python benchmarks/run.py fuzz`` is the longer run.
"""

from __future__ import annotations

import asyncio
import json
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.errors import ErrorCode
from sync.protocol import API_PREFIX, MAX_PUSH_BATCH
from sync.server.app import create_app
from sync.server.errors import STATUS
from sync.server.settings import Settings
from tests.fixtures.fuzz import fuzz
from tests.fixtures.raw_http import read_answer
from tests.fixtures.servers import BACKENDS, TEST_PASSWORD, ServerProcess, seeded_server

EXAMPLES = 5  # per operation, identity and mode: about 215 requests, 20-30 s per backend
BAD_TOKEN = "Bearer not.a.token"
BODY_ROUTES = [("POST", "/sync/push"), ("PATCH", f"/users/{uuid.UUID(int=1)}"),
               ("PUT", f"/attachments/{uuid.UUID(int=2)}/content")]


@pytest.fixture(scope="module", params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with seeded_server(request.param, tmp_path_factory.mktemp(f"openapi-{request.param}")) as running:
        yield running


@pytest.fixture(scope="module")
def tokens(server: ServerProcess) -> dict[str, str]:
    """Access tokens of the operator and the supervisor, taken before anything guesses logins."""
    def token(login: str) -> str:
        answer = httpx.post(f"{server.url}{API_PREFIX}/auth/login", json={"login": login, "password": TEST_PASSWORD})
        assert answer.status_code == 200, answer.text
        return str(answer.json()["access_token"])
    return {"operator": token("op1"), "supervisor": token("boss")}


@pytest.fixture(scope="module")
def spec(server: ServerProcess) -> dict[str, Any]:
    answer = httpx.get(server.url + "/openapi.json", timeout=10)
    assert answer.status_code == 200
    return dict(answer.json())


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            yield method.upper(), path, operation


def codes(operation: dict[str, Any], status: int) -> list[str]:
    return list(operation["responses"].get(str(status), {}).get("x-error-codes", []))


def test_hostile_openapi_every_error_has_the_one_error_body_and_its_codes(spec: dict[str, Any]) -> None:
    assert "HTTPValidationError" not in json.dumps(spec) and "ValidationError" not in spec["components"]["schemas"]
    detail = spec["components"]["schemas"]["ErrorDetail"]
    assert set(detail["required"]) == {"code", "message"} and set(detail["properties"]["code"]["enum"]) == {
        str(c) for c in ErrorCode}
    assert spec["components"]["schemas"]["ErrorBody"]["required"] == ["error"]
    checked = 0
    for method, path, operation in operations(spec):
        for status, response in operation["responses"].items():
            if int(status) < 400:
                continue
            assert response["content"] == {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
            assert response["x-error-codes"], (method, path, status)
            assert all(STATUS[ErrorCode(code)] == int(status) for code in response["x-error-codes"]), (method, path)
            assert all(f"`{code}`" in response["description"] for code in response["x-error-codes"])
            checked += 1
        assert codes(operation, 503) == ["service_unavailable"], (method, path)
    assert checked > 50


def test_hostile_openapi_each_operation_lists_the_errors_of_its_shape(spec: dict[str, Any]) -> None:
    for method, path, operation in operations(spec):
        where = (method, path)
        if operation.get("security"):
            assert {"auth_required", "invalid_token", "token_expired"} <= set(codes(operation, 401)), where
            assert operation["responses"]["401"]["headers"]["WWW-Authenticate"]["required"], where
            assert "user_disabled" in codes(operation, 403), where
        if "{" in path:
            assert "not_found" in codes(operation, 404), where
        if "requestBody" in operation or operation.get("parameters"):
            assert "validation_error" in codes(operation, 422), where
        if "application/json" in operation.get("requestBody", {}).get("content", {}):
            assert codes(operation, 400) == ["invalid_json"], where
            assert "payload_too_large" in codes(operation, 413) and codes(operation, 408) == ["request_timeout"]
    login = spec["paths"][f"{API_PREFIX}/auth/login"]["post"]["responses"]["429"]
    assert login["x-error-codes"] == ["too_many_attempts", "login_busy"] and login["headers"]["Retry-After"]["required"]
    assert "forbidden" in codes(spec["paths"][f"{API_PREFIX}/users"]["get"], 403)
    assert codes(spec["paths"][f"{API_PREFIX}/sync/push"]["post"], 413) == ["payload_too_large", "batch_too_large"]
    upload = spec["paths"][f"{API_PREFIX}/attachments/{{attachment_id}}/content"]["put"]
    assert "upload_offset_mismatch" in codes(upload, 409) and "Upload-Offset" in upload["responses"]["409"]["headers"]


def test_hostile_openapi_every_operation_answers_as_described(server: ServerProcess, tokens: dict[str, str],
                                                              spec: dict[str, Any]) -> None:
    report = fuzz(server.url, tokens, max_examples=EXAMPLES)
    assert report.operations == sum(1 for _ in operations(spec)) >= 14
    assert report.examples >= report.operations * EXAMPLES
    assert report.findings == [], f"{len(report.findings)} answers differ from /openapi.json:\n\n" + "\n\n".join(
        str(f) for f in report.findings[:10])
    assert report.statuses[200] and report.statuses[401] and report.statuses[422]  # it did reach past the gates


def test_hostile_openapi_a_wrong_method_says_allow_and_an_unknown_path_is_not_found(server: ServerProcess) -> None:
    with httpx.Client(base_url=server.url + API_PREFIX, timeout=10) as client:
        login = client.get("/auth/login")
        content = client.delete(f"/attachments/{uuid.uuid4()}/content")
        missing = client.post("/no/such/thing", json={})
    assert login.status_code == 405 and login.headers["allow"] == "POST"
    assert login.json()["error"]["code"] == "method_not_allowed"
    assert content.status_code == 405 and content.headers["allow"] == "GET, PUT"  # both routes of the path
    assert missing.status_code == 404 and missing.json()["error"] == {
        "code": "not_found", "message": "Запись не найдена.", "field": None}


def _mutation() -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "kind": "no_such_kind", "record_id": str(uuid.uuid4()), "data": {}}


def test_hostile_openapi_an_oversized_push_is_batch_too_large(server: ServerProcess, tokens: dict[str, str]) -> None:
    headers = {"Authorization": f"Bearer {tokens['operator']}"}
    with httpx.Client(base_url=server.url + API_PREFIX, headers=headers, timeout=30) as client:
        over = client.post("/sync/push", json={"mutations": [_mutation() for _ in range(MAX_PUSH_BATCH + 1)]})
        full = client.post("/sync/push", json={"mutations": [_mutation() for _ in range(MAX_PUSH_BATCH)]})
    assert over.status_code == 413, over.text
    assert over.json()["error"] == {"code": "batch_too_large", "field": "mutations",
                                    "message": "Слишком много изменений в одном запросе: не больше 500."}
    assert full.status_code == 200 and len(full.json()["results"]) == MAX_PUSH_BATCH  # each rejected: unknown_kind


@pytest.mark.parametrize(("method", "path"), BODY_ROUTES)
def test_hostile_openapi_no_token_and_a_garbage_body_is_401_not_400(server: ServerProcess, tokens: dict[str, str],
                                                                    method: str, path: str) -> None:
    garbage = b"\xff{not json" * 100
    with httpx.Client(base_url=server.url + API_PREFIX, timeout=10) as client:
        forged = client.request(method, path, content=garbage, headers={"Authorization": BAD_TOKEN,
                                                                        "Content-Type": "application/json"})
        anonymous = client.request(method, path, content=garbage, headers={"Content-Type": "application/json"})
        signed_in = client.request(method, path, content=garbage, headers={
            "Authorization": f"Bearer {tokens['supervisor']}", "Content-Type": "application/json"})
    assert forged.status_code == 401 and forged.json()["error"]["code"] == "invalid_token"
    assert forged.headers["www-authenticate"] == "Bearer"
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "auth_required"
    # with a token the body is read: not JSON (and not even UTF-8) is invalid_json; the upload takes bytes
    assert signed_in.status_code == (404 if method == "PUT" else 400), signed_in.text
    assert signed_in.json()["error"]["code"] == ("not_found" if method == "PUT" else "invalid_json")


def _head(server: ServerProcess, lines: list[str]) -> tuple[socket.socket, bytes]:
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    return sock, "\r\n".join([*lines, "Host: 127.0.0.1", "", ""]).encode()


@pytest.mark.parametrize("framing", ["Content-Length: 60000000", "Transfer-Encoding: chunked"])
def test_hostile_openapi_an_unauthenticated_body_is_answered_before_it_is_sent(server: ServerProcess,
                                                                               framing: str) -> None:
    """60 MB declared (under the 64 MiB limit), or a chunked body of no declared end, and only its first
    kilobyte sent: the 401 comes back at once — the server reads no body it would have to hold."""
    sock, head = _head(server, [f"POST {API_PREFIX}/sync/push HTTP/1.1", f"Authorization: {BAD_TOKEN}",
                                "Content-Type: application/json", framing])
    with sock:
        first = b'{"mutations": [' + b" " * 1000
        sock.sendall(head + (first if framing.startswith("Content") else b"%x\r\n%s\r\n" % (len(first), first)))
        status, headers, body = read_answer(sock)
    assert status == 401 and body["error"]["code"] == "invalid_token"
    assert headers["connection"] == "close"


def test_hostile_openapi_a_database_that_does_not_answer_is_503(tmp_path: Path) -> None:
    """The database gone (here: a file that cannot be opened) is 503 service_unavailable, never a 500."""
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{(tmp_path / 'missing' / 'x.sqlite').as_posix()}")
    transport = httpx.ASGITransport(app=create_app(settings, prepare=False), raise_app_exceptions=False)

    async def ask() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=transport, base_url="http://server" + API_PREFIX) as client:
            return [await client.get("/health"),
                    await client.post("/auth/login", json={"login": "op1", "password": TEST_PASSWORD})]

    for answer in asyncio.run(ask()):
        assert answer.status_code == 503, answer.text
        assert answer.json()["error"]["code"] == "service_unavailable" and answer.headers["retry-after"] == "5"
