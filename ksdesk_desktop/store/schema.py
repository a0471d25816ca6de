"""Tables of the local cache (SQLAlchemy Core).

Every synced kind has a cache table holding what the operator sees: the server's record with the
operator's not yet confirmed changes laid over it. Its ``data`` column is the whole record as JSON;
a few fields are copied into columns so lists can sort, filter and search with indexes. When a
record has local changes, the server's own version is kept beside it in ``shadow``, so neither
side is ever overwritten silently (S4).

Each kind's table, its copied columns and indexes, and what offline search reads of it are declared
once, by :func:`declare` (a :class:`CacheKind` in ``KINDS``; ``CACHE`` gives the tables by kind).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Index, Integer, MetaData, String, Table, Text

from sync.records import Kind

metadata = MetaData()
# What cannot be downloaded again — the outbox, drafts and the local files of attachments — lives in a
# file of its own, attached to every connection of the cache under this name (``store.db``): damage to
# the cache, which is rebuilt from the server, cannot take it.
KEEP = "keep"

meta = Table(
    "meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)


class EntryState:
    PENDING = "pending"  # to be sent (or re-sent: ``sent`` says whether the server may have seen it)
    CONFLICT = "conflict"  # the server holds a newer version; waits for the operator («Загрузить»)
    REJECTED = "rejected"  # the server refused it; waits for the operator to fix or discard it


# S2: every local change is written here in the same transaction as the change itself
outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("key", String(36), nullable=False, unique=True),  # idempotency key, made by the client
    Column("kind", String(50), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("op", String(20), nullable=False),
    Column("base_version", Integer),
    Column("payload", JSON, nullable=False),
    Column("state", String(20), nullable=False, default=EntryState.PENDING),
    Column("sent", Boolean, nullable=False, default=False),
    Column("created_at", String(40), nullable=False),
    Column("error_code", String(50)),
    Column("error_message", Text),
    Column("server_record", JSON),  # on conflict: the server's current record
    Index("ix_outbox_record", "kind", "record_id"),
    schema=KEEP,
)

# the server's version of records that have local changes (S4: the client keeps both)
shadow = Table(
    "shadow",
    metadata,
    Column("kind", String(50), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("data", JSON, nullable=False),
)

# T15: the ticket forms being filled, saved as the operator types; the id is the ticket's to be
drafts = Table(
    "drafts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("updated_at", String(40), nullable=False),
    Column("data", JSON, nullable=False),
    schema=KEEP,
)


def _cache_table(name: str, *columns: Column[Any], indexes: tuple[str, ...] = ()) -> Table:
    table = Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("version", Integer, nullable=False),  # the server version it is based on; 0 = not yet on the server
        Column("seq", Integer, nullable=False),
        Column("local", Boolean, nullable=False, default=False),  # has changes not yet confirmed by the server
        Column("data", JSON, nullable=False),
        *columns,
    )
    # the records with local changes, found at each open to match them with the kept outbox (``Replica``)
    Index(f"ix_{name}_local", table.c.id, sqlite_where=table.c.local.is_(True))
    for column in indexes:
        if column == "sort_name":  # lists read ids in name order: covered by the index alone
            Index(f"ix_{name}_sort_name", table.c.sort_name, table.c.id)
        elif "," in column:  # a composite index, named by its columns
            parts = column.split(",")
            Index(f"ix_{name}_{'_'.join(parts)}", *(table.c[c] for c in parts))
        else:
            Index(f"ix_{name}_{column}", table.c[column])
    return table


@dataclass(frozen=True)
class Search:
    """What offline search reads of a kind (``store.search``): the fields its ``search_text`` is made
    of, the field its ``sort_name`` is made of, and the columns of its FTS5 index."""

    fields: tuple[str, ...]
    sort_field: str
    fts_columns: tuple[str, ...] = ("search_text",)


@dataclass(frozen=True)
class CacheKind:
    kind: str
    table: Table
    search: Search | None = None


KINDS: dict[str, CacheKind] = {}


def declare(kind: str, name: str, *columns: Column[Any], indexes: tuple[str, ...] = (),
            search: Search | None = None) -> Table:
    """A kind's cache table: the columns copied from its records (named as their fields) and, for a
    searchable kind, the derived ``sort_name``, ``search_text`` and any other indexed column after them."""
    if kind in KINDS:
        raise ValueError(f"kind {kind!r} has a cache table already")
    if search is not None:
        derived = ("sort_name", "search_text", *(c for c in search.fts_columns if c != "search_text"))
        columns = (*columns, *(Column(c, Text) for c in derived))
    table = _cache_table(name, *columns, indexes=indexes)
    KINDS[kind] = CacheKind(kind, table, search)
    return table


def forget(kind: str) -> None:
    """Undo :func:`declare` (a test's throw-away kind)."""
    metadata.remove(KINDS.pop(kind).table)
    _FIELD_COLUMNS.pop(kind, None)


class _Tables(Mapping[str, Table]):
    """Kind → its cache table."""

    def __getitem__(self, kind: str) -> Table:
        return KINDS[kind].table

    def __iter__(self) -> Iterator[str]:
        return iter(list(KINDS))

    def __len__(self) -> int:
        return len(KINDS)


# Column names equal the record's field names: a row's columns are filled from its data.
CACHE: Mapping[str, Table] = _Tables()
declare(Kind.USER, "users", Column("login", String(64)), Column("full_name", Text), Column("role", String(20)))
declare(Kind.LIST_ITEM, "list_items", Column("kind", String(30)), Column("code", String(30)),
        Column("sort_order", Integer), indexes=("kind",))
declare(Kind.SOFTWARE_COMPLEX, "software_complexes", Column("code", String(50)), Column("name", Text),
        Column("sort_order", Integer))
declare(Kind.COMPONENT, "components", Column("complex_id", String(36)), Column("name", Text),
        Column("sort_order", Integer), indexes=("complex_id",))
declare(Kind.ORGANIZATION, "organizations", Column("inn", String(12)), Column("kpp", String(9)), Column("name", Text),
        Column("customer_id", String(36)), indexes=("inn", "name", "customer_id", "sort_name"),
        search=Search(("name", "full_name", "inn", "kpp", "ogrn"), sort_field="name"))
declare(Kind.CUSTOMER, "customers", Column("organization_id", String(36)), indexes=("organization_id",))
declare(Kind.CONTACT, "contacts", Column("organization_id", String(36)), Column("full_name", Text),
        Column("phone", String(20)), Column("email", String(254)),
        indexes=("organization_id", "full_name", "sort_name"),
        search=Search(("full_name", "position", "email", "phone"), sort_field="full_name"))
declare(
    Kind.CONTRACT, "contracts", Column("customer_id", String(36)), Column("valid_from", String(10)),
    Column("valid_to", String(10)), indexes=("customer_id",),
)
declare(
    Kind.TICKET, "tickets", Column("registration_number", String(30)), Column("status", String(30)),
    Column("organization_id", String(36)), Column("contact_id", String(36)), Column("author_id", String(36)),
    Column("assignee_id", String(36)), Column("registered_at", String(40)), Column("subject", Text),
    # 2.4: what the ticket lists sort, filter and search by (N5)
    Column("provisional_number", String(40)), Column("priority", String(30)), Column("ticket_type", String(30)),
    Column("route", String(20)),
    # N3: «available to me» is read from the last two alone (assigned to me, registered by me,
    # waiting unassigned on my line — each with its status)
    indexes=("registration_number", "status", "organization_id", "registered_at", "priority", "sort_name",
             "assignee_id,route,status", "author_id,route,status"),
    # tickets are also found by their organization's search text (``org_text``, N5)
    search=Search(("registration_number", "provisional_number", "subject", "text"), sort_field="subject",
                  fts_columns=("search_text", "org_text")),
)
declare(
    Kind.ATTACHMENT, "attachments", Column("ticket_id", String(36)), Column("file_name", Text), Column("size", Integer),
    Column("sha256", String(64)), Column("complete", Boolean), indexes=("ticket_id",),
)
# 2.7: the agent desk's activities (shown inside their tickets; written only by the server)
declare(Kind.ACTIVITY, "activities", Column("ticket_id", String(36)), Column("channel", String(30)),
        Column("created_at", String(40)), indexes=("ticket_id",))
BASE_COLUMNS = frozenset({"id", "version", "seq", "local", "data", "sort_name", "search_text", "org_text"})


def deferrable_indexes() -> list[Index]:
    """The indexes a long first pull builds once at its end instead of row by row (``Replica.bulk_load``):
    every secondary index of tickets and contacts but the one that finds an organization's tickets, which
    the pull itself uses (``search.refresh_org_text``)."""
    keep = {"ix_tickets_organization_id"}
    return [index for kind in (Kind.TICKET, Kind.CONTACT) for index in sorted(CACHE[kind].indexes, key=_name)
            if index.name not in keep]


def _name(index: Index) -> str:
    return str(index.name)


_FIELD_COLUMNS: dict[str, tuple[str, ...]] = {}


def field_columns(kind: str) -> tuple[str, ...]:
    """The record fields a kind's cache table copies into columns."""
    found = _FIELD_COLUMNS.get(kind)
    if found is None:
        found = _FIELD_COLUMNS[kind] = tuple(c.key for c in CACHE[kind].columns if c.key not in BASE_COLUMNS)
    return found


# T12: the copies of files attached here, kept until (and after) their content reaches the server
local_files = Table(
    "local_files",
    metadata,
    Column("attachment_id", String(36), primary_key=True),
    Column("path", Text, nullable=False),  # the copy, relative to the cache file's folder when under it
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("uploaded", Boolean, nullable=False, default=False),
    Column("error_code", String(50)),  # why its upload stopped for good (the operator is told)
    Column("error_message", Text),
    Column("created_at", String(40), nullable=False),
    schema=KEEP,
)
KEPT = (outbox, drafts, local_files)  # the tables of the kept file, in the order they are salvaged
