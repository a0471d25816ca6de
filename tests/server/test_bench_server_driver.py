"""The ``server`` benchmark's load driver works (issue 17): a few simulated operators against a real
server make every kind of request, their tickets are registered, and one's ticket reaches another
through the live stream and a pull."""

from __future__ import annotations

import asyncio
import time

import httpx

from benchmarks.server_load import LOGIN, LOOKUP, PULL, PUSH, STREAM, LoadConfig, Tally, Window, drive, survey
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess

OPERATORS = ("operator", "op.petrova", "op.sokolov")
DEADLINE_S = 12.0


def _enough(tally: Tally) -> bool:
    made = all(tally.latencies.get(kind) for kind in (PULL, PUSH, LOOKUP, LOGIN, STREAM))
    return made and tally.tickets_applied >= 2 and bool(_crossed(tally))


def _crossed(tally: Tally) -> list[float]:
    """Delays of tickets seen by an operator other than their author."""
    return [seen_at - tally.pushed[ticket][0] for ticket, probe, seen_at in tally.seen
            if ticket in tally.pushed and tally.pushed[ticket][1] != probe]


def test_issue17_bench_driver_operators_make_every_request_and_see_each_others_tickets(
        demo_server: ServerProcess) -> None:
    found = survey(demo_server.url, "supervisor", TEST_PASSWORD)
    assert found.templates and found.inns
    config = LoadConfig(base_url=demo_server.url, logins=OPERATORS, password=TEST_PASSWORD,
                        start_cursor=found.head, templates=found.templates, inns=found.inns, ramp_s=0.3,
                        ticket_every_s=1.0, lookup_every_s=1.0, round_every_s=2.0, probes=len(OPERATORS), seed=17)
    deadline = time.monotonic() + DEADLINE_S
    tally = asyncio.run(drive(config, Window(), lambda t: _enough(t) or time.monotonic() > deadline))

    assert tally.logged_in == len(OPERATORS)
    assert {kind for kind, values in tally.latencies.items() if values} >= {PULL, PUSH, LOOKUP, LOGIN, STREAM}
    assert not tally.failures, tally.failures
    assert not tally.errors, tally.errors
    assert not tally.tickets_refused
    assert tally.hints > 0
    assert _crossed(tally), "no operator's ticket reached another operator"
    assert all(delay < 5 for delay in _crossed(tally))
    # the registered tickets are on the server, with registration numbers
    with httpx.Client(base_url=demo_server.url + "/api/v1") as http:
        token = http.post("/auth/login", json={"login": "supervisor", "password": TEST_PASSWORD}).json()
        page = http.get("/sync/changes", params={"after": found.head, "limit": 5000},
                        headers={"Authorization": f"Bearer {token['access_token']}"}).json()
    registered = {c["id"]: c["data"] for c in page["changes"] if c["kind"] == "ticket"}
    assert set(tally.pushed) <= set(registered)
    assert all(registered[ticket]["registration_number"] for ticket in tally.pushed)
