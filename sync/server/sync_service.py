"""Pull (changes after a cursor) and push (outbox entries applied exactly once) — S2, S3, S4."""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from pydantic_core import to_json
from sqlalchemy import String, Uuid, cast, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sync.errors import ErrorCode, message_ru
from sync.protocol import (
    ChangesPage,
    ErrorDetail,
    Mutation,
    MutationResult,
    Operation,
    PushRequest,
    RecordOut,
    ResultStatus,
    plain,
)
from sync.records import CREATABLE, WRITABLE, Kind, explain, model_for
from sync.records import REFERENCES as RECORD_REFERENCES
from sync.roles import Permission, Role, may
from sync.server import attachments, directory, reference_admin, tickets
from sync.server.changes import COUNTER
from sync.server.models import (
    AppliedMutation,
    Attachment,
    Component,
    Contact,
    Contract,
    ContractComplex,
    Counter,
    Customer,
    ListItemRecord,
    Organization,
    SoftwareComplex,
    Synced,
    Ticket,
    User,
)
from sync.server.rejection import Rejected
from sync.sqlite import WRITE

MODELS: dict[Kind, type[Synced]] = {
    Kind.USER: User,
    Kind.LIST_ITEM: ListItemRecord,
    Kind.SOFTWARE_COMPLEX: SoftwareComplex,
    Kind.COMPONENT: Component,
    Kind.ORGANIZATION: Organization,
    Kind.CUSTOMER: Customer,
    Kind.CONTACT: Contact,
    Kind.CONTRACT: Contract,
    Kind.TICKET: Ticket,
    Kind.ATTACHMENT: Attachment,
}
HIDDEN = frozenset({"id", "version", "change_seq", "deleted_at", "password_hash"})
# fields that point at other records: a mutation may only point at one that exists
REFERENCES: dict[str, type[Synced]] = {field: MODELS[kind] for field, kind in RECORD_REFERENCES.items()}
# kinds whose creation is more than storing the checked fields (numbering, routing, mail …)
CREATORS: dict[Kind, Callable[[Session, User, uuid.UUID, dict[str, Any]], Synced]] = {
    Kind.TICKET: tickets.create,
    Kind.CONTRACT: reference_admin.create_contract,
    # T12: whoever may change a ticket may add files to it
    Kind.ATTACHMENT: attachments.creator(lambda user, ticket: _may_change(user, Kind.TICKET, ticket, Operation.UPSERT)),
}
# kinds whose changes are written to a history (N5): called with {field: (old, new)} of what changed
AUDITORS: dict[Kind, Callable[[Session, User, Any, dict[str, tuple[Any, Any]]], None]] = {
    Kind.TICKET: tickets.audit_update,
}
ADMIN_ONLY = frozenset({Kind.SOFTWARE_COMPLEX, Kind.COMPONENT, Kind.CONTRACT, Kind.LIST_ITEM, Kind.USER})


# --- records out ----------------------------------------------------------------------------------


def record_out(kind: Kind, obj: Synced, extra: dict[str, Any] | None = None) -> RecordOut:
    columns = obj.__table__.columns  # type: ignore[attr-defined]
    deleted = obj.deleted_at is not None
    data = {} if deleted else {c.key: plain(getattr(obj, c.key)) for c in columns if c.key not in HIDDEN}
    if extra and not deleted:
        data.update(extra)
    return RecordOut(kind=kind, id=obj.id, version=obj.version, seq=obj.change_seq, deleted=deleted, data=data)


def _contract_complexes(session: Session, ids: list[uuid.UUID]) -> dict[str, list[str]]:
    """The complexes of each contract, by the contract's id as text (as a page carries it)."""
    found: dict[str, list[str]] = {str(i): [] for i in ids}
    if ids:
        rows = session.execute(
            select(ContractComplex.contract_id, ContractComplex.complex_id).where(ContractComplex.contract_id.in_(ids))
            .order_by(ContractComplex.complex_id)
        )
        for contract_id, complex_id in rows:
            found[str(contract_id)].append(str(complex_id))
    return found


def snapshot_session(factory: sessionmaker[Session]) -> Session:
    """A session whose first transaction reads one snapshot (REPEATABLE READ on PostgreSQL; a SQLite
    read transaction is a snapshot already)."""
    session = factory()
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    return session


def pull(session: Session, after: int, limit: int) -> ChangesPage:
    """Records changed after ``after``, oldest first, at most ``limit``; deleted ones as tombstones.
    Give it a session fresh from :func:`snapshot_session`, so that every table is read in one
    snapshot: a change committed meanwhile is then either wholly in the page or after it."""
    return ChangesPage.model_validate(pull_page(session, after, limit))


def pull_json(session: Session, after: int, limit: int) -> bytes:
    """:func:`pull` as the body of its answer: the page's values straight to JSON, written as the
    ``ChangesPage`` model writes them (pydantic's serializer: ids as text, moments in ISO 8601 with
    ``Z``) without 5000 models made first — a third of the server's time in a first sync."""
    return to_json(pull_page(session, after, limit))


def pull_page(session: Session, after: int, limit: int) -> dict[str, Any]:
    """:func:`pull`'s page as plain values (a ``ChangesPage``'s fields; ids, moments and dates as the
    driver gives them).

    Two steps, both on the ``change_seq`` indexes: find the page's last number from the numbers
    alone, then read the rows up to it from each table (only the rows that go out are read)."""
    connection = session.connection()  # Core rows: no ORM result machinery for a plain read
    numbers: list[int] = []
    for model in MODELS.values():
        stmt = select(model.change_seq).where(model.change_seq > after).order_by(model.change_seq).limit(limit + 1)
        numbers.extend(connection.scalars(stmt))
    head = int(connection.execute(select(Counter.value).where(Counter.name == COUNTER)).scalar() or 0)
    if not numbers:
        return {"changes": [], "cursor": after, "has_more": False, "head": head}
    numbers.sort()
    upper = numbers[min(limit, len(numbers)) - 1]
    found: list[dict[str, Any]] = []
    for kind, model in MODELS.items():
        found.extend(_records(session, kind, model, after, upper))
    found.sort(key=lambda record: record["seq"])
    return {"changes": found, "cursor": upper, "has_more": len(numbers) > limit, "head": head}


@functools.cache
def _shape(model: type[Synced], dialect: str) -> tuple[list[Any], list[tuple[int, str]], dict[str, int]]:
    """What to select for a model, and the place and key of each column that goes out. PostgreSQL
    gives identifiers as text itself (as ``str(uuid)`` does), which spares a UUID object per value."""
    columns = list(model.__table__.columns)  # type: ignore[attr-defined]
    text_ids = dialect == "postgresql"
    selected = [cast(c, String).label(c.key) if text_ids and isinstance(c.type, Uuid) else c for c in columns]
    keys = [c.key for c in columns]
    out = [(i, key) for i, key in enumerate(keys) if key not in HIDDEN]
    at = {key: keys.index(key) for key in ("id", "version", "change_seq", "deleted_at")}
    return selected, out, at


def _records(session: Session, kind: Kind, model: type[Synced], after: int, upper: int) -> list[dict[str, Any]]:
    connection = session.connection()
    selected, out, at = _shape(model, connection.dialect.name)
    stmt = select(*selected).where(model.change_seq > after, model.change_seq <= upper)
    records: list[dict[str, Any]] = []
    at_id, at_version, at_seq, at_deleted = at["id"], at["version"], at["change_seq"], at["deleted_at"]
    for row in connection.execute(stmt):
        deleted = row[at_deleted] is not None
        data = {} if deleted else {key: row[i] for i, key in out}
        records.append({"kind": kind.value, "id": str(row[at_id]), "version": row[at_version], "seq": row[at_seq],
                        "deleted": deleted, "data": data})
    if kind is Kind.CONTRACT:
        live = [r for r in records if not r["deleted"]]
        complexes = _contract_complexes(session, [uuid.UUID(r["id"]) for r in live])
        for record in live:
            record["data"]["complex_ids"] = complexes[record["id"]]
    return records


# --- push ----------------------------------------------------------------------------------------


def body_hash(m: Mutation) -> str:
    body = {"kind": m.kind, "record_id": str(m.record_id), "op": m.op, "base_version": m.base_version, "data": m.data}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


class _Conflict(Exception):
    def __init__(self, record: RecordOut) -> None:
        super().__init__("conflict")
        self.record = record


def push(session: Session, user: User, request: PushRequest) -> list[MutationResult]:
    if session.get_bind().dialect.name == "sqlite":
        session.commit()  # end the read that authenticated the user, then queue for the write lock
        session.connection(execution_options=WRITE)
    return [_push_one(session, user, m) for m in request.mutations]


def _push_one(session: Session, user: User, m: Mutation) -> MutationResult:
    digest = body_hash(m)
    stored = session.get(AppliedMutation, m.id)
    if stored is not None:
        return _replay(stored, user, m, digest)
    for attempt in (1, 2):
        try:
            with session.begin_nested():
                result = _apply(session, user, m)
                _remember(session, user, m, digest, result)
            return result
        except Rejected as exc:
            result = MutationResult(id=m.id, status=ResultStatus.REJECTED, error=exc.detail)
        except _Conflict as exc:
            result = MutationResult(id=m.id, status=ResultStatus.CONFLICT, record=exc.record)
        except IntegrityError:
            stored = session.get(AppliedMutation, m.id)  # a concurrent replay of the same key won
            if stored is not None:
                return _replay(stored, user, m, digest)
            if attempt == 1:
                continue  # a concurrent push made the same record: this time the merge finds it (T5)
            result = MutationResult(id=m.id, status=ResultStatus.REJECTED, error=ErrorDetail(
                code=ErrorCode.ALREADY_EXISTS, message=message_ru(ErrorCode.ALREADY_EXISTS)))
        break
    # conflicts and rejections are answers too: a replay gets the same answer
    with session.begin_nested():
        _remember(session, user, m, digest, result)
    return result


def _remember(session: Session, user: User, m: Mutation, digest: str, result: MutationResult) -> None:
    """Store the answer under the idempotency key, in the transaction of the change it answers."""
    session.add(AppliedMutation(key=m.id, user_id=user.id, body_hash=digest, result=result.model_dump(mode="json")))
    session.flush()


def _replay(stored: AppliedMutation, user: User, m: Mutation, digest: str) -> MutationResult:
    if stored.user_id != user.id or stored.body_hash != digest:
        code = ErrorCode.IDEMPOTENCY_KEY_REUSED
        return MutationResult(id=m.id, status=ResultStatus.REJECTED,
                              error=ErrorDetail(code=code, message=message_ru(code)))
    return MutationResult.model_validate(stored.result)


def _kind(m: Mutation, user: User) -> Kind:
    try:
        kind = Kind(m.kind)
    except ValueError as exc:
        raise Rejected(ErrorCode.UNKNOWN_KIND, field="kind") from exc
    if kind not in WRITABLE:
        raise Rejected(ErrorCode.NOT_WRITABLE, field="kind")
    if kind in ADMIN_ONLY and not may(user.role, Permission.ADMIN_REFERENCE):
        raise Rejected(ErrorCode.FORBIDDEN)
    return kind


def _may_change(user: User, kind: Kind, obj: Synced, op: Operation) -> bool:
    if user.role == Role.SUPERVISOR:
        return True
    if isinstance(obj, Attachment):  # its author may rename or remove it (the content never changes)
        return obj.created_by == user.id
    if op is Operation.DELETE:
        return False
    if isinstance(obj, Ticket):
        return user.role == Role.SPECIALIST or user.id in (obj.assignee_id, obj.author_id)
    return True


def _apply(session: Session, user: User, m: Mutation) -> MutationResult:
    kind = _kind(m, user)
    model = MODELS[kind]
    record_id = directory.resolve(session, m.record_id) if kind in directory.FILLABLE else m.record_id
    obj = session.get(model, record_id, with_for_update=True)
    if obj is None:
        if m.op is Operation.DELETE or m.base_version is not None:
            raise Rejected(ErrorCode.NOT_FOUND, field="record_id")
        if kind not in CREATABLE:
            raise Rejected(ErrorCode.NOT_WRITABLE)
        values = _validated(session, kind, m.data, creating=True)
        existing = directory.find_duplicate(session, kind, values)
        if existing is not None:  # T5: offer (here: become) the existing record, never a second one
            directory.merge(session, kind, existing, m.record_id, values)
            session.flush()
            return MutationResult(id=m.id, status=ResultStatus.MERGED, record=record_out(kind, existing))
        creator = CREATORS.get(kind)
        obj = creator(session, user, m.record_id, values) if creator is not None else model(id=m.record_id, **values)
        session.add(obj)
    else:
        if not _may_change(user, kind, obj, m.op):
            raise Rejected(ErrorCode.FORBIDDEN)
        if obj.deleted_at is not None or m.base_version != obj.version:
            raise _Conflict(record_out(kind, obj, reference_admin.linked(obj)))
        if m.op is Operation.DELETE:
            obj.deleted_at = datetime.now(UTC)
        else:
            current = reference_admin.writable_values(obj, WRITABLE[kind].model_fields)
            values = _validated(session, kind, {**current, **m.data})
            existing = directory.find_duplicate(session, kind, values, exclude=obj.id)
            if existing is not None:
                field, message = directory.duplicate_message(kind, existing)
                raise Rejected(ErrorCode.ALREADY_EXISTS, message, field)
            reference_admin.write_linked(session, obj, values)  # a contract's complexes
            changed = {f: (getattr(obj, f), v) for f, v in values.items() if getattr(obj, f) != v}
            for field, (_old, value) in changed.items():
                setattr(obj, field, value)
            auditor = AUDITORS.get(kind)
            if auditor is not None:
                auditor(session, user, obj, changed)
    session.flush()
    record = record_out(kind, obj, reference_admin.linked(obj))
    return MutationResult(id=m.id, status=ResultStatus.APPLIED, record=record)


def _validated(session: Session, kind: Kind, data: dict[str, Any], *, creating: bool = False) -> dict[str, Any]:
    model = model_for(kind, creating)
    try:
        values = model.model_validate(data).model_dump()
    except ValidationError as exc:
        field, message = explain(exc, model)
        raise Rejected(ErrorCode.VALIDATION_ERROR, message, field) from exc
    for field, target in REFERENCES.items():
        ref = values.get(field)
        if ref is not None:
            ref = values[field] = directory.resolve(session, ref)
            found = session.get(target, ref)
            if found is None or found.deleted_at is not None:
                raise Rejected(ErrorCode.NOT_FOUND, f"Связанная запись «{field}» не найдена.", field)
    return values
