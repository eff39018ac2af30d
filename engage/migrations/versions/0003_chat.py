"""Telegram chatbot: conversations by keyed hash, seen update ids, news subscriptions and outbox

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 18:29:36.440448

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('chat_conversations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('chat_key', sa.String(length=64), nullable=False),
    sa.Column('join_code', sa.String(length=12), nullable=True),
    sa.Column('token', sa.String(length=64), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('screen', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('keyboard_message_id', sa.BigInteger(), nullable=True),
    sa.Column('flood_since', sa.DateTime(), nullable=True),
    sa.Column('flood_count', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('chat_key')
    )
    op.create_table('chat_seen_updates',
    sa.Column('update_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('update_id')
    )
    with op.batch_alter_table('chat_seen_updates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_seen_updates_seen_at'), ['seen_at'], unique=False)

    op.create_table('chat_subscriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('chat_key', sa.String(length=64), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('consultation_id', 'chat_key')
    )
    with op.batch_alter_table('chat_subscriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_subscriptions_chat_key'), ['chat_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_chat_subscriptions_consultation_id'), ['consultation_id'], unique=False)

    op.create_table('chat_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('not_before', sa.DateTime(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['subscription_id'], ['chat_subscriptions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('chat_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_outbox_subscription_id'), ['subscription_id'], unique=False)



def downgrade():
    with op.batch_alter_table('chat_outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_outbox_subscription_id'))

    op.drop_table('chat_outbox')
    with op.batch_alter_table('chat_subscriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_subscriptions_consultation_id'))
        batch_op.drop_index(batch_op.f('ix_chat_subscriptions_chat_key'))

    op.drop_table('chat_subscriptions')
    with op.batch_alter_table('chat_seen_updates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_seen_updates_seen_at'))

    op.drop_table('chat_seen_updates')
    op.drop_table('chat_conversations')
