"""The Clients directory's uniqueness rules on the server (T5): find the record a new one
duplicates, merge into it, and resolve the ids of merged records (aliases)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, literal, or_, select, union_all
from sqlalchemy.orm import Session

from sync.identifiers import format_phone
from sync.records import Kind
from sync.server.kinds import KINDS
from sync.server.models import Contact, Organization, RecordAlias, Synced

# fields a merge may fill in on the existing record when it has none (it never overwrites)
FILLABLE: dict[Kind, tuple[str, ...]] = {
    Kind.ORGANIZATION: ("ogrn", "full_name", "address", "customer_id"),
    Kind.CONTACT: ("position", "email", "phone", "phone_ext"),
}


def resolve(session: Session, kind: Kind, record_id: uuid.UUID) -> uuid.UUID:
    """The id a record of ``kind`` lives under now (itself, unless it was merged into another).
    An alias answers only for its own kind: an id the client sends for a contact never leads to an
    organization, nor the other way round."""
    target = session.scalar(select(RecordAlias.record_id).where(
        RecordAlias.alias_id == record_id, RecordAlias.kind == str(kind)))
    return target or record_id


def id_taken(session: Session, record_id: uuid.UUID) -> bool:
    """Whether ``record_id`` is already a record of any kind (deleted ones too) or an alias: a
    creation under it must be refused, never merged, so no id ever names two things."""
    probes = [select(literal(1)).select_from(k.model).where(k.model.id == record_id)
              for k in list(KINDS.values())]
    probes.append(select(literal(1)).select_from(RecordAlias).where(RecordAlias.alias_id == record_id))
    return session.execute(union_all(*probes).limit(1)).first() is not None


def find_duplicate(session: Session, kind: Kind, values: dict[str, Any],
                   exclude: uuid.UUID | None = None) -> Synced | None:
    """The existing record ``values`` would duplicate: an organization with the same INN+KPP (also
    a deleted one: the constraint covers it), or a live contact of the same organization with the
    same e-mail or the same phone and extension."""
    stmt: Any
    if kind is Kind.ORGANIZATION:
        stmt = select(Organization).where(Organization.inn == values["inn"], Organization.kpp == values["kpp"])
        if exclude is not None:
            stmt = stmt.where(Organization.id != exclude)
        return session.scalars(stmt.with_for_update()).first()
    if kind is Kind.CONTACT:
        same: list[Any] = []
        if values.get("email"):
            same.append(Contact.email == values["email"])
        if values.get("phone"):
            same.append(and_(Contact.phone == values["phone"], Contact.phone_ext == values.get("phone_ext", "")))
        if not same:
            return None
        stmt = select(Contact).where(
            Contact.organization_id == values["organization_id"], Contact.deleted_at.is_(None), or_(*same)
        )
        if exclude is not None:
            stmt = stmt.where(Contact.id != exclude)
        return session.scalars(stmt.order_by(Contact.created_at).with_for_update()).first()
    return None


def duplicate_message(kind: Kind, existing: Synced) -> tuple[str, str]:
    """The field and the operator's message for a change that would make a duplicate."""
    if isinstance(existing, Organization):
        kpp = f" и КПП {existing.kpp}" if existing.kpp else ""
        return "inn", f"Организация с ИНН {existing.inn}{kpp} уже есть в справочнике: {existing.name}."
    assert isinstance(existing, Contact)
    contact = f"{existing.full_name} ({existing.email or format_phone(existing.phone, existing.phone_ext)})"
    return "email", f"Такой контакт у этой организации уже есть: {contact}."


def deleted_message(kind: Kind, existing: Synced) -> tuple[str | None, str]:
    """The field and the operator's message for a creation that would bring back a deleted record."""
    if isinstance(existing, Organization):
        kpp = f" и КПП {existing.kpp}" if existing.kpp else ""
        return "inn", (f"Организация с ИНН {existing.inn}{kpp} ({existing.name}) удалена из справочника "
                       "супервизором; восстановить её может только супервизор.")
    return None, "Запись удалена супервизором; восстановить её может только супервизор."


def merge(session: Session, kind: Kind, existing: Synced, alias: uuid.UUID, values: dict[str, Any]) -> None:
    """Merge a new record into the existing one: fill what it lacks, revive it if it was deleted (the
    caller lets only a role that may revive merge into a deleted record), and remember the new id as
    an alias of it (only an id no record or alias has: the caller refuses a creation under a taken
    id, see :func:`id_taken`)."""
    for field in FILLABLE.get(kind, ()):
        if not getattr(existing, field) and values.get(field):
            if field == "phone_ext" and getattr(existing, "phone", "") != values.get("phone"):
                continue  # an extension belongs to its phone
            setattr(existing, field, values[field])
    if existing.deleted_at is not None:
        existing.deleted_at = None
    if alias != existing.id and not id_taken(session, alias):
        session.add(RecordAlias(alias_id=alias, kind=kind, record_id=existing.id))
