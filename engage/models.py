"""What is stored: consultations, their survey versions, responses and answers.

A response holds no IP address, user agent or name: only the channel, an
age band if the survey asked, the language and the day.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.extensions import db

JSONValue = JSON().with_variant(JSONB(), "postgresql")

DRAFT, OPEN, CLOSED = "draft", "open", "closed"
IN_PROGRESS, SUBMITTED = "in_progress", "submitted"
WEB, CHAT = "web", "chat"


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Consultation(db.Model):
    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    join_code: Mapped[str] = mapped_column(String(12), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    template: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(12), default=DRAFT)
    min_age: Mapped[int | None]
    max_age: Mapped[int | None]
    opens_on: Mapped[date | None]
    closes_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_versions.id", use_alter=True, name="fk_consultation_current_version")
    )

    current_version: Mapped[SurveyVersion | None] = relationship(
        foreign_keys=[current_version_id], post_update=True, lazy="joined"
    )

    def accepts_answers_on(self, day: date) -> bool:
        return (
            self.status == OPEN
            and (self.opens_on is None or self.opens_on <= day)
            and (self.closes_on is None or day <= self.closes_on)
        )


class SurveyVersion(db.Model):
    """The survey text as it stood; once answers exist, edits make a new version."""

    __tablename__ = "survey_versions"
    __table_args__ = (UniqueConstraint("consultation_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    # The survey's YAML text, read only when this process has not parsed it yet.
    definition: Mapped[str] = mapped_column(Text, deferred=True)
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the definition
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Response(db.Model):
    """One young person's anonymous answers to one consultation."""

    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    survey_version_id: Mapped[int] = mapped_column(ForeignKey("survey_versions.id"))
    channel: Mapped[str] = mapped_column(String(8))
    # A hash of the random token in the respondent's own cookie or chat: lets
    # them resume, and makes a replayed request land on the same response.
    resume_key: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(12), default=IN_PROGRESS)
    current_question: Mapped[str | None] = mapped_column(String(64))
    path: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    language: Mapped[str] = mapped_column(String(8), default="en")
    age_band: Mapped[str | None] = mapped_column(String(64))
    started_on: Mapped[date]
    submitted_on: Mapped[date | None] = mapped_column(index=True)

    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )


class Answer(db.Model):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("response_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSONValue)

    response: Mapped[Response] = relationship(back_populates="answers")
