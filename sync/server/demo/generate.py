"""``generate_demo``: fill an empty, migrated database with deterministic demo data, fast.

Rows are built in plain Python from seeded random streams and written in bulk (COPY on PostgreSQL,
executemany on SQLite; see ``bulk``) in one transaction, tickets while they are being generated. Ids
are UUIDv7-shaped but drawn from the seed and timestamps come from a fixed demo clock, so the same
seed and size give the same rows on every run and on both backends (password hashes aside: argon2
salts them).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import cast

from sqlalchemy import Connection, Engine, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from sync.errors import ErrorCode
from sync.numbering import REGISTRATION_COUNTER
from sync.server.changes import number_bulk_rows
from sync.server.demo.bulk import CHUNK, insert_rows
from sync.server.demo.clients import build_catalog
from sync.server.demo.common import DemoReport, DemoSize, Progress, Row, stream
from sync.server.demo.contacts import build_contacts
from sync.server.demo.contracts import assign_customers, build_contracts
from sync.server.demo.organizations import build_organizations, weigh_organizations
from sync.server.demo.staff import Staff, create_staff
from sync.server.demo.tickets import TicketFactory
from sync.server.errors import ServiceError
from sync.server.models import (
    Base,
    Component,
    Contact,
    Contract,
    ContractComplex,
    Counter,
    Customer,
    Organization,
    SoftwareComplex,
    Ticket,
    User,
)

SQLITE_CACHE_KIB = -262_144  # a negative cache_size is in KiB: 256 MiB while generating
DEFAULT_SIZE = DemoSize()
DEFAULT_SEED = 20241709

STAGE_USERS = "Пользователи"
STAGE_CATALOG = "Программные комплексы"
STAGE_ORGANIZATIONS = "Организации"
STAGE_CONTRACTS = "Заказчики и контракты"
STAGE_CONTACTS = "Контакты"
STAGE_TICKETS = "Обращения"


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def database_is_empty(engine: Engine) -> bool:
    """True when the database has no users and no tickets (a demo may be generated into it)."""
    with engine.connect() as conn:
        return _is_empty(conn)


def _is_empty(conn: Connection) -> bool:
    users = conn.scalar(select(func.count()).select_from(_table(User)))
    tickets = conn.scalar(select(func.count()).select_from(_table(Ticket)))
    return not users and not tickets


def _check_size(size: DemoSize) -> None:
    if min(size.tickets, size.organizations, size.contacts) < 0:
        raise ServiceError(ErrorCode.VALIDATION_ERROR, "Размер демо-данных не может быть отрицательным.")
    if size.contacts and not size.organizations:
        raise ServiceError(ErrorCode.VALIDATION_ERROR, "Контактам демо-данных нужны организации.")
    if size.tickets and not size.contacts:
        raise ServiceError(ErrorCode.VALIDATION_ERROR, "Обращениям демо-данных нужны контакты.")


class _Writer:
    """Bulk inserts with progress reports."""

    def __init__(self, conn: Connection, progress: Progress | None) -> None:
        self.conn = conn
        self.progress = progress

    def report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    def insert(self, table: Table, rows: Iterable[Row], stage: str | None = None, total: int = 0) -> int:
        if stage is None:
            return insert_rows(self.conn, table, rows)
        self.report(stage, 0, total)
        return insert_rows(self.conn, table, rows, lambda done: self.report(stage, done, max(done, total)))


def generate_demo(
    engine: Engine,
    size: DemoSize = DEFAULT_SIZE,
    *,
    seed: int = DEFAULT_SEED,
    password: str = "demo",
    progress: Progress | None = None,
) -> DemoReport:
    """Fill an empty database with demo data in one transaction; refuses (ALREADY_EXISTS) when it
    already has users or tickets, so demo data is never doubled."""
    _check_size(size)
    started = time.perf_counter()
    with _bulk_transaction(engine) as (conn, session):
        if not _is_empty(conn):
            raise ServiceError(
                ErrorCode.ALREADY_EXISTS,
                "В базе данных уже есть пользователи или обращения: демо-данные создаются только в пустой базе.",
            )
        writer = _Writer(conn, progress)
        writer.report(STAGE_USERS, 0, 1)
        staff = create_staff(session, stream(seed, "users"), password)
        writer.report(STAGE_USERS, 1, 1)
        counts = _write_data(writer, size, seed, staff)
    refresh_statistics(engine)
    return DemoReport(users=staff.count, **counts, seconds=round(time.perf_counter() - started, 3))


def refresh_statistics(engine: Engine) -> None:
    """After a bulk load the planner must know the tables' sizes: PostgreSQL's autovacuum analyzes
    them only later, and until then every pull scanned the whole tickets table (issue 17)."""
    if engine.dialect.name != "postgresql":
        return  # SQLite plans by its indexes alone; no statistics are kept there
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


@contextmanager
def _bulk_transaction(engine: Engine) -> Iterator[tuple[Connection, Session]]:
    """One transaction for everything, committed only if all of it succeeds. While it runs the
    cyclic garbage collector pauses (it would rescan the growing heap of rows again and again) and
    SQLite gets a large page cache and skips foreign-key lookups (the rows are consistent by
    construction; the tests check them with ``PRAGMA foreign_key_check`` and on PostgreSQL)."""
    gc_was_enabled = gc.isenabled()
    with engine.connect() as conn:
        restore = _sqlite_bulk_pragmas(conn)
        if not conn.in_transaction():
            conn.begin()
        gc.disable()
        try:
            with Session(bind=conn, join_transaction_mode="rollback_only") as session:
                yield conn, session
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        finally:
            if gc_was_enabled:
                gc.enable()
            restore()


def _sqlite_bulk_pragmas(conn: Connection) -> Callable[[], None]:
    """Set the bulk-load pragmas before the transaction starts (SQLite ignores ``foreign_keys``
    inside one); returns what puts the previous values back."""
    if conn.dialect.name != "sqlite":
        return lambda: None
    foreign_keys = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    conn.exec_driver_sql(f"PRAGMA cache_size={SQLITE_CACHE_KIB}")

    def restore() -> None:
        conn.exec_driver_sql(f"PRAGMA foreign_keys={int(bool(foreign_keys))}")
        conn.exec_driver_sql(f"PRAGMA cache_size={int(cache_size or 0)}")
        conn.commit()

    return restore


def _write_data(writer: _Writer, size: DemoSize, seed: int, staff: Staff) -> dict[str, int]:
    complex_rows, component_rows, complexes = build_catalog(seed)
    writer.insert(_table(SoftwareComplex), complex_rows)
    writer.insert(_table(Component), component_rows, STAGE_CATALOG, len(component_rows))

    org_rows, orgs = build_organizations(seed, size.organizations)
    writer.insert(_table(Organization), org_rows, STAGE_ORGANIZATIONS, len(org_rows))

    writer.report(STAGE_CONTRACTS, 0, 1)
    customer_rows, org_updates, customers = assign_customers(seed, orgs)
    writer.insert(_table(Customer), customer_rows)
    _link_customers(writer.conn, org_updates)
    contract_rows, link_rows = build_contracts(seed, customers, complexes)
    writer.insert(_table(Contract), contract_rows)
    writer.insert(_table(ContractComplex), link_rows)
    writer.report(STAGE_CONTRACTS, 1, 1)

    weigh_organizations(seed, orgs, customers)
    contacts = writer.insert(_table(Contact), build_contacts(seed, orgs, size.contacts), STAGE_CONTACTS,
                             size.contacts)
    factory = TicketFactory(seed, orgs, customers, complexes, staff)
    tickets = writer.insert(_table(Ticket), factory.rows(size.tickets), STAGE_TICKETS, size.tickets)
    _set_counter(writer.conn, tickets)
    number_bulk_rows(writer.conn)  # S3: bulk rows bypass the change hook; number them for pulls
    return {
        "organizations": len(org_rows), "customers": len(customer_rows), "contracts": len(contract_rows),
        "complexes": len(complex_rows), "components": len(component_rows), "contacts": contacts,
        "tickets": tickets,
    }


def _link_customers(conn: Connection, updates: list[Row]) -> None:
    """organizations.customer_id and customers.organization_id point at each other, so the link is
    set after both are in. updated_at is given explicitly: the column's onupdate would read the clock."""
    if not updates:
        return
    table = _table(Organization)
    stmt = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(customer_id=bindparam("b_customer_id"), updated_at=bindparam("b_updated_at"))
    )
    for start in range(0, len(updates), CHUNK):
        conn.execute(stmt, updates[start : start + CHUNK])


def _set_counter(conn: Connection, highest: int) -> None:
    """Registration numbers assigned later continue after the highest demo number (T13)."""
    table = _table(Counter)
    current = conn.scalar(select(table.c.value).where(table.c.name == REGISTRATION_COUNTER))
    if current is None:
        conn.execute(insert(table).values(name=REGISTRATION_COUNTER, value=highest))
    elif current < highest:
        conn.execute(update(table).where(table.c.name == REGISTRATION_COUNTER).values(value=highest))
