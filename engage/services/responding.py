"""Answering a consultation, one screen at a time, from any channel.

Each screen's answer is written when the young person moves on, so a dropped
signal loses at most the screen in front of them. The respondent holds a
random token (in a cookie, or a chat's state); only its hash is stored, and
it is the only link between a person and their response.
"""
from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import Any, NamedTuple

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from engage.analysis.safeguarding import Concern, possible_disclosure
from engage.database import row_update, writing
from engage.extensions import db
from engage.models import IN_PROGRESS, SUBMITTED, Answer, Consultation, Response, SurveyVersion, accepts_answers
from engage.prepared import Prepared
from engage.services import safeguarding, theme_tagging
from engage.services.consultations import consultation_for_answering, survey_of, survey_version, title_for
from engage.services.errors import ResponseNotFound
from engage.services.join_codes import normalise_join_code
from engage.tokens import token_digest
from surveys import PREFER_NOT_TO_SAY, AnswerContext, AnswerError, RunnerState, Screen, Survey
from surveys import runner
from surveys.question_types import clean_text

NEXT, BACK, SKIP = "next", "back", "skip"


class Answering(NamedTuple):
    """A consultation as a young person answering it needs it: read as a row, with their response.

    Every screen reads both, so they come in one prepared query of plain
    columns: as ORM objects, with the consultation's survey version joined
    in, they cost three times the CPU (0.19 ms a screen against 0.06 ms).
    """

    id: int
    join_code: str
    title: str
    status: str
    opens_on: date | None
    closes_on: date | None
    offer_contact: bool  # the opt-in contact step, offered with the help

    def accepts_answers_on(self, day: date) -> bool:
        return accepts_answers(self.status, self.opens_on, self.closes_on, day)


class Answers(NamedTuple):
    """A response's own row as answering reads it, with the digest of the survey version it started on."""

    id: int
    survey_version_id: int
    current_question: str | None
    path: list[str] | None
    status: str
    version_digest: str  # last: from the version's table


@dataclass(frozen=True)
class Progress:
    """Where a respondent is, for a channel to show."""

    consultation: Answering
    survey: Survey
    state: RunnerState
    submitted: bool
    context: AnswerContext = field(default_factory=AnswerContext)
    # Set when the words just sent may tell of harm: the channel shows help at once.
    concern: Concern | None = None

    @property
    def screen(self) -> Screen | None:
        return None if self.submitted else runner.screen(self.survey, self.state)

    @property
    def ready_to_send(self) -> bool:
        return self.state.finished and not self.submitted

    def title_in(self, language: str) -> str:
        return title_for(self.consultation, language, self.survey)


@dataclass(frozen=True)
class Welcome:
    consultation: Consultation
    survey: Survey
    progress: Progress | None  # this respondent's earlier visit, if any

    def title_in(self, language: str) -> str:
        return title_for(self.consultation, language, self.survey)


class ScreenRejected(Exception):
    """The answer did not fit; nothing moved and what was typed comes back."""

    def __init__(self, progress: Progress, error: AnswerError, typed: Sequence[str]):
        super().__init__(str(error))
        self.progress, self.error, self.typed = progress, error, list(typed)

    @property
    def concern(self) -> Concern | None:
        return self.progress.concern


def today() -> date:
    return datetime.now(timezone.utc).date()


def welcome(join_code: str, token: str | None) -> Welcome:
    consultation = consultation_for_answering(join_code, today())
    found = _read(join_code, token) if token else None
    progress = _progress(*found) if found else None
    return Welcome(consultation, survey_of(consultation), progress)


def start_response(join_code: str, channel: str, language: str = "en") -> str:
    """Begin a new anonymous response; returns the token that resumes it."""
    token = secrets.token_urlsafe(24)
    with writing():
        consultation = consultation_for_answering(join_code, today())
        # Waits out a builder saving the survey in place, so a response never
        # starts on a version that is being rewritten under it (PostgreSQL).
        db.session.execute(
            select(Consultation.id).where(Consultation.id == consultation.id).with_for_update(read=True)
        )
        db.session.refresh(consultation)
        state = runner.start(survey_of(consultation))
        db.session.add(
            Response(
                consultation_id=consultation.id,
                survey_version_id=consultation.current_version_id,
                channel=channel,
                resume_key=resume_key(token),
                status=IN_PROGRESS,
                current_question=state.current,
                path=[],
                language=language[:8],
                started_on=today(),
            )
        )
    return token


def progress(join_code: str, token: str | None) -> Progress:
    return _find(join_code, token)[1]


class Stored(NamedTuple):
    """An answer row as saved: what answering needs, read and written without ORM objects.

    Every screen reads a response's answers and writes one: as plain rows and
    statements, that is a fraction of the work of loading, tracking and
    flushing an object per answer.
    """

    id: int
    question_id: str
    value: Any
    flagged: bool


def answer_screen(
    join_code: str, token: str | None, question_id: str, action: str, typed: Sequence[str],
    language: str | None = None,
) -> Progress:
    """Apply one screen's action (next, back or skip) and save; raise ScreenRejected.

    ``language`` is the one the screen was shown in: see ``_answered_in``.
    """
    with writing():
        response, before, stored = _find(join_code, token, lock=True)
        if before.submitted:
            return before
        survey = before.survey
        # A screen sent again from the browser's history, or twice by a double
        # tap, answers that screen again rather than the one now showing.
        state = before.state
        if question_id != (state.current or ""):
            state = runner.return_to(survey, state, question_id)
            if state.current != question_id:
                return before
        context = before.context
        if not state.finished and survey.question(state.current).kind.has_places:
            context = _places_locked(before.consultation, survey, state, response)
        concern = _concern(survey, question_id, typed)
        try:
            after = _apply(survey, state, action, typed, context)
        except AnswerError as error:
            raise ScreenRejected(replace(before, concern=concern), error, typed) from None
        response, saved, fresh = _save(response, stored, after, **_answered_in(language))
        if concern is not None:
            saved = _flag(response, saved, question_id)
        theme_tagging.tag_in_unit(_word_answers(survey, saved, question_id), fresh=question_id in fresh)
    return replace(_progress(before.consultation, response, saved), concern=concern)


def submit_response(join_code: str, token: str | None, language: str | None = None) -> Progress:
    """Send the finished answers; sending again changes nothing."""
    with writing():
        response, current, stored = _find(join_code, token, lock=True)
        if current.submitted or not current.state.finished:
            return current
        kept = runner.final_answers(current.survey, current.state)
        response, saved, _ = _save(
            response, stored, replace(current.state, answers=kept), status=SUBMITTED, submitted_on=today(),
            age_band=age_band_of(current.survey, kept), **_answered_in(language),
        )
        # Words whose tagging failed as they were saved are tagged now.
        theme_tagging.tag_in_unit(theme_tagging.untagged(_word_answers(current.survey, saved)), fresh=True)
    return _progress(current.consultation, response, saved)


def words_typed(join_code: str, question_id: str, typed: Sequence[str]) -> str | None:
    """What a young person wrote on a words question, cleaned, to hand back when it cannot be saved.

    For a screen sent without a valid form token (their session was lost, or the
    token expired): nothing is saved, but their own words are not thrown away.
    """
    survey = survey_of(consultation_for_answering(join_code, today()))
    if not survey.has_question(question_id) or not survey.question(question_id).kind.takes_words:
        return None
    return clean_text("\n".join(v for v in typed if v)) or None


def _answered_in(language: str | None) -> dict[str, str]:
    """Keep the language of the latest answer as the response's language.

    A response starts in the language of the page that started it (often just
    the browser's), and a young person may change it on any screen. What the
    board wants to know is the language they answered in, so each answer saved
    (and the send) moves it to the language of the screen it came from: a
    response records the language it was finished in, counted once.
    """
    return {"language": language[:8]} if language else {}


# What is stored of a respondent's token: it resumes their response, and is all that links them to it.
resume_key = token_digest


def _concern(survey: Survey, question_id: str, typed: Sequence[str]) -> Concern | None:
    """Check a young person's own words, even ones not saved (too long, or going back)."""
    if not survey.has_question(question_id) or not survey.question(question_id).kind.takes_words:
        return None
    return possible_disclosure(" ".join(typed))


def _apply(
    survey: Survey, state: RunnerState, action: str, typed: Sequence[str], context: AnswerContext
) -> RunnerState:
    if action == BACK:
        return runner.back(survey, state, typed, context)
    if action == SKIP:
        return runner.prefer_not_to_say(survey, state)
    return runner.answer(survey, state, typed, context)


def _find(join_code: str, token: str | None, lock: bool = False) -> tuple[Answers, Progress, dict[str, Stored]]:
    """This respondent's response to an open consultation, where they are in it, and its answers."""
    found = _read(join_code, token, lock)
    if found is None or not found[0].accepts_answers_on(today()):
        consultation_for_answering(join_code, today())  # says which: unknown code, or closed
        raise ResponseNotFound(join_code)
    consultation, response = found
    stored = _stored(response)
    return response, _progress(consultation, response, stored), stored


def _read(join_code: str, token: str | None, lock: bool = False) -> tuple[Answering, Answers] | None:
    """The consultation and this respondent's response in it, in one query; None if either is not there."""
    code = normalise_join_code(join_code)
    if not code or not token:
        return None
    found = (_FIND_LOCKED if lock else _FIND).first({"code": code, "key": resume_key(token)})
    if found is None:
        return None
    split = len(Answering._fields)
    return Answering(*found[:split]), Answers(*found[split:])


def _progress(consultation: Answering, response: Answers, stored: dict[str, Stored] | None = None) -> Progress:
    # A response keeps the survey version it started on, even if the survey is edited.
    survey = survey_version(response.survey_version_id, response.version_digest)
    stored = _stored(response) if stored is None else stored
    state = RunnerState(
        current=response.current_question,
        history=tuple(response.path or ()),
        answers={question_id: row.value for question_id, row in stored.items()},
    )
    return Progress(
        consultation=consultation,
        survey=survey,
        state=state,
        submitted=response.status == SUBMITTED,
        context=_context(consultation, survey, state, response),
    )


def _context(
    consultation: Answering, survey: Survey, state: RunnerState, response: Answers
) -> AnswerContext:
    """Places already taken in the workshops on screen, by everyone else."""
    if state.finished or not survey.question(state.current).kind.has_places:
        return AnswerContext()
    picks = db.session.scalars(
        select(Answer.value)
        .join(Response)
        .where(
            Response.consultation_id == consultation.id,
            Response.id != response.id,
            Answer.question_id == state.current,
        )
    )
    taken = Counter(v for value in picks if isinstance(value, list) for v in value)
    return AnswerContext(places_taken=dict(taken))


def _places_locked(
    consultation: Answering, survey: Survey, state: RunnerState, response: Answers
) -> AnswerContext:
    """Places taken, counted while holding the consultation's row.

    Young people picking a workshop at the same moment each wait for the one
    before to commit, so the last place goes to one of them (PostgreSQL; SQLite
    has one writer at a time anyway).
    """
    db.session.execute(select(Consultation.id).where(Consultation.id == consultation.id).with_for_update())
    return _context(consultation, survey, state, response)


def _stored(response: Answers) -> dict[str, Stored]:
    return {row.question_id: Stored(*row) for row in _STORED.rows({"response": response.id})}


def _save(response: Answers, stored: dict[str, Stored], after: RunnerState,
          **columns: Any) -> tuple[Answers, dict[str, Stored], set[str]]:
    """Write the answers that changed, where the respondent now is, and ``columns`` of the response.

    Returns the response's row, the answers as saved, and the questions answered for the first time.
    """
    gone = [row.id for question_id, row in stored.items() if question_id not in after.answers]
    if gone:
        db.session.execute(delete(_ANSWERS).where(_ANSWERS.c.id.in_(gone)))
    saved = {question_id: row for question_id, row in stored.items() if question_id in after.answers}
    fresh = set()
    for question_id, value in after.answers.items():
        row = stored.get(question_id)
        if row is None:
            made = _INSERT.first({"response": response.id, "question": question_id, "words": value})
            saved[question_id] = Stored(made[0], question_id, value, False)
            fresh.add(question_id)
        elif row.value != value:
            _UPDATE.rows({"answer": row.id, "words": value})
            saved[question_id] = row._replace(value=value)
    response = _update_response(response, current_question=after.current, path=list(after.history), **columns)
    return response, saved, fresh


def _update_response(response: Answers, **columns: Any) -> Answers:
    """One UPDATE of the response's row, returned as now; an object of it loaded earlier in this session is told."""
    row_update(Response.__table__, tuple(sorted(columns))).rows({"row": response.id, **columns})
    loaded = db.session.identity_map.get(identity_key(Response, response.id))
    if loaded is not None:
        for name, value in columns.items():
            set_committed_value(loaded, name, value)
        db.session.expire(loaded, ["answers"])  # read again when asked
    return response._replace(**{name: value for name, value in columns.items() if name in Answers._fields})


def _word_answers(survey: Survey, saved: dict[str, Stored], question_id: str | None = None) -> list[Stored]:
    """The answers in the young person's own words (to one question, if given)."""
    return [
        row for row in saved.values()
        if (question_id is None or row.question_id == question_id)
        and survey.has_question(row.question_id) and survey.question(row.question_id).kind.takes_words
    ]


def _flag(response: Answers, saved: dict[str, Stored], question_id: str) -> dict[str, Stored]:
    """Keep a possible disclosure out of every view but the safeguarding lead's, and alert the lead.

    The flag stays if the words are later changed: the more private choice.
    """
    row = saved.get(question_id)
    if row is None:
        return saved
    answer = db.session.get(Answer, row.id, populate_existing=True)  # as just written, not as once loaded
    answer.flagged = True
    safeguarding.raise_alert(db.session.get(Response, response.id), answer)
    return {**saved, question_id: row._replace(flagged=True)}


# Built once, as table statements where no object is wanted: every screen runs
# them, and making a statement (and its cache key) costs more than running it.
_CONSULTATIONS, _RESPONSES, _VERSIONS = Consultation.__table__, Response.__table__, SurveyVersion.__table__
_SELECT = (
    select(*(_CONSULTATIONS.c[name] for name in Answering._fields),
           *(_RESPONSES.c[name] for name in Answers._fields[:-1]))
    .add_columns(_VERSIONS.c.digest)
    .join(_RESPONSES, _RESPONSES.c.consultation_id == _CONSULTATIONS.c.id)
    .join(_VERSIONS, _VERSIONS.c.id == _RESPONSES.c.survey_version_id)
    .where(_CONSULTATIONS.c.join_code == bindparam("code"), _RESPONSES.c.resume_key == bindparam("key"))
)
_FIND, _FIND_LOCKED = Prepared(_SELECT), Prepared(_SELECT.with_for_update(of=_RESPONSES))
_ANSWERS = Answer.__table__
_STORED = Prepared(select(_ANSWERS.c.id, _ANSWERS.c.question_id, _ANSWERS.c.value, _ANSWERS.c.flagged).where(
    _ANSWERS.c.response_id == bindparam("response")
))
_INSERT = Prepared(insert(_ANSWERS).values(
    response_id=bindparam("response"), question_id=bindparam("question"),
    value=bindparam("words", type_=_ANSWERS.c.value.type), flagged=False,
).returning(_ANSWERS.c.id))
_UPDATE = Prepared(update(_ANSWERS).where(_ANSWERS.c.id == bindparam("answer")).values(
    value=bindparam("words", type_=_ANSWERS.c.value.type)
))


def age_band_of(survey: Survey, answers: dict[str, Any]) -> str | None:
    """The band from the survey's age question, unless they preferred not to say."""
    for question_id, value in answers.items():
        if survey.question(question_id).type == "age_band" and value != PREFER_NOT_TO_SAY:
            return value
    return None
