"""Tagging free-text answers: as they arrive, on request, and all of them again.

A young person's free-text answer is tagged as it is saved, in the same unit
of work (``tag_in_unit``): the tags are there the moment the answer is, and
no second transaction is spent on them. The tagging runs inside a savepoint,
so a failure of the tagger rolls back only the tags and is only logged: the
answer is kept, and tagged when its response is sent or at the next re-tag.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, exists, func, insert, select, update

from engage.analysis.sentiment import sentiments
from engage.analysis.themes.tagger import Tag
from engage.analysis.themes.taxonomy import Taxonomy
from engage.analysis.written_in import other_language
from engage.database import writing
from engage.extensions import db
from engage.models import Answer, Response, SurveyVersion, utcnow
from engage.models_themes import BY_TAGGER, AnswerAnalysis, AnswerTag
from engage.services import audit, themes
# The questions of a survey version that take a young person's own words, as retention finds them.
from engage.services.consultations import word_questions
from engage.services.retention import holds_words, is_erased

logger = logging.getLogger(__name__)

BATCH = 500
MAX_REASON = 200


def tag_answers(answer_ids: Iterable[int]) -> int:
    """Tag free-text answers and read their sentiment; returns how many were tagged.

    The tagger's earlier tags on them are replaced; a person's never are.
    Answers to other questions are left alone, as are erased ones (their
    tags stay, so themes do not change when words are removed). A flagged
    answer, or one whose words were taken back, keeps no tags at all.
    """
    ids = sorted(set(answer_ids))
    words, cleared = _sort_out(_free_text_rows(ids) if ids else [])
    if not words:
        if cleared:
            with writing():
                _clear(cleared)
        return 0
    tagging = themes.current_tagging()
    results = _read(words, tagging)
    with writing():
        # Locks the answers (PostgreSQL) and sees whether their words changed meanwhile:
        # if they did, the save that changed them has them tagged again.
        now = dict(db.session.execute(
            select(Answer.id, Answer.value)
            .where(Answer.id.in_([r.id for r in words]))
            .order_by(Answer.id)
            .with_for_update(key_share=True)
        ).all())
        results = [result for result in results if now.get(result[0].id) == result[0].value]
        _clear(cleared)
        _write(results, tagging)
    return len(results)


def _free_text_rows(ids: list[int]) -> list:
    """The answers among ``ids`` to free-text questions, with their words and flag."""
    rows = db.session.execute(
        select(Answer.id, Answer.question_id, Answer.value, Answer.flagged,
               Response.consultation_id, Response.survey_version_id)
        .join(Response, Response.id == Answer.response_id)
        .where(Answer.id.in_(ids))
    ).all()
    takes_words = _word_question_check()
    return [row for row in rows if takes_words(row)]


def _sort_out(rows: Sequence[Any]) -> tuple[list[Any], list[int]]:
    """The answers to tag (words, not flagged), and the ids of those to keep no tags.

    Erased answers are in neither: their tags stay.
    """
    words = [r for r in rows if not r.flagged and holds_words(r.value)]
    cleared = [r.id for r in rows if r.flagged or not (holds_words(r.value) or is_erased(r.value))]
    return words, cleared


def _read(words: list[Any], tagging: themes.Tagging) -> list[tuple[Any, list[Tag], Any]]:
    """Each answer with its themes and sentiment, read from its words with personal details scrubbed."""
    texts = [themes.tagger_text(r.value) for r in words]
    return list(zip(words, tagging.tagger.tag_many(texts), sentiments(texts)))


def _write(results: list[tuple[Any, list[Tag], Any]], tagging: themes.Tagging, fresh: bool = False) -> None:
    """Each answer's analysis, and the tagger's tags in place of its earlier ones.

    ``fresh``: answers saved for the first time in this unit of work, with nothing earlier to replace.
    Written as table statements: a young person's answer waits on them.
    """
    ids = [row.id for row, _, _ in results]
    analysed: set[int] = set()
    if not fresh:
        db.session.execute(delete(AnswerTag).where(AnswerTag.answer_id.in_(ids), AnswerTag.source == BY_TAGGER))
        analysed = set(db.session.scalars(select(AnswerAnalysis.answer_id).where(AnswerAnalysis.answer_id.in_(ids))))
    now, analyses, tags = utcnow(), [], []
    for row, found, mood in results:
        # The model reads English: "Not known" rather than a wrong "neutral".
        known = not other_language(row.value)
        analyses.append({
            "answer": row.id, "sentiment": mood.label[:16] if known else None,
            "sentiment_score": float(mood.score) if known else None, "tagged_at": now,
            "taxonomy_version_id": tagging.version_id, "tagger_model_id": tagging.model_id,
        })
        tags += [{
            "answer_id": row.id, "theme_key": tag.theme, "confidence": float(tag.confidence),
            "reason": (tag.reason or "")[:MAX_REASON], "source": BY_TAGGER,
            "taxonomy_version_id": tagging.version_id, "tagger_model_id": tagging.model_id,
        } for tag in _known(found, tagging.taxonomy)]
    updated = [a for a in analyses if a["answer"] in analysed]
    if updated:  # a review of the answer, if any, stays
        db.session.execute(_UPDATE_ANALYSIS, updated)
    if len(updated) < len(analyses):
        db.session.execute(_INSERT_ANALYSIS, [a for a in analyses if a["answer"] not in analysed])
    if tags:
        db.session.execute(_INSERT_TAG, tags)


_ANALYSES, _TAGS = AnswerAnalysis.__table__, AnswerTag.__table__
_ANALYSIS_COLUMNS = ("sentiment", "sentiment_score", "tagged_at", "taxonomy_version_id", "tagger_model_id")
_INSERT_ANALYSIS = insert(_ANALYSES).values(
    answer_id=bindparam("answer"), **{name: bindparam(name) for name in _ANALYSIS_COLUMNS}
)
_UPDATE_ANALYSIS = update(_ANALYSES).where(_ANALYSES.c.answer_id == bindparam("answer")).values(
    **{name: bindparam(name) for name in _ANALYSIS_COLUMNS}
)
_INSERT_TAG = insert(_TAGS)


def _word_question_check() -> Callable:
    """Whether an answer row answers a free-text question of its response's survey version."""
    kinds: dict[tuple[int, int], list[str]] = {}

    def takes_words(row) -> bool:
        key = (row.consultation_id, row.survey_version_id)
        if key not in kinds:
            kinds[key] = word_questions(*key)
        return row.question_id in kinds[key]

    return takes_words


def _known(tags: list[Tag], taxonomy: Taxonomy) -> list[Tag]:
    """One tag per theme of this taxonomy, the most confident."""
    best: dict[str, Tag] = {}
    keys = set(taxonomy.keys)
    for tag in tags:
        if tag.theme in keys and (tag.theme not in best or tag.confidence > best[tag.theme].confidence):
            best[tag.theme] = tag
    return list(best.values())


def _clear(answer_ids: list[int]) -> None:
    if answer_ids:
        db.session.execute(delete(AnswerTag).where(AnswerTag.answer_id.in_(answer_ids)))
        db.session.execute(delete(AnswerAnalysis).where(AnswerAnalysis.answer_id.in_(answer_ids)))


def retag(progress: Callable[[int, int], None] | None = None, batch: int = BATCH) -> int:
    """Tag every free-text answer again with the current tagger, a batch per transaction.

    ``progress(done, total)`` is called before the first batch and after each.
    Returns how many answers were tagged.
    """
    plan = _free_text_questions()
    total = sum(_count(version_id, questions) for version_id, questions in plan)
    done = tagged = 0
    if progress:
        progress(0, total)
    for version_id, questions in plan:
        after = 0
        while True:
            page = _word_answers(version_id, questions, Answer.id).where(Answer.id > after)
            ids = list(db.session.scalars(page.order_by(Answer.id).limit(batch)))
            if not ids:
                break
            after = ids[-1]
            tagged += tag_answers(ids)
            done += len(ids)
            if progress:
                progress(min(done, total), total)
    version, _ = themes.current_taxonomy()
    audit.record(None, "re-tagged", "answers", f"taxonomy version {version.number}", answers=tagged)
    return tagged


def _free_text_questions() -> list[tuple[int, list[str]]]:
    versions = db.session.execute(
        select(SurveyVersion.id, SurveyVersion.consultation_id)
        .where(exists().where(Response.survey_version_id == SurveyVersion.id))
        .order_by(SurveyVersion.id)
    ).all()
    plan = [(version_id, word_questions(consultation_id, version_id)) for version_id, consultation_id in versions]
    return [(version_id, questions) for version_id, questions in plan if questions]


def _word_answers(version_id: int, questions: list[str], *columns):
    return (
        select(*columns)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.survey_version_id == version_id, Answer.question_id.in_(questions))
    )


def _count(version_id: int, questions: list[str]) -> int:
    return db.session.scalar(_word_answers(version_id, questions, func.count(Answer.id))) or 0


# Tagging as answers arrive


def tag_in_unit(answers: Sequence[Any], fresh: bool = False) -> int:
    """Tag answers saved in the current unit of work, as part of it; returns how many were tagged.

    ``answers`` have the ``id``, ``value`` and ``flagged`` of an answer row, and
    answer questions that take words. ``fresh``: all were inserted in this unit
    of work (nothing earlier to replace). Never raises: a failure is logged
    without the words, and only the tags are rolled back.
    """
    words, cleared = _sort_out(answers)
    cleared = [] if fresh else cleared  # nothing was tagged before
    if not words and not cleared:
        return 0
    try:
        with db.session.begin_nested():
            _clear(cleared)
            if words:
                tagging = themes.current_tagging()
                _write(_read(words, tagging), tagging, fresh)
    except Exception as error:  # noqa: BLE001 - a young person's answer must not fail on tagging
        logger.warning("Could not tag %d new answers (%s); `engage themes retag` will",
                       len(words), type(error).__name__)
        return 0
    return len(words)


def untagged(answers: Sequence[Any]) -> list[Any]:
    """Those of ``answers`` (rows with an ``id``) that have never been analysed."""
    if not answers:
        return []
    done = set(db.session.scalars(
        select(AnswerAnalysis.answer_id).where(AnswerAnalysis.answer_id.in_([a.id for a in answers]))
    ))
    return [a for a in answers if a.id not in done]
