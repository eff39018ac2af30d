"""Safeguarding alerts: a possible disclosure put before the designated safeguarding lead, and nobody else.

An alert is raised inside the unit of work that saves the young person's
answer, so the two commit together; the leads are told only after that commit
(``engage.services.notify``). Every use case here that shows or changes an
alert checks the role itself, not only the console view, so no other channel
can reach the words by mistake.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import case, exists, select

from engage.analysis.safeguarding import possible_disclosure
from engage.database import writing
from engage.extensions import db
from engage.i18n import _l
from engage.models import (
    ALERT_NEW,
    ALERT_NO_ACTION,
    ALERT_REFERRED,
    ALERT_REVIEWED,
    ALERT_STATUSES,
    SAFEGUARDING_LEAD,
    AlertView,
    Answer,
    Consultation,
    ContactRequest,
    Response,
    SafeguardingAlert,
    SafeguardingNote,
    User,
    utcnow,
)
from engage.services import audit, notify
from engage.services.consultations import find_consultation, survey_of
from engage.services.errors import NotAllowed, ServiceError
from engage.tokens import token_digest
from surveys import PREFER_NOT_TO_SAY
from surveys.question_types import clean_text

OVERDUE_AFTER = timedelta(hours=24)
STATUS_NAMES = {
    ALERT_NEW: _l("New"),
    ALERT_REVIEWED: _l("Reviewed"),
    ALERT_REFERRED: _l("Referred"),
    ALERT_NO_ACTION: _l("No action"),
}
ENGAGE = "Engage"  # the author of the notes Engage writes itself
MAX_NOTE = 5000
MAX_CONTACT = 500
ALERT = "safeguarding alert"  # the audit log's target type


class AlertNotFound(ServiceError):
    """No alert has this number."""


class AlertError(ServiceError):
    """The change cannot be made as asked; the message says why."""


class ContactNotOffered(ServiceError):
    """This consultation does not offer contact, or this young person has nothing with the lead."""


@dataclass(frozen=True)
class QueueEntry:
    alert: SafeguardingAlert
    overdue: bool
    contact_requested: bool


def to_the_minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def is_overdue(alert: SafeguardingAlert, now: datetime | None = None) -> bool:
    """Still new more than 24 hours after it started waiting."""
    return alert.status == ALERT_NEW and alert.waiting_since <= (now or utcnow()) - OVERDUE_AFTER


# The young person's side


def raise_alert(response: Response, answer: Answer) -> SafeguardingAlert | None:
    """Give the lead a copy of a flagged answer's words: one alert per answer.

    Called inside the unit of work that saved the answer. Flagged again with
    new words, the alert's copy is updated and the earlier words kept in a
    note, rather than a second alert. An answer of "prefer not to say" holds
    no words: the young person chose not to send what they had typed.
    """
    text = answer.value if isinstance(answer.value, str) else None
    if not text or text == PREFER_NOT_TO_SAY:
        return None
    db.session.flush()  # a new answer needs its id
    query = select(SafeguardingAlert).where(SafeguardingAlert.answer_id == answer.id)
    alert = db.session.scalar(query.execution_options(populate_existing=True))
    if alert is None:
        alert = _new_alert(response, answer, text)
        notify.after_commit(alert.id)
    elif alert.text != text:
        note = f"The young person changed their words. Before, they wrote: {alert.text}"
        alert.text = text
        if _reopen(alert, note):
            notify.after_commit(alert.id)
    return alert


def contact_offered(join_code: str, token: str | None) -> bool:
    """May this young person ask to be contacted: the consultation offers it and they have an alert."""
    try:
        return _alert_of(join_code, token) is not None
    except ContactNotOffered:
        return False


def request_contact(join_code: str, token: str | None, how_to_reach: str) -> ContactRequest:
    """Keep a way to reach the young person, for the lead only, linked to their latest alert.

    Cleaned as an answer is (no NUL, which PostgreSQL cannot store, nor other
    control or invisible characters), so the lead reads what was meant.
    """
    how_to_reach = clean_text(how_to_reach or "")
    if not how_to_reach:
        raise AlertError(_("Please write how someone can reach you, or choose no thanks."))
    if len(how_to_reach) > MAX_CONTACT:
        raise AlertError(_("Please use up to %(max)s characters.", max=MAX_CONTACT))
    with writing():
        alert = _alert_of(join_code, token)
        if alert is None:
            raise ContactNotOffered(join_code)
        # To the minute, like the alert: nothing finer is needed to reach them.
        asked = ContactRequest(alert_id=alert.id, how_to_reach=how_to_reach, created_at=to_the_minute(utcnow()))
        db.session.add(asked)
        if _reopen(alert, "The young person asked to be contacted."):
            notify.after_commit(alert.id)
    return asked


# The safeguarding lead's side


def list_alerts(by: User, status: str | None = None, limit: int = 500) -> list[QueueEntry]:
    """New alerts first, the longest waiting at the top; then the rest, newest first."""
    _check_lead(by)
    if status is not None and status not in ALERT_STATUSES:
        raise AlertError(_("Unknown status %(status)s.", status=repr(status)))
    is_new = SafeguardingAlert.status == ALERT_NEW
    asked = exists().where(ContactRequest.alert_id == SafeguardingAlert.id)
    query = (
        select(SafeguardingAlert, asked)
        .order_by(
            case((is_new, 0), else_=1),
            case((is_new, SafeguardingAlert.waiting_since), else_=None),
            SafeguardingAlert.created_at.desc(),
            SafeguardingAlert.id.desc(),
        )
        .limit(limit)
        # Objects outlive commits in this session (expire_on_commit off): read them afresh.
        .execution_options(populate_existing=True)
    )
    if status is not None:
        query = query.where(SafeguardingAlert.status == status)
    now = utcnow()
    return [QueueEntry(alert, is_overdue(alert, now), bool(contact)) for alert, contact in db.session.execute(query)]


def view_alert(alert_id: int, by: User) -> SafeguardingAlert:
    """The alert with its words, recording that this person saw them (every time)."""
    _check_lead(by)
    with writing():
        alert = _get(alert_id)
        db.session.add(AlertView(alert_id=alert.id, user_id=by.id, viewer=by.email, at=utcnow()))
    return alert


def set_status(alert_id: int, status: str, by: User, note: str = "") -> SafeguardingAlert:
    _check_lead(by)
    if status not in ALERT_STATUSES:
        raise AlertError(_("Choose one of: %(statuses)s.", statuses=", ".join(map(str, STATUS_NAMES.values()))))
    note = _clean_note(note, required=False)
    with writing():
        alert = _get(alert_id, lock=True)
        if status != alert.status:
            now = utcnow()
            alert.status = status
            if status == ALERT_NEW:
                alert.waiting_since = to_the_minute(now)
            else:
                alert.reviewed_at, alert.reviewed_by_id, alert.reviewed_by = now, by.id, by.email
            # The status only: notes and words never go into the audit log, which admins read.
            audit.record(by, "changed alert status", ALERT, str(alert.id), status=status)
        if note:
            _add_note(alert, note, by)
    return alert


def add_note(alert_id: int, text: str, by: User) -> SafeguardingNote:
    _check_lead(by)
    text = _clean_note(text, required=True)
    with writing():
        alert = _get(alert_id, lock=True)
        note = _add_note(alert, text, by)
    return note


# A facilitator's side


def set_contact_offer(join_code: str, offer: bool, by: User) -> Consultation:
    """Turn the "I'd like someone to contact me" step on or off for a consultation."""
    with writing():
        consultation = find_consultation(join_code)
        if consultation.offer_contact != offer:
            consultation.offer_contact = offer
            action = "turned on contact offer" if offer else "turned off contact offer"
            audit.record(by, action, "consultation", consultation.join_code)
    return consultation


def _new_alert(response: Response, answer: Answer, text: str) -> SafeguardingAlert:
    consultation = db.session.get(Consultation, response.consultation_id)
    survey = survey_of(consultation, response.survey_version_id)
    question = survey.question(answer.question_id) if survey.has_question(answer.question_id) else None
    concern = possible_disclosure(text)
    now = to_the_minute(utcnow())
    alert = SafeguardingAlert(
        answer_id=answer.id,
        consultation_id=consultation.id,
        consultation_title=consultation.title,
        # In the survey's first language: the lead reads the question as it was written.
        question_text=question.text_in() if question else answer.question_id,
        text=text,
        concern=concern.kind if concern else "possible disclosure",
        language=concern.language if concern and concern.language != "en" else None,
        channel=response.channel,
        created_at=now,
        waiting_since=now,
        status=ALERT_NEW,
    )
    db.session.add(alert)
    db.session.flush()
    return alert


def _reopen(alert: SafeguardingAlert, note: str) -> bool:
    """Note what the young person did; an alert already dealt with goes back to new. True if it did."""
    reopened = alert.status != ALERT_NEW
    if reopened:
        with force_locale("en"):  # a note kept in the record, in the record's language
            was = str(STATUS_NAMES[alert.status]).lower()
        note += f" Back to new (it was {was}) so it is looked at again."
        alert.status = ALERT_NEW
        alert.waiting_since = to_the_minute(utcnow())
    db.session.add(SafeguardingNote(alert_id=alert.id, author=ENGAGE, text=note, at=utcnow()))
    return reopened


def _alert_of(join_code: str, token: str | None) -> SafeguardingAlert | None:
    """The latest alert from this young person's response, if their consultation offers contact."""
    consultation = find_consultation(join_code)
    if not consultation.offer_contact:
        raise ContactNotOffered(join_code)
    if not token:
        return None
    query = (
        select(SafeguardingAlert)
        .join(Answer, SafeguardingAlert.answer_id == Answer.id)
        .join(Response, Answer.response_id == Response.id)
        .where(Response.resume_key == token_digest(token), Response.consultation_id == consultation.id)
        .order_by(SafeguardingAlert.id.desc())
        .limit(1)
    )
    return db.session.scalar(query)


def _get(alert_id: int, lock: bool = False) -> SafeguardingAlert:
    query = select(SafeguardingAlert).where(SafeguardingAlert.id == alert_id)
    query = query.execution_options(populate_existing=True)
    if lock:
        query = query.with_for_update()
    alert = db.session.scalar(query)
    if alert is None:
        raise AlertNotFound(alert_id)
    return alert


def _add_note(alert: SafeguardingAlert, text: str, by: User) -> SafeguardingNote:
    note = SafeguardingNote(alert_id=alert.id, user_id=by.id, author=by.email, text=text, at=utcnow())
    db.session.add(note)
    audit.record(by, "added alert note", ALERT, str(alert.id))
    return note


def _clean_note(text: str | None, required: bool) -> str:
    text = (text or "").strip()
    if required and not text:
        raise AlertError(_("Write a note first."))
    if len(text) > MAX_NOTE:
        raise AlertError(_("Please keep a note to %(max)s characters.", max=MAX_NOTE))
    return text


def _check_lead(user: User) -> None:
    if user is None or user.role != SAFEGUARDING_LEAD:
        raise NotAllowed(_("Only the designated safeguarding lead sees safeguarding alerts."))
