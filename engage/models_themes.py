"""What theme tagging stores: taxonomy versions, trained taggers, and each free-text answer's tags.

A taxonomy version is never changed: editing the taxonomy writes a new one, so
a report can name the version it used and be drawn again the same way. The
young person's words stay in ``answers`` only; nothing here holds a copy of
them (a tag's reason is a few words the tagger read in the scrubbed text).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from engage.extensions import db
from engage.models import JSONValue, utcnow

BY_TAGGER, BY_PERSON = "tagger", "person"
TAG_SOURCES = (BY_TAGGER, BY_PERSON)


class TaxonomyVersion(db.Model):
    """The board's themes and areas of focus as they stood: ``Taxonomy.to_dict()``."""

    __tablename__ = "taxonomy_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    # Read only by a process that has not parsed this version yet.
    taxonomy: Mapped[dict[str, Any]] = mapped_column(JSONValue, deferred=True)


class TaggerModel(db.Model):
    """A tagger trained for one taxonomy version; the newest for the current version tags."""

    __tablename__ = "tagger_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    taxonomy_version_id: Mapped[int] = mapped_column(ForeignKey("taxonomy_versions.id"), index=True)
    trained_on: Mapped[int]  # how many examples it learnt from
    # ``Tagger.to_bytes()``: read only by a process that has not loaded this model yet.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class AnswerTag(db.Model):
    """One theme on one answer, as the tagger saw it or as a person decided."""

    __tablename__ = "answer_tags"
    __table_args__ = (UniqueConstraint("answer_id", "theme_key", "source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    theme_key: Mapped[str] = mapped_column(String(80), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(8))  # BY_TAGGER or BY_PERSON
    taxonomy_version_id: Mapped[int] = mapped_column(ForeignKey("taxonomy_versions.id"))
    tagger_model_id: Mapped[int | None] = mapped_column(ForeignKey("tagger_models.id", ondelete="SET NULL"))


class AnswerAnalysis(db.Model):
    """One free-text answer as analysed: its sentiment, when it was tagged, and any review.

    A row with no tagger tags is an *untagged* answer: shown as such, never
    pushed into the nearest theme. Once reviewed, the person's tags are the
    answer's themes (an empty set meaning "no theme fits").
    """

    __tablename__ = "answer_analyses"

    answer_id: Mapped[int] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    sentiment: Mapped[str | None] = mapped_column(String(16))
    sentiment_score: Mapped[float | None] = mapped_column(Float)
    tagged_at: Mapped[datetime] = mapped_column(default=utcnow)
    taxonomy_version_id: Mapped[int] = mapped_column(ForeignKey("taxonomy_versions.id"), index=True)
    tagger_model_id: Mapped[int | None] = mapped_column(ForeignKey("tagger_models.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(index=True)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
