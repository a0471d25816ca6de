"""Organizations with checksum-valid INN, KPP and OGRN, realistic names and addresses (T2, T5)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

from sync.server.demo.catalog import BRAND_HEADS, BRAND_TAILS, ORG_PATTERNS, REAL_ORGANIZATIONS, OrgPattern
from sync.server.demo.clients import CustomerInfo, OrgInfo, synced
from sync.server.demo.common import (
    REFERENCE_NOW,
    TICKET_WINDOW_DAYS,
    Rnd,
    Row,
    between,
    cumulative,
    pick,
    stream,
    wpick,
)
from sync.server.demo.numbers import make_inn, make_kpp, make_ogrn, translit
from sync.server.demo.places import DISTRICTS, REGIONS, City, Region, make_address, pick_region

_PATTERN_CUM = cumulative([p.weight for p in ORG_PATTERNS])


class _Fields(dict[str, object]):
    """Name pattern fields, computed only when the pattern uses them."""

    def __init__(self, rnd: Rnd, region: Region, city: City) -> None:
        super().__init__(city=city.name, city_gen=city.genitive, region_gen=region.genitive, city_slug=city.slug)
        self.rnd = rnd

    def __missing__(self, key: str) -> object:
        rnd = self.rnd
        if key in ("district", "district_slug"):
            district = pick(rnd, DISTRICTS)
            self.update(district=district, district_slug=translit(district)[:-3])
        elif key in ("brand", "brand_slug"):
            head, tail = pick(rnd, BRAND_HEADS), pick(rnd, BRAND_TAILS)
            brand = pick(rnd, (head + tail.lower(), head + tail, f"{head}-{tail}"))  # Техносервис, СибТелеком
            self.update(brand=brand, brand_slug=translit(brand))
        elif key == "region_slug":
            self[key] = translit(str(self["region_gen"]).split()[0])[:12]
        elif key == "n":
            self[key] = between(rnd, 1, 150)
        return self[key]


class _OrgFactory:
    """Makes organizations with unique INN, OGRN and e-mail domain, and mostly unique names."""

    def __init__(self, rnd: Rnd) -> None:
        self.rnd = rnd
        self.inns = {r.inn for r in REAL_ORGANIZATIONS}
        self.ogrns = {r.ogrn for r in REAL_ORGANIZATIONS}
        self.domains = {r.domain for r in REAL_ORGANIZATIONS}
        self.names = {r.name for r in REAL_ORGANIZATIONS}

    def make(self) -> tuple[Row, Region, City, str]:
        rnd = self.rnd
        region = pick_region(rnd)
        city = pick(rnd, region.cities)
        for _attempt in range(8):
            pattern = wpick(rnd, ORG_PATTERNS, _PATTERN_CUM)
            name, full_name, slug = _name(pattern, _Fields(rnd, region, city))
            if name not in self.names:
                break
        self.names.add(name)
        office = region.code + pick(rnd, region.offices)
        inn = _unique(self.inns, lambda: make_inn(rnd, office))
        year = between(rnd, 2002, 2012) if pattern.public else between(rnd, 2003, 2022)
        ogrn = _unique(self.ogrns, lambda: make_ogrn(rnd, office, year))
        row: Row = {"inn": inn, "kpp": make_kpp(inn), "ogrn": ogrn, "name": name, "full_name": full_name,
                    "address": make_address(rnd, region, city)}
        return row, region, city, self._domain(slug)

    def _domain(self, slug: str) -> str:
        base = "".join(ch for ch in slug if ch.isascii() and (ch.isalnum() or ch == "-")).strip("-") or "org"
        domain, n = f"{base}.ru", 1
        while domain in self.domains:
            n += 1
            domain = f"{base}{n}.ru"
        self.domains.add(domain)
        return domain


def _name(pattern: OrgPattern, fields: _Fields) -> tuple[str, str, str]:
    """Short name with legal form, full name, and the slug of its e-mail domain."""
    title = pattern.title.format_map(fields)
    name = f"{pattern.short_opf} {title}" if pattern.short_opf else title
    full_name = f"{pattern.full_opf} {title}" if pattern.full_opf else title
    return name, full_name, pattern.slug.format_map(fields)


def _unique(used: set[str], make: Callable[[], str]) -> str:
    while True:
        value = make()
        if value not in used:
            used.add(value)
            return value


def _real_org(real_index: int) -> tuple[Row, Region, City, str]:
    real = REAL_ORGANIZATIONS[real_index]
    region = next(r for r in REGIONS if r.code == real.inn[:2])
    city = next((c for c in region.cities if c.area_code == real.area_code), region.cities[0])
    row: Row = {"inn": real.inn, "kpp": real.kpp, "ogrn": real.ogrn, "name": real.name,
                "full_name": real.full_name, "address": real.address}
    return row, region, city, real.domain


def build_organizations(seed: int, count: int) -> tuple[list[Row], list[OrgInfo]]:
    """``count`` organizations; the first ones are the real organizations of egrul-provider.md."""
    rng = stream(seed, "organizations")
    rnd = rng.random
    factory = _OrgFactory(rnd)
    rows: list[Row] = []
    infos: list[OrgInfo] = []
    window_start = REFERENCE_NOW - timedelta(days=TICKET_WINDOW_DAYS)
    for i in range(count):
        real = i < len(REAL_ORGANIZATIONS)
        data, region, city, domain = _real_org(i) if real else factory.make()
        created = window_start - timedelta(days=between(rnd, 31, 400), seconds=between(rnd, 0, 32_400))
        status = "LIQUIDATED" if not real and rnd() < 0.03 else "ACTIVE"
        row = synced(rng, created) | data | {"registry_status": status, "registry_verified": True,
                                             "customer_id": None}
        rows.append(row)
        infos.append(OrgInfo(row["id"], region, city, domain, created, status))  # type: ignore[arg-type]
    return rows, infos


def weigh_organizations(seed: int, orgs: list[OrgInfo], customers: list[CustomerInfo]) -> None:
    """How busy each organization is: contract holders call most, liquidated ones hardly at all."""
    rng: random.Random = stream(seed, "weights")
    for index, org in enumerate(orgs):
        own = org.customer is not None and customers[org.customer].org == index
        base = 3.0 if own else 2.0 if org.customer is not None else 1.0
        if org.status != "ACTIVE":
            base *= 0.2
        org.weight = base * min(rng.paretovariate(1.5), 25.0)
