"""What is stored: consultations, their survey versions, responses and answers.

A response holds no IP address, user agent or name: only the channel, an
age band if the survey asked, the language and the day.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.extensions import db
from engage.i18n import _l

JSONValue = JSON().with_variant(JSONB(), "postgresql")

DRAFT, OPEN, CLOSED = "draft", "open", "closed"
CONSULTATION_STATUS_NAMES = {DRAFT: _l("Draft"), OPEN: _l("Open"), CLOSED: _l("Closed")}
IN_PROGRESS, SUBMITTED = "in_progress", "submitted"
WEB, CHAT = "web", "chat"

# Where a consultation took place (None: not recorded), in the order they are listed.
SETTINGS = ("school", "college", "youth_club", "community_event", "online", "other")
SETTING_NAMES = {
    "school": _l("School"),
    "college": _l("College"),
    "youth_club": _l("Youth club or youth service"),
    "community_event": _l("Community event"),
    "online": _l("Online"),
    "other": _l("Other"),
}


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
    setting: Mapped[str | None] = mapped_column(String(40))  # one of SETTINGS, or None: not recorded
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_versions.id", use_alter=True, name="fk_consultation_current_version")
    )

    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL", name="fk_consultation_created_by")
    )
    # Question ids the facilitator has hidden from the live event screen.
    live_hidden: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    offer_contact: Mapped[bool] = mapped_column(default=False, server_default=false())  # opt-in contact step

    current_version: Mapped[SurveyVersion | None] = relationship(
        foreign_keys=[current_version_id], post_update=True, lazy="joined"
    )
    members: Mapped[list[User]] = relationship(
        secondary="consultation_members", back_populates="consultations", lazy="select"
    )

    def accepts_answers_on(self, day: date) -> bool:
        return accepts_answers(self.status, self.opens_on, self.closes_on, day)


def accepts_answers(status: str, opens_on: date | None, closes_on: date | None, day: date) -> bool:
    """Whether a consultation with that status and those dates takes answers on ``day``."""
    return status == OPEN and (opens_on is None or opens_on <= day) and (closes_on is None or day <= closes_on)


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
    # Voice summaries: a period's sent responses, counted and joined without reading the table.
    __table_args__ = (
        Index("ix_responses_report", "submitted_on", "status", "consultation_id", "age_band", "channel"),
    )

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
    # A possible safeguarding disclosure: kept from the live view, boards and reports.
    flagged: Mapped[bool] = mapped_column(default=False, server_default=false())

    response: Mapped[Response] = relationship(back_populates="answers")


# Roles, from most to least trusted. A co-facilitator is a young person who
# runs the consultations they are added to.
ADMIN = "admin"
FACILITATOR = "facilitator"
CO_FACILITATOR = "co_facilitator"
BOARD_MEMBER = "board_member"
SAFEGUARDING_LEAD = "safeguarding_lead"
ROLES = (ADMIN, FACILITATOR, CO_FACILITATOR, BOARD_MEMBER, SAFEGUARDING_LEAD)


class ConsultationMember(db.Model):
    """A facilitator or co-facilitator added to run one consultation."""

    __tablename__ = "consultation_members"

    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class User(db.Model):
    """A member of staff, a co-facilitator or a board member; never a respondent."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(24))
    # Empty until an invited person chooses a password.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    # SHA-256 of the one-time invitation token, and when it stops working.
    invite_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    invite_expires_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # Bumped on password change or deactivation: every older session ends.
    session_version: Mapped[int] = mapped_column(default=1)

    consultations: Mapped[list[Consultation]] = relationship(
        secondary="consultation_members", back_populates="members", lazy="select"
    )

    # Flask-Login's interface
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active and self.password_hash is not None

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"


class AuditEvent(db.Model):
    """Who created, published, closed, exported or deleted what, and when."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The account's email at the time, kept if the account is later removed.
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(40))
    target_type: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)


class ApiToken(db.Model):
    """A personal token for the JSON API; only its hash is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_on: Mapped[date | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(lazy="joined")


# A safeguarding alert's status, as the designated safeguarding lead (DSL) sets it.
ALERT_NEW, ALERT_REVIEWED, ALERT_REFERRED, ALERT_NO_ACTION = "new", "reviewed", "referred", "no_action"
ALERT_STATUSES = (ALERT_NEW, ALERT_REVIEWED, ALERT_REFERRED, ALERT_NO_ACTION)


class SafeguardingAlert(db.Model):
    """A possible disclosure, for the safeguarding lead's eyes only: one per flagged answer.

    It keeps its own copy of the words, the question and the consultation's
    title: it is the lead's record, and must outlive the answer being changed,
    dropped from the path, erased, or its consultation deleted.
    """

    __tablename__ = "safeguarding_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answers.id", ondelete="SET NULL"), unique=True
    )
    consultation_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultations.id", ondelete="SET NULL"), index=True
    )
    consultation_title: Mapped[str] = mapped_column(String(200))
    question_text: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    concern: Mapped[str] = mapped_column(String(40))  # what the check thought it saw
    # The language the check read the words in, when not English: the lead may need a translation.
    language: Mapped[str | None] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(8))
    # To the minute: the lead needs "when", not a timestamp that could pick out a device.
    created_at: Mapped[datetime] = mapped_column(index=True)
    # When it last became new: the 24 hours an alert may wait count from here.
    waiting_since: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), default=ALERT_NEW, index=True)
    reviewed_at: Mapped[datetime | None]
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_by: Mapped[str | None] = mapped_column(String(254))  # email then, kept if the account goes

    notes: Mapped[list[SafeguardingNote]] = relationship(
        order_by="SafeguardingNote.id", cascade="all, delete-orphan", passive_deletes=True
    )
    views: Mapped[list[AlertView]] = relationship(
        order_by="AlertView.id", cascade="all, delete-orphan", passive_deletes=True
    )
    contact_requests: Mapped[list[ContactRequest]] = relationship(
        order_by="ContactRequest.id", cascade="all, delete-orphan", passive_deletes=True
    )


class SafeguardingNote(db.Model):
    """One entry in an alert's notes; entries are only ever added, never edited."""

    __tablename__ = "safeguarding_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(
        ForeignKey("safeguarding_alerts.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    author: Mapped[str] = mapped_column(String(254))  # email then, or "Engage" for its own notes
    text: Mapped[str] = mapped_column(Text)


class AlertView(db.Model):
    """Someone opened an alert and read its words."""

    __tablename__ = "alert_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(
        ForeignKey("safeguarding_alerts.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    viewer: Mapped[str] = mapped_column(String(254))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class ContactRequest(db.Model):
    """A way to reach the young person, given only because they chose to ask for contact."""

    __tablename__ = "contact_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(
        ForeignKey("safeguarding_alerts.id", ondelete="CASCADE"), index=True
    )
    how_to_reach: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
