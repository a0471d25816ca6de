"""Reference data a supervisor administers (issue 5): what is more than storing the checked fields.

A contract's software complexes live in ``contract_complexes``, not in the contract's row: they are
read for the answer as pull sends them (``complex_ids``) and written in the pushing transaction, and
a change of them alone is a change of the contract (a new version every client pulls). Who may
administer is the kinds' declaration (``sync.roles.REFERENCE_ADMINS``), checked once, in ``sync_service``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from sync.errors import ErrorCode
from sync.server.models import Contract, ContractComplex, SoftwareComplex, Synced, User
from sync.server.rejection import Rejected

# writable fields kept outside the record's own table
LINKED_FIELDS = frozenset({"complex_ids"})
COMPLEX_MISSING = "Программный комплекс не найден: возможно, его удалили."


def linked(obj: Synced) -> dict[str, Any]:
    """The linked fields of a record as they go out (a contract's complexes, as pull sends them)."""
    if isinstance(obj, Contract) and obj.deleted_at is None:
        return {"complex_ids": sorted(str(c.id) for c in obj.complexes)}
    return {}


def add_contract_complexes(session: Session, records: list[dict[str, Any]]) -> None:
    """A pulled page's live contracts get their complexes (``complex_ids``), read in one query."""
    live = [r for r in records if not r["deleted"]]
    found: dict[str, list[str]] = {r["id"]: [] for r in live}
    if found:
        rows = session.execute(
            select(ContractComplex.contract_id, ContractComplex.complex_id)
            .where(ContractComplex.contract_id.in_([uuid.UUID(i) for i in found])).order_by(ContractComplex.complex_id)
        )
        for contract_id, complex_id in rows:
            found[str(contract_id)].append(str(complex_id))
    for record in live:
        record["data"]["complex_ids"] = found[record["id"]]


def writable_values(obj: Synced, fields: Iterable[str]) -> dict[str, Any]:
    """The record's current values of the fields a client may write (the base a change is laid on)."""
    return {f: getattr(obj, f) for f in fields if f not in LINKED_FIELDS} | linked(obj)


def write_linked(session: Session, obj: Synced, values: dict[str, Any]) -> None:
    """Store the linked fields of checked ``values`` (taking them out of it) — before the other fields."""
    ids = values.pop("complex_ids", None)
    if isinstance(obj, Contract) and ids is not None:
        _set_complexes(session, obj, ids)


def create_contract(session: Session, _user: User, record_id: uuid.UUID, values: dict[str, Any]) -> Contract:
    """A new contract with its complexes (the customer was checked with the other references)."""
    ids = values.pop("complex_ids")
    contract = Contract(id=record_id, **values)
    _set_complexes(session, contract, ids)
    return contract


def _set_complexes(session: Session, contract: Contract, ids: list[uuid.UUID]) -> None:
    """Cover exactly these complexes; a complex added must exist (one kept may have been deleted since)."""
    have = {c.id: c for c in contract.complexes}
    wanted: list[SoftwareComplex] = []
    for complex_id in ids:
        found = have.get(complex_id)
        if found is None:
            found = session.get(SoftwareComplex, complex_id)
            if found is None or found.deleted_at is not None:
                raise Rejected(ErrorCode.NOT_FOUND, COMPLEX_MISSING, "complex_ids")
        wanted.append(found)
    if set(have) != set(ids):
        contract.complexes = wanted
        if inspect(contract).persistent:  # the contract changes with them: numbered and versioned
            contract.updated_at = datetime.now(UTC)
