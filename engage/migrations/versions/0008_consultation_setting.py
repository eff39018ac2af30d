"""consultation setting: where a consultation took place (school, youth club, online ...)

Board pages show who took part by setting; consultations made before this
have none recorded (NULL), shown as "Not recorded".

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 10:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('setting', sa.String(length=40), nullable=True))


def downgrade():
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.drop_column('setting')
