from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter
from sqlalchemy import text

from sync import __version__
from sync.protocol import Health
from sync.server.deps import StateDep

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(state: StateDep) -> Health:
    """Liveness and readiness: answers only when the database answers."""
    with state.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return Health(version=__version__, database=state.backend, server_time=datetime.now(UTC))
