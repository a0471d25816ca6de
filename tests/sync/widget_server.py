"""``python -m tests.sync.widget_server serve …``: the real server, with the throw-away kind «widget»
(:mod:`tests.sync.widget_kind`) declared on its side first — steps 2 and 3 of adding a kind."""

from __future__ import annotations

import sys

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from sync.server import cli, kinds
from sync.server.bootstrap import prepare_database
from sync.server.db import make_engine
from sync.server.models import Base, Synced
from tests.sync.widget_kind import WIDGET, declare_shared


class Widget(Synced, Base):
    """Step 2: the server's model of the kind."""

    __tablename__ = "widgets"
    name: Mapped[str] = mapped_column(String(100))


def main(argv: list[str]) -> int:
    declare_shared()
    kinds.register(kinds.ServerKind(WIDGET, Widget))  # step 3
    # step 2's migration: a real kind gets an Alembic revision; this one's table is made beside them
    engine = make_engine(argv[argv.index("--database-url") + 1], pool_size=1)
    prepare_database(engine)
    Widget.__table__.create(engine, checkfirst=True)
    engine.dispose()
    return cli.main(argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
