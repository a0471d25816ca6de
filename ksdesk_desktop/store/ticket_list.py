"""Reading the ticket lists from the cache (N2–N5): which tickets, in what order, and the few fields
a row shows. Qt-free; every method is one short read, safe from any thread.

A list asks for the row numbers (SQLite rowids) of every matching ticket — one query, answered from
an index alone for the usual orders — and then reads rows a page at a time by row number: 100 000
cached tickets cost a list of 100 000 integers, not 100 000 records. A row number stays with its
ticket while it is cached (updates keep it; the cache is never VACUUMed, see ``store.search``).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.sql import FromClause, Select

from ksdesk_desktop.store import feed
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.schema import CACHE
from ksdesk_desktop.store.search import match_query, utc_text
from sync.records import Kind
from sync.reference import LIST_ITEMS, ListKind
from sync.tickets import Availability

_PAGE = 500  # ids per IN (…) when reading rows
_tickets = CACHE[Kind.TICKET]
_organizations = CACHE[Kind.ORGANIZATION]
_users = CACHE[Kind.USER]
ROWID: ColumnElement[int] = literal_column("tickets.rowid")


class SortKey(enum.StrEnum):
    """What a ticket list can be sorted by: one key per column it shows."""

    NUMBER = "number"
    REGISTERED = "registered"
    ORGANIZATION = "organization"
    SUBJECT = "subject"
    STATUS = "status"
    PRIORITY = "priority"
    ASSIGNEE = "assignee"


def _list_order(kind: ListKind, column: ColumnElement[Any]) -> ColumnElement[Any]:
    """A list code sorts in the list's own order («Низкий» < «Критический»), not by its code."""
    return case({i.code: i.sort_order for i in LIST_ITEMS if i.kind == kind}, value=column, else_=literal(0))


_SORTS: dict[SortKey, tuple[ColumnElement[Any], ...]] = {  # ties: by number, then row
    SortKey.NUMBER: (),
    SortKey.ORGANIZATION: (_organizations.c.sort_name,),
    SortKey.SUBJECT: (_tickets.c.sort_name,),
    SortKey.STATUS: (_list_order(ListKind.TICKET_STATUS, _tickets.c.status),),
    SortKey.PRIORITY: (_list_order(ListKind.PRIORITY, _tickets.c.priority),),
    SortKey.ASSIGNEE: (_users.c.full_name,),
}
NOBODY = "-"  # the assignee filter's value for tickets assigned to nobody


@dataclass(frozen=True)
class TicketFilter:
    """What a list shows: every field left empty means «any». Dates are the operator's own days
    (``registered_at`` is UTC), both inclusive."""

    query: str = ""  # full text: number, subject, text, organization (name, INN …)
    statuses: frozenset[str] = frozenset()
    priorities: frozenset[str] = frozenset()
    organization: str = ""  # full text over the organization only
    assignee_id: str | None = None  # a user's id, or NOBODY
    date_from: date | None = None
    date_to: date | None = None
    available: Availability | None = None  # N3: only what this user works with
    author_id: str | None = None  # «Последние» (issue 22): only what this user registered
    sort: SortKey = SortKey.REGISTERED
    descending: bool = True


def utc_start(day: date) -> str:
    """The start of the operator's day as an instant in the cache's form of ``registered_at``."""
    return utc_text(datetime.combine(day, time.min).astimezone())


def _available(rule: Availability) -> ColumnElement[bool]:
    """The SQL form of :meth:`sync.tickets.Availability.includes` (tests hold the two equal). Written
    as a set of row numbers gathered through the indexes on assignee, author and route, tested with
    ``+rowid`` so that SQLite still walks the date index for the order instead of sorting."""
    inner = _tickets.alias("available")
    t, rowid = inner.c, literal_column("available.rowid", Integer)
    shown = or_(t.status.is_(None), t.status.not_in(sorted(rule.hidden_statuses)))
    if rule.lines is None:
        parts = [select(rowid).where(shown)]
    else:
        unassigned = or_(t.assignee_id.is_(None), t.assignee_id == "")
        parts = [select(rowid).where(t.assignee_id == rule.user_id, shown),
                 select(rowid).where(t.author_id == rule.user_id, t.route.in_(sorted(rule.lines)), shown),
                 select(rowid).where(t.route.in_(sorted(rule.lines)), unassigned, shown)]
    return literal_column("+tickets.rowid").in_(union_all(*parts))


MANY = 3000  # a search matching at least this many tickets is ordered by walking the date index


def _fts(match: str, many: bool = False) -> ColumnElement[bool]:
    """Tickets matching an FTS5 query. With ``many`` the condition is written so that SQLite walks
    the (covering) date index and checks each row against the matches, instead of fetching every
    match's date from the table and sorting them: 45 ms instead of 150 ms for 60 000 of 100 000."""
    row = "+tickets.rowid" if many else "tickets.rowid"
    found = text(f"{row} IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH :match)").bindparams(match=match)
    return cast(ColumnElement[bool], found)


def _rowids(conn: Connection, stmt: Select[Any]) -> list[int]:
    """The single integer column of every row, in order, as one text made by SQLite and split here: for
    100 000 rows a third of the time of fetching rows, and the driver holds Python's lock only at the
    end — fetched row by row, a worker's query starved the UI thread for 100 ms."""
    stmt = stmt.with_only_columns(ROWID.label("r"), maintain_column_froms=True)
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in compiled.positiontup or ()]
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        # an ordered subquery under an aggregate is not flattened into it: its rows come in its order
        (text,) = cursor.execute(f"SELECT group_concat(r) FROM ({compiled})", params).fetchone()
    finally:
        cursor.close()
    return [int(value) for value in text.split(",")] if text else []


class TicketList:
    def __init__(self, store: LocalStore) -> None:
        self.engine = store.engine

    def statement(self, wanted: TicketFilter, many: bool = False) -> Select[Any]:
        t = _tickets.c
        stmt = select(ROWID)
        joins: FromClause = _tickets
        if wanted.sort is SortKey.ORGANIZATION:
            joins = joins.outerjoin(_organizations, _organizations.c.id == t.organization_id)
        if wanted.sort is SortKey.ASSIGNEE:
            joins = joins.outerjoin(_users, _users.c.id == t.assignee_id)
        stmt = stmt.select_from(joins)
        match = match_query(wanted.query)
        if match is not None:
            stmt = stmt.where(_fts(match, many))
        organization = match_query(wanted.organization)
        if organization is not None:  # FTS5: a column filter before a group applies to each phrase in it
            org_match = f"org_text : ({organization})"
            stmt = stmt.where(text("tickets.rowid IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH "
                                   ":org_match)").bindparams(org_match=org_match))
        if wanted.statuses:
            stmt = stmt.where(t.status.in_(sorted(wanted.statuses)))
        if wanted.priorities:
            stmt = stmt.where(t.priority.in_(sorted(wanted.priorities)))
        if wanted.assignee_id == NOBODY:
            stmt = stmt.where(or_(t.assignee_id.is_(None), t.assignee_id == ""))
        elif wanted.assignee_id:
            stmt = stmt.where(t.assignee_id == wanted.assignee_id)
        if wanted.date_from is not None:
            stmt = stmt.where(t.registered_at >= utc_start(wanted.date_from))
        if wanted.date_to is not None:
            stmt = stmt.where(t.registered_at < utc_start(wanted.date_to + timedelta(days=1)))
        if wanted.available is not None:
            stmt = stmt.where(_available(wanted.available))
        if wanted.author_id is not None:
            stmt = stmt.where(t.author_id == wanted.author_id)
        return stmt

    def ids(self, wanted: TicketFilter, limit: int | None = None) -> list[int]:
        """The row numbers of the matching tickets in the wanted order (ties by number, then row:
        the order is total); with ``limit``, only the first ones — the start of the same list, read
        in a fraction of the time when the search matches most of the cache."""
        t = _tickets.c
        many = self._many(wanted.query)
        if wanted.sort is SortKey.REGISTERED:
            stmt = self.statement(wanted, many=many)
            # not yet registered (sent from here, waiting for the server) counts as the newest
            unregistered = stmt.where(t.registered_at.is_(None)).order_by(t.provisional_number, ROWID)
            registered = stmt.where(t.registered_at.is_not(None))
            if wanted.descending:
                parts = [unregistered, registered.order_by(t.registered_at.desc(), ROWID.desc())]
            else:
                parts = [registered.order_by(t.registered_at, ROWID), unregistered]
        else:
            keys = [*_SORTS[wanted.sort], t.registration_number, t.provisional_number, ROWID]
            parts = [self.statement(wanted).order_by(*(k.desc() for k in keys) if wanted.descending else keys)]
        # A search that finds few tickets is read whole and cut here: told to stop early, SQLite would
        # walk the date index looking for them (150 ms for 1500 of 100 000 instead of 3 ms).
        selective = (match_query(wanted.query) is not None and not many) or match_query(wanted.organization)
        found: list[int] = []
        with self.engine.connect() as conn:
            for part in parts:
                if limit is not None and not selective:
                    if len(found) >= limit:
                        break
                    part = part.limit(limit - len(found))
                found += _rowids(conn, part)
        return found if limit is None else found[:limit]

    def _many(self, query: str) -> bool:
        match = match_query(query)
        if match is None:
            return False
        with self.engine.connect() as conn:
            found: int = conn.execute(text("SELECT count(*) FROM (SELECT rowid FROM tickets_fts WHERE tickets_fts "
                                      "MATCH :match LIMIT :limit)"), {"match": match, "limit": MANY}).scalar_one()
        return int(found) >= MANY

    def count(self, wanted: TicketFilter) -> int:
        stmt = self.statement(wanted).with_only_columns(func.count())
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def rows(self, rowids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """What a list row shows of these tickets (the ones still cached), by row number: the
        indexed columns and the organization's and assignee's names — never the whole record. The
        same query (``store.feed.ROWS``) gives the first stage of the start its rows."""
        found: dict[int, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(rowids), _PAGE):
                chunk = tuple(rowids[start:start + _PAGE])
                for row in conn.exec_driver_sql(feed.rows_sql(len(chunk)), chunk):
                    found[row.rowid] = dict(row._mapping)
        return found

    def users(self) -> list[tuple[str, str]]:
        """(id, full name) of every cached user, by name: the assignee filter's choices."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(_users.c.id, _users.c.full_name).order_by(_users.c.full_name, _users.c.id))
            return [(row.id, str(row.full_name or "")) for row in rows]

    def user(self, login: str) -> tuple[str, str, str | None] | None:
        """(id, role, line) of the cached user with this login (line None: the role's, ``sync.roles.line_of``)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(_users.c.id, _users.c.role, _users.c.data).where(_users.c.login == login)).first()
        if row is None:
            return None
        line = row.data.get("line") if isinstance(row.data, dict) else None
        return row.id, str(row.role or ""), str(line) if line else None

