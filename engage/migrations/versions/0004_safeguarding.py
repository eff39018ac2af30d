"""safeguarding alerts for the lead: notes, views, contact requests; a consultation's contact offer

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 19:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('offer_contact', sa.Boolean(), server_default=sa.false(), nullable=False))

    op.create_table('safeguarding_alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=True),
    sa.Column('consultation_id', sa.Integer(), nullable=True),
    sa.Column('consultation_title', sa.String(length=200), nullable=False),
    sa.Column('question_text', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('concern', sa.String(length=40), nullable=False),
    sa.Column('channel', sa.String(length=8), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('waiting_since', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_by', sa.String(length=254), nullable=True),
    sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('answer_id')
    )
    with op.batch_alter_table('safeguarding_alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_alerts_consultation_id'), ['consultation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_alerts_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_alerts_status'), ['status'], unique=False)

    op.create_table('safeguarding_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('author', sa.String(length=254), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['safeguarding_alerts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('safeguarding_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_notes_alert_id'), ['alert_id'], unique=False)

    op.create_table('alert_views',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('viewer', sa.String(length=254), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['safeguarding_alerts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('alert_views', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_views_alert_id'), ['alert_id'], unique=False)

    op.create_table('contact_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('how_to_reach', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['safeguarding_alerts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('contact_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_requests_alert_id'), ['alert_id'], unique=False)


def downgrade():
    with op.batch_alter_table('contact_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_requests_alert_id'))
    op.drop_table('contact_requests')

    with op.batch_alter_table('alert_views', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_views_alert_id'))
    op.drop_table('alert_views')

    with op.batch_alter_table('safeguarding_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguarding_notes_alert_id'))
    op.drop_table('safeguarding_notes')

    with op.batch_alter_table('safeguarding_alerts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguarding_alerts_status'))
        batch_op.drop_index(batch_op.f('ix_safeguarding_alerts_created_at'))
        batch_op.drop_index(batch_op.f('ix_safeguarding_alerts_consultation_id'))
    op.drop_table('safeguarding_alerts')

    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.drop_column('offer_contact')
