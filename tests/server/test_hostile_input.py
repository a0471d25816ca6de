"""Issue 16, classes 4 and 7 and the text rule of class 3, through a real server on SQLite and
PostgreSQL: wrongly typed JSON in any body is ``validation_error`` (per entry in a push), never a 5xx;
an identifier written another way lands on the existing record; all-zero numbers are refused in
Russian; a control character in a ticket's text rejects that entry alone. The shared models alone:
tests/sync/test_hostile_input.py."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.ids import new_id
from sync.protocol import API_PREFIX
from sync.records import SPECS
from tests.fixtures.identities import inns
from tests.fixtures.servers import ServerProcess
from tests.server.test_sync_protocol import client_for, push

INN = inns("39")


def entry(kind: str, data: Any, **more: Any) -> dict[str, Any]:
    return {"id": str(new_id()), "kind": kind, "record_id": str(new_id()), "data": data, **more}


def good_organization(inn: str | None = None, kpp: str = "390101001", **data: Any) -> dict[str, Any]:
    return entry("organization", {"inn": inn or next(INN), "kpp": kpp, "name": "ООО «Янтарь»", **data})


def assert_rejected(result: dict[str, Any], field: str | None = None) -> None:
    assert result["status"] == "rejected", result
    assert result["error"]["code"] == "validation_error", result
    if field is not None:
        assert result["error"]["field"] == field, result


# --- class 4: every shape of JSON is a validation error --------------------------------------------

WRONGLY_TYPED = [
    ("organization", {"inn": 7707083893, "name": "ПАО Сбербанк"}, "inn"),
    ("organization", {"inn": "7707083893", "kpp": 773601001, "name": "ПАО Сбербанк"}, "kpp"),
    ("organization", {"inn": "7707083893", "ogrn": 1027700132195, "name": "ПАО Сбербанк"}, "ogrn"),
    ("organization", {"inn": ["7707083893"], "name": "ПАО Сбербанк"}, "inn"),
    ("organization", {"inn": "7707083893", "name": {"ru": "Сбербанк"}}, "name"),
    ("contact", {"organization_id": str(new_id()), "full_name": "Иванов", "email": {"to": "a@b.ru"}}, "email"),
    ("contact", {"organization_id": str(new_id()), "full_name": "Иванов", "phone": 74951234567}, "phone"),
    ("contact", {"organization_id": 5, "full_name": "Иванов"}, "organization_id"),
    ("ticket", {"subject": ["Тема"], "text": True}, None),
    ("ticket", {"organization_id": [], "email": 1.5, "priority": {"a": None}}, None),
    ("attachment", {"ticket_id": str(new_id()), "file_name": 7, "size": "много", "sha256": None}, None),
    ("contract", {"customer_id": str(new_id()), "number": "1", "valid_from": 20240101, "valid_to": [],
                  "complex_ids": "все"}, None),
    ("software_complex", {"code": None, "name": 1e308}, None),
    ("organization", {"inn": None, "name": None, "kpp": None, "ogrn": None}, None),
]  # ``data`` that is no object at all is a malformed push (422): see WRONG_BODIES


def test_hostile_wrongly_typed_records_are_rejected_one_by_one(live_server: ServerProcess) -> None:
    """The issue's examples and their kin, in one batch with a good entry: each is rejected with
    ``validation_error`` and a Russian message, the good one is applied."""
    entries = [entry(kind, data) for kind, data, _ in WRONGLY_TYPED]
    with client_for(live_server, "boss") as client:  # a supervisor may write every kind
        results = push(client, *entries, good_organization())
    for (kind, data, field), result in zip(WRONGLY_TYPED, results, strict=False):
        assert_rejected(result, field)
        assert any("а" <= c <= "я" for c in result["error"]["message"].lower()), (kind, data, result)
    assert results[-1]["status"] == "applied"


WRONG_BODIES = [
    ("/auth/login", {"login": 5, "password": 7}),
    ("/auth/login", {"login": {"$ne": None}, "password": "x"}),
    ("/auth/login", {"login": "op1\x00", "password": "secret-pass"}),
    ("/auth/login", {"login": "op1", "password": "\ud800"}),
    ("/auth/login", ["op1", "secret-pass"]),
    ("/auth/refresh", {"refresh_token": 12345678901234567890}),
    ("/auth/refresh", {"refresh_token": "z" * 30 + "\x00"}),
    ("/auth/refresh", "token"),
    ("/sync/push", {"mutations": [{"id": 1, "kind": "organization", "record_id": "x"}]}),
    ("/sync/push", {"mutations": [{"id": str(new_id()), "kind": 5, "record_id": str(new_id())}]}),
    ("/sync/push", {"mutations": [{"id": str(new_id()), "kind": "ticket\x00", "record_id": str(new_id())}]}),
    ("/sync/push", {"mutations": [{"id": str(new_id()), "kind": "ticket", "record_id": str(new_id()), "data": []}]}),
    ("/sync/push", {"mutations": {"0": {}}}),
    ("/sync/push", {"mutations": [{"id": str(new_id()), "kind": "organization", "record_id": str(new_id()),
                                   "data": 7707083893}]}),
    ("/sync/push", None),
    ("/sync/push", 1e308),
]


@pytest.mark.parametrize(("path", "body"), WRONG_BODIES)
def test_hostile_wrongly_typed_bodies_are_validation_errors(live_server: ServerProcess, path: str, body: Any) -> None:
    with client_for(live_server) as client:  # escaped as JSON may carry it: «\ud800» is no UTF-8
        response = client.post(path, content=json.dumps(body), headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "validation_error"


KINDS = sorted(kind for kind, spec in SPECS.items() if spec.update is not None)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
NUMBERS = st.integers(-(2**40), 2**40) | st.floats(allow_nan=False, allow_infinity=False)  # what JSON can say
JSON = st.recursive(st.none() | st.booleans() | NUMBERS | TEXT,
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
                    max_leaves=8)


@settings(max_examples=10, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_any_json_in_a_push_is_an_answer_per_entry(live_server: ServerProcess, data: st.DataObject) -> None:
    """Arbitrary JSON (any field names of the kind, any values) pushed as records of every writable
    kind: the push is answered 200 and each entry is applied, merged or rejected — never a 5xx."""
    entries = []
    for kind in KINDS:
        fields = SPECS[kind].model(creating=True).model_fields
        entries.append(entry(kind, data.draw(st.fixed_dictionaries({}, optional=dict.fromkeys(fields, JSON)))))
    entries.append(entry(data.draw(st.sampled_from(KINDS)), data.draw(st.dictionaries(TEXT, JSON, max_size=4))))
    with client_for(live_server, "boss") as client:
        response = client.post("/sync/push", json={"mutations": entries})
    assert response.status_code == 200, response.text
    for result in response.json()["results"]:
        assert result["status"] in ("applied", "merged", "rejected"), result


# --- class 7: identifiers in one normal form --------------------------------------------------------

WIDE_EMAIL = " ＰＥＴＲＯＶＡ＠ＥＸＡＭＰＬＥ．ＲＵ"
FULL_WIDTH = str.maketrans("0123456789+-", "０１２３４５６７８９＋－")


def test_hostile_t7_an_organization_written_another_way_lands_on_the_existing_one(live_server: ServerProcess) -> None:
    inn = next(INN)
    with client_for(live_server) as client:
        [first] = push(client, good_organization(inn, "390101001", ogrn="1027700132195"))
        again = push(client, good_organization(inn.translate(FULL_WIDTH), "３９０１ ０１ ００１"),
                     good_organization(f" {inn[:4]} {inn[4:]} ", " 3901-01-001 "),
                     good_organization(f"{inn[:5]}\u00a0{inn[5:]}", "390101001\u2003"))
    assert first["status"] == "applied"
    assert [r["status"] for r in again] == ["merged"] * 3
    assert {r["record"]["id"] for r in again} == {first["record"]["id"]}
    assert (first["record"]["data"]["inn"], first["record"]["data"]["kpp"]) == (inn, "390101001")


def test_hostile_t7_a_contact_written_another_way_lands_on_the_existing_one(live_server: ServerProcess) -> None:
    with client_for(live_server) as client:
        organization = push(client, good_organization())[0]["record"]["id"]
        person = {"organization_id": organization, "full_name": "Петров Пётр"}
        [by_phone, by_email] = push(client, entry("contact", {**person, "phone": "+7 495 123-45-67"}),
                                    entry("contact", {**person, "full_name": "Петрова", "email": "petrova@example.ru"}))
        again = push(client, entry("contact", {**person, "phone": "＋７ (４９５) １２３－４５－６７"}),
                     entry("contact", {**person, "phone": " 8\u00a0495\u00a0123 45 67 "}),
                     entry("contact", {**person, "full_name": "Петрова", "email": WIDE_EMAIL}))
    assert [r["status"] for r in (by_phone, by_email)] == ["applied", "applied"]
    assert by_phone["record"]["data"]["phone"] == "+74951234567"
    assert [r["status"] for r in again] == ["merged"] * 3
    assert [r["record"]["id"] for r in again] == [by_phone["record"]["id"]] * 2 + [by_email["record"]["id"]]


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"inn": "0000000000"}, "inn", "ИНН не может состоять из одних нулей."),
    ({"inn": "000000000000"}, "inn", "ИНН не может состоять из одних нулей."),
    ({"inn": "００００００００００"}, "inn", "ИНН не может состоять из одних нулей."),
    ({"kpp": "000000000"}, "kpp", "КПП не может состоять из одних нулей."),
    ({"ogrn": "0000000000000"}, "ogrn", "ОГРН не может состоять из одних нулей."),
    ({"inn": "٧٧٠٧٠٨٣٨٩٤"}, "inn", "Неверный ИНН: не сходится контрольное число. Проверьте цифры."),
])
def test_hostile_t7_all_zero_numbers_are_refused_in_russian(
        live_server: ServerProcess, data: dict[str, str], field: str, message: str) -> None:
    with client_for(live_server) as client:
        [result] = push(client, good_organization(**{"inn": next(INN), **data}))
        lookup = client.get("/registry/parties", params={"inn": data.get("inn", "7707083893"),
                                                         "kpp": data.get("kpp", "")})
    assert_rejected(result, field)
    assert result["error"]["message"] == message
    if field in ("inn", "kpp"):  # the registry lookup checks the same way before asking anybody
        assert lookup.status_code == 422 and lookup.json()["error"]["message"] == message


def test_hostile_t7_the_registry_lookup_takes_a_full_width_inn(live_server: ServerProcess) -> None:
    with client_for(live_server) as client:
        response = client.get("/registry/parties", params={"inn": "７７０７０８３８９３"})
    assert response.json()["error"]["code"] == "registry_not_configured"  # past the INN check: it is valid


# --- class 3: the text rule ------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x85", "\x9f"])
def test_hostile_a_control_character_in_a_ticket_text_rejects_that_entry_alone(
        live_server: ServerProcess, char: str) -> None:
    """On PostgreSQL a NUL in a ticket's text answered the whole batch with 500; now the entry is
    rejected (``validation_error``, field ``text``) on both backends and the rest of the batch applies."""
    ticket = {"organization_id": str(new_id()), "applicant_name": "Иванов", "email": "ivanov@example.ru",
              "phone": "+7 495 123-45-67", "complex_id": str(new_id()), "ticket_type": "consultation",
              "channel": "phone", "priority": "normal", "subject": "Не печатается отчёт",
              "text": f"Строка 1\nСтрока 2{char}\tконец"}
    with client_for(live_server) as client:
        results = push(client, good_organization(), entry("ticket", ticket), good_organization(),
                       entry("ticket", {**ticket, "text": "Строка 1\nСтрока 2\tконец"}))
    assert [r["status"] for r in results[:3]] == ["applied", "rejected", "applied"]
    assert_rejected(results[1], "text")
    assert f"U+{ord(char):04X}" in results[1]["error"]["message"]
    # the same ticket without the character passes the text rule (and stops at its made-up complex)
    assert results[3]["error"]["code"] == "not_found"


def test_hostile_a_control_character_in_an_organization_name_rejects_it(live_server: ServerProcess) -> None:
    with client_for(live_server) as client:
        [result] = push(client, good_organization(name="ООО\x00«Ноль»", address="Калининград\x0b"))
    assert_rejected(result)
    assert result["error"]["field"] in ("name", "address")


def test_login_with_a_nul_is_refused_before_any_query(live_server: ServerProcess) -> None:
    response = httpx.post(f"{live_server.url}{API_PREFIX}/auth/login", json={"login": "\x00", "password": "x"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "validation_error"
