"""actions: "you said, we did", with their themes and consultations

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('internal_note', sa.Text(), nullable=False),
    sa.Column('agency', sa.String(length=80), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('sent_text', sa.Text(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actions_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_actions_published_at'), ['published_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_actions_status'), ['status'], unique=False)

    op.create_table('action_themes',
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('theme_key', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('action_id', 'theme_key')
    )
    with op.batch_alter_table('action_themes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_themes_theme_key'), ['theme_key'], unique=False)

    op.create_table('action_consultations',
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('action_id', 'consultation_id')
    )
    with op.batch_alter_table('action_consultations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_consultations_consultation_id'), ['consultation_id'], unique=False)


def downgrade():
    with op.batch_alter_table('action_consultations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_consultations_consultation_id'))

    op.drop_table('action_consultations')
    with op.batch_alter_table('action_themes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_themes_theme_key'))

    op.drop_table('action_themes')
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actions_status'))
        batch_op.drop_index(batch_op.f('ix_actions_published_at'))
        batch_op.drop_index(batch_op.f('ix_actions_due_on'))

    op.drop_table('actions')
