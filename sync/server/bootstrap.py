"""What every database needs after its schema: the fixed reference lists (never users)."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from sync.reference import LIST_ITEMS
from sync.server import migrate
from sync.server.models import ListItemRecord


def ensure_reference_lists(session: Session) -> int:
    """Insert list items this build knows and the database lacks; never overwrite an edited one."""
    present = {(kind, code) for kind, code in session.execute(select(ListItemRecord.kind, ListItemRecord.code))}
    missing = [item for item in LIST_ITEMS if (str(item.kind), item.code) not in present]
    for item in missing:
        session.add(
            ListItemRecord(
                kind=str(item.kind),
                code=item.code,
                label_ru=item.label_ru,
                label_en=item.label_en,
                sort_order=item.sort_order,
            )
        )
    return len(missing)


def prepare_database(engine: Engine) -> None:
    """Migrate to the newest schema and seed the reference lists; safe to run at every start."""
    migrate.upgrade(engine)
    with Session(engine) as session, session.begin():
        ensure_reference_lists(session)
