"""the mail sender finds due queued messages by a small partial index (T14)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

QUEUED = "status = 'queued'"


def upgrade() -> None:
    op.create_index('ix_mail_messages_due', 'mail_messages', ['next_attempt_at'], unique=False,
                    sqlite_where=sa.text(QUEUED), postgresql_where=sa.text(QUEUED))


def downgrade() -> None:
    op.drop_index('ix_mail_messages_due', table_name='mail_messages')
