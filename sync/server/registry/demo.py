"""The demo registry: what the embedded demo server looks INNs up in (``KSDESK_REGISTRY_URL=demo``).

It answers ``findById/party`` in the provider's own JSON through ``httpx.MockTransport``, so the same
adapter parses it as in production. It knows the organizations of the server's own Clients directory,
a fixed set of "registry-only" organizations that the directory does not hold (new clients an operator
can look up; some liquidated, some individual entrepreneurs) and Sberbank's Siberian branch.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from stdnum.ru.inn import calc_personal_check_digits

from sync.registry import RegistryStatus
from sync.server.demo.catalog import REAL_ORGANIZATIONS
from sync.server.demo.common import REFERENCE_DATE, Rnd, between, pick, stream
from sync.server.demo.names import make_person
from sync.server.demo.organizations import _OrgFactory
from sync.server.demo.places import pick_region
from sync.server.models import Organization
from sync.server.registry.provider import PATH, RegistryProvider

DEMO_BASE_URL = "http://registry.demo"
SEED = 20241709  # fixed: the registry does not change with the demo directory's seed
REGISTRY_ONLY_ORGANIZATIONS = 300
REGISTRY_ONLY_PERSONS = 30  # individual entrepreneurs among them
_POSTS = ("ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", "ДИРЕКТОР", "ПРЕЗИДЕНТ")


@dataclass(frozen=True)
class Entry:
    """One registry record, in the terms of the provider's answer."""

    inn: str
    kpp: str
    ogrn: str
    name: str
    full_name: str
    address: str
    status: str = RegistryStatus.ACTIVE
    branch: bool = False
    liquidation_date: date | None = None
    manager: tuple[str, str] | None = None  # post, name
    fio: tuple[str, str, str] | None = None  # an individual entrepreneur: surname, name, patronymic

    @property
    def head_first(self) -> tuple[bool, str]:
        return self.branch, self.kpp


SBERBANK_BRANCH = Entry(
    "7707083893", "540602001", "1027700132195", "СИБИРСКИЙ БАНК ПАО СБЕРБАНК",
    'СИБИРСКИЙ БАНК ПУБЛИЧНОГО АКЦИОНЕРНОГО ОБЩЕСТВА "СБЕРБАНК РОССИИ"',
    "630007, Новосибирская обл., г. Новосибирск, ул. Серебренниковская, д. 20", branch=True,
)


# --- the registry-only organizations ----------------------------------------------------------------


@functools.cache
def generated() -> tuple[Entry, ...]:
    """The registry-only organizations and entrepreneurs, head offices only (the same on every run)."""
    rnd = stream(SEED, "registry-only").random
    factory = _OrgFactory(rnd)
    entries = [_organization(rnd, factory) for _ in range(REGISTRY_ONLY_ORGANIZATIONS - REGISTRY_ONLY_PERSONS)]
    return (*entries, *(_person(rnd, factory.inns) for _ in range(REGISTRY_ONLY_PERSONS)))


@functools.cache
def registry_entries() -> dict[str, tuple[Entry, ...]]:
    """What the registry knows besides the directory, by INN: the public organizations of the demo
    (also in its directory, unless deleted there), Sberbank's branch and the generated ones."""
    real = [Entry(r.inn, r.kpp, r.ogrn, r.name, r.full_name, r.address) for r in REAL_ORGANIZATIONS]
    by_inn: dict[str, list[Entry]] = {}
    for entry in (*real, SBERBANK_BRANCH, *generated()):
        by_inn.setdefault(entry.inn, []).append(entry)
    return {inn: tuple(sorted(found, key=lambda e: e.head_first)) for inn, found in by_inn.items()}


def registry_only_inns(count: int = 5, *, status: RegistryStatus = RegistryStatus.ACTIVE,
                       individual: bool = False) -> list[str]:
    """A few INNs that only the demo registry knows (for the docs and tests). No demo directory holds
    them, unless one of an unusually large size happens to draw the same number."""
    return [e.inn for e in generated() if e.status == status and (e.fio is not None) == individual][:count]


def _organization(rnd: Rnd, factory: _OrgFactory) -> Entry:
    row, _region, _city, _domain = factory.make()
    status, liquidated = _status(rnd)
    person = make_person(rnd)
    return Entry(str(row["inn"]), str(row["kpp"]), str(row["ogrn"]), str(row["name"]), str(row["full_name"]),
                 str(row["address"]), status, liquidation_date=liquidated,
                 manager=(pick(rnd, _POSTS), person.full_name))


def _person(rnd: Rnd, used: set[str]) -> Entry:
    """An individual entrepreneur: a 12-digit INN, a 15-digit OGRNIP, no KPP."""
    region = pick_region(rnd)
    office = region.code + pick(rnd, region.offices)
    while True:
        first10 = f"{office}{int(rnd() * 1_000_000):06d}"
        inn = first10 + calc_personal_check_digits(first10)
        if inn not in used:
            used.add(inn)
            break
    first14 = f"3{between(rnd, 4, 23):02d}{region.code}{int(rnd() * 1_000_000_000):09d}"
    ogrnip = first14 + str(int(first14) % 13 % 10)
    person = make_person(rnd)
    status, liquidated = _status(rnd)
    city = pick(rnd, region.cities)
    place = ", ".join(p for p in (region.name, f"г. {city.name}") if p)
    return Entry(inn, "", ogrnip, f"ИП {person.full_name}", f"Индивидуальный предприниматель {person.full_name}",
                 place, status, liquidation_date=liquidated, fio=(person.surname, person.first, person.patronymic))


def _status(rnd: Rnd) -> tuple[str, date | None]:
    roll = rnd()
    if roll < 0.08:
        return RegistryStatus.LIQUIDATED, REFERENCE_DATE - timedelta(days=between(rnd, 30, 2000))
    if roll < 0.11:
        return RegistryStatus.LIQUIDATING, None
    if roll < 0.12:
        return RegistryStatus.BANKRUPT, None
    return RegistryStatus.ACTIVE, None


# --- the provider's side ----------------------------------------------------------------------------


class DemoRegistry:
    """The request handler of the demo registry (an ``httpx.MockTransport`` handler)."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self.session_factory = session_factory

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != PATH:
            return httpx.Response(404, json={"message": "Not found"})
        if request.method != "POST":
            return httpx.Response(405, json={"message": "Method not allowed"})
        try:
            body = json.loads(request.content)
            query, kpp, count = str(body["query"]).strip(), str(body.get("kpp") or ""), int(body.get("count", 10))
        except (ValueError, TypeError, KeyError):
            return httpx.Response(400, json={"message": "Bad request"})
        entries = self.find(query, kpp)[:max(count, 0)]
        return httpx.Response(200, json={"suggestions": [suggestion(e) for e in entries]})

    def find(self, inn: str, kpp: str = "") -> list[Entry]:
        """The head office first, then branches; only the one with ``kpp`` when given."""
        found = {(e.inn, e.kpp): e for e in registry_entries().get(inn, ())}
        found.update({(e.inn, e.kpp): e for e in self._directory(inn)})  # the directory wins
        return sorted((e for e in found.values() if not kpp or e.kpp == kpp), key=lambda e: e.head_first)

    def _directory(self, inn: str) -> list[Entry]:
        """The directory's organizations checked against the registry: one an operator merely typed
        does not become registered by being typed."""
        with self.session_factory() as session:
            rows = session.scalars(select(Organization).where(
                Organization.inn == inn, Organization.deleted_at.is_(None), Organization.registry_verified.is_(True),
                Organization.registry_status.not_in([RegistryStatus.NOT_FOUND, RegistryStatus.UNVERIFIED])))
            return [_from_directory(org) for org in rows]


def _from_directory(org: Organization) -> Entry:
    status = org.registry_status
    liquidated = REFERENCE_DATE - timedelta(days=int(org.inn) % 1500 + 30) if status == "LIQUIDATED" else None
    # a KPP with the reason code 01 (or 50, the largest taxpayers) is the head office's
    branch = bool(org.kpp) and org.kpp[4:6] not in ("01", "50")
    fio = None
    if len(org.inn) == 12:  # an individual entrepreneur: «ИП Иванов Иван Иванович»
        surname, first, patronymic = ([*org.name.removeprefix("ИП ").split(maxsplit=2), "", "", ""])[:3]
        fio = surname, first, patronymic
    return Entry(org.inn, org.kpp, org.ogrn, org.name, org.full_name or org.name, org.address, status, branch,
                 liquidated, fio=fio)


def _epoch_ms(day: date | None) -> int | None:
    return None if day is None else int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


def suggestion(entry: Entry) -> dict[str, Any]:
    """One item of ``suggestions`` as the provider writes it."""
    individual = entry.fio is not None
    data: dict[str, Any] = {
        "inn": entry.inn, "kpp": entry.kpp or None, "ogrn": entry.ogrn or None,
        "type": "INDIVIDUAL" if individual else "LEGAL",
        "branch_type": None if individual else "BRANCH" if entry.branch else "MAIN",
        "name": {"full_with_opf": entry.full_name, "short_with_opf": entry.name},
        "state": {"status": str(entry.status), "liquidation_date": _epoch_ms(entry.liquidation_date)},
        "address": {"value": entry.address, "unrestricted_value": entry.address},
        "management": {"post": entry.manager[0], "name": entry.manager[1]} if entry.manager else None,
    }
    if entry.fio is not None:
        data["fio"] = dict(zip(("surname", "name", "patronymic"), entry.fio, strict=True))
    return {"value": entry.name, "unrestricted_value": entry.full_name, "data": data}


def demo_provider(session_factory: sessionmaker[Session], timeout_s: float = 5.0) -> RegistryProvider:
    """The adapter, talking to the demo registry instead of the network."""
    transport = httpx.MockTransport(DemoRegistry(session_factory).handle)
    return RegistryProvider(httpx.Client(transport=transport, base_url=DEMO_BASE_URL, timeout=timeout_s), "demo")
