"""safeguarding alert language: the language the check read a young person's words in

An alert raised by words in Welsh, Polish, Romanian, Arabic or Urdu says so, so
that a lead who does not read it asks for a translation before deciding. Alerts
raised before this were read in English only (NULL).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 15:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('safeguarding_alerts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=True))


def downgrade():
    with op.batch_alter_table('safeguarding_alerts', schema=None) as batch_op:
        batch_op.drop_column('language')
