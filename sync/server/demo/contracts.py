"""Customers (T6) and their contracts covering software complexes (T7, T8)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sync.server.demo.catalog import COMPLEXES, PARTNERS
from sync.server.demo.clients import ComplexInfo, ContractInfo, CustomerInfo, OrgInfo, synced
from sync.server.demo.common import REFERENCE_DATE, REFERENCE_NOW, Row, cumulative, stream, wpick

_COMPLEX_CUM = cumulative([c.popularity for c in COMPLEXES])


def _pick_complexes(rng: random.Random, k: int) -> tuple[int, ...]:
    chosen: set[int] = set()
    while len(chosen) < k:
        chosen.add(wpick(rng.random, range(len(COMPLEXES)), _COMPLEX_CUM))
    return tuple(sorted(chosen))


def assign_customers(seed: int, orgs: list[OrgInfo]) -> tuple[list[Row], list[Row], list[CustomerInfo]]:
    """A third of the organizations hold contracts (customers), a third work under another one's
    customer, mostly of the same region (T6), the rest have none. Returns the customer rows, the
    ``customer_id`` updates of organizations (``b_id``, ``b_customer_id``, ``b_updated_at``) and the
    customers."""
    rng = stream(seed, "customers")
    order = list(range(len(orgs)))
    rng.shuffle(order)
    third = max(1, len(orgs) // 3) if orgs else 0
    customers: list[CustomerInfo] = []
    rows: list[Row] = []
    for idx in sorted(order[:third]):
        org = orgs[idx]
        row = synced(rng, org.created_at + timedelta(minutes=5)) | {"organization_id": org.id, "note": ""}
        rows.append(row)
        org.customer = len(customers)
        base = _pick_complexes(rng, rng.choice((1, 1, 2, 2, 2, 3, 3, 4)))
        customers.append(CustomerInfo(row["id"], idx, base))  # type: ignore[arg-type]
    by_region: dict[str, list[int]] = {}
    for c_index, customer in enumerate(customers):
        by_region.setdefault(orgs[customer.org].region.code, []).append(c_index)
    for idx in sorted(order[third : 2 * third]):
        near = by_region.get(orgs[idx].region.code)
        orgs[idx].customer = rng.choice(near) if near and rng.random() < 0.8 else rng.randrange(len(customers))
    updates: list[Row] = [
        {"b_id": org.id, "b_customer_id": customers[org.customer].id, "b_updated_at": org.created_at}
        for org in orgs if org.customer is not None
    ]
    return rows, updates, customers


def build_contracts(
    seed: int, customers: list[CustomerInfo], complexes: list[ComplexInfo]
) -> tuple[list[Row], list[Row]]:
    """1–3 yearly contracts per customer, numbered «КС-2026/0153»; most run through REFERENCE_DATE,
    the rest have expired. Returns contract rows and contract_complexes rows."""
    rng = stream(seed, "contracts")
    serials: dict[int, int] = {}
    rows: list[Row] = []
    links: list[Row] = []
    for customer in customers:
        last_year = REFERENCE_DATE.year if rng.random() < 0.82 else REFERENCE_DATE.year - 1
        for year in range(last_year - rng.choice((0, 0, 1, 1, 2)), last_year + 1):
            contract = _contract(rng, customer, year)
            customer.contracts.append(contract)
            serials[year] = serials.get(year, 0) + 1
            created = datetime(year - 1, 12, 1, 7, tzinfo=REFERENCE_NOW.tzinfo) + timedelta(
                days=rng.randint(0, 25), seconds=rng.randint(0, 30_000))
            row = synced(rng, created) | {
                "customer_id": customer.id, "number": f"КС-{year}/{serials[year]:04d}",
                "partner": rng.choice(PARTNERS) if rng.random() < 0.25 else "",
                "valid_from": contract.valid_from, "valid_to": contract.valid_to,
            }
            rows.append(row)
            links.extend({"contract_id": row["id"], "complex_id": complexes[i].id} for i in sorted(contract.complexes))
    return rows, links


def _contract(rng: random.Random, customer: CustomerInfo, year: int) -> ContractInfo:
    start = date(year, 1, 1) + timedelta(days=rng.randint(0, 75) if rng.random() < 0.6 else 0)
    end = date(year + 1 if rng.random() < 0.1 else year, 12, 31)
    covered = set(customer.base)
    roll = rng.random()
    if roll < 0.15 and len(covered) > 1:
        covered.discard(rng.choice(sorted(covered)))
    elif roll < 0.3 and len(covered) < 4:
        covered.add(rng.randrange(len(COMPLEXES)))
    return ContractInfo(start, end, frozenset(covered))
