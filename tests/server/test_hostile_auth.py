"""Issue 16, classes 8–10, against a real server on SQLite and PostgreSQL: password guessing is
throttled per login and per address, a reused refresh token revokes its family, and a disabled
user's change stream closes. The server runs with short limits so the tests see them pass."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

import httpx
import pytest

from sync.protocol import API_PREFIX
from tests.fixtures.servers import BACKENDS, TEST_PASSWORD, ServerProcess, seeded_server
from tests.fixtures.smtp import wait_until
from tests.fixtures.streams import Stream

pytestmark = pytest.mark.timeout(120)

LOGIN_LIMIT, ADDRESS_LIMIT, LOCKOUT_S, GRACE_S, RECHECK_S = 3, 5, 3, 2, 1
FLOOD = 20
LIMITS = {
    "KSDESK_LOGIN_MAX_FAILURES": str(LOGIN_LIMIT),
    "KSDESK_LOGIN_ADDRESS_MAX_FAILURES": str(ADDRESS_LIMIT),
    "KSDESK_LOGIN_LOCKOUT_S": str(LOCKOUT_S),
    "KSDESK_LOGIN_LOCKOUT_CAP_S": str(4 * LOCKOUT_S),
    "KSDESK_LOGIN_WINDOW_S": "600",
    "KSDESK_REFRESH_GRACE_S": str(GRACE_S),
    "KSDESK_STREAM_RECHECK_S": str(RECHECK_S),
}
# every test comes from an address of its own (all of 127.0.0.0/8 is loopback), so the address
# counts of one test never throttle another
_ADDRESSES = (f"127.0.{i}.{j}" for i, j in itertools.product(range(1, 250), range(2, 250)))


@pytest.fixture(scope="module", params=BACKENDS)
def strict_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server with users op1/spec1/boss and the short limits above."""
    with seeded_server(request.param, tmp_path_factory.mktemp(f"strict-{request.param}"), LIMITS) as server:
        yield server


def connect(server: ServerProcess) -> httpx.Client:
    """A client from an address no other client used."""
    transport = httpx.HTTPTransport(local_address=next(_ADDRESSES))
    return httpx.Client(base_url=server.url + API_PREFIX, timeout=20, transport=transport)


@pytest.fixture
def client(strict_server: ServerProcess) -> Iterator[httpx.Client]:
    with connect(strict_server) as http:
        yield http


def log_in(client: httpx.Client, login: str, password: str = TEST_PASSWORD) -> httpx.Response:
    return client.post("/auth/login", json={"login": login, "password": password})


def assert_throttled(response: httpx.Response) -> int:
    assert response.status_code == 429, response.text
    assert response.json()["error"]["code"] == "too_many_attempts"
    assert response.json()["error"]["message"].startswith("Слишком много неудачных попыток входа")
    wait = int(response.headers["Retry-After"])
    assert 1 <= wait <= 4 * LOCKOUT_S
    return wait


# --- class 8: password guessing ---------------------------------------------------------------------


def test_hostile_wrong_passwords_lock_the_login_even_for_the_right_one(client: httpx.Client) -> None:
    for attempt in range(LOGIN_LIMIT):
        wrong = log_in(client, "spec1", f"guess-{attempt}")
        assert (wrong.status_code, wrong.json()["error"]["code"]) == (401, "invalid_credentials")
    started = time.monotonic()
    assert_throttled(log_in(client, "spec1"))  # the right password: locked all the same
    assert_throttled(log_in(client, "SPEC1 "))  # however the login is typed
    answers: list[httpx.Response] = []
    wait_until(lambda: answers.append(log_in(client, "spec1")) or answers[-1].status_code != 429,
               "the end of the lockout", timeout=LOCKOUT_S + 10)
    assert answers[-1].status_code == 200, answers[-1].text
    assert time.monotonic() - started >= LOCKOUT_S - 1
    for throttled in answers[:-1]:
        assert_throttled(throttled)


def test_hostile_a_lockout_doubles_when_guessing_goes_on(client: httpx.Client, strict_server: ServerProcess) -> None:
    for attempt in range(LOGIN_LIMIT):
        log_in(client, "guessed-twice", f"guess-{attempt}")
    first = assert_throttled(log_in(client, "guessed-twice"))
    with connect(strict_server) as elsewhere:  # the login's count, not the address's
        wait_until(lambda: log_in(elsewhere, "guessed-twice", "again").status_code == 401,
                   "the end of the lockout", timeout=LOCKOUT_S + 10)
        for attempt in range(LOGIN_LIMIT - 1):
            assert log_in(elsewhere, "guessed-twice", f"more-{attempt}").status_code == 401
        second = assert_throttled(log_in(elsewhere, "guessed-twice"))
    assert second >= 2 * first


def test_hostile_a_success_resets_the_logins_count(strict_server: ServerProcess) -> None:
    """Rounds of limit - 1 failures, each ended by a success, never lock the login (without the
    reset the second round would reach the limit). Each round from its own address."""
    for _ in range(3):
        with connect(strict_server) as client:
            for attempt in range(LOGIN_LIMIT - 1):
                assert log_in(client, "op1", f"typo-{attempt}").status_code == 401
            assert log_in(client, "op1").status_code == 200


def test_hostile_one_address_guessing_many_logins_is_throttled(client: httpx.Client) -> None:
    """Unknown logins too: each is below its own limit, the address is not."""
    for attempt in range(ADDRESS_LIMIT):
        response = log_in(client, f"nobody-{attempt}", "guess")
        assert response.json()["error"]["code"] == "invalid_credentials"
    assert_throttled(log_in(client, "nobody-new", "guess"))
    assert_throttled(log_in(client, "boss"))  # the right password of another login, from this address


def test_hostile_throttled_guesses_are_answered_without_a_password_check(client: httpx.Client,
                                                                        strict_server: ServerProcess) -> None:
    """Guesses at a locked login are answered faster than guesses that are checked, and an
    unknown login is checked like a known one (its answer tells nothing by its time)."""
    for attempt in range(LOGIN_LIMIT):
        log_in(client, "flooded", f"guess-{attempt}")
    started = time.monotonic()
    for attempt in range(FLOOD):  # well within the lockout
        assert_throttled(log_in(client, "flooded", f"flood-{attempt}"))
    throttled = (time.monotonic() - started) / FLOOD
    checked = []
    for login in ("unknown-1", "op1", "unknown-2", "spec1"):
        with connect(strict_server) as fresh:
            started = time.monotonic()
            assert log_in(fresh, login, "a-wrong-guess").status_code == 401
            checked.append(time.monotonic() - started)
    assert throttled < min(checked)


# --- class 9: refresh token reuse ---------------------------------------------------------------------


def refresh(client: httpx.Client, token: str) -> httpx.Response:
    return client.post("/auth/refresh", json={"refresh_token": token})


def test_hostile_a_lost_answer_gets_the_same_pair_within_the_grace_window(client: httpx.Client) -> None:
    first = log_in(client, "op1").json()
    rotated = refresh(client, first["refresh_token"])
    again = refresh(client, first["refresh_token"])  # the answer to the first was lost
    assert rotated.status_code == again.status_code == 200, again.text
    assert again.json()["refresh_token"] == rotated.json()["refresh_token"] != first["refresh_token"]
    me = client.get("/auth/me", headers={"Authorization": f"Bearer {again.json()['access_token']}"})
    assert me.status_code == 200
    assert refresh(client, again.json()["refresh_token"]).status_code == 200  # rotation goes on


def test_hostile_reuse_after_the_grace_window_revokes_the_family(client: httpx.Client) -> None:
    stolen = log_in(client, "op1").json()["refresh_token"]
    legitimate = refresh(client, stolen).json()["refresh_token"]
    other_session = log_in(client, "op1").json()["refresh_token"]  # another login: another family
    answers: list[httpx.Response] = []
    wait_until(lambda: answers.append(refresh(client, stolen)) or answers[-1].status_code != 200,
               "the end of the grace window", timeout=GRACE_S + 10)
    reused = answers[-1]
    assert reused.status_code == 401
    assert reused.json()["error"]["code"] == "refresh_token_reused"
    assert "Войдите снова" in reused.json()["error"]["message"]
    assert {a.json()["refresh_token"] for a in answers[:-1]} <= {legitimate}  # never a diverging pair
    for member in (legitimate, stolen):  # every token of the family is dead now
        answer = refresh(client, member)
        assert answer.status_code == 401 and answer.json()["error"]["code"] in ("invalid_token", "refresh_token_reused")
    assert refresh(client, other_session).status_code == 200


def test_hostile_reuse_after_the_replacement_was_used_revokes_the_family(client: httpx.Client) -> None:
    """Within the grace window too: a token whose replacement was already rotated is held twice."""
    stolen = log_in(client, "spec1").json()["refresh_token"]
    second = refresh(client, stolen).json()["refresh_token"]
    third = refresh(client, second).json()["refresh_token"]
    reused = refresh(client, stolen)
    assert (reused.status_code, reused.json()["error"]["code"]) == (401, "refresh_token_reused")
    assert refresh(client, third).json()["error"]["code"] == "invalid_token"


# --- class 10: a disabled user's stream -----------------------------------------------------------


def set_active(client: httpx.Client, admin_token: str, user_id: str, active: bool) -> httpx.Response:
    return client.patch(f"/users/{user_id}", json={"is_active": active},
                        headers={"Authorization": f"Bearer {admin_token}"})


def test_hostile_a_disabled_users_stream_closes_within_seconds(client: httpx.Client,
                                                               strict_server: ServerProcess) -> None:
    victim = log_in(client, "spec1").json()
    boss = log_in(client, "boss").json()["access_token"]
    stream = Stream(strict_server, victim["access_token"])
    try:
        wait_until(lambda: any(name == "hello" for name, _ in stream.events), "the stream's hello")
        assert not stream.ended.wait(RECHECK_S + 1)  # an active user's stream stays open
        started = time.monotonic()
        assert set_active(client, boss, victim["user"]["id"], False).status_code == 200
        assert stream.ended.wait(RECHECK_S + 3), "the stream was not closed"
        assert time.monotonic() - started <= RECHECK_S + 3
        assert stream.events[-1] == ("closed", {"code": "user_disabled"})
        refused = refresh(client, victim["refresh_token"])  # the user's sessions are gone too
        assert refused.status_code == 401
        again = client.get("/sync/stream", headers={"Authorization": f"Bearer {victim['access_token']}"})
        assert (again.status_code, again.json()["error"]["code"]) == (403, "user_disabled")
    finally:
        stream.close()
        set_active(client, boss, victim["user"]["id"], True)


def test_hostile_only_a_supervisor_disables_and_never_himself(client: httpx.Client) -> None:
    operator = log_in(client, "op1").json()
    boss = log_in(client, "boss").json()
    by_operator = set_active(client, operator["access_token"], boss["user"]["id"], False)
    assert (by_operator.status_code, by_operator.json()["error"]["code"]) == (403, "forbidden")
    by_himself = set_active(client, boss["access_token"], boss["user"]["id"], False)
    assert (by_himself.status_code, by_himself.json()["error"]["code"]) == (403, "forbidden")
    missing = set_active(client, boss["access_token"], "0190a0b0-0000-7000-8000-000000000000", False)
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "not_found")
