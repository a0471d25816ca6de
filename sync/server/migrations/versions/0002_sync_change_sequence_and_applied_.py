"""sync change sequence and applied mutations

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 03:47:54.565874
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('applied_mutations',
    sa.Column('key', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('body_hash', sa.String(length=64), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_applied_mutations_user_id_users')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_applied_mutations'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_activities_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_attachments_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('components', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_components_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_contacts_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_contracts_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_customers_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('list_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_list_items_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_organizations_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_requests_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('software_complexes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_software_complexes_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_tags_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_tasks_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_tickets_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_users_change_seq'), ['change_seq'], unique=False)

    _number_existing_rows()


SYNCED = (
    "users", "list_items", "software_complexes", "components", "organizations", "customers", "contacts",
    "contracts", "tickets", "attachments", "requests", "tasks", "activities", "tags",
)


def _number_existing_rows() -> None:
    """Rows written before this revision get distinct change numbers, so a first pull sees them."""
    bind = op.get_bind()
    base = 0
    for table in SYNCED:
        bind.exec_driver_sql(
            f"UPDATE {table} SET change_seq = s.rn + {base} FROM "
            f"(SELECT id, row_number() OVER (ORDER BY id) AS rn FROM {table}) AS s WHERE {table}.id = s.id"
        )
        base += bind.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
    op.bulk_insert(
        sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)),
        [{"name": "change_seq", "value": base}],
    )


def downgrade() -> None:
    op.execute("DELETE FROM counters WHERE name = 'change_seq'")
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tickets_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tasks_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tags_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('software_complexes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_software_complexes_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_requests_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organizations_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('list_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_list_items_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contracts_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('components', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_components_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_change_seq'))
        batch_op.drop_column('change_seq')

    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activities_change_seq'))
        batch_op.drop_column('change_seq')

    op.drop_table('applied_mutations')
