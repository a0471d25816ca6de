"""Reading the Clients directory from the cache (T2, T3, T5, T6): lists, offline search, the records a
new one would duplicate, and an organization's customer with its contracts. Qt-free; every method is
one short read, safe from any thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Table, select, text

from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.schema import CACHE
from ksdesk_desktop.store.search import match_query
from sync.identifiers import email_key, organization_key, phone_key
from sync.records import Kind

_PAGE = 500  # ids per IN (…) when reading rows


@dataclass(frozen=True)
class ContractInfo:
    id: str
    number: str
    partner: str
    valid_from: date
    valid_to: date
    complex_ids: frozenset[str]

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_to


@dataclass(frozen=True)
class CustomerInfo:
    """T6: the organization that holds the contract an organization works under."""

    customer_id: str
    organization: dict[str, Any] | None  # the customer's own organization record
    contracts: list[ContractInfo] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.organization["name"]) if self.organization else ""


class Directory:
    def __init__(self, store: LocalStore) -> None:
        self.engine = store.engine

    # --- lists and search ----------------------------------------------------------------------

    def organization_ids(self, query: str = "") -> list[str]:
        """Organizations in name order; with a query, those whose name, INN, KPP or OGRN has words
        starting with every word typed («ромаш», «7707», «сбер банк»)."""
        return self._ids(CACHE[Kind.ORGANIZATION], query)

    def contact_ids(self, organization_id: str | None = None, query: str = "") -> list[str]:
        """Contacts (of one organization, or all) in name order, searched by name, position, e-mail
        and phone."""
        table = CACHE[Kind.CONTACT]
        where = {"organization_id": organization_id} if organization_id else {}
        return self._ids(table, query, **where)

    def _ids(self, table: Table, query: str, **where: str) -> list[str]:
        match = match_query(query)
        if match is None:
            stmt = select(table.c.id)
        else:
            fts = f"{table.name}_fts"
            stmt = select(table.c.id).where(text(f"{table.name}.rowid IN (SELECT rowid FROM {fts} "
                                                 f"WHERE {fts} MATCH :match)").bindparams(match=match))
        for column, value in where.items():
            stmt = stmt.where(table.c[column] == value)
        stmt = stmt.order_by(table.c.sort_name, table.c.id)
        with self.engine.connect() as conn:
            return list(conn.execute(stmt).scalars())

    def records(self, kind: Kind, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The cached records with these ids (the ones that still exist), each with its id."""
        table = CACHE[kind]
        found: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), _PAGE):
                chunk = list(ids[start:start + _PAGE])
                stmt = select(table.c.id, table.c.version, table.c.local, table.c.data).where(table.c.id.in_(chunk))
                for row in conn.execute(stmt):
                    found[row.id] = {**row.data, "id": row.id, "version": row.version, "local": row.local}
        return found

    def get(self, kind: Kind, record_id: str) -> dict[str, Any] | None:
        return self.records(kind, [record_id]).get(record_id)

    # --- duplicates (T5) ------------------------------------------------------------------------

    def organizations_with_inn(self, inn: str) -> list[dict[str, Any]]:
        """Every cached organization with this INN (the head office and its branches)."""
        table = CACHE[Kind.ORGANIZATION]
        with self.engine.connect() as conn:
            stmt = select(table.c.id).where(table.c.inn == inn).order_by(table.c.kpp)
            ids: list[str] = list(conn.execute(stmt).scalars())
        found = self.records(Kind.ORGANIZATION, ids)
        return [found[i] for i in ids if i in found]

    def find_organization(self, inn: str, kpp: str, exclude: str | None = None) -> dict[str, Any] | None:
        """The organization a new one with this INN+KPP would duplicate."""
        key = organization_key(inn, kpp)
        for record in self.organizations_with_inn(key[0]):
            if organization_key(record["inn"], record.get("kpp") or "") == key and record["id"] != exclude:
                return record
        return None

    def find_contact(self, organization_id: str, email: str = "", phone: str = "", phone_ext: str = "",
                     exclude: str | None = None) -> dict[str, Any] | None:
        """The contact of the organization that a new one with this e-mail or phone would duplicate
        (give the values normalised by the shared rules)."""
        wanted = {k for k in (email_key(email), phone_key(phone, phone_ext)) if k}
        if not wanted:
            return None
        contacts = self.records(Kind.CONTACT, self.contact_ids(organization_id))
        for record in sorted(contacts.values(), key=lambda r: r["id"]):
            keys = {email_key(record.get("email") or ""), phone_key(record.get("phone") or "",
                                                                    record.get("phone_ext") or "")}
            if wanted & keys and record["id"] != exclude:
                return record
        return None

    def complex_names(self, ids: Sequence[str]) -> list[str]:
        found = self.records(Kind.SOFTWARE_COMPLEX, list(ids))
        return sorted(str(r["name"]) for r in found.values())

    # --- customer and contracts (T6) ------------------------------------------------------------

    def customer_of(self, organization: dict[str, Any]) -> CustomerInfo | None:
        customer_id = organization.get("customer_id")
        if not customer_id:
            return None
        customer = self.get(Kind.CUSTOMER, customer_id)
        holder = self.get(Kind.ORGANIZATION, customer["organization_id"]) if customer else None
        contracts_table = CACHE[Kind.CONTRACT]
        with self.engine.connect() as conn:
            rows = conn.execute(select(contracts_table.c.id, contracts_table.c.data).where(
                contracts_table.c.customer_id == customer_id).order_by(contracts_table.c.valid_to.desc())).all()
        contracts = [
            ContractInfo(row.id, row.data.get("number", ""), row.data.get("partner", ""),
                         date.fromisoformat(row.data["valid_from"]), date.fromisoformat(row.data["valid_to"]),
                         frozenset(row.data.get("complex_ids") or ()))
            for row in rows
        ]
        return CustomerInfo(customer_id, holder, contracts)

    # --- reference data a supervisor administers (issue 5) -----------------------------------------

    def every(self, *kinds: Kind) -> list[list[dict[str, Any]]]:
        """Every cached record of each of these small kinds (complexes, components, list items), each
        record with its id; one read."""
        found: list[list[dict[str, Any]]] = []
        with self.engine.connect() as conn:
            for kind in kinds:
                table = CACHE[kind]
                found.append([{**row.data, "id": row.id} for row in conn.execute(select(table.c.id, table.c.data))])
        return found

    def complex_ids(self) -> list[str]:
        """Software complexes in their order."""
        table = CACHE[Kind.SOFTWARE_COMPLEX]
        return self._ordered(select(table.c.id).order_by(table.c.sort_order, table.c.name, table.c.id))

    def component_ids(self, complex_id: str) -> list[str]:
        """The components of one complex in their order."""
        table = CACHE[Kind.COMPONENT]
        return self._ordered(select(table.c.id).where(table.c.complex_id == complex_id)
                             .order_by(table.c.sort_order, table.c.name, table.c.id))

    def list_item_ids(self, list_kind: str | None = None) -> list[str]:
        """Items of the reference lists (or of one list), list by list, each in its order."""
        table = CACHE[Kind.LIST_ITEM]
        stmt = select(table.c.id).order_by(table.c.kind, table.c.sort_order, table.c.code)
        return self._ordered(stmt.where(table.c.kind == list_kind) if list_kind else stmt)

    def contract_ids(self, customer_query: str = "") -> list[str]:
        """Contracts by customer name, the latest first; with a query, those of the customers whose
        name (or INN) has words starting with every word typed."""
        contracts, customers, organizations = (CACHE[k] for k in (Kind.CONTRACT, Kind.CUSTOMER, Kind.ORGANIZATION))
        stmt = select(contracts.c.id).select_from(
            contracts.outerjoin(customers, customers.c.id == contracts.c.customer_id)
            .outerjoin(organizations, organizations.c.id == customers.c.organization_id)
        ).order_by(organizations.c.sort_name, contracts.c.valid_to.desc(), contracts.c.id)
        match = match_query(customer_query)
        if match is not None:
            stmt = stmt.where(text("organizations.rowid IN (SELECT rowid FROM organizations_fts "
                                   "WHERE organizations_fts MATCH :match)").bindparams(match=match))
        return self._ordered(stmt)

    def _ordered(self, stmt: Any) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(stmt).scalars())

    def contracts(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Cached contracts with what a list shows beside them: ``customer_name`` and ``complex_names``."""
        found = self.records(Kind.CONTRACT, ids)
        names = self.customer_names({str(r.get("customer_id")) for r in found.values()})
        complexes = self.records(Kind.SOFTWARE_COMPLEX, sorted({c for r in found.values()
                                                                for c in r.get("complex_ids") or ()}))
        for record in found.values():
            record["customer_name"] = names.get(str(record.get("customer_id")), "")
            record["complex_names"] = sorted(str(complexes[c]["name"]) for c in record.get("complex_ids") or ()
                                             if c in complexes)
        return found

    def customer_names(self, ids: set[str] | None = None) -> dict[str, str]:
        """Customer id → the name of the customer's organization (every customer, or these), by name."""
        customers, organizations = CACHE[Kind.CUSTOMER], CACHE[Kind.ORGANIZATION]
        stmt = select(customers.c.id, organizations.c.name).join(
            organizations, organizations.c.id == customers.c.organization_id
        ).order_by(organizations.c.sort_name, customers.c.id)
        if ids is not None:
            stmt = stmt.where(customers.c.id.in_(sorted(ids)))
        with self.engine.connect() as conn:
            return {row.id: str(row.name or "") for row in conn.execute(stmt)}
