"""Issue 16, class 6: rules an operator can get around (SQLite and PostgreSQL, a real server).

Who may set which field of which kind, delete and bring back a record, written here as a table of
its own — not read from ``sync.roles``, so that a wrong rule there fails here — and pushed through
one server per backend: every role × kind × field × operation (create, update) and every role ×
kind × operation (delete, revive). Then the two attacks of the issue end to end, and a supervisor's
repair after them.
"""

from __future__ import annotations

import hashlib
import itertools
import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.ids import new_id
from sync.roles import Role
from sync.server.bootstrap import prepare_database
from sync.server.db import make_engine, make_session_factory, session_scope
from sync.server.models import Component, Contract, Customer, Organization, SoftwareComplex
from tests.fixtures.databases import empty_database
from tests.fixtures.identities import inns
from tests.fixtures.servers import BACKENDS, ServerProcess, seed_users, start_server
from tests.server.test_sync_protocol import client_for, push

pytestmark = pytest.mark.timeout(600)

_INN = inns("61")
_SERIAL = itertools.count(1)
OP, SPEC, BOSS = "op1", "spec1", "boss"
ROLES = (OP, SPEC, BOSS)

# --- the rule, as this test reads the issue ------------------------------------------------------------

ALL = frozenset(ROLES)
SUPERVISOR = frozenset({BOSS})
NOBODY: frozenset[str] = frozenset()

# who may write a kind at all (anyone else: «forbidden» for every write)
WRITERS = {"organization": ALL, "contact": ALL, "ticket": ALL, "attachment": ALL,
           "software_complex": SUPERVISOR, "component": SUPERVISOR, "contract": SUPERVISOR, "list_item": SUPERVISOR}
# who may change, delete a record made by op1 (a supervisor's, for the reference kinds): a ticket is
# changed by its author and the second line; an attachment by its author; the rest as the kind says
CHANGERS = {**WRITERS, "attachment": frozenset({OP, BOSS})}
DELETERS = {kind: SUPERVISOR for kind in WRITERS} | {"attachment": frozenset({OP, BOSS})}
REVIVERS = SUPERVISOR  # a supervisor deleted it on purpose

# kind → field → (who may give it a value in a creation, who may change it afterwards)
SERVER_OWN = (NOBODY, NOBODY)
ON_CREATE = (ALL, NOBODY)
COMMON = {"created_at": SERVER_OWN, "deleted_at": SERVER_OWN, "version": SERVER_OWN}
FIELDS: dict[str, dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    "organization": {
        **dict.fromkeys(("inn", "kpp", "ogrn", "name", "full_name", "address"), (ALL, ALL)),
        "customer_id": (SUPERVISOR, SUPERVISOR),  # decides the contracts, so the ticket types (T8)
        "registry_status": SERVER_OWN, "registry_verified": SERVER_OWN,
        **COMMON,
    },
    "contact": {
        **dict.fromkeys(("full_name", "position", "email", "phone"), (ALL, ALL)),
        "organization_id": (ALL, SUPERVISOR),  # only a supervisor moves a person to another organization
        **COMMON,
    },
    "software_complex": {**dict.fromkeys(("code", "name", "sort_order"), (ALL, ALL)), **COMMON},
    "component": {**dict.fromkeys(("complex_id", "name", "sort_order"), (ALL, ALL)), **COMMON},
    "contract": {**dict.fromkeys(("customer_id", "number", "partner", "valid_from", "valid_to", "complex_ids"),
                                 (ALL, ALL)), **COMMON},
    "list_item": {**dict.fromkeys(("label_ru", "label_en", "sort_order", "is_active"), (ALL, ALL)),
                  "kind": SERVER_OWN, "code": SERVER_OWN, **COMMON},
    "ticket": {
        **dict.fromkeys(("subject", "text", "system_info"), (ALL, ALL)),
        **dict.fromkeys(("organization_id", "contact_id", "applicant_name", "email", "phone", "complex_id",
                         "component_id", "ticket_type", "channel", "priority", "provisional_number"), ON_CREATE),
        **dict.fromkeys(("registration_number", "status", "route", "assignee_id", "author_id", "registered_at",
                         "closed_at"), SERVER_OWN),
        **COMMON,
    },
    "attachment": {
        "file_name": (ALL, ALL),
        **dict.fromkeys(("ticket_id", "size", "sha256", "content_type"), ON_CREATE),
        **dict.fromkeys(("uploaded_bytes", "complete", "created_by"), SERVER_OWN),
        **COMMON,
    },
}
CREATABLE = ("organization", "contact", "software_complex", "component", "contract", "ticket", "attachment")


def expected(kind: str, field_name: str, role: str, operation: str) -> str:
    """The answer the table gives: applied, or the code of the refusal."""
    if role not in WRITERS[kind] or (operation == "update" and role not in CHANGERS[kind]):
        return "forbidden"
    create, change = FIELDS[kind][field_name]
    return "applied" if role in (create if operation == "create" else change) else "field_forbidden"


# --- the server and its world -----------------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    """Reference data written into the database before the server starts (customers are not pushed)."""

    covered: str  # a complex the holder's contract covers
    other_complex: str
    component: str  # of ``covered``
    other_component: str  # of ``other_complex``
    customer: str  # the holder's customer: a valid contract covering ``covered``
    other_customer: str
    holder: str  # the organization that is ``customer``


def build_world(url: str) -> World:
    seed_users(url)
    engine = make_engine(url, pool_size=1)
    prepare_database(engine)
    today = date.today()
    try:
        with session_scope(make_session_factory(engine)) as session:
            complexes = [SoftwareComplex(code=f"R-{i}", name=f"Комплекс {i} (тест)", sort_order=i) for i in (1, 2)]
            session.add_all(complexes)
            session.flush()
            components = [Component(complex_id=c.id, name="Модуль") for c in complexes]
            customers = []
            for i, covered in enumerate(complexes):
                holder = Organization(inn=next(_INN), kpp="610101001", name=f"ООО «Заказчик {i}»")
                session.add(holder)
                session.flush()
                customer = Customer(organization_id=holder.id, note="")
                session.add(customer)
                session.flush()
                holder.customer_id = customer.id
                contract = Contract(customer_id=customer.id, number=f"Р-{i}", partner="",
                                    valid_from=today - timedelta(days=365), valid_to=today + timedelta(days=365))
                contract.complexes = [covered]
                session.add(contract)
                customers.append((holder, customer))
            session.add_all(components)
            session.flush()
            return World(str(complexes[0].id), str(complexes[1].id), str(components[0].id), str(components[1].id),
                         str(customers[0][1].id), str(customers[1][1].id), str(customers[0][0].id))
    finally:
        engine.dispose()


@dataclass
class Desk:
    """Clients of every role on one server, the world, and what a test needs made."""

    clients: dict[str, httpx.Client]
    world: World
    users: dict[str, str] = field(default_factory=dict)  # login → id
    org: str = ""  # an organization of op1's, with the contact ``contact`` (tickets are filed on them)
    contact: str = ""
    cursor: int = 0  # how far :meth:`list_item` has read the changes
    item: dict[str, Any] = field(default_factory=dict)

    def push(self, user: str, kind: str, data: dict[str, Any], record_id: str | None = None,
             base_version: int | None = None, op: str = "upsert") -> dict[str, Any]:
        entry = {"id": str(new_id()), "kind": kind, "record_id": record_id or str(new_id()), "op": op,
                 "base_version": base_version, "data": data}
        return push(self.clients[user], entry)[0]

    def made(self, user: str, kind: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        """A new record of ``kind`` made by ``user`` (valid data of the kind unless given)."""
        result = self.push(user, kind, self.valid(kind) if data is None else data)
        assert result["status"] == "applied", result
        return dict(result["record"])

    def valid(self, kind: str) -> dict[str, Any]:
        """Valid data of a new record of ``kind`` (its parents made by op1 where it needs them)."""
        n, w = next(_SERIAL), self.world
        if kind == "organization":
            return {"inn": next(_INN), "kpp": "610101001", "name": f"ООО «Роль {n}»"}
        if kind == "contact":
            return {"organization_id": self.org, "full_name": f"Петров {n}", "email": f"p{n}@example.ru"}
        if kind == "software_complex":
            return {"code": f"C-{n}-{secrets.token_hex(2)}", "name": f"Комплекс {n}"}
        if kind == "component":
            return {"complex_id": w.covered, "name": f"Модуль {n}"}
        if kind == "contract":
            return {"customer_id": w.customer, "number": f"К-{n}", "valid_from": "2024-01-01",
                    "valid_to": "2030-12-31", "complex_ids": [w.covered]}
        if kind == "ticket":
            return {"organization_id": self.org, "contact_id": self.contact, "applicant_name": "Петров Пётр",
                    "email": "petrov@example.ru", "phone": "+7 495 123-45-67", "complex_id": w.covered,
                    "component_id": w.component, "ticket_type": "consultation", "channel": "phone",
                    "priority": "normal", "subject": f"Вопрос {n}", "text": "Как сформировать отчёт?"}
        assert kind == "attachment"
        ticket = self.made(OP, "ticket")
        return {"ticket_id": ticket["id"], "file_name": f"отчёт-{n}.txt", "size": 3,
                "sha256": hashlib.sha256(b"abc").hexdigest()}

    def owned(self, kind: str) -> dict[str, Any]:
        """A record to change: op1's (a supervisor's for the kinds only a supervisor writes)."""
        if kind == "list_item":
            return self.list_item()
        return self.made(BOSS if WRITERS[kind] == SUPERVISOR else OP, kind)

    def list_item(self) -> dict[str, Any]:
        """The current state of a list item a supervisor may change freely (a status's labels)."""
        while True:
            page = self.clients[BOSS].get("/sync/changes", params={"after": self.cursor, "limit": 5000}).json()
            for change in page["changes"]:
                if change["kind"] == "list_item" and change["data"].get("code") == "awaiting_info":
                    self.item = change
            self.cursor = page["cursor"]
            if not page["has_more"]:
                break
        assert self.item, "the status «awaiting_info» is a seeded list item"
        return dict(self.item)


@pytest.fixture(scope="module", params=BACKENDS)
def desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    data_dir: Path = tmp_path_factory.mktemp(f"roles-{request.param}")
    with empty_database(request.param, data_dir) as url:
        world = build_world(url)
        server: ServerProcess = start_server(url, data_dir)
        clients = {user: client_for(server, user) for user in ROLES}
        try:
            made = Desk(clients, world)
            users = clients[BOSS].get("/sync/changes", params={"after": 0, "limit": 5000}).json()["changes"]
            made.users = {u["data"]["login"]: u["id"] for u in users if u["kind"] == "user"}
            made.org = made.made(OP, "organization")["id"]
            made.contact = made.made(OP, "contact")["id"]
            yield made
        finally:
            for client in clients.values():
                client.close()
            server.stop()


# --- values to set: for a creation (valid, not the default) and for a change (valid, not the stored one) ----

SOME_MOMENT = "2020-01-02T03:04:05+00:00"
Value = Callable[[Desk, dict[str, Any]], Any]  # (desk, the record's data as it is) → a value


def _server_value(name: str) -> Value:
    fixed: dict[str, Any] = {
        "registry_status": "ACTIVE", "registry_verified": True, "kind": "priority", "code": "fax",
        "registration_number": "ОБР-2020-000001", "status": "closed", "route": "line_2",
        "uploaded_bytes": 3, "complete": True, "version": 77,
        "registered_at": SOME_MOMENT, "closed_at": SOME_MOMENT, "created_at": SOME_MOMENT, "deleted_at": SOME_MOMENT,
    }
    if name in ("assignee_id", "author_id", "created_by"):
        return lambda desk, _data: desk.users[BOSS] if _data.get(name) != desk.users[BOSS] else desk.users[SPEC]
    return lambda _desk, _data: fixed[name]


def _text(prefix: str) -> Value:
    return lambda _desk, _data: f"{prefix} {next(_SERIAL)}"


def _other_id(pick: Callable[[Desk], tuple[str, str]], name: str) -> Value:
    """One of two ids, whichever the record does not hold."""
    def value(desk: Desk, data: dict[str, Any]) -> str:
        first, second = pick(desk)
        return second if data.get(name) == first else first
    return value


VALUES: dict[str, dict[str, Value]] = {
    "organization": {
        "inn": lambda _d, _r: next(_INN),
        "kpp": lambda _d, r: "610101002" if r.get("kpp") != "610101002" else "610101003",
        "ogrn": lambda _d, _r: "1027700132195", "name": _text("ООО «Новое имя»"), "full_name": _text("Полное имя"),
        "address": _text("г. Ростов-на-Дону, ул. Тестовая, д."),
        "customer_id": _other_id(lambda d: (d.world.customer, d.world.other_customer), "customer_id"),
    },
    "contact": {
        "full_name": _text("Сидоров"), "position": _text("Бухгалтер"),
        "email": lambda _d, _r: f"n{next(_SERIAL)}@example.ru",
        "phone": lambda _d, _r: f"+7 863 2{next(_SERIAL) % 1000000:06d}",
        "organization_id": lambda d, r: d.made(OP, "organization")["id"],
    },
    "software_complex": {"code": lambda _d, _r: f"N-{secrets.token_hex(3)}", "name": _text("Комплекс"),
                         "sort_order": lambda _d, r: (r.get("sort_order") or 0) + 5},
    "component": {"complex_id": _other_id(lambda d: (d.world.covered, d.world.other_complex), "complex_id"),
                  "name": _text("Модуль"), "sort_order": lambda _d, r: (r.get("sort_order") or 0) + 5},
    "contract": {
        "customer_id": _other_id(lambda d: (d.world.customer, d.world.other_customer), "customer_id"),
        "number": _text("К"), "partner": _text("ООО «Партнёр»"),
        "valid_from": lambda _d, _r: "2023-06-01", "valid_to": lambda _d, _r: "2031-06-30",
        "complex_ids": lambda d, _r: [d.world.covered, d.world.other_complex],
    },
    "list_item": {"label_ru": _text("Ждём ответа"), "label_en": _text("Awaiting"),
                  "sort_order": lambda _d, r: (r.get("sort_order") or 0) + 1,
                  "is_active": lambda _d, r: not r.get("is_active", True)},
    "ticket": {
        "subject": _text("Тема"), "text": _text("Текст"), "system_info": _text("Windows 11"),
        "organization_id": lambda d, r: d.org if r.get("organization_id") != d.org
        else d.made(OP, "organization")["id"],
        "contact_id": lambda d, r: d.contact if r.get("contact_id") != d.contact else d.made(OP, "contact")["id"],
        "applicant_name": _text("Иванов"), "email": lambda _d, _r: f"t{next(_SERIAL)}@example.ru",
        "phone": lambda _d, _r: "+7 863 200-00-01",
        "complex_id": _other_id(lambda d: (d.world.covered, d.world.other_complex), "complex_id"),
        "component_id": _other_id(lambda d: (d.world.component, d.world.other_component), "component_id"),
        "ticket_type": lambda _d, r: "consultation" if r.get("ticket_type") != "consultation" else "bug",
        "channel": lambda _d, r: "email" if r.get("channel") != "email" else "phone",
        "priority": lambda _d, r: "high" if r.get("priority") != "high" else "low",
        "provisional_number": lambda _d, _r: f"П-{secrets.token_hex(3)}",
    },
    "attachment": {
        "file_name": _text("новое имя.txt"),
        "ticket_id": lambda d, _r: d.made(OP, "ticket")["id"],
        "size": lambda _d, r: (r.get("size") or 0) + 1, "sha256": lambda _d, _r: hashlib.sha256(b"xyz").hexdigest(),
        "content_type": lambda _d, r: "text/plain" if r.get("content_type") != "text/plain" else "text/csv",
    },
}


def value_for(desk: Desk, kind: str, name: str, data: dict[str, Any]) -> Any:
    made = VALUES[kind].get(name)
    return made(desk, data) if made is not None else _server_value(name)(desk, data)


def _cases(operation: str) -> list[Any]:
    kinds = CREATABLE if operation == "create" else tuple(FIELDS)
    return [pytest.param(role, kind, name, id=f"{kind}-{name}-{role}")
            for kind in kinds for name in FIELDS[kind] for role in ROLES]


def _outcome(result: dict[str, Any]) -> str:
    return str(result["status"] if result["status"] != "rejected" else result["error"]["code"])


# --- the matrix: role × kind × field × operation ----------------------------------------------------------------


def creation(desk: Desk, kind: str, name: str) -> dict[str, Any]:
    """Valid data of a new record of ``kind`` whose ``name`` is given a value other than its default
    (and other than the one :meth:`Desk.valid` gives, where another is valid)."""
    data, w = desk.valid(kind), desk.world
    if kind == "ticket" and name in ("complex_id", "component_id"):  # a component of its complex
        return {**data, "complex_id": w.other_complex, "component_id": w.other_component}
    if kind == "ticket" and name == "organization_id":  # the applicant then is typed, not a contact
        return {**data, "organization_id": desk.made(OP, "organization")["id"], "contact_id": None}
    if kind == "ticket" and name == "ticket_type":  # T8: the only type without a contract
        return {**data, "ticket_type": "consultation"}
    return {**data, name: value_for(desk, kind, name, data)}


@pytest.mark.parametrize(("role", "kind", "name"), _cases("create"))
def test_hostile_matrix_create(desk: Desk, role: str, kind: str, name: str) -> None:
    """A creation by ``role`` that gives ``name`` a value (not its default)."""
    data = creation(desk, kind, name)
    result = desk.push(role, kind, data)
    want = expected(kind, name, role, "create")
    assert _outcome(result) == want, result
    if want == "field_forbidden":
        assert result["error"]["field"] == name and result["error"]["message"], result
    if want == "applied" and name in result["record"]["data"] and name not in ("phone", "inn", "kpp", "complex_ids"):
        assert result["record"]["data"][name] == data[name], result


@pytest.mark.parametrize(("role", "kind", "name"), _cases("update"))
def test_hostile_matrix_update(desk: Desk, role: str, kind: str, name: str) -> None:
    """A change by ``role`` of ``name`` to a value other than the stored one, in a record it may change
    (op1's own ticket, op1's attachment: the second line may change the one, not the other)."""
    record = desk.owned(kind)
    value = value_for(desk, kind, name, record["data"])
    result = desk.push(role, kind, {name: value}, record["id"], record["version"])
    want = expected(kind, name, role, "update")
    assert _outcome(result) == want, result
    if want == "field_forbidden":
        assert result["error"]["field"] == name and result["error"]["message"], result
    if want != "applied":  # nothing changed: the next change still bases on the same version
        again = desk.push(BOSS, kind, {}, record["id"], record["version"])
        assert again["status"] == "applied", again
    elif name not in ("phone", "complex_ids"):
        assert result["record"]["data"][name] == value, result


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", CREATABLE)
def test_hostile_matrix_delete(desk: Desk, role: str, kind: str) -> None:
    record = desk.owned(kind)
    result = desk.push(role, kind, {}, record["id"], record["version"], op="delete")
    want = "applied" if role in DELETERS[kind] else "forbidden"
    assert _outcome(result) == want, result
    if want == "applied":
        assert result["record"]["deleted"] is True


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", CREATABLE)
def test_hostile_matrix_revive(desk: Desk, role: str, kind: str) -> None:
    """An upsert based on the tombstone of a record a supervisor deleted brings it back — for a
    supervisor only; anyone else who may change it is told ``deleted``."""
    record = desk.owned(kind)
    deleted = desk.push(BOSS, kind, {}, record["id"], record["version"], op="delete")
    assert deleted["status"] == "applied", deleted
    tombstone = deleted["record"]
    result = desk.push(role, kind, {}, record["id"], tombstone["version"])
    want = "forbidden" if role not in CHANGERS[kind] else "applied" if role in REVIVERS else "deleted"
    assert _outcome(result) == want, result
    if want == "applied":
        assert result["record"]["deleted"] is False
    else:  # still deleted: a supervisor's revival based on the same tombstone works
        again = desk.push(BOSS, kind, {}, record["id"], tombstone["version"])
        assert again["status"] == "applied" and again["record"]["deleted"] is False, again


def test_hostile_matrix_covers_every_field_the_models_take() -> None:
    """The table names every field a client can write, so a new field is a decision, not a default."""
    from sync.records import SPECS

    for kind, spec in SPECS.items():
        if spec.update is None:
            continue
        models = [spec.update] + ([spec.create] if spec.create else [])
        for model in models:
            missing = set(model.model_fields) - set(FIELDS[kind]) - {"phone_ext"}
            assert not missing, (kind, missing)


# --- the attacks of the issue, end to end --------------------------------------------------------------------


def _ticket_of(desk: Desk, org: str, ticket_type: str) -> dict[str, Any]:
    return {**desk.valid("ticket"), "organization_id": org, "contact_id": None, "ticket_type": ticket_type}


def test_hostile_an_organization_a_supervisor_deleted_is_not_revived_by_an_operators_create(desk: Desk) -> None:
    """The attack: an operator's create with the INN+KPP of an organization a supervisor deleted was
    answered ``merged`` and brought it back. Now it is refused (``deleted``, in Russian, naming the
    INN), stays deleted, and tickets cannot be filed on it; a supervisor's create brings it back."""
    data = desk.valid("organization")
    org = desk.made(OP, "organization", data)
    deleted = desk.push(BOSS, "organization", {}, org["id"], org["version"], op="delete")
    assert deleted["status"] == "applied"
    for role in (OP, SPEC):
        again = desk.push(role, "organization", {**data, "name": "ООО «Снова»"})
        assert (again["status"], again["error"]["code"], again["error"]["field"]) == ("rejected", "deleted", "inn")
        assert data["inn"] in again["error"]["message"] and "супервизор" in again["error"]["message"]
        revived = desk.push(role, "organization", {"name": "ООО «Снова»"}, org["id"], deleted["record"]["version"])
        assert (revived["status"], revived["error"]["code"]) == ("rejected", "deleted")
        ticket = desk.push(role, "ticket", _ticket_of(desk, org["id"], "consultation"))
        assert (ticket["status"], ticket["error"]["code"]) == ("rejected", "not_found")
    # the supervisor's repair: the same create brings it back, and it works for everyone again
    repaired = desk.push(BOSS, "organization", {**data, "name": "ООО «Снова»"})
    assert repaired["status"] == "merged" and repaired["record"]["id"] == org["id"]
    assert repaired["record"]["deleted"] is False
    for role in ROLES:
        assert desk.push(role, "ticket", _ticket_of(desk, org["id"], "consultation"))["status"] == "applied"


def test_hostile_a_contact_a_supervisor_deleted_stays_deleted_and_a_new_one_is_made(desk: Desk) -> None:
    """A contact is unique among live contacts only: the same e-mail again is a new contact (what the
    operator registering a call expects); the deleted one is never brought back by it."""
    data = desk.valid("contact")
    person = desk.made(OP, "contact", data)
    deleted = desk.push(BOSS, "contact", {}, person["id"], person["version"], op="delete")
    assert deleted["status"] == "applied"
    again = desk.push(OP, "contact", data)
    assert again["status"] == "applied" and again["record"]["id"] != person["id"], again
    revived = desk.push(OP, "contact", {}, person["id"], deleted["record"]["version"])
    assert (revived["status"], revived["error"]["code"]) == ("rejected", "deleted")
    # a supervisor may bring it back only while no live contact has its e-mail
    clash = desk.push(BOSS, "contact", {}, person["id"], deleted["record"]["version"])
    assert (clash["status"], clash["error"]["code"]) == ("rejected", "already_exists"), clash


def test_hostile_t8_an_operator_cannot_give_an_organization_a_customer_to_file_a_bug(desk: Desk) -> None:
    """The attack: an operator set an organization's ``customer_id`` to a customer with a contract, and
    a ticket type refused with ``type_not_allowed`` was then applied. Every way of setting it is now
    refused for the first and second line — a change, a new organization, a duplicate that would fill
    it in — and the type stays refused; a supervisor's change makes it allowed (T6, T8)."""
    data = desk.valid("organization")
    org = desk.made(OP, "organization", data)
    assert _outcome(desk.push(OP, "ticket", _ticket_of(desk, org["id"], "bug"))) == "type_not_allowed"
    customer = {"customer_id": desk.world.customer}
    for role in (OP, SPEC):
        attempts = [
            desk.push(role, "organization", customer, org["id"], org["version"]),
            desk.push(role, "organization", {**desk.valid("organization"), **customer}),
            desk.push(role, "organization", {**data, **customer}),  # a duplicate: a merge would fill it in
        ]
        for attempt in attempts:
            assert (_outcome(attempt), attempt["error"]["field"]) == ("field_forbidden", "customer_id"), attempt
            assert "супервизор" in attempt["error"]["message"]
        assert _outcome(desk.push(role, "ticket", _ticket_of(desk, org["id"], "bug"))) == "type_not_allowed"
    repaired = desk.push(BOSS, "organization", customer, org["id"], org["version"])
    assert repaired["status"] == "applied" and repaired["record"]["data"]["customer_id"] == desk.world.customer
    assert desk.push(OP, "ticket", _ticket_of(desk, org["id"], "bug"))["status"] == "applied"
    # and taking it away again is the supervisor's too
    back = desk.push(OP, "organization", {"customer_id": None}, org["id"], repaired["record"]["version"])
    assert (_outcome(back), back["error"]["field"]) == ("field_forbidden", "customer_id")


def test_hostile_a_forbidden_field_refuses_its_entry_alone(desk: Desk) -> None:
    """In one batch, the entry setting a forbidden field is refused and the others apply."""
    org = desk.made(OP, "organization")
    entries = [
        {"id": str(new_id()), "kind": "organization", "record_id": str(new_id()), "data": desk.valid("organization")},
        {"id": str(new_id()), "kind": "organization", "record_id": org["id"], "base_version": org["version"],
         "data": {"customer_id": desk.world.customer}},
        {"id": str(new_id()), "kind": "ticket", "record_id": str(new_id()), "data": {**desk.valid("ticket"),
                                                                                    "status": "closed"}},
        {"id": str(new_id()), "kind": "contact", "record_id": str(new_id()), "data": desk.valid("contact")},
    ]
    results = push(desk.clients[OP], *entries)
    assert [(_outcome(r), (r.get("error") or {}).get("field")) for r in results] == [
        ("applied", None), ("field_forbidden", "customer_id"), ("field_forbidden", "status"), ("applied", None)]
    replay = push(desk.clients[OP], *entries)  # a replay gets the same answers
    assert [_outcome(r) for r in replay] == [_outcome(r) for r in results]


def test_hostile_a_record_sent_back_whole_changes_only_what_changed(desk: Desk) -> None:
    """A client may send a record back as it pulled it, the server's own fields included: those equal
    to what is stored are left alone, and only the changed field is judged."""
    ticket = desk.made(OP, "ticket")
    whole = {k: v for k, v in ticket["data"].items()}
    result = desk.push(OP, "ticket", {**whole, "subject": "Уточнённая тема"}, ticket["id"], ticket["version"])
    assert result["status"] == "applied", result
    assert result["record"]["data"]["subject"] == "Уточнённая тема"
    assert result["record"]["data"]["registration_number"] == ticket["data"]["registration_number"]
    stale = {**result["record"]["data"], "status": "closed"}
    refused = desk.push(OP, "ticket", stale, ticket["id"], result["record"]["version"])
    assert (_outcome(refused), refused["error"]["field"]) == ("field_forbidden", "status")
    assert "сервер" in refused["error"]["message"]


def test_hostile_a_reference_must_name_a_live_record_of_its_kind(desk: Desk) -> None:
    """An id that points at another record is checked for every role: it exists, is of the kind the
    field names, and is not deleted."""
    other_org = desk.made(OP, "organization")
    gone = desk.made(OP, "organization")
    assert desk.push(BOSS, "organization", {}, gone["id"], gone["version"], op="delete")["status"] == "applied"
    person = desk.made(OP, "contact")
    wrong = {"an unknown id": str(uuid.uuid4()), "a contact's id": person["id"], "a deleted organization": gone["id"]}
    for what, ref in wrong.items():
        moved = desk.push(BOSS, "contact", {"organization_id": ref}, person["id"], person["version"])
        assert (_outcome(moved), moved["error"]["field"]) == ("not_found", "organization_id"), what
        made = desk.push(OP, "contact", {**desk.valid("contact"), "organization_id": ref})
        assert (_outcome(made), made["error"]["field"]) == ("not_found", "organization_id"), what
        customer = desk.push(BOSS, "organization", {"customer_id": ref}, other_org["id"], other_org["version"])
        assert (_outcome(customer), customer["error"]["field"]) == ("not_found", "customer_id"), what


def test_hostile_every_field_the_models_leave_out_is_declared_as_nobodys() -> None:
    """The declaration agrees with the models: a column a creation cannot take is set by nobody at
    creation, and one a change cannot take is changed by nobody (``sync.roles``), so the server's
    answer to it is ``field_forbidden`` and the client never offers it."""
    from sync.records import SPECS
    from sync.server.kinds import KINDS

    for kind, spec in SPECS.items():
        if spec.update is None or kind not in KINDS:
            continue
        columns = {c.key for c in KINDS[kind].model.__table__.columns}  # type: ignore[attr-defined]
        for creating in (True, False):
            left_out = columns - set(spec.model(creating).model_fields)
            for name in left_out:
                rule = spec.access.field_access(name)
                assert not any(rule.allows(role, creating=creating) for role in Role), (kind, name, creating)


def test_hostile_the_security_page_names_every_narrower_field_rule() -> None:
    """docs/security.md, 6: each kind's row names every field the rule narrows (the server's own,
    fixed at creation, or someone's only), so the page stays true when the rule changes."""
    from sync.records import SPECS
    from sync.roles import RECORD_FIELDS

    page = (Path(__file__).parents[2] / "docs" / "security.md").read_text(encoding="utf-8")
    section = page.split("## 6. Who may change what", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    for kind, spec in SPECS.items():
        if spec.update is None:
            continue
        row = next(line for line in rows if f"`{kind}`" in line.split("|")[1])
        for name in spec.access.fields:
            if name not in RECORD_FIELDS:
                assert f"`{name}`" in row, (kind, name)
