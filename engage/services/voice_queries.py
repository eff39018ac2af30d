"""The SQL behind a voice summary: every count is grouped in the database.

A quarter may hold hundreds of thousands of responses, so nothing here loads
answers row by row. Each query groups sent responses' answers into a few
hundred rows at most; quotes are the only words read, a bounded sample per
theme and sentiment.

Which answers count: those of sent responses in the scope, never a flagged
one (a possible disclosure counts for nothing a board member sees). Which
themes an answer has: the tagger's, unless a person reviewed it, in which
case the person's alone (none at all meaning "no theme fits").
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, false, func, literal, or_, select, true
from sqlalchemy.sql import ColumnElement

from engage.extensions import db
from engage.models import SUBMITTED, Answer, Consultation, Response
from engage.models_actions import Action, ActionConsultation
from engage.models_themes import BY_PERSON, BY_TAGGER, AnswerAnalysis, AnswerTag

THEME_SEPARATOR = ","  # theme keys are slugs: never hold a comma


@dataclass(frozen=True)
class Scope:
    """The sent responses a summary counts: a span of days, or one consultation's."""

    start: date | None = None
    end: date | None = None
    consultation_id: int | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        found = [Response.status == SUBMITTED]
        if self.consultation_id is not None:
            found.append(Response.consultation_id == self.consultation_id)
        if self.start is not None:
            found.append(Response.submitted_on >= self.start)
        if self.end is not None:
            found.append(Response.submitted_on <= self.end)
        return found


def participation(scope: Scope) -> list[tuple[int, str | None, str, int]]:
    """(consultation id, age band, channel, responses): one row per combination."""
    query = (
        select(Response.consultation_id, Response.age_band, Response.channel, func.count())
        .where(*scope.clauses())
        .group_by(Response.consultation_id, Response.age_band, Response.channel)
    )
    return [tuple(row) for row in db.session.execute(query)]


def consultations(ids: Iterable[int]) -> list[Consultation]:
    ids = sorted(set(ids))
    if not ids:
        return []
    query = select(Consultation).where(Consultation.id.in_(ids)).order_by(Consultation.title, Consultation.id)
    return list(db.session.scalars(query))


def _effective_source() -> ColumnElement[str]:
    """The source whose tags are the answer's themes: a person's once reviewed, else the tagger's."""
    return case((AnswerAnalysis.reviewed_at.is_(None), literal(BY_TAGGER)), else_=literal(BY_PERSON))


def theme_sets(scope: Scope, keys: Sequence[str], current_from: date | None,
               per_group: int) -> list[ThemeSet]:
    """Tagged free-text answers grouped by the set of themes each has, with a sample of each group.

    From these rows every theme count, area count, untagged count and
    sentiment split follows without another pass over the answers, and so do
    the quote candidates: up to ``per_group`` answers of each current group,
    a spread sample (ranked by a fixed scramble of their ids, so the same
    data always gives the same ones). ``current_from``: answers sent before
    this day are the previous period's (None: all are current).
    """
    current = (Response.submitted_on >= current_from) if current_from else true()
    per_answer = (
        select(
            AnswerAnalysis.answer_id.label("answer_id"),
            AnswerAnalysis.sentiment.label("sentiment"),
            current.label("current"),
            func.aggregate_strings(AnswerTag.theme_key, THEME_SEPARATOR).label("themes"),
        )
        .select_from(AnswerAnalysis)
        .join(Answer, Answer.id == AnswerAnalysis.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .outerjoin(
            AnswerTag,
            and_(
                AnswerTag.answer_id == AnswerAnalysis.answer_id,
                AnswerTag.source == _effective_source(),
                AnswerTag.theme_key.in_(list(keys)),
            ),
        )
        .where(*scope.clauses(), Answer.flagged == false())
        .group_by(AnswerAnalysis.answer_id, AnswerAnalysis.sentiment, *([current] if current_from else []))
        .subquery()
    )
    group = (per_answer.c.themes, per_answer.c.sentiment, per_answer.c.current)
    scramble = ((per_answer.c.answer_id % 32749) * 32719) % 32749  # a permutation of residues; fits 32 bits
    ranked = select(
        *group,
        per_answer.c.answer_id,
        func.count().over(partition_by=group).label("answers"),
        func.row_number().over(partition_by=group, order_by=(scramble, per_answer.c.answer_id)).label("place"),
    ).subquery()
    query = select(ranked.c.themes, ranked.c.sentiment, ranked.c.current, ranked.c.answers,
                   ranked.c.answer_id, ranked.c.place).where(or_(
        ranked.c.place == 1,
        and_(ranked.c.current == true(), ranked.c.themes.is_not(None), ranked.c.place <= per_group),
    ))
    return [ThemeSet(themes, sentiment, bool(now), n, answer_id, place)
            for themes, sentiment, now, n, answer_id, place in db.session.execute(query)]


@dataclass(frozen=True)
class ThemeSet:
    """One row of ``theme_sets``: a group's size (given with its first sample) and one sampled answer."""

    themes: str | None  # theme keys joined by commas; None for answers with no theme
    sentiment: str | None
    current: bool
    answers: int
    answer_id: int
    place: int  # 1 for the first sample of the group


def choice_counts(scope: Scope, questions: Sequence[tuple[int, str]],
                  free_text: Iterable[str] = ()) -> list[tuple[int, str, object, int]]:
    """(consultation id, question id, stored value, answers) for these (consultation, question) pairs.

    Grouped on the stored value: a list (multiple choice, ballot) gives one
    row per distinct combination picked, not one per young person. The SQL
    leaves out the ``free_text`` question ids (every answer there is its own
    group) rather than listing the wanted ones: a list of wanted ids or pairs
    sends SQLite probing its index once per id and response, PostgreSQL
    testing each pair on every row. Other pairs are dropped here.
    """
    if not questions:
        return []
    query = (
        select(Response.consultation_id, Answer.question_id, Answer.value, func.count())
        .join(Response, Response.id == Answer.response_id)
        .where(*scope.clauses(), Answer.flagged == false(), Answer.question_id.not_in(sorted(set(free_text))))
        .group_by(Response.consultation_id, Answer.question_id, Answer.value)
    )
    wanted = set(questions)
    return [tuple(row) for row in db.session.execute(query) if (row[0], row[1]) in wanted]


def quote_texts(answer_ids: Iterable[int]) -> dict[int, tuple[object, str]]:
    """answer id -> (stored value, consultation title), for unflagged answers only."""
    ids = sorted(set(answer_ids))
    found: dict[int, tuple[object, str]] = {}
    for start in range(0, len(ids), 500):
        query = (
            select(Answer.id, Answer.value, Consultation.title)
            .join(Response, Response.id == Answer.response_id)
            .join(Consultation, Consultation.id == Response.consultation_id)
            .where(Answer.id.in_(ids[start:start + 500]), Answer.flagged == false())
        )
        found.update({answer_id: (value, title) for answer_id, value, title in db.session.execute(query)})
    return found


def published_actions(start: date | None = None, end: date | None = None,
                      consultation_id: int | None = None) -> list[Action]:
    """Published actions: due or published within the days given, or linked to the consultation."""
    query = select(Action).where(Action.published_at.is_not(None))
    if consultation_id is not None:
        linked = select(ActionConsultation.action_id).where(ActionConsultation.consultation_id == consultation_id)
        query = query.where(Action.id.in_(linked))
    if start is not None and end is not None:
        after = datetime.combine(start, time.min)
        before = datetime.combine(end + timedelta(days=1), time.min)
        query = query.where(or_(
            and_(Action.due_on >= start, Action.due_on <= end),
            and_(Action.published_at >= after, Action.published_at < before),
        ))
    return list(db.session.scalars(query.order_by(Action.due_on, Action.id)))
