"""What the Telegram chatbot stores: conversations by keyed hash, and the opt-in news list.

A chat id identifies a person on Telegram, so it is kept in clear in exactly one
place: ``chat_subscriptions``, the list of chats that asked for "you said, we
did" news (and it leaves when they say /updates off or /stop). Everything else
is keyed by ``chat_key``, an HMAC of the chat id under a server key: it lets a
chat find its own conversation again without the table saying whose it is.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.extensions import db
from engage.models import JSONValue, utcnow


class ChatConversation(db.Model):
    """Where one chat is: the survey it is answering and what is on its screen."""

    __tablename__ = "chat_conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_key: Mapped[str] = mapped_column(String(64), unique=True)
    join_code: Mapped[str | None] = mapped_column(String(12))
    # The respondent's resume token, as a browser keeps it in a cookie; dropped
    # once the answers are sent, so a finished response no longer links to the chat.
    token: Mapped[str | None] = mapped_column(String(64))
    # Chosen with /language, or Telegram's app language at /start; None until either.
    language: Mapped[str | None] = mapped_column(String(8))
    # The screen last shown: its tag (as in callback data), question id, choice
    # values by button index, what /skip does, and ticks made before Done.
    screen: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    # The last message with live buttons, so they can be taken away when the chat moves on.
    keyboard_message_id: Mapped[int | None] = mapped_column(BigInteger)
    flood_since: Mapped[datetime | None]
    flood_count: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ChatSeenUpdate(db.Model):
    """Telegram update ids already handled: a retried delivery is not applied twice."""

    __tablename__ = "chat_seen_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class ChatSubscription(db.Model):
    """A chat that asked for news of one consultation: the only raw chat id we keep."""

    __tablename__ = "chat_subscriptions"
    __table_args__ = (UniqueConstraint("consultation_id", "chat_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    chat_key: Mapped[str] = mapped_column(String(64), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ChatOutbox(db.Model):
    """One news message waiting to go to one subscribed chat."""

    __tablename__ = "chat_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("chat_subscriptions.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A sender holds a message until then; a failed one waits until then to be tried again.
    not_before: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)

    subscription: Mapped[ChatSubscription] = relationship(lazy="joined")
