"""What a server process holds: settings, engine and session factory — no per-user state, so any
number of processes can serve the same database."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from sync.server.db import backend_name, make_engine, make_session_factory
from sync.server.live import AGENT_HUB, HUB, AgentHub, ChangeHub
from sync.server.settings import Settings


@dataclass
class ServerState:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    secret_key: str
    hub: ChangeHub = field(default_factory=ChangeHub)  # this process's open change streams
    agents: AgentHub = field(default_factory=AgentHub)  # the agents those streams belong to (offers, presence)
    # password checks running at once (argon2 is CPU and memory an anonymous caller could spend)
    hashing: threading.BoundedSemaphore = field(init=False)

    def __post_init__(self) -> None:
        self.hashing = threading.BoundedSemaphore(self.settings.login_hashes_at_once)

    @property
    def backend(self) -> str:
        return backend_name(self.engine)

    @classmethod
    def from_settings(cls, settings: Settings) -> ServerState:
        engine = make_engine(settings.effective_database_url)
        hub, agents = ChangeHub(), AgentHub()
        factory = make_session_factory(engine, info={HUB: hub, AGENT_HUB: agents})
        return cls(settings, engine, factory, settings.resolved_secret_key(), hub, agents)
