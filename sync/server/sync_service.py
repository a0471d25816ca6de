"""Pull (changes after a cursor) and push (outbox entries applied exactly once) — S2, S3, S4."""

from __future__ import annotations

import hashlib
import json
import logging
import typing
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from pydantic_core import to_json
from sqlalchemy import String, Uuid, cast, select
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError, StatementError
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
from sync.records import Kind, KindSpec, explain
from sync.records import spec as spec_of
from sync.server import directory, field_rules, reference_admin, workflow
from sync.server.changes import COUNTER
from sync.server.kinds import KINDS
from sync.server.models import AppliedMutation, Counter, Synced, User
from sync.server.rejection import Rejected
from sync.sqlite import WRITE
from sync.text import unencodable

log = logging.getLogger(__name__)

HIDDEN = frozenset({"id", "version", "change_seq", "deleted_at", "password_hash"})


# --- records out ----------------------------------------------------------------------------------


def record_out(kind: Kind, obj: Synced, extra: dict[str, Any] | None = None) -> RecordOut:
    columns = obj.__table__.columns  # type: ignore[attr-defined]
    deleted = obj.deleted_at is not None
    data = {} if deleted else {c.key: plain(getattr(obj, c.key)) for c in columns if c.key not in HIDDEN}
    if extra and not deleted:
        data.update(extra)
    return RecordOut(kind=kind, id=obj.id, version=obj.version, seq=obj.change_seq, deleted=deleted, data=data)


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
    for model in (k.model for k in list(KINDS.values())):
        stmt = select(model.change_seq).where(model.change_seq > after).order_by(model.change_seq).limit(limit + 1)
        numbers.extend(connection.scalars(stmt))
    head = int(connection.execute(select(Counter.value).where(Counter.name == COUNTER)).scalar() or 0)
    if not numbers:
        return {"changes": [], "cursor": after, "has_more": False, "head": head}
    numbers.sort()
    upper = numbers[min(limit, len(numbers)) - 1]
    found: list[dict[str, Any]] = []
    for kind in list(KINDS):
        found.extend(_records(session, kind, after, upper))
    found.sort(key=lambda record: record["seq"])
    return {"changes": found, "cursor": upper, "has_more": len(numbers) > limit, "head": head}


Shape = tuple[list[Any], list[tuple[int, str]], dict[str, int]]
_SHAPES: dict[tuple[type[Synced], str], Shape] = {}


def _shape(model: type[Synced], dialect: str) -> Shape:
    """What to select for a model, and the place and key of each column that goes out (made once per
    model). PostgreSQL gives identifiers as text itself (as ``str(uuid)`` does), which spares a UUID
    object per value."""
    known = _SHAPES.get((model, dialect))
    if known is not None:
        return known
    columns = list(model.__table__.columns)  # type: ignore[attr-defined]
    text_ids = dialect == "postgresql"
    selected = [cast(c, String).label(c.key) if text_ids and isinstance(c.type, Uuid) else c for c in columns]
    keys = [c.key for c in columns]
    out = [(i, key) for i, key in enumerate(keys) if key not in HIDDEN]
    at = {key: keys.index(key) for key in ("id", "version", "change_seq", "deleted_at")}
    _SHAPES[(model, dialect)] = shape = (selected, out, at)
    return shape


def _records(session: Session, kind: str, after: int, upper: int) -> list[dict[str, Any]]:
    server_kind = KINDS[kind]
    model = server_kind.model
    connection = session.connection()
    selected, out, at = _shape(model, connection.dialect.name)
    stmt = select(*selected).where(model.change_seq > after, model.change_seq <= upper)
    records: list[dict[str, Any]] = []
    at_id, at_version, at_seq, at_deleted = at["id"], at["version"], at["change_seq"], at["deleted_at"]
    for row in connection.execute(stmt):
        deleted = row[at_deleted] is not None
        data = {} if deleted else {key: row[i] for i, key in out}
        records.append({"kind": str(kind), "id": str(row[at_id]), "version": row[at_version], "seq": row[at_seq],
                        "deleted": deleted, "data": data})
    if server_kind.pull_extra is not None:
        server_kind.pull_extra(session, records)
    return records


# --- push ----------------------------------------------------------------------------------------


def body_hash(m: Mutation) -> str:
    body = {"kind": m.kind, "record_id": str(m.record_id), "op": m.op, "base_version": m.base_version, "data": m.data}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()  # a lone surrogate hashes too


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
        except (StatementError, UnicodeError, ValueError, OverflowError) as exc:
            if isinstance(exc, OperationalError | InterfaceError):
                raise  # the database itself failed (gone, locked …): the whole push is retried
            # the database or its driver cannot take this entry: it alone is refused, the batch goes on
            log.warning("push entry %s (%s %s) refused: the database cannot store it", m.id, m.kind, m.record_id,
                        exc_info=exc)
            result = MutationResult(id=m.id, status=ResultStatus.REJECTED, error=ErrorDetail(
                code=ErrorCode.INVALID_DATA, message=message_ru(ErrorCode.INVALID_DATA)))
        break
    # conflicts and rejections are answers too: a replay gets the same answer
    try:
        with session.begin_nested():
            _remember(session, user, m, digest, result)
    except (StatementError, UnicodeError, ValueError, OverflowError) as exc:
        if isinstance(exc, OperationalError | InterfaceError):
            raise
        log.warning("the answer to push entry %s could not be stored; a replay is judged again", m.id, exc_info=exc)
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


def _kind(m: Mutation, user: User) -> tuple[Kind, KindSpec]:
    """The kind of an entry and its declaration, once the user may write it at all."""
    try:
        kind = Kind(m.kind)
    except ValueError as exc:
        raise Rejected(ErrorCode.UNKNOWN_KIND, field="kind") from exc
    spec = spec_of(kind)
    if spec.update is None:
        raise Rejected(ErrorCode.NOT_WRITABLE, field="kind")
    if not spec.access.may_write(user.role):
        raise Rejected(ErrorCode.FORBIDDEN)
    return kind, spec


def _unstorable(data: Any, field: str = "") -> str | None:
    """The field of the first text in ``data`` that cannot even be named in an answer: a lone surrogate
    (no UTF-8 for it) in a value, or a NUL or lone surrogate in a key. None when there is none; ``""``
    for a bad key. A NUL or another control character in a value is the shared text rule's to refuse
    (``sync.text``: ``validation_error`` naming the field); whatever still cannot be stored fails in
    the entry's savepoint and is refused alone."""
    if isinstance(data, str):
        return field if unencodable(data) else None
    if isinstance(data, dict):
        values = [(v, str(k)) for k, v in data.items()]
        for key in map(str, data):
            if "\x00" in key or unencodable(key):
                return ""
    elif isinstance(data, list):
        values = [(v, field) for v in data]
    else:
        return None
    return next((bad for value, name in values if (bad := _unstorable(value, name)) is not None), None)


def _apply(session: Session, user: User, m: Mutation) -> MutationResult:
    kind, spec = _kind(m, user)
    bad = _unstorable(m.data)
    if bad is not None:
        raise Rejected(ErrorCode.INVALID_DATA, field=bad or None)
    if m.op is Operation.ACTION:  # W2, W3: through the one status machine, never a field write
        ticket = workflow.act(session, user, m)
        session.flush()
        return MutationResult(id=m.id, status=ResultStatus.APPLIED, record=record_out(kind, ticket))
    model = KINDS[kind].model
    record_id = directory.resolve(session, kind, m.record_id) if kind in directory.FILLABLE else m.record_id
    obj = session.get(model, record_id, with_for_update=True)
    if obj is None:
        if m.op is Operation.DELETE or m.base_version is not None:
            raise Rejected(ErrorCode.NOT_FOUND, field="record_id")
        if not spec.creatable:
            raise Rejected(ErrorCode.NOT_WRITABLE)
        if directory.id_taken(session, m.record_id):  # a record of another kind, or an alias: never merge
            raise Rejected(ErrorCode.ID_TAKEN, field="record_id")
        obj, status = _create(session, user, kind, spec, m)
    else:
        obj, status = _change(session, user, kind, spec, m, obj), ResultStatus.APPLIED
    session.flush()
    return MutationResult(id=m.id, status=status, record=record_out(kind, obj, reference_admin.linked(obj)))


def _columns(kind: Kind) -> list[str]:
    return [c.key for c in KINDS[kind].model.__table__.columns]  # type: ignore[attr-defined]


def _create(session: Session, user: User, kind: Kind, spec: KindSpec, m: Mutation) -> tuple[Synced, ResultStatus]:
    """A new record (its fields checked against the role first, ``sync.roles``); or, when it duplicates
    one (T5), the answer ``merged`` with that record — which a deleted one gets only from a role that
    may revive it."""
    server_kind, model = KINDS[kind], spec.model(creating=True)
    field_rules.check_creation(spec.access, user.role, m.data, model, _columns(kind))
    values = _resolved(session, spec, _model_values(spec, m.data, creating=True))
    field_rules.check_created(spec.access, user.role, values, model)
    _check_references(session, spec, values)
    existing = directory.find_duplicate(session, kind, values)
    if existing is not None:  # T5: offer (here: become) the existing record, never a second one
        if existing.deleted_at is not None and not spec.access.may_revive(user.role):
            field, message = directory.deleted_message(kind, existing)
            raise Rejected(ErrorCode.DELETED, message, field)
        directory.merge(session, kind, existing, m.record_id, values)
        return existing, ResultStatus.MERGED
    if server_kind.creator is not None:
        obj = server_kind.creator(session, user, m.record_id, values)
    else:  # a declarative model takes its columns as keywords (the mixin's type does not say so)
        obj = typing.cast(Callable[..., Synced], server_kind.model)(id=m.record_id, **values)
    session.add(obj)
    return obj, ResultStatus.APPLIED


def _change(session: Session, user: User, kind: Kind, spec: KindSpec, m: Mutation, obj: Synced) -> Synced:
    """A change, deletion or revival of an existing record, by a user the kind's rules let do it."""
    access, deleting = spec.access, m.op is Operation.DELETE
    if not access.may_change(user.role, user.id, obj, deleting=deleting):
        raise Rejected(ErrorCode.FORBIDDEN)
    if m.base_version != obj.version or (obj.deleted_at is not None and deleting):
        raise _Conflict(record_out(kind, obj, reference_admin.linked(obj)))
    if obj.deleted_at is not None:  # an upsert based on the tombstone: bring the record back
        if not access.may_revive(user.role):
            raise Rejected(ErrorCode.DELETED, field="record_id")
        obj.deleted_at = None
    if deleting:
        obj.deleted_at = datetime.now(UTC)
        return obj
    model = spec.model(creating=False)
    data = field_rules.unchanged_dropped(access, user.role, obj, m.data, model, _columns(kind))
    current = reference_admin.writable_values(obj, model.model_fields)
    values = _resolved(session, spec, _model_values(spec, {**current, **data}))
    field_rules.check_changes(access, user.role, current, values, model)
    _check_references(session, spec, values)
    existing = directory.find_duplicate(session, kind, values, exclude=obj.id)
    if existing is not None:
        field, message = directory.duplicate_message(kind, existing)
        raise Rejected(ErrorCode.ALREADY_EXISTS, message, field)
    reference_admin.write_linked(session, obj, values)  # a contract's complexes
    changed = {f: (getattr(obj, f), v) for f, v in values.items() if getattr(obj, f) != v}
    for field, (_old, value) in changed.items():
        setattr(obj, field, value)
    auditor = KINDS[kind].auditor
    if auditor is not None:
        auditor(session, user, obj, changed)
    return obj


def _model_values(spec: KindSpec, data: dict[str, Any], *, creating: bool = False) -> dict[str, Any]:
    model = spec.model(creating)
    try:
        return model.model_validate(data).model_dump()
    except ValidationError as exc:
        field, message = explain(exc, model)
        raise Rejected(ErrorCode.VALIDATION_ERROR, message, field) from exc


def _resolved(session: Session, spec: KindSpec, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with each id that points at a merged record replaced by the record's (an alias
    answers only for the kind its field names)."""
    for field, target in spec.references.items():
        if values.get(field) is not None:
            values[field] = directory.resolve(session, target, values[field])
    return values


def _check_references(session: Session, spec: KindSpec, values: dict[str, Any]) -> None:
    """Each id that points at another record names a live record of the kind its field names."""
    for field, target in spec.references.items():
        ref = values.get(field)
        if ref is not None:
            found = session.get(KINDS[target].model, ref)
            if found is None or found.deleted_at is not None:
                raise Rejected(ErrorCode.NOT_FOUND, f"Связанная запись «{field}» не найдена.", field)
