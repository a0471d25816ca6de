"""refresh tokens belong to a family (a reused rotated token revokes it), and failed logins are
counted per login and per address in the database (issue 16, classes 8 and 9)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('refresh_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('family_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('replaced_by_id', sa.Uuid(), nullable=True))
    op.execute("UPDATE refresh_tokens SET family_id = id")  # a token issued before: a family of its own
    with op.batch_alter_table('refresh_tokens', schema=None) as batch_op:
        batch_op.alter_column('family_id', existing_type=sa.Uuid(), nullable=False)
        batch_op.create_index(batch_op.f('ix_refresh_tokens_family_id'), ['family_id'], unique=False)

    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('window_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('lockouts', sa.Integer(), nullable=False),
    sa.Column('last_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttle'))
    )
    with op.batch_alter_table('login_throttle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_throttle_last_at'), ['last_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('login_throttle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_throttle_last_at'))
    op.drop_table('login_throttle')
    with op.batch_alter_table('refresh_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refresh_tokens_family_id'))
        batch_op.drop_column('replaced_by_id')
        batch_op.drop_column('family_id')
