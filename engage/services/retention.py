"""Keeping young people's words no longer than needed, and erasing on request.

Two use cases:

- ``run_retention``: a young person's own words (answers to questions that take
  words) are replaced by a marker once the response is older than the retention
  period (by the day it was sent, or started if it never was). The answer row
  stays, with its question, its flag and anything tagged against it, so counts
  and themes do not change; choice answers and the response itself stay whole.
  Unfinished responses abandoned for longer than a few weeks are deleted
  outright, unless one of their answers was flagged as a possible disclosure:
  the safeguarding lead's queue must not lose it.
- ``erase_answers``: every response and answer to one consultation, gone. The
  consultation and its survey stay, so it can be run again.

Both work in batches of ``BATCH`` rows, one transaction each, so a nightly run
over millions of answers never holds SQLite's write lock for long.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, exists, func, select, update

from engage.database import writing
from engage.extensions import db
from engage.models import IN_PROGRESS, Answer, Consultation, Response, SurveyVersion, User
from engage.services import audit
from engage.services.consultations import find_consultation, word_questions
from surveys import PREFER_NOT_TO_SAY

BATCH = 1000
_MARKER = re.compile(r"\[removed after \d+ months?\]")


def erased_marker(months: int) -> str:
    """What an erased answer holds instead of the words: exports show it as it is."""
    return f"[removed after {months} month{'' if months == 1 else 's'}]"


def is_erased(value: Any) -> bool:
    """True for an answer whose words were removed: nothing left to tag or quote."""
    return isinstance(value, str) and _MARKER.fullmatch(value) is not None


def months_before(day: date, months: int) -> date:
    """The same day of the month ``months`` earlier (the month's last day if it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def holds_words(value: Any) -> bool:
    """A young person's own words still stored: not empty, skipped or already erased."""
    return isinstance(value, str) and bool(value) and value != PREFER_NOT_TO_SAY and not is_erased(value)


@dataclass(frozen=True)
class RetentionReport:
    words_before: date  # words of responses sent (or started) before this day go
    unfinished_before: date  # unfinished responses started before this day go
    erased_answers: int
    erased_in_responses: int
    deleted_unfinished: int
    kept_unfinished_flagged: int
    dry_run: bool

    def counts(self) -> dict[str, Any]:
        return {
            "words_before": self.words_before.isoformat(),
            "unfinished_before": self.unfinished_before.isoformat(),
            "erased_answers": self.erased_answers,
            "erased_in_responses": self.erased_in_responses,
            "deleted_unfinished": self.deleted_unfinished,
            "kept_unfinished_flagged": self.kept_unfinished_flagged,
        }


def run_retention(
    today: date,
    months: int,
    unfinished_days: int,
    dry_run: bool = False,
    by: User | None = None,
    batch: int = BATCH,
) -> RetentionReport:
    """Erase old words and abandoned responses; a dry run counts and changes nothing.

    Running it again the same day finds nothing more to do.
    """
    if months < 1 or unfinished_days < 1:
        raise ValueError("the retention periods must be at least a month and a day")
    words_before = months_before(today, months)
    unfinished_before = today - timedelta(days=unfinished_days)
    marker = erased_marker(months)

    erased, responses = 0, set()
    for ids in _old_words(words_before, batch):
        if not dry_run:
            with writing():
                db.session.execute(
                    update(Answer).where(Answer.id.in_([i for i, _ in ids])).values(value=marker),
                    execution_options={"synchronize_session": False},
                )
        erased += len(ids)
        responses.update(r for _, r in ids)

    deleted = 0
    for ids in _abandoned(unfinished_before, batch):
        if dry_run:
            deleted += len(ids)
            continue
        with writing():
            # Checked again inside the write: one sent or flagged meanwhile stays.
            result = db.session.execute(
                delete(Response).where(Response.id.in_(ids), *_abandoned_filters(unfinished_before)),
                execution_options={"synchronize_session": False},
            )
        deleted += result.rowcount
    kept_flagged = db.session.scalar(
        select(func.count()).select_from(Response).where(
            Response.status == IN_PROGRESS, Response.started_on < unfinished_before, _has_flag()
        )
    ) or 0

    report = RetentionReport(
        words_before=words_before,
        unfinished_before=unfinished_before,
        erased_answers=erased,
        erased_in_responses=len(responses),
        deleted_unfinished=deleted,
        kept_unfinished_flagged=kept_flagged,
        dry_run=dry_run,
    )
    if not dry_run:
        audit.record(by, "ran retention", "answers", f"before {words_before.isoformat()}",
                     months=months, unfinished_days=unfinished_days, **report.counts())
    db.session.expire_all()  # rows changed behind the session's back
    return report


def _old_words(before: date, batch: int) -> Iterator[list[tuple[int, int]]]:
    """(answer id, response id) of old answers still holding words, a batch at a time.

    Which questions take words depends on the survey version each response
    started on, so the search goes version by version. Keyset paging: an
    answer already erased is never read again in this run.
    """
    day = func.coalesce(Response.submitted_on, Response.started_on)
    versions = db.session.execute(
        select(SurveyVersion.id, SurveyVersion.consultation_id).where(
            exists().where(Response.survey_version_id == SurveyVersion.id, day < before)
        ).order_by(SurveyVersion.id)
    ).all()
    for version_id, consultation_id in versions:
        questions = word_questions(consultation_id, version_id)
        if not questions:
            continue
        after = 0
        while True:
            rows = db.session.execute(
                select(Answer.id, Answer.response_id, Answer.value)
                .join(Response, Response.id == Answer.response_id)
                .where(
                    Response.survey_version_id == version_id,
                    day < before,
                    Answer.question_id.in_(questions),
                    Answer.id > after,
                )
                .order_by(Answer.id)
                .limit(batch)
            ).all()
            if not rows:
                break
            after = rows[-1].id
            found = [(row.id, row.response_id) for row in rows if holds_words(row.value)]
            if found:
                yield found
            if len(rows) < batch:
                break


def _has_flag():
    return exists().where(Answer.response_id == Response.id, Answer.flagged)


def _abandoned_filters(before: date) -> list[Any]:
    return [Response.status == IN_PROGRESS, Response.started_on < before, ~_has_flag()]


def _abandoned(before: date, batch: int) -> Iterator[list[int]]:
    after = 0
    while True:
        ids = list(db.session.scalars(
            select(Response.id)
            .where(*_abandoned_filters(before), Response.id > after)
            .order_by(Response.id)
            .limit(batch)
        ))
        if not ids:
            return
        after = ids[-1]
        yield ids
        if len(ids) < batch:
            return


@dataclass(frozen=True)
class AnswerCounts:
    join_code: str
    title: str
    responses: int
    answers: int
    flagged: int


def count_answers(join_code: str) -> AnswerCounts:
    """What erasing a consultation's answers would remove, to show before asking."""
    return _counts(find_consultation(join_code))


def _counts(consultation: Consultation) -> AnswerCounts:
    responses = select(Response.id).where(Response.consultation_id == consultation.id)
    answers = select(func.count()).select_from(Answer).where(Answer.response_id.in_(responses))
    return AnswerCounts(
        join_code=consultation.join_code,
        title=consultation.title,
        responses=db.session.scalar(select(func.count()).select_from(responses.subquery())) or 0,
        answers=db.session.scalar(answers) or 0,
        flagged=db.session.scalar(answers.where(Answer.flagged)) or 0,
    )


def erase_answers(join_code: str, by: User | None = None) -> AnswerCounts:
    """Remove every response and answer to a consultation, in one transaction.

    All or nothing: a consultation half erased would show counts nobody gave.
    The consultation, its survey versions and its team stay; the audit log
    records that its answers were erased, and how many.
    """
    with writing():
        consultation = find_consultation(join_code)
        counts = _counts(consultation)
        # Answers go with their responses (ON DELETE CASCADE).
        db.session.execute(
            delete(Response).where(Response.consultation_id == consultation.id),
            execution_options={"synchronize_session": False},
        )
        audit.record(by, "erased answers", "consultation", counts.join_code,
                     responses=counts.responses, answers=counts.answers, flagged=counts.flagged)
    db.session.expire_all()
    return counts
