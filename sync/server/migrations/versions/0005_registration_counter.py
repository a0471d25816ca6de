"""the registration number counter exists from the start, so registrations only ever update it (T13)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 06:40:00
"""
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT INTO counters (name, value) SELECT 'registration_number', 0 "
               "WHERE NOT EXISTS (SELECT 1 FROM counters WHERE name = 'registration_number')")


def downgrade() -> None:
    pass  # the row is harmless and may hold real numbers
