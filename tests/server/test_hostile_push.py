"""Issue 16, class 3 on the server (SQLite and PostgreSQL, a real server): an entry that cannot be
applied or stored is refused alone, with a code, and the rest of the batch applies — never a 5xx.

The batches are sent as raw JSON through httpx, past the client's models and past any shared rule
on text (the server must hold without one)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from sync.ids import new_id
from tests.fixtures.servers import ServerProcess
from tests.server.test_hostile_ids import Desk, open_desk, organization, ticket

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def desk(live_server: ServerProcess) -> Iterator[Desk]:
    with open_desk(live_server) as made:
        yield made


def entry(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(new_id()), "kind": kind, "record_id": str(new_id()), "data": data}


def push_raw(client: httpx.Client, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The batch as JSON text written here (a lone surrogate goes out as the escape ``\\ud800``)."""
    body = json.dumps({"mutations": entries}, ensure_ascii=True)
    response = client.post("/sync/push", content=body.encode("ascii"), headers={"Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    return list(response.json()["results"])


def assert_outcome(results: list[dict[str, Any]], applied: list[int], field: str | None = None,
                   codes: dict[int, str] | None = None) -> None:
    """Entries at ``applied`` applied, every other one refused with its code in ``codes`` (by default
    ``invalid_data``), at ``field``, with a message."""
    for i, result in enumerate(results):
        if i in applied:
            assert result["status"] == "applied", (i, result)
        else:
            code = (codes or {}).get(i, "invalid_data")
            assert result["status"] == "rejected", (i, result)
            assert result["error"]["code"] == code and result["error"]["message"], (i, result)
            if field is not None:
                assert result["error"]["field"] == field, (i, result)


BAD_TEXTS = {"nul": "Отчёт\x00 не формируется", "lone_surrogate": "Отчёт \ud800 не формируется",
             "low_surrogate": "\udfff", "nul_only": "\x00"}
# a NUL in a value is the shared text rule's (a validation error naming the field); a lone surrogate
# cannot even be named in an answer, nor can a bad key: the server refuses those as data it cannot store
CODES = {"nul": "validation_error", "nul_only": "validation_error", "lone_surrogate": "invalid_data",
         "low_surrogate": "invalid_data"}


def test_hostile_one_unstorable_text_is_refused_alone_and_the_batch_goes_on(desk: Desk) -> None:
    """The example of the issue: [good, NUL in the text, a lone surrogate, good]."""
    org = desk.made("op1", "organization", organization())["id"]
    batch = [entry("ticket", ticket(desk, org)),
             entry("ticket", {**ticket(desk, org), "text": BAD_TEXTS["nul"]}),
             entry("ticket", {**ticket(desk, org), "text": BAD_TEXTS["lone_surrogate"]}),
             entry("ticket", ticket(desk, org))]
    assert ' \\ud800 ' in json.dumps(batch[2])  # the escape itself travels
    results = push_raw(desk.clients["op1"], batch)
    assert_outcome(results, applied=[0, 3], field="text", codes={1: "validation_error", 2: "invalid_data"})
    again = push_raw(desk.clients["op1"], batch)  # a replay: the same answers, stored with the entries
    assert again == results


@pytest.mark.parametrize("bad", list(BAD_TEXTS))
@pytest.mark.parametrize("where", ["organization.name", "contact.full_name", "contact.email", "ticket.subject",
                                   "ticket.applicant_name", "organization.key"])
def test_hostile_unstorable_text_in_any_field_of_any_kind_is_refused(desk: Desk, bad: str, where: str) -> None:
    kind, field = where.split(".")
    org = desk.made("op1", "organization", organization())["id"]
    good: dict[str, dict[str, Any]] = {
        "organization": organization(),
        "contact": {"organization_id": org, "full_name": "Иванов Иван", "email": f"i{new_id().hex[-8:]}@example.ru"},
        "ticket": ticket(desk, org)}
    data = dict(good[kind])
    if field == "key":
        data[f"name{BAD_TEXTS[bad]}"] = "ООО «Ключ»"
    else:
        data[field] = BAD_TEXTS[bad]
    results = push_raw(desk.clients["op1"], [entry("organization", organization()), entry(kind, data),
                                             entry("organization", organization())])
    assert_outcome(results, applied=[0, 2], field=None if field == "key" else field,
                   codes={1: "invalid_data" if field == "key" else CODES[bad]})


def test_hostile_an_update_with_unstorable_text_is_refused_and_the_record_kept(desk: Desk) -> None:
    record = desk.made("op1", "organization", organization())
    change = {**entry("organization", {"name": BAD_TEXTS["nul"]}), "record_id": record["id"],
              "base_version": record["version"]}
    results = push_raw(desk.clients["op1"], [change])
    assert_outcome(results, applied=[], codes={0: "validation_error"})
    rename = desk.push("op1", "organization", {"name": "ООО «Цела»"}, record["id"], record["version"])
    assert rename["status"] == "applied" and rename["record"]["version"] == record["version"] + 1


@pytest.mark.parametrize("number", [2**31, 2**63, -(2**63) - 1])
def test_hostile_a_value_the_database_refuses_is_refused_alone(desk: Desk, number: int) -> None:
    """Past the shared rules, a value the database or its driver cannot store (an integer beyond its
    column) fails inside the entry's savepoint: that entry is refused (or stored, where the backend
    can hold it), the others apply, and nothing answers 5xx."""
    component = entry("component", {"complex_id": desk.complex_id, "name": "Модуль", "sort_order": number})
    results = push_raw(desk.clients["boss"], [entry("organization", organization()), component,
                                              entry("organization", organization())])
    assert results[0]["status"] == results[2]["status"] == "applied", results
    middle = results[1]
    assert middle["status"] == "applied" or (middle["status"] == "rejected" and middle["error"]["code"] in (
        "invalid_data", "validation_error")), middle
