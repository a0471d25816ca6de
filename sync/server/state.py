"""What a server process holds: settings, engine and session factory — no per-user state, so any
number of processes can serve the same database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from sync.server.db import backend_name, make_engine, make_session_factory
from sync.server.settings import Settings


@dataclass
class ServerState:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    secret_key: str

    @property
    def backend(self) -> str:
        return backend_name(self.engine)

    @classmethod
    def from_settings(cls, settings: Settings) -> ServerState:
        engine = make_engine(settings.effective_database_url)
        return cls(settings, engine, make_session_factory(engine), settings.resolved_secret_key())
