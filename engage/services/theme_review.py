"""People checking the tagger: the review queue, recording a review, and how often they agree.

Reviewers include co-facilitators, who are young people themselves: they see
only the consultations they run, only scrubbed words, and never an answer
flagged as a possible disclosure (that is for the safeguarding lead alone).
A person's themes replace the tagger's for that answer, and the next
retrained tagger learns from them.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, delete, exists, select

from flask_babel import gettext as _

from engage.analysis.themes import scoring
from engage.database import writing
from engage.extensions import db
from engage.models import (
    ADMIN, CO_FACILITATOR, FACILITATOR, SUBMITTED, Answer, Consultation, ConsultationMember, Response, User, utcnow,
)
from engage.models_themes import BY_PERSON, BY_TAGGER, AnswerAnalysis, AnswerTag
from engage.services import audit, theme_tagging, themes
from engage.services.consultations import find_consultation, survey_of
from engage.services.errors import NotAllowed, ServiceError

UNREVIEWED, REVIEWED, UNTAGGED, ALL = "unreviewed", "reviewed", "untagged", "all"
STATES = (UNREVIEWED, REVIEWED, UNTAGGED, ALL)
REVIEWERS = (ADMIN, FACILITATOR, CO_FACILITATOR)


class ReviewError(ServiceError):
    """The review cannot be recorded as asked; the message says why."""


class AnswerNotFound(ServiceError):
    """No answer this person may review has this number."""


@dataclass(frozen=True)
class TagView:
    theme: str
    name: str
    confidence: float
    reason: str


@dataclass(frozen=True)
class ReviewItem:
    answer_id: int
    consultation_code: str
    consultation_title: str
    question: str
    text: str  # scrubbed: no names, contact details or places
    tagger_tags: tuple[TagView, ...]
    person_tags: tuple[str, ...]
    sentiment: str | None
    sentiment_score: float | None
    reviewed_at: datetime | None

    @property
    def untagged(self) -> bool:
        return not self.tagger_tags


@dataclass(frozen=True)
class ThemeScore:
    theme: str
    precision: float  # of the tagger's tags for this theme, the share people kept (0 if it gave none)
    recall: float  # of people's tags for this theme, the share the tagger gave (0 if people gave none)
    f1: float
    support: int  # answers people gave this theme


@dataclass(frozen=True)
class Agreement:
    """The tagger against people, over reviewed answers (``None`` until one is reviewed).

    Answers reviewed before the current tagger was trained are also its
    training data, so after a retrain these numbers flatter it; ``engage
    themes eval`` measures it on answers it never saw.
    """

    reviewed: int
    overall: float | None  # share of reviewed answers where the tagger's themes were exactly people's
    precision: float | None  # micro-averaged over every (answer, theme)
    recall: float | None
    f1: float | None
    macro_f1: float | None  # over the themes either side used
    themes: tuple[ThemeScore, ...]


def review_queue(user: User, consultation_code: str | None = None, state: str = UNREVIEWED,
                 limit: int = 50) -> list[ReviewItem]:
    """Tagged answers to check, oldest first, from consultations this person runs."""
    if state not in STATES:
        raise ReviewError(_("Unknown state %(state)s: choose from %(states)s.", state=repr(state), states=", ".join(STATES)))
    query = (
        reviewable_answers(user, Answer, AnswerAnalysis, Consultation, Response.survey_version_id)
        .join(AnswerAnalysis, AnswerAnalysis.answer_id == Answer.id)
        .order_by(Answer.id)
        .limit(limit)
    )
    if consultation_code is not None:
        query = query.where(Consultation.id == find_consultation(consultation_code).id)
    if state == UNREVIEWED:
        query = query.where(AnswerAnalysis.reviewed_at.is_(None))
    elif state == REVIEWED:
        query = query.where(AnswerAnalysis.reviewed_at.is_not(None))
    elif state == UNTAGGED:
        query = query.where(~exists().where(AnswerTag.answer_id == Answer.id, AnswerTag.source == BY_TAGGER))
    rows = db.session.execute(query).all()
    tags = _tags_of([answer.id for answer, *_ in rows])
    _version, taxonomy = themes.current_taxonomy()
    names = {t.key: t.name for t in taxonomy.themes}
    items = []
    for answer, analysis, consultation, version_id in rows:
        question = survey_of(consultation, version_id).question(answer.question_id)
        found = tags.get(answer.id, {})
        items.append(ReviewItem(
            answer_id=answer.id,
            consultation_code=consultation.join_code,
            consultation_title=consultation.title,
            question=question.text_in(),
            text=themes.tagger_text(answer.value) if isinstance(answer.value, str) else "",
            tagger_tags=tuple(
                TagView(t.theme_key, names.get(t.theme_key, t.theme_key), t.confidence, t.reason)
                for t in sorted(found.get(BY_TAGGER, ()), key=lambda t: -t.confidence)
            ),
            person_tags=tuple(sorted(t.theme_key for t in found.get(BY_PERSON, ()))),
            sentiment=analysis.sentiment,
            sentiment_score=analysis.sentiment_score,
            reviewed_at=analysis.reviewed_at,
        ))
    return items


def record_review(answer_id: int, theme_keys: list[str], by: User) -> AnswerAnalysis:
    """Keep a person's themes for an answer: the tagger's kept, some taken off, others added.

    An empty list says no theme fits. The audit log records the themes, never the words.
    """
    if by is None:
        raise NotAllowed(_("A review is a person's: sign in to review themes."))
    keys = sorted(set(theme_keys))
    version, taxonomy = themes.current_taxonomy()
    unknown = [k for k in keys if k not in taxonomy.keys]
    if unknown:
        raise ReviewError(_("Not a theme of the current taxonomy: %(keys)s.", keys=", ".join(unknown)))
    if db.session.scalar(_answer_to_review(answer_id, by)) is None:
        raise AnswerNotFound(answer_id)
    if db.session.get(AnswerAnalysis, answer_id) is None:
        theme_tagging.tag_answers([answer_id])  # not tagged as it arrived (tagging failed then): tag it now
    with writing():
        analysis = db.session.scalar(
            select(AnswerAnalysis)
            .where(AnswerAnalysis.answer_id.in_(_answer_to_review(answer_id, by)))
            .with_for_update()
        )
        if analysis is None:  # not a free-text answer, or flagged meanwhile
            raise AnswerNotFound(answer_id)
        db.session.execute(delete(AnswerTag).where(AnswerTag.answer_id == answer_id, AnswerTag.source == BY_PERSON))
        for key in keys:
            db.session.add(AnswerTag(answer_id=answer_id, theme_key=key, confidence=1.0, reason="",
                                     source=BY_PERSON, taxonomy_version_id=version.id))
        analysis.reviewed_at, analysis.reviewed_by_id = utcnow(), by.id
        audit.record(by, "reviewed themes", "answer", str(answer_id), themes=keys)
    return analysis


def agreement(consultation_code: str | None = None) -> Agreement:
    """How the tagger's themes compare with people's, over every reviewed answer."""
    query = (
        select(Answer.id)
        .join(AnswerAnalysis, AnswerAnalysis.answer_id == Answer.id)
        .where(AnswerAnalysis.reviewed_at.is_not(None), Answer.flagged.is_(False))
    )
    if consultation_code is not None:
        consultation = find_consultation(consultation_code)
        query = query.join(Response, Response.id == Answer.response_id).where(
            Response.consultation_id == consultation.id
        )
    ids = list(db.session.scalars(query))
    if not ids:
        return Agreement(0, None, None, None, None, None, ())
    tags = _tags_of(ids)
    people = [{t.theme_key for t in tags.get(i, {}).get(BY_PERSON, ())} for i in ids]
    tagger = [{t.theme_key for t in tags.get(i, {}).get(BY_TAGGER, ())} for i in ids]
    used = sorted(set().union(*people, *tagger))
    scored = scoring.agreement(people, tagger, used)
    return Agreement(
        reviewed=len(ids),
        overall=scored["exact_match"],
        precision=scored["micro_precision"],
        recall=scored["micro_recall"],
        f1=scored["micro_f1"],
        macro_f1=scored["macro_f1"] if used else None,
        themes=tuple(
            ThemeScore(key, figures["precision"], figures["recall"], figures["f1"], figures["support"])
            for key, figures in scored["per_theme"].items()
        ),
    )


def reviewable_answers(user: User | None, *columns) -> Select:
    """Answers this person may review: sent, not flagged, in a consultation they run (with ``columns``).

    ``None`` is the command line, which may see every consultation (never a flagged answer).
    """
    if user is not None and user.role not in REVIEWERS:
        raise NotAllowed(_("Only those who run consultations review themes."))
    query = (
        select(*columns)
        .select_from(Answer)
        .join(Response, Response.id == Answer.response_id)
        .join(Consultation, Consultation.id == Response.consultation_id)
        .where(Response.status == SUBMITTED, Answer.flagged.is_(False))
    )
    if user is not None and user.role == CO_FACILITATOR:
        query = query.where(exists().where(
            ConsultationMember.consultation_id == Consultation.id, ConsultationMember.user_id == user.id
        ))
    return query


def _answer_to_review(answer_id: int, user: User) -> Select:
    return reviewable_answers(user, Answer.id).where(Answer.id == answer_id)


def _tags_of(answer_ids: list[int]) -> dict[int, dict[str, list[AnswerTag]]]:
    found: dict[int, dict[str, list[AnswerTag]]] = defaultdict(lambda: defaultdict(list))
    for start in range(0, len(answer_ids), 1000):
        chunk = answer_ids[start:start + 1000]
        for tag in db.session.scalars(select(AnswerTag).where(AnswerTag.answer_id.in_(chunk))):
            found[tag.answer_id][tag.source].append(tag)
    return found
