"""Tables of the local cache (SQLAlchemy Core). The sync engine adds the cached records."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Integer, MetaData, String, Table, Text

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

# S2: every local change is written here in the same transaction as the change itself
outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("idempotency_key", String(36), nullable=False, unique=True),
    Column("kind", String(50), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("operation", String(20), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("base_version", Integer),
    Column("created_at", String(40), nullable=False),
    Column("state", String(20), nullable=False, default="pending"),  # pending / rejected
    Column("error_code", String(50)),
    Column("error_message", Text),
)
