"""T2: the state-registry (EGRUL) lookup by INN through a real server, against the fake provider over
loopback (tests/fixtures/registry_provider.py) and against the demo registry, on SQLite and PostgreSQL.
Every provider failure is a 4xx with a stable code and the Russian message, never a 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, delete, select, text, update

from sync.ids import new_id
from sync.registry import RegistryAnswer, RegistryStatus
from sync.server.bootstrap import prepare_database
from sync.server.db import make_engine
from sync.server.demo import DemoSize, generate_demo
from sync.server.demo.catalog import REAL_ORGANIZATIONS
from sync.server.models import Organization, RegistryCacheEntry, utcnow
from sync.server.registry.demo import registry_only_inns
from tests.fixtures.databases import pg_database
from tests.fixtures.registry_provider import PATH, FakeRegistryProvider, Fault
from tests.fixtures.servers import ServerProcess, seed_users, start_server
from tests.server.test_sync_protocol import client_for, pull_all, push

ADAPTER_TIMEOUT_S = 1.5  # the server's KSDESK_REGISTRY_TIMEOUT_S; the fake's TIMEOUT waits longer
UNKNOWN_INN = "7728123459"  # valid, but the registry does not know it
SBERBANK, BRANCH_KPP = "7707083893", "540602001"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

MESSAGES = {
    "registry_not_configured": "Поиск в ЕГРЮЛ не настроен на сервере. Введите данные организации вручную.",
    "registry_access_denied": "Сервис ЕГРЮЛ отказал в доступе: неверный ключ или исчерпан дневной лимит запросов. "
                              "Сообщите администратору; данные можно ввести вручную.",
    "registry_rate_limited": "Сервис ЕГРЮЛ перегружен запросами. Повторите через минуту.",
    "registry_timeout": "Сервис ЕГРЮЛ не ответил вовремя. Повторите позже или введите данные вручную.",
    "registry_unavailable": "Сервис ЕГРЮЛ недоступен или ответил с ошибкой. Повторите позже или введите данные "
                            "вручную.",
}


@dataclass
class RegistryServer:
    server: ServerProcess
    url: str  # of its database
    engine: Engine  # on its database, for the test's own looks
    backend: str
    env: dict[str, str]


@contextmanager
def _database(backend: str, data_dir: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{(data_dir / 'server.sqlite').as_posix()}"
        return
    with pg_database() as url:
        yield url


@contextmanager
def _running(backend: str, data_dir: Path, env: dict[str, str], prepare: Any) -> Iterator[RegistryServer]:
    with _database(backend, data_dir) as url:
        engine = make_engine(url, pool_size=1)
        try:
            prepare(url, engine)
            server = start_server(url, data_dir, env=env)
            try:
                yield RegistryServer(server, url, engine, backend, env)
            finally:
                server.stop()
        finally:
            engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def registry_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, registry_provider: FakeRegistryProvider
) -> Iterator[RegistryServer]:
    """A server that asks the fake provider, with users op1/spec1/boss."""
    env = {"KSDESK_REGISTRY_URL": registry_provider.url, "KSDESK_REGISTRY_TOKEN": registry_provider.token,
           "KSDESK_REGISTRY_TIMEOUT_S": str(ADAPTER_TIMEOUT_S)}
    data_dir = tmp_path_factory.mktemp(f"registry-{request.param}")
    with _running(request.param, data_dir, env, lambda url, _engine: seed_users(url)) as server:
        yield server


@pytest.fixture
def fake(registry_provider: FakeRegistryProvider, registry_server: RegistryServer) -> FakeRegistryProvider:
    """The fake provider without faults or recorded requests, and the server's cache empty."""
    registry_provider.reset()
    with registry_server.engine.begin() as conn:
        conn.execute(delete(RegistryCacheEntry))
    return registry_provider


def lookup(server: RegistryServer | ServerProcess, user: str = "op1", **params: str) -> httpx.Response:
    process = server.server if isinstance(server, RegistryServer) else server
    with client_for(process, user) as client:
        return client.get("/registry/parties", params=params)


def found(response: httpx.Response) -> RegistryAnswer:
    assert response.status_code == 200, response.text
    return RegistryAnswer.model_validate(response.json())


def age_cache(server: RegistryServer, by: timedelta) -> datetime:
    """Make every cached answer older by ``by``; returns the new time of the (only) one."""
    with server.engine.begin() as conn:
        fetched = conn.scalar(select(RegistryCacheEntry.fetched_at))
        assert fetched is not None
        conn.execute(update(RegistryCacheEntry).values(fetched_at=fetched - by))
    return fetched - by


# --- found, not found, branches, closed organizations -------------------------------------------


@pytest.mark.parametrize("inn,kpp,ogrn,name,full_name,address", [
    (SBERBANK, "773601001", "1027700132195", "ПАО СБЕРБАНК", 'ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "СБЕРБАНК РОССИИ"',
     "117312, г Москва, ул Вавилова, д 19"),
    ("7719402047", "773101001", "1157746078984", 'ООО "МОТОРИКА"',
     'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "МОТОРИКА"',
     "121205, г Москва, тер Инновационного центра Сколково, б-р Большой, д 42, стр 1"),
    ("2309085638", "231101001", "1032304945947", 'ПАО "МАГНИТ"', 'ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "МАГНИТ"',
     "350072, Краснодарский край, г Краснодар, ул Солнечная, д 15/5"),
    ("7736207543", "770401001", "1027700229193", 'ООО "ЯНДЕКС"', 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЯНДЕКС"',
     "119021, г Москва, ул Льва Толстого, д 16"),
])
def test_t2_lookup_found_fills_kpp_and_name(
    fake: FakeRegistryProvider, registry_server: RegistryServer,
    inn: str, kpp: str, ogrn: str, name: str, full_name: str, address: str,
) -> None:
    before = utcnow()
    answer = found(lookup(registry_server, inn=inn, kpp=kpp))
    assert len(answer.parties) == 1 and not answer.cached and answer.fetched_at >= before - timedelta(seconds=5)
    party = answer.parties[0]
    assert (party.inn, party.kpp, party.ogrn, party.name, party.full_name) == (inn, kpp, ogrn, name, full_name)
    assert (party.address, party.status, party.branch, party.individual) == (address, "ACTIVE", False, False)
    assert not party.closed


def test_t2_the_provider_gets_its_own_request_format(
    fake: FakeRegistryProvider, registry_server: RegistryServer
) -> None:
    [party] = found(lookup(registry_server, inn=" 7719402047 ")).parties
    assert party.manager == "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР Чех Илья Игоревич"
    [request] = fake.requests
    assert (request.method, request.path) == ("POST", PATH)
    assert request.headers["Authorization"] == f"Token {fake.token}"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Accept"] == "application/json"
    assert request.json() == {"query": "7719402047", "count": 20}  # no kpp: the head office and every branch


def test_t2_unknown_inn_is_an_empty_answer(fake: FakeRegistryProvider, registry_server: RegistryServer) -> None:
    answer = found(lookup(registry_server, inn=UNKNOWN_INN))
    assert answer.parties == [] and not answer.cached
    assert len(fake.requests) == 1


def test_t2_branch_inn_lists_head_office_then_branches(
    fake: FakeRegistryProvider, registry_server: RegistryServer
) -> None:
    parties = found(lookup(registry_server, inn=SBERBANK)).parties
    assert [(p.kpp, p.branch) for p in parties] == [("773601001", False), (BRANCH_KPP, True)]
    assert parties[1].name == "СИБИРСКИЙ БАНК ПАО СБЕРБАНК"
    only = found(lookup(registry_server, inn=SBERBANK, kpp=BRANCH_KPP)).parties
    assert [(p.kpp, p.name, p.branch) for p in only] == [(BRANCH_KPP, "СИБИРСКИЙ БАНК ПАО СБЕРБАНК", True)]
    assert fake.requests[-1].json() == {"query": SBERBANK, "count": 20, "kpp": BRANCH_KPP}


def test_t2_liquidated_organization_is_flagged(fake: FakeRegistryProvider, registry_server: RegistryServer) -> None:
    [party] = found(lookup(registry_server, inn="5406312070")).parties
    assert party.status == "LIQUIDATED" and party.closed
    assert party.liquidation_date is not None and party.liquidation_date.isoformat() == "2020-01-01"
    assert party.name == 'ООО "СИБИРСКИЙ ВЕКТОР"'


def test_t2_individual_entrepreneur_has_no_kpp(fake: FakeRegistryProvider, registry_server: RegistryServer) -> None:
    [party] = found(lookup(registry_server, inn="540612345667")).parties
    assert (party.name, party.kpp, party.ogrn, party.individual) == (
        "ИП Иванов Иван Иванович", "", "318547600123450", True)
    assert party.full_name == "Индивидуальный предприниматель Иванов Иван Иванович"


# --- provider failures ----------------------------------------------------------------------------


@pytest.mark.parametrize("fault,status,code", [
    (Fault.UNAUTHORIZED, 424, "registry_access_denied"),
    (Fault.FORBIDDEN, 424, "registry_access_denied"),
    (Fault.RATE_LIMITED, 429, "registry_rate_limited"),
    (Fault.SERVER_ERROR, 424, "registry_unavailable"),
    (Fault.TIMEOUT, 424, "registry_timeout"),
    (Fault.MALFORMED_JSON, 424, "registry_unavailable"),
    (Fault.WRONG_SHAPE, 424, "registry_unavailable"),
])
def test_t2_provider_failure_is_a_stable_error(
    fake: FakeRegistryProvider, registry_server: RegistryServer, fault: Fault, status: int, code: str
) -> None:
    fake.fault = fault
    response = lookup(registry_server, inn=SBERBANK)
    assert response.status_code == status
    assert response.json() == {"error": {"code": code, "message": MESSAGES[code], "field": None}}
    assert response.headers.get("Retry-After") == ("60" if status == 429 else None)
    fake.reset()
    assert len(found(lookup(registry_server, inn=SBERBANK)).parties) == 2  # a failure is not cached
    assert len(fake.requests) == 1


def test_t2_registry_not_configured(live_server: ServerProcess) -> None:
    response = lookup(live_server, inn=SBERBANK)
    assert response.status_code == 424
    code = "registry_not_configured"
    assert response.json() == {"error": {"code": code, "message": MESSAGES[code], "field": None}}


# --- validation before any lookup -----------------------------------------------------------------


@pytest.mark.parametrize("params,field,message", [
    ({"inn": "77070838AB"}, "inn", "ИНН состоит только из цифр."),
    ({"inn": "770708389"}, "inn", "ИНН должен содержать 10 цифр (организация) или 12 цифр (ИП), а введено 9 цифр."),
    ({"inn": "77070838931"}, "inn",
     "ИНН должен содержать 10 цифр (организация) или 12 цифр (ИП), а введено 11 цифр."),
    ({"inn": "7707083894"}, "inn", "Неверный ИНН: не сходится контрольное число. Проверьте цифры."),
    ({"inn": "1234567890"}, "inn", "Неверный ИНН: не сходится контрольное число. Проверьте цифры."),
    ({}, "inn", "Введите ИНН."),
    ({"inn": SBERBANK, "kpp": "77360100"}, "kpp", "КПП должен содержать 9 символов, а введено 8."),
    ({"inn": SBERBANK, "kpp": "7736010O1"}, "kpp",
     "Неверный КПП: 4 цифры, затем 2 цифры или латинские буквы, затем 3 цифры (например, 773601001)."),
    ({"inn": "540612345667", "kpp": "540601001"}, "kpp",
     "У индивидуального предпринимателя (ИНН из 12 цифр) нет КПП."),
])
def test_t2_invalid_inn_or_kpp_is_refused_before_the_provider(
    fake: FakeRegistryProvider, registry_server: RegistryServer, params: dict[str, str], field: str, message: str
) -> None:
    response = lookup(registry_server, **params)
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "validation_error", "message": message, "field": field}}
    assert fake.requests == []


def test_t2_lookup_needs_a_login(fake: FakeRegistryProvider, registry_server: RegistryServer) -> None:
    response = httpx.get(f"{registry_server.server.url}/api/v1/registry/parties", params={"inn": SBERBANK})
    assert response.status_code == 401 and response.json()["error"]["code"] == "auth_required"
    assert fake.requests == []


# --- the server's cache ---------------------------------------------------------------------------


def test_t2_second_identical_lookup_is_served_from_the_cache(
    fake: FakeRegistryProvider, registry_server: RegistryServer
) -> None:
    first = found(lookup(registry_server, inn=SBERBANK))
    second = found(lookup(registry_server, "spec1", inn=SBERBANK))
    assert second.cached and second.parties == first.parties and second.fetched_at == first.fetched_at
    assert len(fake.requests) == 1
    found(lookup(registry_server, inn=SBERBANK, kpp=BRANCH_KPP))  # another query: asked
    assert len(fake.requests) == 2


def test_t2_not_found_is_cached_too(fake: FakeRegistryProvider, registry_server: RegistryServer) -> None:
    found(lookup(registry_server, inn=UNKNOWN_INN))
    again = found(lookup(registry_server, inn=UNKNOWN_INN))
    assert again.parties == [] and again.cached
    assert len(fake.requests) == 1
    age_cache(registry_server, timedelta(hours=1, minutes=1))  # an empty answer is fresh for an hour
    assert not found(lookup(registry_server, inn=UNKNOWN_INN)).cached
    assert len(fake.requests) == 2


def test_t2_the_cache_is_shared_by_server_processes(
    fake: FakeRegistryProvider, registry_server: RegistryServer, tmp_path: Path
) -> None:
    first = found(lookup(registry_server, inn=SBERBANK))
    other = start_server(registry_server.url, tmp_path, env=registry_server.env)
    try:
        with client_for(other) as client:
            answer = found(client.get("/registry/parties", params={"inn": SBERBANK}))
    finally:
        other.stop()
    assert answer.cached and answer.parties == first.parties
    assert len(fake.requests) == 1


def test_t2_stale_answer_is_refreshed_when_the_provider_answers(
    fake: FakeRegistryProvider, registry_server: RegistryServer
) -> None:
    found(lookup(registry_server, inn=SBERBANK))
    aged = age_cache(registry_server, timedelta(hours=25))
    answer = found(lookup(registry_server, inn=SBERBANK))
    assert not answer.cached and answer.fetched_at > aged + timedelta(hours=24)
    assert len(fake.requests) == 2


@pytest.mark.parametrize("fault", [Fault.SERVER_ERROR, Fault.TIMEOUT, Fault.FORBIDDEN])
def test_t2_stale_answer_is_served_when_the_provider_fails(
    fake: FakeRegistryProvider, registry_server: RegistryServer, fault: Fault
) -> None:
    first = found(lookup(registry_server, inn=SBERBANK))
    aged = age_cache(registry_server, timedelta(days=3))
    fake.fault = fault
    answer = found(lookup(registry_server, inn=SBERBANK))
    assert answer.cached and answer.fetched_at == aged and answer.parties == first.parties
    assert len(fake.requests) == 2  # the provider was asked first


def test_t2_stale_not_found_is_not_served_when_the_provider_fails(
    fake: FakeRegistryProvider, registry_server: RegistryServer
) -> None:
    found(lookup(registry_server, inn=UNKNOWN_INN))
    age_cache(registry_server, timedelta(hours=2))
    fake.fault = Fault.SERVER_ERROR
    response = lookup(registry_server, inn=UNKNOWN_INN)
    assert response.status_code == 424 and response.json()["error"]["code"] == "registry_unavailable"


def test_t2_no_transaction_is_open_while_the_provider_is_asked(
    fake: FakeRegistryProvider, registry_server: RegistryServer
) -> None:
    if registry_server.backend != "postgresql":
        pytest.skip("open transactions are visible in PostgreSQL's pg_stat_activity")
    fake.fault = Fault.HOLD
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(lookup, registry_server, inn=SBERBANK)
        assert fake.wait_for_requests(1)
        with registry_server.engine.connect() as conn:
            open_transactions = conn.scalar(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"))
        fake.release()
        response = pending.result()
    assert open_transactions == 0
    assert len(found(response).parties) == 2


# --- the demo registry ----------------------------------------------------------------------------


DEMO_PASSWORD = "demo-pass"


@pytest.fixture(scope="module", params=BACKENDS)
def demo_registry_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryServer]:
    """A server with a small demo directory that looks INNs up in the demo registry."""

    def fill(_url: str, engine: Engine) -> None:
        prepare_database(engine)
        generate_demo(engine, DemoSize(tickets=0, organizations=40, contacts=0), password=DEMO_PASSWORD)

    data_dir = tmp_path_factory.mktemp(f"demo-registry-{request.param}")
    with _running(request.param, data_dir, {"KSDESK_REGISTRY_URL": "demo"}, fill) as server:
        yield server


def demo_lookup(server: RegistryServer, **params: str) -> RegistryAnswer:
    login = httpx.post(f"{server.server.url}/api/v1/auth/login", json={"login": "operator", "password": DEMO_PASSWORD})
    token = login.json()["access_token"]
    response = httpx.get(f"{server.server.url}/api/v1/registry/parties", params=params,
                         headers={"Authorization": f"Bearer {token}"})
    return found(response)


def test_t2_demo_registry_finds_an_organization_of_the_directory(demo_registry_server: RegistryServer) -> None:
    real = {r.inn for r in REAL_ORGANIZATIONS}
    with demo_registry_server.engine.connect() as conn:
        org = conn.execute(select(Organization).where(
            Organization.inn.not_in(real), Organization.registry_status == "ACTIVE").order_by(Organization.inn)).first()
    assert org is not None
    [party] = demo_lookup(demo_registry_server, inn=org.inn).parties
    assert (party.inn, party.kpp, party.ogrn, party.name, party.full_name, party.address) == (
        org.inn, org.kpp, org.ogrn, org.name, org.full_name, org.address)
    assert party.status == "ACTIVE" and not party.branch


def test_t2_demo_registry_finds_organizations_the_directory_lacks(demo_registry_server: RegistryServer) -> None:
    active, liquidated, person = (registry_only_inns(1)[0], registry_only_inns(1, status=RegistryStatus.LIQUIDATED)[0],
                                  registry_only_inns(1, individual=True)[0])
    with demo_registry_server.engine.connect() as conn:
        in_directory = select(Organization.inn).where(Organization.inn.in_([active, liquidated, person]))
        assert conn.scalars(in_directory).all() == []
    [party] = demo_lookup(demo_registry_server, inn=active).parties
    assert party.status == "ACTIVE" and party.kpp and party.ogrn and party.manager
    [closed] = demo_lookup(demo_registry_server, inn=liquidated).parties
    assert closed.status == "LIQUIDATED" and closed.liquidation_date is not None
    [entrepreneur] = demo_lookup(demo_registry_server, inn=person).parties
    assert entrepreneur.individual and entrepreneur.kpp == "" and entrepreneur.name.startswith("ИП ")
    assert demo_lookup(demo_registry_server, inn=UNKNOWN_INN).parties == []


def test_t2_demo_registry_knows_sberbanks_branch(demo_registry_server: RegistryServer) -> None:
    parties = demo_lookup(demo_registry_server, inn=SBERBANK).parties
    assert [(p.kpp, p.branch) for p in parties] == [("773601001", False), (BRANCH_KPP, True)]
    [branch] = demo_lookup(demo_registry_server, inn=SBERBANK, kpp=BRANCH_KPP).parties
    assert branch.name == "СИБИРСКИЙ БАНК ПАО СБЕРБАНК"


def test_t2_demo_registry_ignores_organizations_nobody_checked(demo_registry_server: RegistryServer) -> None:
    real = {r.inn for r in REAL_ORGANIZATIONS}
    with demo_registry_server.engine.begin() as conn:
        last = select(Organization.inn).where(Organization.inn.not_in(real)).order_by(Organization.inn.desc())
        inn = conn.scalar(last)
        assert inn is not None
        conn.execute(update(Organization).where(Organization.inn == inn).values(
            registry_status="UNVERIFIED", registry_verified=False))  # as an operator typed it, unchecked
        conn.execute(delete(RegistryCacheEntry))
    assert demo_lookup(demo_registry_server, inn=inn).parties == []


# --- organizations typed by hand are checked when they reach the server -------------------------


def _push_organization(server: RegistryServer, data: dict[str, str]) -> dict[str, Any]:
    with client_for(server.server) as client:
        [result] = push(client, {"id": str(new_id()), "kind": "organization", "record_id": str(new_id()),
                                 "data": data})
    assert result["status"] == "applied", result
    return result["record"]


def _wait_for_verification(server: RegistryServer, record_id: str) -> dict[str, Any]:
    """The record once the server's verifier has checked it (each check is a new version)."""
    with client_for(server.server) as client, client.stream("GET", "/sync/stream", timeout=30) as events:
        hints = events.iter_lines()  # opened first: a change committed after this is announced on it
        for _round in range(10):
            changes, _cursor, _pages = pull_all(client)
            record = next(c for c in reversed(changes) if c["id"] == record_id)
            if record["data"]["registry_verified"]:
                return record
            next(line for line in hints if line.startswith("event: changed"))
    raise AssertionError("not verified after 10 changes")


def test_t2_an_organization_typed_offline_is_verified_on_sync(
    fake: FakeRegistryProvider, registry_server: RegistryServer,
) -> None:
    record = _push_organization(registry_server, {"inn": "7719402047", "name": "Моторика (со слов клиента)"})
    assert record["data"]["registry_status"] == "UNVERIFIED" and not record["data"]["registry_verified"]
    verified = _wait_for_verification(registry_server, record["id"])
    assert verified["version"] == 2
    data = verified["data"]
    assert (data["name"], data["kpp"], data["ogrn"]) == ('ООО "МОТОРИКА"', "773101001", "1157746078984")
    assert data["registry_status"] == "ACTIVE"


def test_t2_an_organization_the_registry_does_not_know_is_marked_not_found(
    fake: FakeRegistryProvider, registry_server: RegistryServer,
) -> None:
    record = _push_organization(registry_server, {"inn": UNKNOWN_INN, "name": "ООО «Нет в реестре»"})
    data = _wait_for_verification(registry_server, record["id"])["data"]
    assert data["registry_status"] == "NOT_FOUND" and data["name"] == "ООО «Нет в реестре»"
