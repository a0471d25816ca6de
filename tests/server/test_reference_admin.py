"""Issue 5: reference data (complexes, components, contracts, lists) is administered by a supervisor;
the server refuses it to other roles. Against a real server with a small demo directory (customers and
complexes to point at) on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from sync.ids import new_id
from sync.server.bootstrap import prepare_database
from sync.server.db import make_engine
from sync.server.demo import DemoSize, generate_demo
from tests.fixtures.databases import empty_database
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess, seed_users, start_server
from tests.server.test_sync_protocol import client_for, pull_all, push

TINY = DemoSize(tickets=5, organizations=12, contacts=12)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server with a tiny demo directory and the users op1/spec1/boss."""
    data_dir = tmp_path_factory.mktemp(f"admin-{request.param}")
    with empty_database(request.param, data_dir) as url:
        engine = make_engine(url, pool_size=1)
        prepare_database(engine)
        generate_demo(engine, TINY, password=TEST_PASSWORD)
        engine.dispose()
        seed_users(url)
        process = start_server(url, data_dir)
        try:
            yield process
        finally:
            process.stop()


def pulled(client: httpx.Client, after: int, record_id: str, version: int, attempts: int = 200) -> list[dict[str, Any]]:
    """The changes of one record after a cursor, once its ``version`` is there: the server answers a push
    before the request's transaction commits (its session closes after the response), so a pull right
    after may not see it yet."""
    for _ in range(attempts):
        changes = [c for c in pull_all(client, after)[0] if c["id"] == record_id]
        if any(c["version"] >= version for c in changes):
            return changes
    raise AssertionError(f"version {version} of {record_id} never reached a pull")


def records(client: httpx.Client, kind: str) -> list[dict[str, Any]]:
    """The live records of a kind, as pulled."""
    changes, _, _ = pull_all(client)
    return [c for c in changes if c["kind"] == kind and not c["deleted"]]


def entry(kind: str, data: dict[str, Any], record: dict[str, Any] | None = None, op: str = "upsert") -> dict[str, Any]:
    """An outbox entry: a creation, or a change of ``record`` based on its version."""
    base = {"record_id": record["id"], "base_version": record["version"]} if record else {"record_id": str(new_id())}
    return {"id": str(new_id()), "kind": kind, "op": op, "data": data, **base}


def contract_data(customer_id: str, complex_ids: list[str], **changes: Any) -> dict[str, Any]:
    return {"customer_id": customer_id, "number": f"КС-2026/{new_id().hex[-4:]}", "partner": "",
            "valid_from": "2026-01-01", "valid_to": "2026-12-31", "complex_ids": complex_ids, **changes}


@pytest.fixture(scope="module")
def reference(server: ServerProcess) -> dict[str, list[dict[str, Any]]]:
    with client_for(server, "boss") as boss:
        return {kind: records(boss, kind) for kind in ("customer", "software_complex", "component", "contract",
                                                        "list_item")}


@pytest.mark.parametrize("login", ["op1", "spec1"])
def test_t5_admin_other_roles_are_refused(
    server: ServerProcess, reference: dict[str, list[dict[str, Any]]], login: str,
) -> None:
    complex_, component, contract, item = (reference[k][0] for k in ("software_complex", "component", "contract",
                                                                    "list_item"))
    customer_id = reference["customer"][0]["id"]
    entries = [
        entry("component", {"complex_id": complex_["id"], "name": "Отчёты"}),
        entry("component", {"name": "Переименованный"}, component),
        entry("component", {}, component, op="delete"),
        entry("contract", contract_data(customer_id, [complex_["id"]])),
        entry("contract", {"complex_ids": [complex_["id"]]}, contract),
        entry("list_item", {"label_ru": "Звонок"}, item),
        entry("software_complex", {"name": "Другое имя"}, complex_),
    ]
    with client_for(server, login) as client:
        results = push(client, *entries)
        after = {(r["kind"], r["id"]): r for k in ("component", "contract", "list_item") for r in records(client, k)}
    assert [(r["status"], r["error"]["code"]) for r in results] == [("rejected", "forbidden")] * len(entries)
    assert all(r["error"]["message"] == "Недостаточно прав для этого действия." for r in results)
    for record in (component, contract, item):
        assert after[(record["kind"], record["id"])]["version"] == record["version"]  # nothing changed


def test_t5_admin_supervisor_edits_contract_complexes(
    server: ServerProcess, reference: dict[str, list[dict[str, Any]]],
) -> None:
    first, second, third = (c["id"] for c in reference["software_complex"][:3])
    customer_id = reference["customer"][0]["id"]
    with client_for(server, "boss") as boss, client_for(server, "op1") as operator:
        _, cursor, _ = pull_all(operator)
        data = contract_data(customer_id, [second, first, first], partner="ООО «П»")
        created = push(boss, entry("contract", data))[0]
        assert created["status"] == "applied", created
        record = created["record"]
        assert record["data"]["complex_ids"] == sorted([first, second]) and record["version"] == 1
        changes = pulled(operator, cursor, record["id"], 1)
        assert [c["data"]["complex_ids"] for c in changes] == [record["data"]["complex_ids"]]  # as the push answered
        assert {k: changes[0]["data"][k] for k in data} == {**data, "complex_ids": sorted([first, second])}

        changed = push(boss, entry("contract", {"complex_ids": [first, second, third]}, record))[0]
        assert changed["status"] == "applied", changed
        assert changed["record"]["data"]["complex_ids"] == sorted([first, second, third])
        assert changed["record"]["version"] == 2  # the complexes alone are a change of the contract
        _, cursor, _ = pull_all(operator)
        fewer = push(boss, entry("contract", {"complex_ids": [third]}, changed["record"]))[0]
        changes = pulled(operator, cursor, record["id"], 3)
    assert fewer["status"] == "applied" and fewer["record"]["data"]["complex_ids"] == [third]
    assert [(c["version"], c["data"]["complex_ids"]) for c in changes] == [(3, [third])]
    assert changes[0]["data"]["partner"] == "ООО «П»"


def test_t5_admin_contract_rules_are_checked_by_the_server(
    server: ServerProcess, reference: dict[str, list[dict[str, Any]]],
) -> None:
    complex_id = reference["software_complex"][0]["id"]
    customer_id = reference["customer"][0]["id"]
    contract = reference["contract"][0]
    entries = [
        entry("contract", contract_data(customer_id, [complex_id], valid_from="2026-02-01", valid_to="2026-01-31")),
        entry("contract", {"valid_to": "2001-01-01"}, contract),
        entry("contract", contract_data(customer_id, [])),
        entry("contract", contract_data(customer_id, [str(new_id())])),
        entry("contract", contract_data(str(new_id()), [complex_id])),
    ]
    with client_for(server, "boss") as boss:
        results = push(boss, *entries)
    assert [(r["status"], r["error"]["code"], r["error"]["field"], r["error"]["message"]) for r in results] == [
        ("rejected", "validation_error", "valid_to", "Дата окончания контракта раньше даты начала."),
        ("rejected", "validation_error", "valid_to", "Дата окончания контракта раньше даты начала."),
        ("rejected", "validation_error", "complex_ids", "Укажите хотя бы один программный комплекс контракта."),
        ("rejected", "not_found", "complex_ids", "Программный комплекс не найден: возможно, его удалили."),
        ("rejected", "not_found", "customer_id", "Связанная запись «customer_id» не найдена."),
    ]


def test_t5_admin_supervisor_edits_components_and_soft_deletes_them(
    server: ServerProcess, reference: dict[str, list[dict[str, Any]]],
) -> None:
    complex_id = reference["software_complex"][0]["id"]
    with client_for(server, "boss") as boss:
        _, cursor, _ = pull_all(boss)
        created = push(boss, entry("component", {"complex_id": complex_id, "name": "Отчёты", "sort_order": 7}),
                       entry("component", {"complex_id": str(new_id()), "name": "Сирота"}))
        assert created[0]["status"] == "applied", created
        assert created[1]["status"] == "rejected" and created[1]["error"]["code"] == "not_found"
        assert created[1]["error"]["field"] == "complex_id"
        record = created[0]["record"]
        renamed = push(boss, entry("component", {"name": "Отчётность"}, record))[0]
        deleted = push(boss, entry("component", {}, renamed["record"], op="delete"))[0]
        changes = pulled(boss, cursor, record["id"], 3)
    assert renamed["status"] == "applied" and renamed["record"]["data"]["name"] == "Отчётность"
    assert renamed["record"]["data"]["sort_order"] == 7
    assert deleted["status"] == "applied"
    assert [(c["deleted"], c["data"]) for c in changes] == [(True, {})]  # a tombstone


def test_t5_admin_list_item_labels_change_but_never_codes(
    server: ServerProcess, reference: dict[str, list[dict[str, Any]]],
) -> None:
    item = next(i for i in reference["list_item"] if i["data"]["code"] == "phone")
    with client_for(server, "boss") as boss:
        results = push(
            boss,
            entry("list_item", {"code": "fax"}, item),
            entry("list_item", {"kind": "priority"}, item),
            entry("list_item", {"kind": "channel", "code": "fax", "label_ru": "Факс", "label_en": "Fax"}),
            entry("list_item", {"label_ru": "Телефонный звонок", "sort_order": 9, "is_active": False}, item),
        )
        after = next(i for i in records(boss, "list_item") if i["id"] == item["id"])
    assert [(r["status"], (r.get("error") or {}).get("code"), (r.get("error") or {}).get("field")) for r in results] \
        == [("rejected", "field_forbidden", "code"), ("rejected", "field_forbidden", "kind"),
            ("rejected", "not_writable", None), ("applied", None, None)]
    fields = ("kind", "code", "label_ru", "label_en", "sort_order", "is_active")
    assert [after["data"][f] for f in fields] == ["channel", "phone", "Телефонный звонок", "Phone", 9, False]
