"""The server's cache of registry answers, in the database, so every server process shares it.

One row per query (``inn`` + ``kpp``): the parties found ([] = not found) and when the provider said
so. Reads and writes are short transactions of their own; none is open during a provider call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.registry import Party
from sync.server.models import RegistryCacheEntry


def cache_key(inn: str, kpp: str = "") -> str:
    return f"{inn}:{kpp}"


@dataclass(frozen=True)
class CachedAnswer:
    parties: list[Party]
    fetched_at: datetime

    def fresh(self, now: datetime, found_ttl: timedelta, empty_ttl: timedelta) -> bool:
        return now - self.fetched_at < (found_ttl if self.parties else empty_ttl)


def read(session: Session, key: str) -> CachedAnswer | None:
    entry = session.get(RegistryCacheEntry, key)
    if entry is None:
        return None
    return CachedAnswer([Party.model_validate(p) for p in entry.parties], entry.fetched_at)


def store(session: Session, key: str, answer: CachedAnswer) -> None:
    """Insert or replace the entry; two processes storing the same key at once both succeed."""
    values = {"key": key, "parties": [p.model_dump(mode="json") for p in answer.parties],
              "fetched_at": answer.fetched_at}
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(RegistryCacheEntry).values(values)
    session.execute(statement.on_conflict_do_update(
        index_elements=[RegistryCacheEntry.key],
        set_={"parties": statement.excluded.parties, "fetched_at": statement.excluded.fetched_at},
        where=RegistryCacheEntry.fetched_at < statement.excluded.fetched_at,  # a later answer wins
    ))

