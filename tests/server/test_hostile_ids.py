"""Issue 16, class 1: no push can break a record for everyone (SQLite and PostgreSQL, a real server).

An id a client sends is checked against its kind: a creation under an id that already names a record
of any kind, or an alias, is refused (``id_taken``) rather than merged or aliased; a reference
resolves only to a record (or alias) of the kind its field names. After every attack the victim stays
reachable by every user, and a supervisor can change and delete it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from sync.ids import new_id
from tests.fixtures.identities import inns
from tests.fixtures.servers import ServerProcess
from tests.server.test_sync_protocol import client_for, pull_all, push

pytestmark = pytest.mark.timeout(300)

_INN = inns("53")
USERS = ("op1", "spec1", "boss")


@dataclass
class Desk:
    """Clients of every test user on one server, and a complex (with a component) to file tickets on."""

    clients: dict[str, httpx.Client]
    complex_id: str
    component_id: str

    def push(self, user: str, kind: str, data: dict[str, Any], record_id: str | None = None,
             base_version: int | None = None, op: str = "upsert") -> dict[str, Any]:
        entry = {"id": str(new_id()), "kind": kind, "record_id": record_id or str(new_id()), "op": op,
                 "base_version": base_version, "data": data}
        return push(self.clients[user], entry)[0]

    def made(self, user: str, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        """A new record of ``kind``, pushed by ``user``; its record as the server answered."""
        result = self.push(user, kind, data)
        assert result["status"] == "applied", result
        return dict(result["record"])


@contextmanager
def open_desk(live_server: ServerProcess) -> Iterator[Desk]:
    """A :class:`Desk` on the server (its clients closed at the end of the block)."""
    clients = {user: client_for(live_server, user) for user in USERS}
    try:
        complex_ = push(clients["boss"], {"id": str(new_id()), "kind": "software_complex", "record_id": str(new_id()),
                                          "data": {"code": f"H-{new_id().hex[-6:]}", "name": "Комплекс (тест)"}})[0]
        component = push(clients["boss"], {"id": str(new_id()), "kind": "component", "record_id": str(new_id()),
                                           "data": {"complex_id": complex_["record"]["id"], "name": "Модуль"}})[0]
        yield Desk(clients, complex_["record"]["id"], component["record"]["id"])
    finally:
        for client in clients.values():
            client.close()


@pytest.fixture(scope="module")
def desk(live_server: ServerProcess) -> Iterator[Desk]:
    with open_desk(live_server) as made:
        yield made


# --- valid data of each kind -----------------------------------------------------------------------------


def organization(inn: str | None = None) -> dict[str, Any]:
    return {"inn": inn or next(_INN), "kpp": "530101001", "name": "ООО «Мишень»"}


def contact(organization_id: str, email: str | None = None) -> dict[str, Any]:
    return {"organization_id": organization_id, "full_name": "Иванов Иван",
            "email": email or f"i{new_id().hex[-10:]}@example.ru"}


def ticket(desk: Desk, organization_id: str, contact_id: str | None = None) -> dict[str, Any]:
    return {"organization_id": organization_id, "contact_id": contact_id, "applicant_name": "Иванов Иван",
            "email": "ivanov@example.ru", "phone": "+7 495 123-45-67", "complex_id": desk.complex_id,
            "component_id": desk.component_id, "ticket_type": "consultation", "channel": "phone",
            "priority": "normal", "subject": "Вопрос", "text": "Как сформировать отчёт?"}


def attachment(ticket_id: str) -> dict[str, Any]:
    return {"ticket_id": ticket_id, "file_name": "отчёт.txt", "size": 3, "sha256": hashlib.sha256(b"abc").hexdigest()}


@dataclass
class Victim:
    kind: str
    record: dict[str, Any]
    organization_id: str  # the organization it belongs to (itself, for an organization)
    contact_email: str  # the e-mail of a contact of that organization (an attacker's duplicate merges into it)
    inn: str  # that organization's INN (an attacker's organization with it and the same KPP merges into it)


def make_victim(desk: Desk, kind: str) -> Victim:
    """A fresh record of ``kind`` in a fresh organization with one contact (and a ticket)."""
    inn = next(_INN)
    org = desk.made("op1", "organization", organization(inn))
    person = desk.made("op1", "contact", contact(org["id"]))
    email = person["data"]["email"]
    records = {"organization": org, "contact": person}
    if kind in ("ticket", "attachment"):
        records["ticket"] = desk.made("op1", "ticket", ticket(desk, org["id"], person["id"]))
    if kind == "attachment":
        records["attachment"] = desk.made("op1", "attachment", attachment(records["ticket"]["id"]))
    if kind == "software_complex":
        records[kind] = desk.made("boss", kind, {"code": f"V-{new_id().hex[-6:]}", "name": "Жертва"})
    if kind == "component":
        records[kind] = desk.made("boss", kind, {"complex_id": desk.complex_id, "name": "Жертва"})
    return Victim(kind, records[kind], org["id"], email, inn)


def attack_data(desk: Desk, kind: str, victim: Victim) -> dict[str, Any]:
    """Valid data of a creation of ``kind`` that, where the kind has duplicates, duplicates a record of
    the victim's organization (so a server that merges by data would merge it)."""
    org = victim.organization_id
    return {
        "organization": organization(victim.inn),
        "contact": contact(org, victim.contact_email),
        "software_complex": {"code": f"A-{new_id().hex[-6:]}", "name": "Атака"},
        "component": {"complex_id": desk.complex_id, "name": "Атака"},
        "contract": {"customer_id": str(new_id()), "number": "1", "valid_from": "2024-01-01",
                     "valid_to": "2030-01-01", "complex_ids": [desk.complex_id]},
        "ticket": ticket(desk, org),
        "attachment": attachment(victim.record["id"]) if victim.kind == "ticket" else None,
    }[kind] or {}


# --- reachability --------------------------------------------------------------------------------------------


def assert_reachable(desk: Desk, victim: Victim) -> None:
    """Every user can still point a new record at the victim's organization (and at the victim), and
    a supervisor can change and then delete the victim."""
    org = victim.organization_id
    for user in USERS:
        assert desk.push(user, "contact", contact(org))["status"] == "applied", user
        assert desk.push(user, "ticket", ticket(desk, org))["status"] == "applied", user
    referrer = {"contact": ("ticket", lambda: ticket(desk, org, victim.record["id"])),
                "software_complex": ("component", lambda: {"complex_id": victim.record["id"], "name": "Ещё"}),
                "ticket": ("attachment", lambda: attachment(victim.record["id"]))}.get(victim.kind)
    if referrer is not None:
        kind, data = referrer
        assert desk.push("boss", kind, data())["status"] == "applied"
    current = current_record(desk, victim.kind, victim.record["id"])
    change = changed(victim.kind, current["data"])
    changed_result = desk.push("boss", victim.kind, change, current["id"], current["version"])
    assert changed_result["status"] == "applied", changed_result
    deleted = desk.push("boss", victim.kind, {}, current["id"], changed_result["record"]["version"], op="delete")
    assert deleted["status"] == "applied", deleted


def current_record(desk: Desk, kind: str, record_id: str) -> dict[str, Any]:
    changes, _, _ = pull_all(desk.clients["boss"])
    found = [c for c in changes if c["kind"] == kind and c["id"] == record_id]
    assert len(found) == 1 and not found[0]["deleted"], found
    return dict(found[0])


def changed(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """A supervisor's change of a record of ``kind``: its name or subject."""
    field = {"ticket": "subject", "contact": "full_name", "attachment": "file_name"}.get(kind, "name")
    value = "исправлено.txt" if kind == "attachment" else "Исправлено"
    return {field: value}


# --- the example, and every pair of kinds -------------------------------------------------------------------


def test_hostile_t5_a_contact_under_an_organizations_id_does_not_poison_it(desk: Desk) -> None:
    """The example of the issue: a contact pushed with ``record_id`` = an organization's id and the
    e-mail of that organization's contact was answered ``merged`` and made the organization
    unreachable for everyone."""
    victim = make_victim(desk, "organization")
    result = desk.push("op1", "contact", contact(victim.organization_id, victim.contact_email),
                       record_id=victim.organization_id)
    assert result["status"] == "rejected", result
    assert (result["error"]["code"], result["error"]["field"]) == ("id_taken", "record_id")
    assert_reachable(desk, victim)


VICTIMS = ("organization", "contact", "software_complex", "component", "ticket", "attachment")
ATTACKERS = ("organization", "contact", "software_complex", "component", "contract", "ticket", "attachment")


@pytest.mark.parametrize("victim_kind", VICTIMS)
@pytest.mark.parametrize("attacker_kind", ATTACKERS)
def test_hostile_t5_a_creation_under_any_taken_id_is_refused(desk: Desk, victim_kind: str,
                                                             attacker_kind: str) -> None:
    victim = make_victim(desk, victim_kind)
    result = desk.push("boss", attacker_kind, attack_data(desk, attacker_kind, victim), victim.record["id"])
    if attacker_kind == victim_kind:  # the victim's own kind: a change without a base version
        assert result["status"] in ("conflict", "rejected"), result
    else:
        assert result["status"] == "rejected", result
        assert (result["error"]["code"], result["error"]["field"]) == ("id_taken", "record_id")
    assert_reachable(desk, victim)


@pytest.mark.parametrize("kind", ["user", "list_item"])
def test_hostile_t5_the_ids_of_users_and_list_items_are_taken_too(desk: Desk, kind: str) -> None:
    changes, _, _ = pull_all(desk.clients["boss"])
    taken = next(c for c in changes if c["kind"] == kind)
    victim = make_victim(desk, "organization")
    for attacker in ATTACKERS:
        result = desk.push("boss", attacker, attack_data(desk, attacker, victim), taken["id"])
        assert result["status"] == "rejected" and result["error"]["code"] == "id_taken", (attacker, result)
    assert current_record(desk, kind, taken["id"])["version"] == taken["version"]


def test_hostile_t5_an_alias_id_is_taken_and_answers_only_for_its_kind(desk: Desk) -> None:
    """A contact created twice is merged: the second id lives on as an alias of the first contact. That
    id can name nothing else, and as a reference it names the contact only, never an organization."""
    victim = make_victim(desk, "contact")
    alias = str(new_id())
    merged = desk.push("spec1", "contact", contact(victim.organization_id, victim.contact_email), alias)
    assert merged["status"] == "merged" and merged["record"]["id"] == victim.record["id"], merged
    for attacker in ATTACKERS:
        result = desk.push("boss", attacker, attack_data(desk, attacker, victim), alias)
        if attacker == "contact":  # the alias names the contact: a change without a base version
            assert result["status"] == "conflict" and result["record"]["id"] == victim.record["id"], result
        else:
            assert result["status"] == "rejected" and result["error"]["code"] == "id_taken", (attacker, result)
    by_alias = desk.push("op1", "ticket", ticket(desk, victim.organization_id, alias))
    assert by_alias["status"] == "applied" and by_alias["record"]["data"]["contact_id"] == victim.record["id"]
    wrong_kind = desk.push("op1", "ticket", ticket(desk, alias))  # the contact's alias as an organization
    assert wrong_kind["status"] == "rejected", wrong_kind
    assert (wrong_kind["error"]["code"], wrong_kind["error"]["field"]) == ("not_found", "organization_id")
    assert_reachable(desk, victim)
