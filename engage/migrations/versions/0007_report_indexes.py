"""report indexes: sent responses by day, with what a voice summary groups them by

One index serves every voice summary of a period: the responses sent in it
are found, counted by consultation, age band and channel, and joined to their
answers without reading the responses table itself (a covering index).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 10:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.create_index(
            'ix_responses_report', ['submitted_on', 'status', 'consultation_id', 'age_band', 'channel'], unique=False
        )


def downgrade():
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index('ix_responses_report')
