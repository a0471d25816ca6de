"""Record identifiers: UUIDv7, which either side may make (time-ordered, so indexes stay compact)."""

from __future__ import annotations

import uuid

import uuid6


def new_id() -> uuid.UUID:
    """A new UUIDv7 as a standard :class:`uuid.UUID`."""
    return uuid.UUID(bytes=uuid6.uuid7().bytes)


def parse_id(value: str | uuid.UUID) -> uuid.UUID:
    """Parse a record id; raises ``ValueError`` for anything that is not a UUID."""
    if isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))
