"""the agent desk's push mode (issue 18, A2/A4): the agents' Ready / Not Ready state, and offers — a task
offered to one agent until a deadline taken from the database's clock

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 23:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

PENDING = "state = 'pending'"


def upgrade() -> None:
    op.create_table('agent_states',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=30), nullable=True),
    sa.Column('since', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_agent_states_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_agent_states'))
    )
    op.create_index('ix_agent_states_ready', 'agent_states', ['since'], unique=False,
                    sqlite_where=sa.text("state = 'ready'"), postgresql_where=sa.text("state = 'ready'"))
    op.create_table('offers',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('task_id', sa.Uuid(), nullable=False),
    sa.Column('agent_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deadline_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution_key', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_offers_agent_id_users')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_offers_task_id_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offers'))
    )
    op.create_index('ix_offers_task_id', 'offers', ['task_id'], unique=False)
    op.create_index('uq_offers_pending_task', 'offers', ['task_id'], unique=True,
                    sqlite_where=sa.text(PENDING), postgresql_where=sa.text(PENDING))
    op.create_index('uq_offers_pending_agent', 'offers', ['agent_id'], unique=True,
                    sqlite_where=sa.text(PENDING), postgresql_where=sa.text(PENDING))
    op.create_index('ix_offers_deadline', 'offers', ['deadline_at'], unique=False,
                    sqlite_where=sa.text(PENDING), postgresql_where=sa.text(PENDING))


def downgrade() -> None:
    op.drop_index('ix_offers_deadline', table_name='offers')
    op.drop_index('uq_offers_pending_agent', table_name='offers')
    op.drop_index('uq_offers_pending_task', table_name='offers')
    op.drop_index('ix_offers_task_id', table_name='offers')
    op.drop_table('offers')
    op.drop_index('ix_agent_states_ready', table_name='agent_states')
    op.drop_table('agent_states')
