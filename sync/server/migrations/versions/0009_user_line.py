"""a user's line is their own (a supervisor moves them between lines), no longer only their role's

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 22:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('line', sa.String(length=10), nullable=True))
    # the line each role had (sync.roles.ROLE_LINE)
    op.execute("UPDATE users SET line = CASE WHEN role = 'operator' THEN 'line_1' ELSE 'line_2' END")
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('line', existing_type=sa.String(length=10), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('line')
