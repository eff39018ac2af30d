"""What the action register stores: the board's replies to what young people said ("you said, we did").

An action answers one or more themes (by the taxonomy's stable theme keys, one
row each, so a report can group actions by theme) and one or more
consultations. Its ``summary`` is written for young people and is the only
text of it that ever leaves the console; the ``internal_note`` is for the board.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.extensions import db
from engage.models import Consultation, utcnow

ACTION_PLANNED, ACTION_IN_PROGRESS, ACTION_DONE = "planned", "in_progress", "done"
ACTION_STATUSES = (ACTION_PLANNED, ACTION_IN_PROGRESS, ACTION_DONE)


class Action(db.Model):
    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    summary: Mapped[str] = mapped_column(Text)  # for young people: plain words, short
    internal_note: Mapped[str] = mapped_column(Text, default="")  # for the board, never public
    agency: Mapped[str] = mapped_column(String(80))  # who owns it: council, police, health, ...
    due_on: Mapped[date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(12), default=ACTION_PLANNED, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Set while the action shows on its consultations' public results pages.
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The news last queued for the chats that asked for updates, and when: the
    # same words are never queued twice, and a change can be offered for sending.
    sent_text: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]

    themes: Mapped[list[ActionTheme]] = relationship(
        order_by="ActionTheme.theme_key", cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    consultations: Mapped[list[Consultation]] = relationship(
        secondary="action_consultations", order_by="Consultation.title", lazy="selectin"
    )

    @property
    def theme_keys(self) -> list[str]:
        return [t.theme_key for t in self.themes]

    @property
    def published(self) -> bool:
        return self.published_at is not None


class ActionTheme(db.Model):
    """One theme an action answers; the key outlives the theme's name being edited."""

    __tablename__ = "action_themes"

    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True)
    theme_key: Mapped[str] = mapped_column(String(80), primary_key=True, index=True)


class ActionConsultation(db.Model):
    """A consultation whose young people this action answers; its results page shows it once published."""

    __tablename__ = "action_consultations"

    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
