"""The API against a real server process, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from sync.protocol import API_PREFIX
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess


def api(server: ServerProcess) -> httpx.Client:
    return httpx.Client(base_url=server.url + API_PREFIX, timeout=10)


def login(client: httpx.Client, user: str = "op1", password: str = TEST_PASSWORD) -> dict:
    response = client.post("/auth/login", json={"login": user, "password": password})
    assert response.status_code == 200, response.text
    return response.json()


def test_health_reports_version_and_backend(live_server: ServerProcess) -> None:
    with api(live_server) as client:
        body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["database"] in {"sqlite", "postgresql"}
    assert body["version"]


def test_openapi_lists_the_api(live_server: ServerProcess) -> None:
    spec = httpx.get(live_server.url + "/openapi.json", timeout=10).json()
    assert f"{API_PREFIX}/auth/login" in spec["paths"]
    assert f"{API_PREFIX}/health" in spec["paths"]


def test_login_returns_token_pair_and_user(live_server: ServerProcess) -> None:
    with api(live_server) as client:
        pair = login(client)
        me = client.get("/auth/me", headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert pair["token_type"] == "bearer"
    assert 0 < pair["expires_in"] <= 3600
    assert pair["user"]["login"] == "op1" and pair["user"]["role"] == "operator"
    assert me.status_code == 200 and me.json()["login"] == "op1"


@pytest.mark.parametrize("user,password", [("op1", "wrong"), ("nobody", TEST_PASSWORD), ("OP1", "x")])
def test_wrong_credentials_answer_401_with_stable_code(live_server: ServerProcess, user: str, password: str) -> None:
    with api(live_server) as client:
        response = client.post("/auth/login", json={"login": user, "password": password})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_credentials"
    assert response.json()["error"]["message"] == "Неверный логин или пароль."


def test_login_is_case_insensitive_for_the_login(live_server: ServerProcess) -> None:
    with api(live_server) as client:
        assert login(client, "OP1")["user"]["login"] == "op1"


def test_every_endpoint_but_login_and_health_needs_a_token(live_server: ServerProcess) -> None:
    spec = httpx.get(live_server.url + "/openapi.json", timeout=10).json()
    open_paths = {f"{API_PREFIX}/health", f"{API_PREFIX}/auth/login", f"{API_PREFIX}/auth/refresh"}
    checked = 0
    with httpx.Client(base_url=live_server.url, timeout=10) as client:
        for path, methods in spec["paths"].items():
            if path in open_paths:
                continue
            for method in methods:
                response = client.request(method.upper(), path)
                assert response.status_code == 401, (method, path, response.text)
                assert response.json()["error"]["code"] == "auth_required"
                checked += 1
    assert checked >= 1


def test_garbage_tokens_are_refused(live_server: ServerProcess) -> None:
    with api(live_server) as client:
        for header in ("Bearer abc.def.ghi", "Bearer", "Basic Zm9vOmJhcg==", "Bearer " + "x" * 5000):
            response = client.get("/auth/me", headers={"Authorization": header})
            assert response.status_code == 401, header
            assert response.json()["error"]["code"] in {"invalid_token", "auth_required"}


def test_refresh_token_rotates_and_a_used_one_is_soon_refused(live_server: ServerProcess) -> None:
    with api(live_server) as client:
        first = login(client)
        second = client.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert second.status_code == 200, second.text
        assert second.json()["refresh_token"] != first["refresh_token"]
        bogus = client.post("/auth/refresh", json={"refresh_token": "z" * 40})
    assert bogus.status_code == 401
    assert bogus.json()["error"]["code"] == "invalid_token"


@pytest.mark.parametrize(
    "body,content_type,code",
    [
        (b"{not json", "application/json", "invalid_json"),
        (b'{"login": 5, "password": []}', "application/json", "validation_error"),
        (b'{"login": "op1"}', "application/json", "validation_error"),
        (b'{"login": "op1", "password": "x", "extra": 1}', "application/json", "validation_error"),
        (b"[]", "application/json", "validation_error"),
        (b"login=op1", "application/x-www-form-urlencoded", "validation_error"),
        (b'{"login": "' + "я".encode() * 100 + b'", "password": "x"}', "application/json", "validation_error"),
    ],
)
def test_bad_input_gets_4xx_with_stable_code(
    live_server: ServerProcess, body: bytes, content_type: str, code: str
) -> None:
    with api(live_server) as client:
        response = client.post("/auth/login", content=body, headers={"Content-Type": content_type})
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"]["code"] == code


def test_unknown_route_and_wrong_method_are_json_errors(live_server: ServerProcess) -> None:
    with api(live_server) as client:
        missing = client.get("/no/such/thing")
        wrong = client.get("/auth/login")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "method_not_allowed"


def test_oversized_body_is_refused_before_reading(live_server: ServerProcess) -> None:
    host, port = live_server.url.removeprefix("http://").split(":")
    request = (
        f"POST {API_PREFIX}/auth/login HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {10**12}\r\nConnection: close\r\n\r\n{{"
    ).encode()
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == b"413"
    assert json.loads(body)["error"]["code"] == "payload_too_large"


@pytest.mark.parametrize("user,status", [("op1", 403), ("spec1", 403), ("boss", 200)])
def test_w3_roles_decide_who_may_administer_users(live_server: ServerProcess, user: str, status: int) -> None:
    with api(live_server) as client:
        token = login(client, user)["access_token"]
        response = client.get("/users", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == status, response.text
    if status == 403:
        assert response.json()["error"]["code"] == "forbidden"
    else:
        assert {u["login"] for u in response.json()} >= {"op1", "spec1", "boss"}


def test_every_error_code_has_an_http_status() -> None:
    """A code missing from the table would turn its answer into a 500."""
    from sync.errors import MESSAGES_RU, ErrorCode
    from sync.server.errors import STATUS

    assert set(ErrorCode) == set(STATUS) == set(MESSAGES_RU)
