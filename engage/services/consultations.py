"""Consultations: create from a template, list, look up by join code."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import delete, func, select

from engage.database import writing
from engage.extensions import db
from engage.models import (
    CLOSED,
    CO_FACILITATOR,
    ConsultationMember,
    DRAFT,
    OPEN,
    SETTINGS,
    SUBMITTED,
    Consultation,
    Response,
    SurveyVersion,
    User,
)
from engage.services import audit
from engage.services.errors import ConsultationClosed, ConsultationNotFound
from engage.services.join_codes import new_join_code, normalise_join_code
from surveys import Survey
from surveys.templates import load_template, template_text
from surveys.textformat import dumps, loads


class Titled(Protocol):
    """A consultation, or a row read of one (``responding.Answering``): what has its title."""

    title: str


@dataclass(frozen=True)
class ConsultationSummary:
    join_code: str
    title: str
    kind: str
    status: str
    template: str | None
    responses: int
    opens_on: date | None
    closes_on: date | None

    def to_dict(self) -> dict:
        data = dict(self.__dict__)
        for key in ("opens_on", "closes_on"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


_PARSED: dict[str, Survey] = {}


def survey_of(consultation: Consultation, version_id: int | None = None) -> Survey:
    """The consultation's survey (or an earlier version of it), parsed once per process.

    A stored version never changes, so its digest names it for good, and the
    text itself is only read from the database the first time.
    """
    version = consultation.current_version
    if version_id is not None and version_id != version.id:
        version = db.session.get(SurveyVersion, version_id)
    return survey_version(version.id, version.digest)


def survey_version(version_id: int, digest: str) -> Survey:
    """The stored survey version with that id and digest, parsed once per process."""
    survey = _PARSED.get(digest)
    if survey is None:
        if len(_PARSED) > 512:
            _PARSED.clear()
        definition = db.session.scalar(select(SurveyVersion.definition).where(SurveyVersion.id == version_id))
        survey = _PARSED[digest] = loads(definition)
    return survey


def word_questions(consultation_id: int, version_id: int) -> list[str]:
    """The ids of the questions in that version of the survey that take free text."""
    survey = survey_of(db.session.get(Consultation, consultation_id), version_id)
    return [q.id for q in survey.questions if q.kind.takes_words]


def title_for(consultation: Titled, language: str, survey: Survey | None = None) -> str:
    """The consultation's title as a young person reading ``language`` sees it.

    A consultation made from a built-in template starts with the survey's English
    title, and the survey carries that title in every shipped language: while the
    facilitator has left it as it was, the reader gets it in their own language.
    A title the facilitator wrote is theirs, and stays as written.
    """
    survey = survey or survey_of(consultation)  # a row read of one comes with its survey
    if consultation.title == survey.title_in():
        return survey.title_in(language) or consultation.title
    return consultation.title


def stored_form(survey: Survey) -> tuple[str, str]:
    """The survey's text as a version stores it, and the digest that names it."""
    definition = dumps(survey)
    return definition, hashlib.sha256(definition.encode()).hexdigest()


def create_consultation(
    survey: Survey,
    *,
    template: str | None = None,
    title: str | None = None,
    status: str = DRAFT,
    opens_on: date | None = None,
    closes_on: date | None = None,
    setting: str | None = None,
    by: User | None = None,
) -> Consultation:
    if setting is not None and setting not in SETTINGS:
        raise ValueError(f"unknown setting {setting!r}: choose one of {', '.join(SETTINGS)}")
    with writing():
        consultation = Consultation(
            join_code=_unused_join_code(),
            kind=survey.kind,
            title=title or survey.title_in(),
            template=template,
            status=status,
            min_age=survey.min_age,
            max_age=survey.max_age,
            opens_on=opens_on,
            closes_on=closes_on,
            setting=setting,
            created_by_id=by.id if by else None,
        )
        db.session.add(consultation)
        db.session.flush()
        definition, digest = stored_form(survey)
        version = SurveyVersion(
            consultation_id=consultation.id, number=1, definition=definition, digest=digest
        )
        db.session.add(version)
        db.session.flush()
        consultation.current_version = version
        db.session.flush()
        audit.record(by, "created", "consultation", consultation.join_code, title=consultation.title)
    return consultation


def create_from_template(name: str, **options) -> Consultation:
    template_text(name)  # refuses an unknown name with the list of known ones
    return create_consultation(load_template(name), template=name, **options)


_STATUS_ACTIONS = {DRAFT: "moved to draft", OPEN: "published", CLOSED: "closed"}


def set_status(join_code: str, status: str, by: User | None = None) -> Consultation:
    if status not in _STATUS_ACTIONS:
        raise ValueError(f"unknown status {status!r}")
    with writing():
        consultation = find_consultation(join_code)
        if consultation.status != status:
            consultation.status = status
            audit.record(by, _STATUS_ACTIONS[status], "consultation", consultation.join_code)
    return consultation


def delete_consultation(join_code: str, by: User | None = None) -> None:
    """Remove a consultation with every response and answer to it."""
    with writing():
        consultation = find_consultation(join_code)
        title, code = consultation.title, consultation.join_code
        consultation.current_version_id = None
        db.session.flush()
        # Children first: answers go with their responses (ON DELETE CASCADE).
        for table in (Response, SurveyVersion):
            db.session.execute(delete(table).where(table.consultation_id == consultation.id))
        db.session.delete(consultation)
        audit.record(by, "deleted", "consultation", code, title=title)


def find_consultation(join_code: str) -> Consultation:
    code = normalise_join_code(join_code)
    consultation = (
        db.session.scalar(select(Consultation).where(Consultation.join_code == code))
        if code
        else None
    )
    if consultation is None:
        raise ConsultationNotFound(join_code)
    return consultation


def consultation_for_answering(join_code: str, today: date) -> Consultation:
    consultation = find_consultation(join_code)
    if not consultation.accepts_answers_on(today):
        raise ConsultationClosed(consultation)
    return consultation


def list_consultations(run_by: User | None = None) -> list[ConsultationSummary]:
    """Every consultation, or only those a co-facilitator was added to."""
    submitted = (
        select(Response.consultation_id, func.count().label("n"))
        .where(Response.status == SUBMITTED)
        .group_by(Response.consultation_id)
        .subquery()
    )
    query = (
        select(Consultation, func.coalesce(submitted.c.n, 0))
        .outerjoin(submitted, submitted.c.consultation_id == Consultation.id)
        .order_by(Consultation.created_at, Consultation.id)
    )
    if run_by is not None and run_by.role == CO_FACILITATOR:
        query = query.join(
            ConsultationMember,
            (ConsultationMember.consultation_id == Consultation.id)
            & (ConsultationMember.user_id == run_by.id),
        )
    return [_summary(c, n) for c, n in db.session.execute(query).all()]


def summary_of(consultation: Consultation) -> ConsultationSummary:
    submitted = db.session.scalar(
        select(func.count())
        .select_from(Response)
        .where(Response.consultation_id == consultation.id, Response.status == SUBMITTED)
    )
    return _summary(consultation, submitted or 0)


def _summary(c: Consultation, responses: int) -> ConsultationSummary:
    return ConsultationSummary(
        join_code=c.join_code,
        title=c.title,
        kind=c.kind,
        status=c.status,
        template=c.template,
        responses=responses,
        opens_on=c.opens_on,
        closes_on=c.closes_on,
    )


def _unused_join_code() -> str:
    while True:
        code = new_join_code()
        if not db.session.scalar(select(Consultation.id).where(Consultation.join_code == code)):
            return code
