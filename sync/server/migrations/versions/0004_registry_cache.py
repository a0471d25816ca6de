"""the state registry's answers, cached for every server process (T2)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 06:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('registry_cache',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('parties', sa.JSON(), nullable=False),
    sa.Column('fetched_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_registry_cache'))
    )


def downgrade() -> None:
    op.drop_table('registry_cache')
