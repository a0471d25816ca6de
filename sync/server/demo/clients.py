"""Records of the Clients directory kept in memory while generating, and the software complexes."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sync.server.demo.catalog import COMPLEXES
from sync.server.demo.common import REFERENCE_NOW, Row, stream
from sync.server.demo.numbers import uuid7_at
from sync.server.demo.places import City, Region

CATALOG_CREATED = REFERENCE_NOW - timedelta(days=1500)


@dataclass(slots=True)
class ComplexInfo:
    id: uuid.UUID
    name: str
    components: list[tuple[uuid.UUID, str]]


@dataclass(slots=True)
class ContactInfo:
    id: uuid.UUID
    full_name: str
    short_name: str
    position: str
    email: str
    phone: str
    phone_ext: str


@dataclass(slots=True)
class OrgInfo:
    id: uuid.UUID
    region: Region
    city: City
    domain: str
    created_at: datetime
    status: str
    customer: int | None = None  # index of the customer whose contract the organization works under (T6)
    weight: float = 1.0  # how many tickets and contacts it gets, relatively
    contacts: list[ContactInfo] = field(default_factory=list)


@dataclass(slots=True)
class ContractInfo:
    valid_from: date
    valid_to: date
    complexes: frozenset[int]  # indexes into COMPLEXES


@dataclass(slots=True)
class CustomerInfo:
    id: uuid.UUID
    org: int  # index of its own organization
    base: tuple[int, ...]  # complexes the customer usually buys
    contracts: list[ContractInfo] = field(default_factory=list)


def synced(rng: random.Random, at: datetime, version: int = 1, updated: datetime | None = None) -> Row:
    """The columns every synced record has, reproducibly."""
    return {"id": uuid7_at(rng, at), "version": version, "created_at": at, "updated_at": updated or at,
            "deleted_at": None}


def build_catalog(seed: int) -> tuple[list[Row], list[Row], list[ComplexInfo]]:
    """Rows of software complexes and their components (T7)."""
    rng = stream(seed, "catalog")
    complex_rows: list[Row] = []
    component_rows: list[Row] = []
    infos: list[ComplexInfo] = []
    for order, spec in enumerate(COMPLEXES, start=1):
        row = synced(rng, CATALOG_CREATED + timedelta(minutes=order))
        complex_rows.append(row | {"code": spec.code, "name": spec.name, "sort_order": order})
        info = ComplexInfo(row["id"], spec.name, [])  # type: ignore[arg-type]
        for c_order, name in enumerate(spec.components, start=1):
            c_row = synced(rng, CATALOG_CREATED + timedelta(minutes=order, seconds=c_order))
            component_rows.append(c_row | {"complex_id": info.id, "name": name, "sort_order": c_order})
            info.components.append((c_row["id"], name))  # type: ignore[arg-type]
        infos.append(info)
    return complex_rows, component_rows, infos
