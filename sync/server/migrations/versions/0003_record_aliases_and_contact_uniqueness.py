"""record aliases (merged duplicates) and one contact per e-mail / phone in an organization (T5)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 06:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

LIVE_EMAIL = "email <> '' AND deleted_at IS NULL"
LIVE_PHONE = "phone <> '' AND deleted_at IS NULL"


def upgrade() -> None:
    op.create_table('record_aliases',
    sa.Column('alias_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('alias_id', name=op.f('pk_record_aliases'))
    )
    op.create_index(op.f('ix_record_aliases_record_id'), 'record_aliases', ['record_id'], unique=False)
    op.create_index('uq_contacts_email', 'contacts', ['organization_id', 'email'], unique=True,
                    sqlite_where=sa.text(LIVE_EMAIL), postgresql_where=sa.text(LIVE_EMAIL))
    op.create_index('uq_contacts_phone', 'contacts', ['organization_id', 'phone', 'phone_ext'], unique=True,
                    sqlite_where=sa.text(LIVE_PHONE), postgresql_where=sa.text(LIVE_PHONE))


def downgrade() -> None:
    op.drop_index('uq_contacts_phone', table_name='contacts')
    op.drop_index('uq_contacts_email', table_name='contacts')
    op.drop_index(op.f('ix_record_aliases_record_id'), table_name='record_aliases')
    op.drop_table('record_aliases')
