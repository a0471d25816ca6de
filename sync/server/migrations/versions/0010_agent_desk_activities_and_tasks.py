"""the agent desk's own schema (issue 18, A3/A11): activities (one interaction, attached to a ticket;
synced) and tasks (an incoming activity waiting in the queue); 0007 had dropped the unused ones of 0001

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 22:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

HAS_MESSAGE_ID = "message_id IS NOT NULL"
ACCEPTED = "state = 'accepted'"


def upgrade() -> None:
    op.create_table('activities',
    sa.Column('ticket_id', sa.Uuid(), nullable=True),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('sender', sa.String(length=254), nullable=False),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('organization_id', sa.Uuid(), nullable=True),
    sa.Column('subject', sa.String(length=2000), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('files', sa.JSON(), nullable=False),
    sa.Column('message_id', sa.String(length=998), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_activities_contact_id_contacts')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'],
                            name=op.f('fk_activities_organization_id_organizations')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_activities_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activities_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_ticket_id'), ['ticket_id'], unique=False)
    op.create_index('uq_activities_message_id', 'activities', ['message_id'], unique=True,
                    sqlite_where=sa.text(HAS_MESSAGE_ID), postgresql_where=sa.text(HAS_MESSAGE_ID))

    op.create_table('tasks',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('activity_id', sa.Uuid(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('priority', sa.String(length=30), nullable=False),
    sa.Column('priority_rank', sa.Integer(), nullable=False),
    sa.Column('arrived_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('accepted_by', sa.Uuid(), nullable=True),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['accepted_by'], ['users.id'], name=op.f('fk_tasks_accepted_by_users')),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_tasks_activity_id_activities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks')),
    sa.UniqueConstraint('activity_id', name=op.f('uq_tasks_activity_id'))
    )
    op.create_index('ix_tasks_queue', 'tasks', ['state', 'priority_rank', 'arrived_at'], unique=False)
    op.create_index('uq_tasks_one_per_agent', 'tasks', ['accepted_by'], unique=True,
                    sqlite_where=sa.text(ACCEPTED), postgresql_where=sa.text(ACCEPTED))


def downgrade() -> None:
    op.drop_index('uq_tasks_one_per_agent', table_name='tasks')
    op.drop_index('ix_tasks_queue', table_name='tasks')
    op.drop_table('tasks')
    op.drop_index('uq_activities_message_id', table_name='activities')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activities_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_activities_contact_id'))
        batch_op.drop_index(batch_op.f('ix_activities_change_seq'))
    op.drop_table('activities')
