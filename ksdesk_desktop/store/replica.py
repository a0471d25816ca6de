"""The replica: cached records, the durable outbox and the server's versions kept beside local
changes (S1–S4). Qt-free; every method is one SQLite transaction, called from a worker thread.

* Several changes that belong together (a ticket with its new organization, applicant and files)
  are one unit of work: under :meth:`Replica.batch` they, and every other write to the cache on that
  thread meanwhile, are one SQLite transaction — all land, or none does.

* A local change (:meth:`Replica.change`) updates the cached record and adds an outbox entry in the
  same transaction; an entry the server has never seen absorbs later changes of the same record.
* Pushing takes entries in order (:meth:`next_batch`) and stores the server's answers
  (:meth:`store_results`); an entry leaves the outbox only in the transaction that stores its answer.
* Pulling stores a page of server records together with the cursor (:meth:`apply_page`).
* A record with local changes keeps the server's version in ``shadow``; what the operator sees is
  that version with the outstanding entries laid over it, so a pull never hides a local change and a
  conflict keeps both texts until the operator chooses («Загрузить» or «Оставить моё»).
* The outbox lives in the kept file (``store.db``), which one transaction writes together with the
  cache but not atomically across the two files: at the first open the cache is matched to the
  outbox again (:meth:`Replica.reconcile`), so what the operator sees is what the outbox holds.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Row, Table, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ksdesk_desktop.store.db import LAST_SYNC, LocalStore, write_meta
from ksdesk_desktop.store.schema import CACHE, EntryState, field_columns, outbox, shadow
from ksdesk_desktop.store.search import derived, indexing_new, org_texts, refresh_org_text
from sync import workflow
from sync.ids import new_id
from sync.protocol import ChangesPage, Mutation, MutationResult, Operation, RecordOut, ResultStatus
from sync.records import Kind, creatable, explain, model_for, references_to, writable
from sync.sqlite import json_text
from sync.texts import translate

CURSOR = "sync_cursor"
HEAD = "sync_head"


class InvalidChange(ValueError):
    """A local change that breaks a shared rule; ``message`` is for the operator (Russian)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message, self.field = message, field


@dataclass(frozen=True)
class Problem:
    """An outbox entry waiting for the operator: a conflict or a refusal."""

    key: str
    kind: Kind
    record_id: str
    state: str
    local: dict[str, Any]
    server: dict[str, Any] | None
    error_code: str | None
    error_message: str | None


@dataclass
class ResultCounts:
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    kinds: set[Kind] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)  # T5: local id → the existing record's id


@dataclass
class Batch:
    """One unit of work (:meth:`Replica.batch`): changes made through it are written in one
    transaction with every other write to the cache on this thread until the batch ends. ``kinds``
    collects the kinds of the records it changed, for the views to refresh. Valid only inside its
    ``with`` block."""

    replica: Replica
    kinds: set[Kind] = field(default_factory=set)

    def change(self, kind: Kind, record_id: str | uuid.UUID, data: Mapping[str, Any],
               op: Operation = Operation.UPSERT) -> str:
        key = self.replica.change(kind, record_id, data, op)
        self.kinds.add(kind)
        return key

    def create(self, kind: Kind, data: Mapping[str, Any]) -> str:
        record_id = self.replica.create(kind, data)
        self.kinds.add(kind)
        return record_id

    def act(self, kind: Kind, record_id: str | uuid.UUID, payload: Mapping[str, Any]) -> str:
        key = self.replica.act(kind, record_id, payload)
        self.kinds.add(kind)
        return key


def _upsert_page(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Write a page of server records into a cache table, never replacing a newer record with an older
    one. Straight through the driver: SQLAlchemy's per-row parameter handling cost a third of an
    initial sync of 150 000 records."""
    columns = [c.key for c in table.columns]
    updated = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           f"ON CONFLICT (id) DO UPDATE SET {updated} WHERE excluded.seq >= {table.name}.seq")
    conn.exec_driver_sql(sql, [
        tuple(json_text(row["data"]) if c == "data" else row.get(c) for c in columns) for row in rows
    ])


def _now() -> str:
    return datetime.now(UTC).isoformat()


def overlay(base: Mapping[str, Any] | None, entries: Iterable[Row[Any]]) -> dict[str, Any] | None:
    """The record the operator sees: the server's version with outstanding entries in order
    (``None``: deleted or never created)."""
    data = dict(base) if base is not None else None
    for entry in entries:
        if entry.op == Operation.ACTION:  # W2: what the queued action will do, until the server says
            if data is not None and entry.state == EntryState.PENDING:
                data = workflow.predicted(data, entry.payload)
            continue
        data = None if entry.op == Operation.DELETE else {**(data or {}), **entry.payload}
    return data


class Replica:
    def __init__(self, store: LocalStore, *, requeue_orphans: bool = False) -> None:
        """``requeue_orphans``: the kept file was lost or damaged — a record with local changes but no
        outbox entry is queued again from the cache's copy (:meth:`reconcile`)."""
        self.store = store
        self.engine = store.engine
        self._batches = threading.local()  # the unit of work open on each thread, if any
        self.requeued = 0
        if not store.reconciled:
            self.requeued = self.reconcile(requeue_orphans)
            store.reconciled = True

    # --- the cache matched to the kept outbox -------------------------------------------------------

    def reconcile(self, requeue_orphans: bool = False) -> int:
        """Make the cache show what the outbox holds: a record with local changes but no entry (the
        cache's half of a transaction whose outbox half did not reach the disk) returns to the server's
        version — or, with ``requeue_orphans``, is queued again from its copy; a record with entries
        but no local view (a cache rebuilt, or the other half lost) gets its view, if it was made here
        (one changed on the server gets it when the pull brings it). Returns how many were queued."""
        requeued = 0
        with self.store.write() as conn:
            first: dict[tuple[str, str], int | None] = {}
            for entry in conn.execute(select(outbox.c.kind, outbox.c.record_id, outbox.c.base_version)
                                      .order_by(outbox.c.seq)):
                first.setdefault((entry.kind, entry.record_id), entry.base_version)
            for name, table in CACHE.items():
                kind = Kind(name)
                local: list[str] = list(conn.execute(select(table.c.id).where(table.c.local.is_(True))).scalars())
                for record_id in local:
                    if (name, record_id) in first:
                        continue
                    if requeue_orphans and self._requeue(conn, kind, record_id):
                        requeued += 1
                    else:
                        self._refresh_view(conn, kind, record_id)
            for (name, record_id), base_version in first.items():
                table = CACHE[name]
                row = conn.execute(select(table.c.local, table.c.version, table.c.seq, table.c.data)
                                   .where(table.c.id == record_id)).first()
                if (row is not None and row.local) or (row is None and base_version is not None):
                    continue
                if row is not None and row.version > 0:
                    conn.execute(sqlite_insert(shadow).values(
                        kind=name, id=record_id, version=row.version, seq=row.seq, deleted=False, data=row.data,
                    ).on_conflict_do_nothing())
                self._refresh_view(conn, Kind(name), record_id)
        return requeued

    def _requeue(self, conn: Connection, kind: Kind, record_id: str) -> bool:
        """Queue a record's local changes again from the cache's copy (its outbox entry was lost):
        made here — created again; changed here — the fields that differ from the server's version."""
        table = CACHE[kind]
        data = conn.execute(select(table.c.data).where(table.c.id == record_id)).scalar()
        base = conn.execute(select(shadow).where(shadow.c.kind == kind, shadow.c.id == record_id)).first()
        try:
            if base is None or base.deleted:
                if not creatable(kind):
                    return False
                fields = model_for(kind, creating=True).model_fields
                payload = self._validated(kind, None, {k: v for k, v in (data or {}).items() if k in fields})
                base_version = None
            else:
                fields = model_for(kind, creating=False).model_fields
                changes = {k: v for k, v in (data or {}).items() if k in fields and base.data.get(k) != v}
                if not changes:
                    return False
                payload = self._validated(kind, base.data, changes)
                base_version = base.version
        except InvalidChange:
            return False
        conn.execute(insert(outbox).values(
            key=str(new_id()), kind=kind, record_id=record_id, op=Operation.UPSERT, base_version=base_version,
            payload=payload, state=EntryState.PENDING, sent=False, created_at=_now(),
        ))
        return True

    # --- reading ------------------------------------------------------------------------------

    def get(self, kind: Kind, record_id: str | uuid.UUID) -> dict[str, Any] | None:
        table = CACHE[kind]
        with self.engine.connect() as conn:
            row = conn.execute(select(table.c.data, table.c.version).where(table.c.id == str(record_id))).first()
        return None if row is None else {**row.data, "id": str(record_id), "version": row.version}

    def count(self, kind: Kind) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(CACHE[kind])).scalar_one())

    def server_version(self, kind: Kind, record_id: str | uuid.UUID) -> dict[str, Any] | None:
        """The server's version of a record with local changes (None when it has none)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(shadow).where(shadow.c.kind == kind, shadow.c.id == str(record_id))).first()
        return None if row is None or row.deleted else dict(row.data)

    def cursor(self) -> int:
        value = self.store.get_meta(CURSOR)
        return int(value) if value else 0

    def pending_count(self) -> int:
        return self.store.pending_count()

    def problems(self) -> list[Problem]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(outbox).where(outbox.c.state != EntryState.PENDING).order_by(outbox.c.seq)
            ).all()
        return [
            Problem(r.key, Kind(r.kind), r.record_id, r.state, dict(r.payload),
                    (r.server_record or {}).get("data") if r.server_record else None, r.error_code, r.error_message)
            for r in rows
        ]

    # --- local changes (S2) ---------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        """A unit of work: ``with replica.batch() as batch:`` — every change through ``batch`` (and any
        other write to this cache on this thread, such as a file's row or a draft's deletion) is one
        SQLite transaction, committed when the block ends; if anything inside raises, nothing is
        written. A batch opened inside another on the same thread is that one."""
        outer: Batch | None = getattr(self._batches, "open", None)
        if outer is not None:
            yield outer
            return
        with self.store.write():
            self._batches.open = batch = Batch(self)
            try:
                yield batch
            finally:
                self._batches.open = None

    def create(self, kind: Kind, data: Mapping[str, Any]) -> str:
        """A new record made here; returns its id (the server keeps it)."""
        if not creatable(kind):
            raise InvalidChange(translate("Replica", "Такие записи создаются только на сервере."), "kind")
        record_id = str(new_id())
        self.change(kind, record_id, data)
        return record_id

    def change(self, kind: Kind, record_id: str | uuid.UUID, data: Mapping[str, Any],
               op: Operation = Operation.UPSERT) -> str:
        """Change (or delete) a record locally and queue it for the server, in one transaction.
        Returns the outbox entry's idempotency key."""
        record_id = str(record_id)
        if not writable(kind):
            raise InvalidChange(translate("Replica", "Эти записи нельзя изменять."), "kind")
        with self.store.write() as conn:
            table = CACHE[kind]
            row = conn.execute(select(table).where(table.c.id == record_id)).first()
            entries = self._entries(conn, kind, record_id)
            if row is None and not entries and (op is Operation.DELETE or not creatable(kind)):
                raise InvalidChange(translate("Replica", "Запись не найдена: возможно, её уже удалили."), "record_id")
            if row is not None and not row.local and row.version > 0:
                conn.execute(sqlite_insert(shadow).values(
                    kind=kind, id=record_id, version=row.version, seq=row.seq, deleted=False, data=row.data,
                ).on_conflict_do_nothing())
            payload = {} if op is Operation.DELETE else self._validated(kind, row.data if row else None, data)
            last = entries[-1] if entries else None
            if last is not None and self._absorbs(last, op):
                if op is Operation.DELETE and last.base_version is None and not last.sent and len(entries) == 1:
                    conn.execute(delete(outbox).where(outbox.c.seq == last.seq))  # never reached the server
                    key = str(last.key)
                else:
                    merged = {} if op is Operation.DELETE else {**last.payload, **payload}
                    key = str(last.key) if last.state == EntryState.PENDING else str(new_id())
                    conn.execute(update(outbox).where(outbox.c.seq == last.seq).values(
                        key=key, op=op, payload=merged, state=EntryState.PENDING, sent=False, error_code=None,
                        error_message=None,
                    ))
            else:
                key = str(new_id())
                base = self._server_version(conn, kind, record_id)
                conn.execute(insert(outbox).values(
                    key=key, kind=kind, record_id=record_id, op=op, base_version=base, payload=payload,
                    state=EntryState.PENDING, sent=False, created_at=_now(),
                ))
            self._refresh_view(conn, kind, record_id)
        return key

    def act(self, kind: Kind, record_id: str | uuid.UUID, payload: Mapping[str, Any]) -> str:
        """Queue an action on a record (W2: a ticket's ``{"action": …, "text": …}``, judged by the server
        through ``sync.workflow``), in one transaction with its predicted effect on the cached record.
        An action is an entry of its own: it never takes in, nor is taken into, another change."""
        record_id = str(record_id)
        with self.store.write() as conn:
            table = CACHE[kind]
            row = conn.execute(select(table).where(table.c.id == record_id)).first()
            if row is None:
                raise InvalidChange(translate("Replica", "Запись не найдена: возможно, её уже удалили."), "record_id")
            if not row.local and row.version > 0:
                conn.execute(sqlite_insert(shadow).values(
                    kind=kind, id=record_id, version=row.version, seq=row.seq, deleted=False, data=row.data,
                ).on_conflict_do_nothing())
            key = str(new_id())
            conn.execute(insert(outbox).values(
                key=key, kind=kind, record_id=record_id, op=Operation.ACTION,
                base_version=self._server_version(conn, kind, record_id), payload=dict(payload),
                state=EntryState.PENDING, sent=False, created_at=_now(),
            ))
            self._refresh_view(conn, kind, record_id)
        return key

    @staticmethod
    def _absorbs(entry: Row[Any], op: Operation) -> bool:
        """An entry the server has never seen, or one it refused, takes in a later change."""
        if Operation.ACTION in (entry.op, op) or entry.op == Operation.DELETE:
            return False
        unseen = entry.state == EntryState.PENDING and not entry.sent
        return unseen or entry.state == EntryState.REJECTED

    @staticmethod
    def _validated(kind: Kind, current: Mapping[str, Any] | None, changes: Mapping[str, Any]) -> dict[str, Any]:
        """The changed writable fields, checked by the shared rule (the server checks them again)."""
        model = model_for(kind, creating=current is None)
        unknown = set(changes) - set(model.model_fields)
        if unknown:
            first = sorted(unknown)[0]
            raise InvalidChange(translate("Replica", "Поле «{field}» нельзя изменять.").format(field=first), first)
        merged = {k: v for k, v in (current or {}).items() if k in model.model_fields and v is not None}
        merged.update(changes)
        try:
            valid = model.model_validate(merged).model_dump(mode="json")
        except ValidationError as exc:
            name, message = explain(exc, model)
            raise InvalidChange(message, name) from exc
        if current is None:
            return valid
        return {k: v for k, v in valid.items() if k in changes or current.get(k) != v}

    @staticmethod
    def _entries(conn: Connection, kind: Kind, record_id: str) -> list[Row[Any]]:
        stmt = select(outbox).where(outbox.c.kind == kind, outbox.c.record_id == record_id).order_by(outbox.c.seq)
        return list(conn.execute(stmt).all())

    @staticmethod
    def _server_version(conn: Connection, kind: Kind, record_id: str) -> int | None:
        version = conn.execute(
            select(shadow.c.version).where(shadow.c.kind == kind, shadow.c.id == record_id, shadow.c.deleted.is_(False))
        ).scalar()
        return int(version) if version else None

    def _refresh_view(self, conn: Connection, kind: Kind, record_id: str) -> None:
        """Rewrite the cached record from the server's version and the outstanding entries."""
        base = conn.execute(select(shadow).where(shadow.c.kind == kind, shadow.c.id == record_id)).first()
        entries = self._entries(conn, kind, record_id)
        table = CACHE[kind]
        if not entries:
            conn.execute(delete(shadow).where(shadow.c.kind == kind, shadow.c.id == record_id))
        data = overlay(None if base is None or base.deleted else base.data, entries)
        if data is None:
            conn.execute(delete(table).where(table.c.id == record_id))
            return
        values = self._row(kind, record_id, base.version if base else 0, base.seq if base else 0, data)
        values["local"] = bool(entries)
        if kind is Kind.TICKET:
            self._with_org_text(conn, [values], [])
        with indexing_new(conn, kind, table.name):
            conn.execute(sqlite_insert(table).values(values).on_conflict_do_update(index_elements=["id"],
                                                                                   set_=values))
        if kind is Kind.ORGANIZATION:
            refresh_org_text(conn, [record_id])

    @staticmethod
    def _row(kind: Kind, record_id: str, version: int, seq: int, data: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {"id": record_id, "version": version, "seq": seq, "local": False, "data": data}
        for name in field_columns(kind):
            value = data.get(name)
            values[name] = value if value is None or isinstance(value, str | int) else json.dumps(value)
        values.update(derived(kind, data))
        return values

    # --- the operator's choices (S4) --------------------------------------------------------------

    def revert(self, kind: Kind, record_id: str | uuid.UUID) -> int:
        """«Загрузить»: take the server's version and drop the local changes of this record (also how
        a refused change is discarded). Returns how many entries were dropped."""
        record_id = str(record_id)
        with self.store.write() as conn:
            base = conn.execute(select(shadow).where(shadow.c.kind == kind, shadow.c.id == record_id)).first()
            dropped = conn.execute(
                delete(outbox).where(outbox.c.kind == kind, outbox.c.record_id == record_id)
            ).rowcount
            if base is None:  # never reached the server: nothing to return to
                conn.execute(delete(CACHE[kind]).where(CACHE[kind].c.id == record_id))
            else:
                self._refresh_view(conn, kind, record_id)
        return int(dropped or 0)

    def keep_mine(self, key: str) -> str:
        """«Оставить моё»: send the conflicting change again, now based on the server's version.
        Returns the entry's new idempotency key (the old one is answered already)."""
        new_key = str(new_id())
        with self.store.write() as conn:
            entry = conn.execute(select(outbox).where(outbox.c.key == key)).first()
            if entry is None or entry.state != EntryState.CONFLICT:
                raise InvalidChange(translate("Replica", "Конфликт уже разрешён."))
            base = self._server_version(conn, Kind(entry.kind), entry.record_id)
            op = entry.op if base is not None or entry.op == Operation.ACTION else Operation.UPSERT
            if base is None and entry.op == Operation.DELETE:  # deleted on the server too: nothing to do
                conn.execute(delete(outbox).where(outbox.c.seq == entry.seq))
                self._refresh_view(conn, Kind(entry.kind), entry.record_id)
                return new_key
            payload = entry.payload
            if base is None:  # deleted on the server: restoring means creating it again with all fields
                row = conn.execute(select(CACHE[Kind(entry.kind)].c.data).where(
                    CACHE[Kind(entry.kind)].c.id == entry.record_id)).scalar()
                fields = model_for(Kind(entry.kind), creating=False).model_fields
                payload = self._validated(Kind(entry.kind), None, {k: v for k, v in (row or {}).items() if k in fields})
            conn.execute(update(outbox).where(outbox.c.seq == entry.seq).values(
                key=new_key, op=op, base_version=base, payload=payload, state=EntryState.PENDING, sent=False,
                server_record=None, error_code=None, error_message=None,
            ))
        return new_key

    # --- push (S2) ------------------------------------------------------------------------------

    def next_batch(self, limit: int) -> list[Mutation]:
        """The next entries to send, in order, at most one per record (the next one is based on the
        answer to this one); records waiting for the operator are held back. Marks them sent."""
        with self.store.write() as conn:
            held = {
                (r.kind, r.record_id) for r in conn.execute(
                    select(outbox.c.kind, outbox.c.record_id).where(outbox.c.state != EntryState.PENDING)
                )
            }
            rows = conn.execute(
                select(outbox).where(outbox.c.state == EntryState.PENDING).order_by(outbox.c.seq)
            ).all()
            batch: list[Row[Any]] = []
            taken: set[tuple[str, str]] = set()
            for row in rows:
                record = (row.kind, row.record_id)
                if record in held:
                    continue
                if record in taken or len(batch) == limit:
                    break
                taken.add(record)
                batch.append(row)
            if batch:
                conn.execute(update(outbox).where(outbox.c.seq.in_([r.seq for r in batch])).values(sent=True))
        return [
            Mutation(id=uuid.UUID(r.key), kind=r.kind, record_id=uuid.UUID(r.record_id), op=Operation(r.op),
                     base_version=r.base_version, data=r.payload)
            for r in batch
        ]

    def store_results(self, results: Iterable[MutationResult]) -> ResultCounts:
        counts = ResultCounts()
        with self.store.write() as conn:
            for result in results:
                entry = conn.execute(select(outbox).where(outbox.c.key == str(result.id))).first()
                if entry is None:
                    continue  # discarded by the operator meanwhile
                kind = Kind(entry.kind)
                counts.kinds.add(kind)
                if result.status is ResultStatus.APPLIED:
                    counts.applied += 1
                    conn.execute(delete(outbox).where(outbox.c.seq == entry.seq))
                    if result.record is not None:
                        self._keep_server_version(conn, result.record)
                        conn.execute(update(outbox).where(
                            outbox.c.kind == kind, outbox.c.record_id == entry.record_id,
                            outbox.c.state == EntryState.PENDING,
                        ).values(base_version=None if result.record.deleted else result.record.version))
                elif result.status is ResultStatus.MERGED and result.record is not None:
                    counts.applied += 1  # T5: it existed already; from now on it is that record
                    conn.execute(delete(outbox).where(outbox.c.seq == entry.seq))
                    self._keep_server_version(conn, result.record)
                    self._repoint(conn, kind, entry.record_id, result.record)
                    counts.merged[entry.record_id] = str(result.record.id)
                    self._refresh_view(conn, kind, str(result.record.id))
                    continue
                elif result.status is ResultStatus.CONFLICT:
                    counts.conflicts += 1
                    record = result.record
                    conn.execute(update(outbox).where(outbox.c.seq == entry.seq).values(
                        state=EntryState.CONFLICT, server_record=record.model_dump(mode="json") if record else None,
                    ))
                    if record is not None:
                        self._keep_server_version(conn, record)
                else:
                    counts.rejected += 1
                    error = result.error
                    conn.execute(update(outbox).where(outbox.c.seq == entry.seq).values(
                        state=EntryState.REJECTED, error_code=error.code if error else "rejected",
                        error_message=error.message if error else None,
                    ))
                self._refresh_view(conn, kind, entry.record_id)
        return counts

    def _repoint(self, conn: Connection, kind: Kind, old: str, record: RecordOut) -> None:
        """A record made here turned out to duplicate ``record`` (T5): drop the local copy and point
        everything at the existing one: its later entries, and the records and entries that refer to it."""
        new = str(record.id)
        conn.execute(delete(CACHE[kind]).where(CACHE[kind].c.id == old))
        conn.execute(delete(shadow).where(shadow.c.kind == kind, shadow.c.id == old))
        conn.execute(update(outbox).where(outbox.c.kind == kind, outbox.c.record_id == old).values(
            record_id=new, base_version=record.version,
        ))
        fields = references_to(kind)
        for entry in conn.execute(select(outbox.c.seq, outbox.c.payload)).all():
            if any(entry.payload.get(name) == old for name in fields):
                payload = {k: new if k in fields and v == old else v for k, v in entry.payload.items()}
                conn.execute(update(outbox).where(outbox.c.seq == entry.seq).values(payload=payload))
        for table in CACHE.values():
            for name in fields:
                if name not in table.c:
                    continue
                for row in conn.execute(select(table.c.id, table.c.data).where(table.c[name] == old)).all():
                    conn.execute(update(table).where(table.c.id == row.id).values(
                        {name: new, "data": {**row.data, name: new}}))
        if kind is Kind.ORGANIZATION:
            refresh_org_text(conn, [new])

    @staticmethod
    def _keep_server_version(conn: Connection, record: RecordOut) -> None:
        values = {"version": record.version, "seq": record.seq, "deleted": record.deleted, "data": record.data}
        stmt = sqlite_insert(shadow).values(kind=record.kind, id=str(record.id), **values)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=["kind", "id"], set_=values, where=stmt.excluded.seq >= shadow.c.seq,
        ))

    # --- pull (S3) ------------------------------------------------------------------------------

    def apply_page(self, page: ChangesPage) -> set[Kind]:
        """Store a page of server records and the cursor after it, in one transaction."""
        kinds: set[Kind] = set()
        with self.store.write() as conn:
            local = {(r.kind, r.record_id) for r in conn.execute(select(outbox.c.kind, outbox.c.record_id))}
            upserts: dict[Kind, list[dict[str, Any]]] = {}
            deletions: dict[Kind, list[str]] = {}
            for record in page.changes:
                try:
                    kind = Kind(record.kind)
                except ValueError:
                    continue  # a kind this version does not know yet: the next version will pull it again
                kinds.add(kind)
                record_id = str(record.id)
                if (kind, record_id) in local:
                    self._keep_server_version(conn, record)
                    self._refresh_view(conn, kind, record_id)
                elif record.deleted:
                    deletions.setdefault(kind, []).append(record_id)
                else:
                    upserts.setdefault(kind, []).append(self._row(kind, record_id, record.version, record.seq,
                                                                  record.data))
            tickets = upserts.pop(Kind.TICKET, None)
            if tickets is not None:  # after the organizations they may point at (N5: found by them)
                upserts[Kind.TICKET] = tickets
                self._with_org_text(conn, tickets, upserts.get(Kind.ORGANIZATION, []))
            for kind, rows in upserts.items():
                table = CACHE[kind]
                with indexing_new(conn, kind, table.name):
                    _upsert_page(conn, table, rows)
            if Kind.ORGANIZATION in upserts:
                refresh_org_text(conn, (r["id"] for r in upserts[Kind.ORGANIZATION]))
            for kind, ids in deletions.items():
                table = CACHE[kind]
                for start in range(0, len(ids), 500):
                    conn.execute(delete(table).where(table.c.id.in_(ids[start:start + 500])))
            write_meta(conn, CURSOR, str(page.cursor))
            write_meta(conn, HEAD, str(max(page.head, page.cursor)))
        return kinds

    @staticmethod
    def _with_org_text(conn: Connection, tickets: list[dict[str, Any]], organizations: list[dict[str, Any]]) -> None:
        """Fill the tickets' copy of their organization's search text (organizations of the same
        page first: they are not written yet)."""
        texts = {r["id"]: r.get("search_text") for r in organizations}
        texts.update(org_texts(conn, {str(r.get("organization_id") or "") for r in tickets} - texts.keys()))
        for row in tickets:
            row["org_text"] = texts.get(str(row.get("organization_id") or ""))

    def mark_synced(self) -> datetime:
        now = datetime.now(UTC)
        with self.store.write() as conn:
            write_meta(conn, LAST_SYNC, now.isoformat())
        return now

