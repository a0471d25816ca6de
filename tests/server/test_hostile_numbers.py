"""Issue 16, class 5: every integer a client sends is bounded by the column that keeps it, and a number
out of range is a ``validation_error`` (422, or a ``rejected`` entry of a push), never a 5xx — on
SQLite and on PostgreSQL, against a real server."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from sync.ids import new_id
from sync.numbers import INT32_MAX, INT64_MAX
from tests.fixtures.servers import ServerProcess
from tests.server.test_sync_protocol import client_for, push

# beyond an Integer column, beyond a BigInteger column, far beyond, as a whole float, as text
BEYOND_INT32 = [INT32_MAX + 1, INT64_MAX + 1, 10**40, float(2**64), str(INT64_MAX + 1)]
BEYOND_INT64 = [INT64_MAX + 1, 10**40, float(2**70), str(INT64_MAX + 1)]
NEGATIVE = [-1, -(2**31) - 1, -(2**63) - 1]


def _refused(response: httpx.Response) -> None:
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "validation_error"


def _rejected(result: dict[str, Any], field: str) -> None:
    assert result["status"] == "rejected", result
    assert result["error"]["code"] == "validation_error" and result["error"]["field"] == field
    assert "Поле «" in result["error"]["message"]  # said in Russian, with the field's name


@pytest.mark.parametrize("value", BEYOND_INT64 + NEGATIVE)
def test_hostile_pull_cursor_out_of_range_is_refused(live_server: ServerProcess, value: object) -> None:
    with client_for(live_server) as client:
        _refused(client.get("/sync/changes", params={"after": value}))


@pytest.mark.parametrize("value", [INT32_MAX + 1, INT64_MAX])
def test_hostile_pull_cursor_within_a_bigint_is_an_empty_page(live_server: ServerProcess, value: int) -> None:
    with client_for(live_server) as client:
        response = client.get("/sync/changes", params={"after": value})
    assert response.status_code == 200, response.text
    assert response.json()["changes"] == []


@pytest.mark.parametrize("value", BEYOND_INT32 + NEGATIVE)
def test_hostile_pull_limit_out_of_range_is_refused(live_server: ServerProcess, value: object) -> None:
    with client_for(live_server) as client:
        _refused(client.get("/sync/changes", params={"limit": value}))


@pytest.mark.parametrize("value", [*BEYOND_INT32, *NEGATIVE, 0])
def test_hostile_base_version_out_of_range_is_refused(live_server: ServerProcess, value: object) -> None:
    entry = {"id": str(new_id()), "kind": "organization", "record_id": str(new_id()), "base_version": value,
             "data": {"inn": "7707083893", "name": "X"}}
    with client_for(live_server) as client:
        _refused(client.post("/sync/push", json={"mutations": [entry]}))


def _complex(sort_order: object) -> dict[str, Any]:
    code = new_id().hex[:12]
    return {"id": str(new_id()), "kind": "software_complex", "record_id": str(new_id()),
            "data": {"code": code, "name": f"Комплекс {code}", "sort_order": sort_order}}


@pytest.mark.parametrize("value", BEYOND_INT32 + NEGATIVE)
def test_hostile_sort_order_out_of_range_is_rejected(live_server: ServerProcess, value: object) -> None:
    with client_for(live_server, "boss") as client:
        [made] = push(client, _complex(0))
        component = {"id": str(new_id()), "kind": "component", "record_id": str(new_id()),
                     "data": {"complex_id": made["record"]["id"], "name": "Модуль", "sort_order": value}}
        item = _list_item(client)
        item_change = {"id": str(new_id()), "kind": "list_item", "record_id": item["id"],
                       "base_version": item["version"], "data": {**_list_item_fields(item), "sort_order": value}}
        results = push(client, _complex(value), component, item_change)
    assert made["status"] == "applied"
    for result in results:
        _rejected(result, "sort_order")


def test_hostile_sort_order_at_the_column_limit_is_kept(live_server: ServerProcess) -> None:
    with client_for(live_server, "boss") as client:
        [result] = push(client, _complex(INT32_MAX))
    assert result["status"] == "applied", result
    assert result["record"]["data"]["sort_order"] == INT32_MAX


@pytest.mark.parametrize("value", BEYOND_INT64 + NEGATIVE)
def test_hostile_attachment_size_out_of_range_is_rejected(live_server: ServerProcess, value: object) -> None:
    entry = {"id": str(new_id()), "kind": "attachment", "record_id": str(new_id()),
             "data": {"ticket_id": str(new_id()), "file_name": "a.txt", "size": value, "sha256": "0" * 64}}
    with client_for(live_server) as client:
        [result] = push(client, entry)
    _rejected(result, "size")


def test_hostile_attachment_size_within_a_bigint_is_a_coded_refusal(live_server: ServerProcess) -> None:
    entry = {"id": str(new_id()), "kind": "attachment", "record_id": str(new_id()),
             "data": {"ticket_id": str(new_id()), "file_name": "a.txt", "size": INT32_MAX + 1, "sha256": "0" * 64}}
    with client_for(live_server) as client:
        [result] = push(client, entry)
    assert result["status"] == "rejected" and result["error"]["code"], result  # too large or no such ticket


def _list_item(client: httpx.Client) -> dict[str, Any]:
    page = client.get("/sync/changes", params={"after": 0, "limit": 5000}).json()
    return next(c for c in page["changes"] if c["kind"] == "list_item" and not c["deleted"])


def _list_item_fields(item: dict[str, Any]) -> dict[str, Any]:
    return {name: item["data"][name] for name in ("label_ru", "label_en", "is_active")}
