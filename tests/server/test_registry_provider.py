"""T2: the registry provider adapter on its own — parsing the provider's real answer shape, the request
it sends, its error codes against the fake provider over loopback — and the demo registry's data."""

from __future__ import annotations

import json
import logging
import socket
from datetime import date
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from sync.errors import ErrorCode
from sync.identifiers import validate_inn, validate_kpp, validate_ogrn
from sync.registry import Party, RegistryStatus
from sync.server.registry import demo
from sync.server.registry.provider import PATH, RegistryError, RegistryProvider, parse_parties
from sync.server.settings import Settings
from tests.fixtures.registry_provider import FakeRegistryProvider, Fault

# The shape of a real answer (ekomobile/dadata api/model/test/party.json, trimmed of lists we ignore):
# no address in it, a manager, dates as epoch milliseconds, many fields we do not use.
MOTORICA_DATA: dict[str, Any] = {
    "kpp": "773101001",
    "capital": {"type": "УСТАВНЫЙ КАПИТАЛ", "value": 51348.0},
    "management": {"name": "Чех Илья Игоревич", "post": "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", "disqualified": None},
    "founders": [{"ogrn": None, "inn": None, "name": "КОМПАНИЯ ХОМО АУКТУС ЛИМИТЕД", "type": "LEGAL",
                  "share": {"value": 77.8998, "type": "PERCENT"}}],
    "managers": [{"inn": "781303761704", "fio": {"surname": "Чех", "name": "Илья", "patronymic": "Игоревич"},
                  "post": "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", "type": "EMPLOYEE"}],
    "predecessors": None, "successors": None, "branch_type": "MAIN", "branch_count": 0, "source": None, "qc": None,
    "hid": "baf582914d601bc5246e881b07dfa6e336091a3857bebc3bf389aa0b4073223c", "type": "LEGAL",
    "state": {"status": "ACTIVE", "code": None, "actuality_date": 1611273600000, "registration_date": 1423094400000,
              "liquidation_date": None},
    "opf": {"type": "2014", "code": "12300", "full": "Общество с ограниченной ответственностью", "short": "ООО"},
    "name": {"full_with_opf": 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "МОТОРИКА"', "short_with_opf": 'ООО "МОТОРИКА"',
             "latin": None, "full": "МОТОРИКА", "short": "МОТОРИКА"},
    "inn": "7719402047", "ogrn": "1157746078984", "okpo": "27539247", "okato": "45268569000",
    "oktmo": "45321000000", "okogu": "4210011", "okfs": "34", "okved": "72.19",
    "finance": {"tax_system": None, "income": 90183000.0, "expense": 128338000.0, "year": 2019},
    "phones": [{"value": "+7 911 2410309", "unrestricted_value": "+7 911 2410309", "data": {"type": "Мобильный"}}],
    "emails": [{"value": "INFO@MOTORICA.ORG", "unrestricted_value": "INFO@MOTORICA.ORG", "data": None}],
    "ogrn_date": 1423094400000, "okved_type": "2014", "employee_count": 59,
}


def test_t2_adapter_parses_a_real_answer() -> None:
    answer = {"suggestions": [{"value": 'ООО "МОТОРИКА"', "unrestricted_value": 'ООО "МОТОРИКА"',
                               "data": MOTORICA_DATA}]}
    assert parse_parties(json.loads(json.dumps(answer))) == [Party(
        inn="7719402047", kpp="773101001", ogrn="1157746078984", name='ООО "МОТОРИКА"',
        full_name='ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "МОТОРИКА"', address="", status=RegistryStatus.ACTIVE,
        branch=False, individual=False, liquidation_date=None, manager="ГЕНЕРАЛЬНЫЙ ДИРЕКТОР Чех Илья Игоревич",
    )]


def test_t2_adapter_reads_closed_organizations_and_entrepreneurs() -> None:
    liquidated = {**MOTORICA_DATA, "state": {"status": "LIQUIDATED", "liquidation_date": 1577836800000},
                  "address": {"value": "г Москва", "unrestricted_value": "121205, г Москва"}}
    person = {"inn": "540612345667", "kpp": None, "ogrn": "318547600123450", "type": "INDIVIDUAL", "branch_type": None,
              "name": {"full_with_opf": None, "short_with_opf": None},
              "fio": {"surname": "Иванов", "name": "Иван", "patronymic": "Иванович"}, "state": None, "address": None}
    unknown_status = {**MOTORICA_DATA, "state": {"status": "SOMETHING_NEW"}, "branch_type": "BRANCH"}
    closed, entrepreneur, other = parse_parties({"suggestions": [
        {"value": "x", "data": liquidated}, {"data": person}, {"value": "y", "data": unknown_status}]})
    assert (closed.status, closed.liquidation_date, closed.address) == ("LIQUIDATED", date(2020, 1, 1),
                                                                         "121205, г Москва")
    assert (entrepreneur.name, entrepreneur.kpp, entrepreneur.individual, entrepreneur.status) == (
        "ИП Иванов Иван Иванович", "", True, "ACTIVE")
    assert other.status == "ACTIVE" and other.branch  # a status this build does not know still lists it


@pytest.mark.parametrize("payload", [
    [], {"suggestions": None}, {"results": []}, {"suggestions": ["ПАО СБЕРБАНК"]},
    {"suggestions": [{"data": "7707083893"}]},
    {"suggestions": [{"data": {"name": {"short_with_opf": "ПАО СБЕРБАНК"}}}]},  # no INN
    {"suggestions": [{"data": {"inn": "7707083893", "name": ["ПАО СБЕРБАНК"]}}]},
    {"suggestions": [{"data": {"inn": "7707083893"}}]},  # no name anywhere
    {"suggestions": [{"value": "X", "data": {"inn": "7707083893", "state": {"liquidation_date": "вчера"}}}]},
])
def test_t2_adapter_refuses_an_unexpected_shape(payload: object) -> None:
    with pytest.raises(ValueError):
        parse_parties(payload)


def test_t2_adapter_sends_the_provider_request() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"suggestions": []})

    client = httpx.Client(transport=httpx.MockTransport(handler), base_url="https://suggestions.example")
    with RegistryProvider(client, "s3cret") as provider:
        assert provider.find("7707083893", "540602001") == []
    [request] = seen
    assert (request.method, str(request.url)) == ("POST", f"https://suggestions.example{PATH}")
    assert request.headers["Authorization"] == "Token s3cret"
    assert request.headers["Content-Type"] == request.headers["Accept"] == "application/json"
    assert json.loads(request.content) == {"query": "7707083893", "count": 20, "kpp": "540602001"}


@pytest.mark.parametrize("token,fault,code", [
    ("", Fault.NONE, ErrorCode.REGISTRY_ACCESS_DENIED),  # the fake answers 401: no key
    ("wrong-key", Fault.NONE, ErrorCode.REGISTRY_ACCESS_DENIED),  # 403: a bad key
    (None, Fault.RATE_LIMITED, ErrorCode.REGISTRY_RATE_LIMITED),
    (None, Fault.SERVER_ERROR, ErrorCode.REGISTRY_UNAVAILABLE),
    (None, Fault.MALFORMED_JSON, ErrorCode.REGISTRY_UNAVAILABLE),
    (None, Fault.TIMEOUT, ErrorCode.REGISTRY_TIMEOUT),
])
def test_t2_adapter_maps_provider_failures_and_never_logs_the_key(
    registry_provider: FakeRegistryProvider, caplog: pytest.LogCaptureFixture,
    token: str | None, fault: Fault, code: ErrorCode,
) -> None:
    registry_provider.reset()
    registry_provider.fault = fault
    caplog.set_level(logging.DEBUG)
    key = registry_provider.token if token is None else token
    with RegistryProvider.connect(registry_provider.url, key, timeout_s=0.5) as provider, \
            pytest.raises(RegistryError) as caught:
        provider.find("7707083893")
    registry_provider.reset()
    assert caught.value.code == code
    assert "7707083893" in caplog.text  # the failure is logged ...
    assert registry_provider.token not in caplog.text  # ... without the key


def test_t2_adapter_never_logs_a_key_it_cannot_send(
    registry_provider: FakeRegistryProvider, caplog: pytest.LogCaptureFixture
) -> None:
    key = "first-half\nsecond-half"  # a header value httpx refuses and quotes in its error
    with RegistryProvider.connect(registry_provider.url, key) as provider, pytest.raises(RegistryError) as caught:
        provider.find("7707083893")
    assert caught.value.code == ErrorCode.REGISTRY_UNAVAILABLE
    assert "first-half" not in caplog.text and "first-half" not in str(caught.value)


def test_t2_adapter_against_the_fake_provider(registry_provider: FakeRegistryProvider) -> None:
    registry_provider.reset()
    with RegistryProvider.connect(registry_provider.url, registry_provider.token) as provider:
        assert [p.kpp for p in provider.find("7707083893")] == ["773601001", "540602001"]
        assert provider.find("7728123459") == []


def test_t2_adapter_unreachable_provider_is_unavailable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once it is closed
    with RegistryProvider.connect(f"http://127.0.0.1:{port}", "key") as provider, \
            pytest.raises(RegistryError) as caught:
        provider.find("7707083893")
    assert caught.value.code == ErrorCode.REGISTRY_UNAVAILABLE


# --- the demo registry's own data -------------------------------------------------------------------


def test_t2_demo_registry_data_is_valid_and_the_same_every_time() -> None:
    entries = demo.generated()
    assert len(entries) == demo.REGISTRY_ONLY_ORGANIZATIONS
    assert len({e.inn for e in entries}) == len(entries)
    for entry in entries:
        validate_inn(entry.inn)
        validate_ogrn(entry.ogrn)
        assert validate_kpp(entry.kpp, entry.inn) == entry.kpp
    statuses = {e.status for e in entries}
    assert {"ACTIVE", "LIQUIDATED"} <= statuses
    assert all(e.liquidation_date for e in entries if e.status == "LIQUIDATED")
    assert sum(e.fio is not None for e in entries) == demo.REGISTRY_ONLY_PERSONS
    demo.generated.cache_clear()
    assert demo.generated() == entries
    assert len(demo.registry_only_inns(3)) == 3


def test_t2_demo_registry_answers_in_the_provider_format() -> None:
    """The demo's JSON goes through the same parsing as the provider's: what it says comes out."""
    branch = demo.suggestion(demo.SBERBANK_BRANCH)
    [party] = parse_parties(json.loads(json.dumps({"suggestions": [branch]})))
    assert (party.inn, party.kpp, party.name, party.branch) == (
        "7707083893", "540602001", "СИБИРСКИЙ БАНК ПАО СБЕРБАНК", True)
    person = next(e for e in demo.generated() if e.fio is not None)
    [entrepreneur] = parse_parties({"suggestions": [demo.suggestion(person)]})
    assert entrepreneur.individual and entrepreneur.name == person.name and entrepreneur.kpp == ""


def test_t2_registry_settings_are_checked_at_start() -> None:
    settings = Settings(registry_url=" https://suggestions.dadata.ru/ ", registry_token=" k3y-0f-the-pr0vider\n")
    assert settings.registry_url == "https://suggestions.dadata.ru"
    assert settings.registry_token.get_secret_value() == "k3y-0f-the-pr0vider"
    assert "k3y" not in repr(settings)
    assert Settings(registry_url="demo").registry_url == "demo" and Settings().registry_url == ""
    for bad in ({"registry_url": "suggestions.dadata.ru"}, {"registry_token": "two words"},
                {"registry_timeout_s": 0}):
        with pytest.raises(ValidationError) as caught:
            Settings(**bad)
        assert "two words" not in str(caught.value)  # never echoed: it may be a key
