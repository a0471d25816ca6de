"""The deterministic demo data generator (sync.server.demo) on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import random
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import Engine, Table, create_engine, select
from sqlalchemy.orm import Session
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from sync.errors import ErrorCode
from sync.reference import TicketStatus, TicketType
from sync.roles import Line, Role
from sync.server.bootstrap import prepare_database
from sync.server.db import make_engine
from sync.server.demo import REGISTRATION_COUNTER, DemoReport, DemoSize, database_is_empty, generate_demo
from sync.server.demo.bulk import sqlite_converter, sqlite_date, sqlite_datetime, sqlite_uuid
from sync.server.demo.catalog import REAL_ORGANIZATIONS
from sync.server.demo.common import REFERENCE_NOW
from sync.server.demo.generate import SQLITE_CACHE_KIB
from sync.server.demo.numbers import MOBILE_CODES, make_mobile, make_phone
from sync.server.demo.places import REGIONS
from sync.server.errors import ServiceError
from sync.server.models import (
    Component,
    Contact,
    Contract,
    ContractComplex,
    Customer,
    Organization,
    SoftwareComplex,
    Ticket,
    User,
)
from sync.server.models import Counter as CounterRow
from sync.server.users import authenticate, create_user
from tests.fixtures.databases import empty_database

Demo = tuple[Engine, DemoReport]
SMALL = DemoSize(tickets=200, organizations=40, contacts=120)
KPP_RE = re.compile(r"^\d{4}[0-9A-Z]{2}\d{3}$")
NUMBER_RE = re.compile(r"^ОБР-(\d{4})-(\d{6})$")
CONTRACT_RE = re.compile(r"^КС-\d{4}/\d{4}$")
REAL_INNS = {r.inn for r in REAL_ORGANIZATIONS}
DIGEST_TABLES = (User, SoftwareComplex, Component, Organization, Customer, Contract, ContractComplex, Contact, Ticket)


def _rows(engine: Engine, model: Any) -> list[dict[str, Any]]:
    table: Table = model if isinstance(model, Table) else model.__table__
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()]


def _digest(engine: Engine) -> str:
    """A hash of every demo row (users without their salted password hashes)."""
    digest = hashlib.sha256()
    for model in DIGEST_TABLES:
        for row in _rows(engine, model):
            row.pop("password_hash", None)
            digest.update(repr(sorted(row.items())).encode())
    digest.update(repr(_rows(engine, CounterRow)).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """One small demo per backend, shared by the read-only checks of this module."""
    with empty_database(request.param, tmp_path_factory.mktemp("demo")) as url:
        engine = make_engine(url, pool_size=2)
        try:
            prepare_database(engine)
            yield engine, generate_demo(engine, SMALL)
        finally:
            engine.dispose()


def test_demo_users_log_in_and_counts_match_report(server_engine: Engine) -> None:
    stages: list[tuple[str, int, int]] = []
    assert database_is_empty(server_engine)
    report = generate_demo(server_engine, SMALL, progress=lambda s, d, t: stages.append((s, d, t)))
    assert not database_is_empty(server_engine)
    with Session(server_engine) as session:
        for login, role in (("operator", Role.OPERATOR), ("specialist", Role.SPECIALIST),
                            ("supervisor", Role.SUPERVISOR), ("op.petrova", Role.OPERATOR),
                            ("spec.novikov", Role.SPECIALIST)):
            user = authenticate(session, login, "demo")
            assert user.role == role
            assert len(user.full_name.split()) == 3  # Фамилия Имя Отчество
        with pytest.raises(ServiceError):
            authenticate(session, "operator", "wrong")
    counted = {
        "users": User, "organizations": Organization, "customers": Customer, "contracts": Contract,
        "complexes": SoftwareComplex, "components": Component, "contacts": Contact, "tickets": Ticket,
    }
    for field, model in counted.items():
        assert getattr(report, field) == len(_rows(server_engine, model)), field
    assert (report.tickets, report.organizations, report.contacts) == (200, 40, 120)
    assert report.users >= 3 + 5 + 3 - 2 and report.complexes >= 8 and report.seconds > 0
    assert [s for s, d, t in stages if d == t][-1] == "Обращения"
    assert all(0 <= d <= t for _, d, t in stages)


def test_demo_refuses_a_database_with_users_or_tickets(server_engine: Engine) -> None:
    with Session(server_engine) as session, session.begin():
        create_user(session, "admin", "secret", Role.SUPERVISOR)
    assert not database_is_empty(server_engine)
    with pytest.raises(ServiceError) as caught:
        generate_demo(server_engine, SMALL)
    assert caught.value.code == ErrorCode.ALREADY_EXISTS
    assert re.search("[а-я]", caught.value.message)
    assert _rows(server_engine, Organization) == [] and len(_rows(server_engine, User)) == 1


def test_demo_never_doubles_data(server_engine: Engine) -> None:
    generate_demo(server_engine, DemoSize(tickets=20, organizations=5, contacts=10))
    before = _digest(server_engine)
    with pytest.raises(ServiceError) as caught:
        generate_demo(server_engine, DemoSize(tickets=20, organizations=5, contacts=10))
    assert caught.value.code == ErrorCode.ALREADY_EXISTS
    assert _digest(server_engine) == before


@pytest.mark.parametrize("size", [DemoSize(-1, 5, 5), DemoSize(5, 0, 5), DemoSize(5, 5, 0)])
def test_demo_rejects_impossible_sizes(tmp_path: Path, size: DemoSize) -> None:
    engine = make_engine(f"sqlite:///{(tmp_path / 'x.sqlite').as_posix()}")
    prepare_database(engine)
    with pytest.raises(ServiceError) as caught:
        generate_demo(engine, size)
    assert caught.value.code == ErrorCode.VALIDATION_ERROR
    assert database_is_empty(engine)
    engine.dispose()


def test_demo_of_nothing_but_users(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{(tmp_path / 'x.sqlite').as_posix()}")
    prepare_database(engine)
    report = generate_demo(engine, DemoSize(0, 0, 0))
    assert (report.organizations, report.contacts, report.tickets, report.customers) == (0, 0, 0, 0)
    assert report.users == len(_rows(engine, User)) > 3
    engine.dispose()


def test_t5_demo_organizations_unique_by_inn_kpp(demo: Demo) -> None:
    engine, _ = demo
    orgs = _rows(engine, Organization)
    assert len({(o["inn"], o["kpp"]) for o in orgs}) == len(orgs)
    assert len({o["ogrn"] for o in orgs}) == len(orgs)
    for org in orgs:
        assert len(org["inn"]) == 10 and stdnum_inn.is_valid(org["inn"]), org
        assert len(org["ogrn"]) == 13 and stdnum_ogrn.is_valid(org["ogrn"]), org
        assert KPP_RE.match(org["kpp"]), org
        if org["inn"] not in REAL_INNS:
            assert org["kpp"][:4] == org["inn"][:4] and org["ogrn"][3:7] == org["inn"][:4], org
        assert org["registry_verified"] is True
        assert org["registry_status"] in {"ACTIVE", "LIQUIDATED"}
        assert re.match(r"^\d{6}, .*г\. .+, д\. \d+", org["address"]), org["address"]
        assert org["name"] and org["full_name"]
    assert Counter(o["registry_status"] for o in orgs).most_common(1)[0][0] == "ACTIVE"


def test_t2_demo_has_the_real_registry_organizations(demo: Demo) -> None:
    engine, _ = demo
    by_inn = {o["inn"]: o for o in _rows(engine, Organization)}
    for real in REAL_ORGANIZATIONS:
        org = by_inn[real.inn]
        assert (org["kpp"], org["ogrn"], org["name"]) == (real.kpp, real.ogrn, real.name)
    assert by_inn["7707083893"]["name"] == "ПАО СБЕРБАНК"


def test_t4_demo_contact_emails_and_phones_are_valid(demo: Demo) -> None:
    engine, _ = demo
    contacts = _rows(engine, Contact)
    for contact in contacts:
        try:
            validate_email(contact["email"], check_deliverability=False)
        except EmailNotValidError as exc:  # pragma: no cover - the message names the bad address
            pytest.fail(f"{contact['email']}: {exc}")
        assert re.match(r"^\+7\d{10}$", contact["phone"]), contact["phone"]
        assert phonenumbers.is_valid_number(phonenumbers.parse(contact["phone"], "RU")), contact["phone"]
        assert contact["phone_ext"] == "" or contact["phone_ext"].isdigit()
        assert len(contact["full_name"].split()) == 3 and contact["position"]
    assert any(c["phone_ext"] for c in contacts)


def test_t4_demo_phone_generators_give_valid_numbers() -> None:
    rng = random.Random(7)
    codes = {city.area_code for region in REGIONS for city in region.cities}
    for code in sorted(codes):
        for _ in range(200):
            number = make_phone(rng.random, code)
            assert len(number) == 12 and phonenumbers.is_valid_number(phonenumbers.parse(number, "RU")), number
    for _ in range(len(MOBILE_CODES) * 50):
        number = make_mobile(rng.random)
        assert phonenumbers.is_valid_number(phonenumbers.parse(number, "RU")), number


def test_t5_demo_contacts_unique_by_email_and_phone_within_organization(demo: Demo) -> None:
    engine, _ = demo
    contacts = _rows(engine, Contact)
    assert len({(c["organization_id"], c["email"]) for c in contacts}) == len(contacts)
    assert len({(c["organization_id"], c["phone"]) for c in contacts}) == len(contacts)
    per_org = Counter(c["organization_id"] for c in contacts)
    assert len(per_org) == len(_rows(engine, Organization))  # every organization has someone to call


def test_t6_demo_customers_and_contracts(demo: Demo) -> None:
    engine, _ = demo
    orgs = _rows(engine, Organization)
    customers = {c["id"]: c for c in _rows(engine, Customer)}
    own = [o for o in orgs if o["customer_id"] and customers[o["customer_id"]]["organization_id"] == o["id"]]
    other = [o for o in orgs if o["customer_id"] and customers[o["customer_id"]]["organization_id"] != o["id"]]
    none = [o for o in orgs if o["customer_id"] is None]
    assert len(own) == len(customers) and own and other and none
    assert all(abs(len(group) - len(orgs) / 3) <= 2 for group in (own, other, none))
    contracts = _rows(engine, Contract)
    covered = defaultdict(set)
    for link in _rows(engine, ContractComplex):
        covered[link["contract_id"]].add(link["complex_id"])
    per_customer = Counter(c["customer_id"] for c in contracts)
    assert set(per_customer) == set(customers) and set(per_customer.values()) <= {1, 2, 3}
    today = REFERENCE_NOW.date()
    assert any(c["valid_to"] < today for c in contracts) and any(c["valid_from"] <= today <= c["valid_to"]
                                                                 for c in contracts)
    assert len({c["number"] for c in contracts}) == len(contracts)
    for contract in contracts:
        assert CONTRACT_RE.match(contract["number"]) and contract["valid_from"] <= contract["valid_to"]
        assert 1 <= len(covered[contract["id"]]) <= 4


def test_t7_demo_complexes_have_components(demo: Demo) -> None:
    engine, _ = demo
    per_complex = Counter(c["complex_id"] for c in _rows(engine, Component))
    complexes = _rows(engine, SoftwareComplex)
    assert {c["id"] for c in complexes} == set(per_complex)
    assert all(3 <= n <= 8 for n in per_complex.values())
    assert {"Бюджет-СМАРТ", "Свод-СМАРТ", "Web-Консолидация"} <= {c["name"] for c in complexes}


def _coverage(engine: Engine) -> dict[uuid.UUID, list[tuple[date, date, set[uuid.UUID]]]]:
    """Contracts of every customer: (valid_from, valid_to, covered complexes)."""
    covered = defaultdict(set)
    for link in _rows(engine, ContractComplex):
        covered[link["contract_id"]].add(link["complex_id"])
    out: dict[uuid.UUID, list[tuple[date, date, set[uuid.UUID]]]] = defaultdict(list)
    for c in _rows(engine, Contract):
        out[c["customer_id"]].append((c["valid_from"], c["valid_to"], covered[c["id"]]))
    return out


def test_t8_demo_ticket_types_follow_contract_rule(demo: Demo) -> None:
    engine, _ = demo
    contracts = _coverage(engine)
    customer_of = {o["id"]: o["customer_id"] for o in _rows(engine, Organization)}
    outcomes: Counter[tuple[bool, bool]] = Counter()
    for ticket in _rows(engine, Ticket):
        day = ticket["registered_at"].date()
        has_contract = any(
            start <= day <= end and ticket["complex_id"] in complexes
            for start, end, complexes in contracts.get(customer_of[ticket["organization_id"]], [])
        )
        if not has_contract:
            assert ticket["ticket_type"] == TicketType.CONSULTATION, ticket["registration_number"]
        outcomes[has_contract, ticket["ticket_type"] == TicketType.CONSULTATION] += 1
    assert outcomes[True, False] and outcomes[False, True]  # both sides of the rule occur


def test_t13_demo_registration_numbers_and_counter(demo: Demo) -> None:
    engine, report = demo
    tickets = sorted(_rows(engine, Ticket), key=lambda t: t["registered_at"])
    numbers = [NUMBER_RE.match(t["registration_number"]) for t in tickets]
    assert all(numbers)
    assert [int(m.group(2)) for m in numbers if m] == list(range(1, report.tickets + 1))
    assert all(m and int(m.group(1)) == t["registered_at"].year for m, t in zip(numbers, tickets, strict=True))
    counters = {c["name"]: c["value"] for c in _rows(engine, CounterRow)}
    assert counters[REGISTRATION_COUNTER] == report.tickets


def test_w1_demo_ticket_workflow_is_consistent(demo: Demo) -> None:
    engine, _ = demo
    roles = {u["id"]: u["role"] for u in _rows(engine, User)}
    contacts = {c["id"]: c for c in _rows(engine, Contact)}
    components = {c["id"]: c["complex_id"] for c in _rows(engine, Component)}
    tickets = _rows(engine, Ticket)
    assert {t["status"] for t in tickets} == set(TicketStatus) - {TicketStatus.DRAFT}
    assert len({t["assignee_id"] for t in tickets}) > 3
    for t in tickets:
        contact = contacts[t["contact_id"]]
        assert contact["organization_id"] == t["organization_id"]
        assert (t["applicant_name"], t["email"], t["phone"], t["phone_ext"]) == (
            contact["full_name"], contact["email"], contact["phone"], contact["phone_ext"])
        assert t["component_id"] is None or components[t["component_id"]] == t["complex_id"]
        assert t["created_at"] <= t["registered_at"] <= t["updated_at"] < REFERENCE_NOW
        assert (t["closed_at"] is not None) == (t["status"] == TicketStatus.CLOSED)
        assert t["closed_at"] is None or t["closed_at"] == t["updated_at"]
        assert roles[t["author_id"]] == Role.OPERATOR
        if t["route"] == Line.LINE_1:
            assert t["assignee_id"] == t["author_id"]
        else:
            assert roles[t["assignee_id"]] == Role.SPECIALIST
        if t["status"] == TicketStatus.AWAITING_INFO:
            assert t["route"] == Line.LINE_2
        assert t["subject"] and len(t["subject"]) <= 250 and len(t["text"]) > 80


def test_n5_demo_ticket_texts_are_varied(demo: Demo) -> None:
    engine, _ = demo
    tickets = _rows(engine, Ticket)
    assert len({t["text"] for t in tickets}) == len(tickets)
    assert len({t["subject"] for t in tickets}) > len(tickets) // 3
    words = Counter(w for t in tickets for w in re.findall(r"[а-яё]{5,}", t["text"].lower()))
    assert len(words) > 300
    assert any("0503" in t["subject"] for t in tickets)
    assert any(t["system_info"] for t in tickets)


def test_demo_is_deterministic(tmp_path: Path) -> None:
    digests = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        engine = make_engine(f"sqlite:///{(tmp_path / f'{name}.sqlite').as_posix()}")
        prepare_database(engine)
        generate_demo(engine, DemoSize(tickets=300, organizations=60, contacts=150), seed=seed)
        digests.append(_digest(engine))
        engine.dispose()
    assert digests[0] == digests[1]
    assert digests[2] != digests[0]


def test_demo_foreign_keys_hold(demo: Demo) -> None:
    """SQLite loads with foreign-key checks off for speed: every reference must still resolve, and the
    pragmas must be back to normal afterwards."""
    engine, _ = demo
    for model in DIGEST_TABLES:
        rows = _rows(engine, model)
        for column in model.__table__.columns:
            for fk in column.foreign_keys:
                target = {r[fk.column.name] for r in _rows(engine, fk.column.table)}
                assert {r[column.name] for r in rows if r[column.name] is not None} <= target, column
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() != SQLITE_CACHE_KIB


def test_demo_is_the_same_on_both_backends(demo: Demo, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{(tmp_path / 'again.sqlite').as_posix()}")
    prepare_database(engine)
    generate_demo(engine, SMALL)
    try:
        assert _digest(engine) == _digest(demo[0])
    finally:
        engine.dispose()


def test_demo_ids_are_uuid7_shaped(demo: Demo) -> None:
    engine, _ = demo
    for ticket in _rows(engine, Ticket)[:50]:
        assert ticket["id"].version == 7
        millis = ticket["id"].int >> 80
        assert abs(millis / 1000 - ticket["created_at"].timestamp()) < 1


def test_demo_sqlite_fast_converters_match_sqlalchemy() -> None:
    dialect = create_engine("sqlite://").dialect
    samples: dict[Any, list[Any]] = {
        sqlite_uuid: [uuid.UUID(int=5), uuid.UUID("0192f0c4-8d3e-7c2a-9b1e-4f5a6b7c8d9e"), None],
        sqlite_date: [date(2025, 1, 2), None],
        sqlite_datetime: [datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
                          datetime(2025, 1, 2, 3, 4, 5, 7, tzinfo=timezone(timedelta(hours=3))), None],
    }
    checked = 0
    for model in DIGEST_TABLES:
        for column in model.__table__.columns:
            convert = sqlite_converter(column.type)
            if convert is None:
                continue
            reference = column.type.dialect_impl(dialect).bind_processor(dialect)
            assert reference is not None
            for value in samples[convert]:
                assert convert(value) == reference(value), (column, value)
            checked += 1
    assert checked > 20


def test_demo_leaves_the_planner_statistics_fresh(demo: Demo) -> None:
    """A bulk load is followed by ANALYZE on PostgreSQL: the planner knows the tickets table's size
    instead of scanning it for every pull until autovacuum comes by."""
    engine, report = demo
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite keeps no planner statistics")
    with engine.connect() as conn:
        estimated = conn.exec_driver_sql("SELECT reltuples FROM pg_class WHERE relname = 'tickets'").scalar()
    assert estimated == report.tickets
