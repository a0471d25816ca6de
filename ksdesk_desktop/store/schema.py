"""Tables of the local cache (SQLAlchemy Core).

Every synced kind has a cache table holding what the operator sees: the server's record with the
operator's not yet confirmed changes laid over it. Its ``data`` column is the whole record as JSON;
a few fields are copied into columns so lists can sort, filter and search with indexes. When a
record has local changes, the server's own version is kept beside it in ``shadow``, so neither
side is ever overwritten silently (S4).
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Index, Integer, MetaData, String, Table, Text

from sync.records import Kind

metadata = MetaData()

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
)


def _cache_table(name: str, *columns: Column[object], indexes: tuple[str, ...] = ()) -> Table:
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
    for column in indexes:
        if column == "sort_name":  # lists read ids in name order: covered by the index alone
            Index(f"ix_{name}_sort_name", table.c.sort_name, table.c.id)
        elif "," in column:  # a composite index, named by its columns
            columns = column.split(",")
            Index(f"ix_{name}_{'_'.join(columns)}", *(table.c[c] for c in columns))
        else:
            Index(f"ix_{name}_{column}", table.c[column])
    return table


def search_columns() -> list[Column[object]]:
    """Derived columns of searchable kinds (``store.search``), filled when a row is written."""
    return [Column("sort_name", Text), Column("search_text", Text)]


# Column names equal the record's field names: a row's columns are filled from its data.
CACHE: dict[Kind, Table] = {
    Kind.USER: _cache_table(
        "users", Column("login", String(64)), Column("full_name", Text), Column("role", String(20)),
    ),
    Kind.LIST_ITEM: _cache_table(
        "list_items", Column("kind", String(30)), Column("code", String(30)), Column("sort_order", Integer),
        indexes=("kind",),
    ),
    Kind.SOFTWARE_COMPLEX: _cache_table(
        "software_complexes", Column("code", String(50)), Column("name", Text), Column("sort_order", Integer),
    ),
    Kind.COMPONENT: _cache_table(
        "components", Column("complex_id", String(36)), Column("name", Text), Column("sort_order", Integer),
        indexes=("complex_id",),
    ),
    Kind.ORGANIZATION: _cache_table(
        "organizations", Column("inn", String(12)), Column("kpp", String(9)), Column("name", Text),
        Column("customer_id", String(36)), *search_columns(), indexes=("inn", "name", "customer_id", "sort_name"),
    ),
    Kind.CUSTOMER: _cache_table("customers", Column("organization_id", String(36)), indexes=("organization_id",)),
    Kind.CONTACT: _cache_table(
        "contacts", Column("organization_id", String(36)), Column("full_name", Text), Column("phone", String(20)),
        Column("email", String(254)), *search_columns(), indexes=("organization_id", "full_name", "sort_name"),
    ),
    Kind.CONTRACT: _cache_table(
        "contracts", Column("customer_id", String(36)), Column("valid_from", String(10)),
        Column("valid_to", String(10)), indexes=("customer_id",),
    ),
    Kind.TICKET: _cache_table(
        "tickets", Column("registration_number", String(30)), Column("status", String(30)),
        Column("organization_id", String(36)), Column("contact_id", String(36)), Column("author_id", String(36)),
        Column("assignee_id", String(36)), Column("registered_at", String(40)), Column("subject", Text),
        # 2.4: what the ticket lists sort, filter and search by (N5)
        Column("provisional_number", String(40)), Column("priority", String(30)), Column("ticket_type", String(30)),
        Column("route", String(20)), *search_columns(), Column("org_text", Text),
        # N3: «available to me» is read from the last two alone (assigned to me, registered by me,
        # waiting unassigned on my line — each with its status)
        indexes=("registration_number", "status", "organization_id", "registered_at", "priority", "sort_name",
                 "assignee_id,route,status", "author_id,status"),
    ),
    Kind.ATTACHMENT: _cache_table(
        "attachments", Column("ticket_id", String(36)), Column("file_name", Text), Column("size", Integer),
        Column("sha256", String(64)), Column("complete", Boolean), indexes=("ticket_id",),
    ),
}
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


_FIELD_COLUMNS = {kind: tuple(c.key for c in table.columns if c.key not in BASE_COLUMNS)
                  for kind, table in CACHE.items()}


def field_columns(kind: Kind) -> tuple[str, ...]:
    """The record fields a kind's cache table copies into columns."""
    return _FIELD_COLUMNS[kind]


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
)
