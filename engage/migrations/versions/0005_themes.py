"""theme tagging: taxonomy versions, trained taggers, answer tags and analyses

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 20:31:01.301623

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('taxonomy_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('taxonomy', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number')
    )
    op.create_table('tagger_models',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('taxonomy_version_id', sa.Integer(), nullable=False),
    sa.Column('trained_on', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['taxonomy_version_id'], ['taxonomy_versions.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('tagger_models', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tagger_models_taxonomy_version_id'), ['taxonomy_version_id'], unique=False)

    op.create_table('answer_analyses',
    sa.Column('answer_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('sentiment', sa.String(length=16), nullable=True),
    sa.Column('sentiment_score', sa.Float(), nullable=True),
    sa.Column('tagged_at', sa.DateTime(), nullable=False),
    sa.Column('taxonomy_version_id', sa.Integer(), nullable=False),
    sa.Column('tagger_model_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tagger_model_id'], ['tagger_models.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['taxonomy_version_id'], ['taxonomy_versions.id'], ),
    sa.PrimaryKeyConstraint('answer_id')
    )
    with op.batch_alter_table('answer_analyses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_analyses_reviewed_at'), ['reviewed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_answer_analyses_taxonomy_version_id'), ['taxonomy_version_id'], unique=False)

    op.create_table('answer_tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('theme_key', sa.String(length=80), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('taxonomy_version_id', sa.Integer(), nullable=False),
    sa.Column('tagger_model_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tagger_model_id'], ['tagger_models.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['taxonomy_version_id'], ['taxonomy_versions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('answer_id', 'theme_key', 'source')
    )
    with op.batch_alter_table('answer_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_tags_theme_key'), ['theme_key'], unique=False)


def downgrade():
    with op.batch_alter_table('answer_tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_tags_theme_key'))

    op.drop_table('answer_tags')
    with op.batch_alter_table('answer_analyses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_analyses_taxonomy_version_id'))
        batch_op.drop_index(batch_op.f('ix_answer_analyses_reviewed_at'))

    op.drop_table('answer_analyses')
    with op.batch_alter_table('tagger_models', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tagger_models_taxonomy_version_id'))

    op.drop_table('tagger_models')
    op.drop_table('taxonomy_versions')
