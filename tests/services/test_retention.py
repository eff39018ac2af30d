"""Retention: young people's words go after the period; choices, flags and counts stay."""
from __future__ import annotations

import hashlib
import secrets
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from engage.database import writing
from engage.extensions import db
from engage.models import IN_PROGRESS, OPEN, SUBMITTED, Answer, AuditEvent, Consultation, Response, SurveyVersion
from engage.services import exports, responding
from engage.services.consultations import create_consultation, find_consultation, list_consultations
from engage.services.errors import ConsultationNotFound
from engage.services.retention import (
    count_answers,
    erase_answers,
    erased_marker,
    is_erased,
    months_before,
    run_retention,
)
from surveys import PREFER_NOT_TO_SAY
from surveys.textformat import dumps, loads

TODAY = date(2026, 6, 15)
OLD = date(2025, 5, 1)  # more than 12 months before TODAY
RECENT = date(2026, 1, 10)
MARKER = "[removed after 12 months]"

SURVEY = """
id: retention-test
kind: service_feedback
title: Retention test
questions:
  - {id: age, type: age_band, text: "How old are you?"}
  - id: group
    type: single_choice
    text: Which group?
    choices: [{value: youth_council, label: Youth Council}, {value: care_leavers, label: Care leavers}]
  - id: topics
    type: multiple_choice
    text: Which topics?
    choices: [{value: knife_crime, label: Knife crime}, {value: bullying, label: Bullying}]
  - {id: feel, type: faces_scale, points: 5, text: "How do you feel?"}
  - {id: say, type: free_text, text: "Anything else?", required: false}
  - {id: more, type: free_text, text: "Anything more?", required: false}
"""

CHOICES = {"age": "14-15", "group": "care_leavers", "topics": ["knife_crime", "bullying"], "feel": 4}


@pytest.fixture
def consultation(ctx):
    return create_consultation(loads(SURVEY), title="Retention test", status=OPEN)


def respond(consultation, words: dict, *, sent_on=OLD, started_on=None, status=SUBMITTED, flagged=(), version=None):
    answers = {**CHOICES, **words}
    with writing():
        response = Response(
            consultation_id=consultation.id,
            survey_version_id=(version or consultation.current_version).id,
            channel="web",
            resume_key=secrets.token_hex(32),
            status=status,
            language="en",
            age_band="14-15",
            started_on=started_on or sent_on,
            submitted_on=sent_on if status == SUBMITTED else None,
            answers=[Answer(question_id=q, value=v, flagged=q in flagged) for q, v in answers.items()],
        )
        db.session.add(response)
    return response.id


def stored(response_id) -> dict:
    db.session.expire_all()
    response = db.session.get(Response, response_id)
    return {a.question_id: a.value for a in response.answers}


def flags(response_id) -> dict:
    return {a.question_id: a.flagged for a in db.session.get(Response, response_id).answers}


def run(**options):
    return run_retention(**{"today": TODAY, "months": 12, "unfinished_days": 30, **options})


def answers_per_question() -> dict:
    return dict(db.session.execute(select(Answer.question_id, func.count()).group_by(Answer.question_id)).all())


def test_words_older_than_the_period_are_erased_and_the_choices_kept(consultation):
    old = respond(consultation, {"say": "The buses stop at 6 so I can't get to youth club.", "more": "Lights in the park"})
    report = run()
    assert stored(old) == {**CHOICES, "say": MARKER, "more": MARKER}
    assert report.erased_answers == 2 and report.erased_in_responses == 1
    assert report.words_before == date(2025, 6, 15)


def test_words_within_the_period_are_kept(consultation):
    recent = respond(consultation, {"say": "More things to do after school."}, sent_on=RECENT)
    on_the_day = respond(consultation, {"say": "Exactly a year ago."}, sent_on=date(2025, 6, 15))
    assert run().erased_answers == 0
    assert stored(recent)["say"] == "More things to do after school."
    assert stored(on_the_day)["say"] == "Exactly a year ago."


def test_counts_of_responses_and_answers_do_not_change(consultation):
    for _ in range(3):
        respond(consultation, {"say": "Old words", "more": PREFER_NOT_TO_SAY})
    respond(consultation, {"say": "New words"}, sent_on=RECENT)
    before = (list_consultations()[0].responses, answers_per_question())
    run()
    after = (list_consultations()[0].responses, answers_per_question())
    assert before == after and after[0] == 4


def test_a_skipped_free_text_still_counts_as_prefer_not_to_say(consultation):
    old = respond(consultation, {"say": PREFER_NOT_TO_SAY, "more": "words"})
    assert run().erased_answers == 1
    assert stored(old)["say"] == PREFER_NOT_TO_SAY


def test_running_again_changes_nothing(consultation):
    old = respond(consultation, {"say": "Old words"})
    run()
    again = run()
    assert again.erased_answers == 0 and again.deleted_unfinished == 0
    assert stored(old)["say"] == MARKER


def test_a_dry_run_counts_but_changes_nothing_and_writes_no_audit(consultation):
    old = respond(consultation, {"say": "Old words"})
    abandoned = respond(consultation, {"say": "half done"}, status=IN_PROGRESS, sent_on=RECENT)
    report = run(dry_run=True)
    assert (report.erased_answers, report.deleted_unfinished, report.dry_run) == (1, 1, True)
    assert stored(old)["say"] == "Old words"
    assert db.session.get(Response, abandoned) is not None
    assert db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "ran retention")) == 0


def test_a_flag_stays_on_erased_words_and_exports_still_withhold_them(consultation):
    old = respond(consultation, {"say": "my stepdad hits me"}, flagged={"say"})
    run()
    assert stored(old)["say"] == MARKER and flags(old)["say"] is True
    table = exports.answer_table(consultation)
    row = dict(zip(table.headers, next(table.rows()).cells(table.columns)))
    assert row["Anything else?"] == exports.WITHHELD


def test_exports_show_that_the_words_were_removed(consultation):
    respond(consultation, {"say": "Old words"})
    run()
    table = exports.answer_table(consultation)
    row = dict(zip(table.headers, next(table.rows()).cells(table.columns)))
    assert row["Anything else?"] == "[removed after 12 months]"
    assert row["Which group?"] == "Care leavers" and row["Age band"] == "14-15"


def test_a_response_never_sent_is_judged_by_the_day_it_started(consultation):
    # Kept because it holds a possible disclosure, but its words are old.
    old = respond(consultation, {"say": "someone is hurting me"}, status=IN_PROGRESS, started_on=OLD, flagged={"say"})
    report = run()
    assert stored(old)["say"] == MARKER and flags(old)["say"] is True
    assert report.kept_unfinished_flagged == 1


def test_abandoned_unfinished_responses_go_but_recent_and_flagged_ones_stay(consultation):
    abandoned = respond(consultation, {"say": "half"}, status=IN_PROGRESS, started_on=TODAY - timedelta(days=31))
    recent = respond(consultation, {"say": "half"}, status=IN_PROGRESS, started_on=TODAY - timedelta(days=30))
    flagged = respond(consultation, {"say": "he hits me"}, status=IN_PROGRESS, started_on=TODAY - timedelta(days=40), flagged={"say"})
    sent = respond(consultation, {"say": "done"}, sent_on=TODAY - timedelta(days=40))
    report = run()
    assert report.deleted_unfinished == 1 and report.kept_unfinished_flagged == 1
    db.session.expire_all()
    assert db.session.get(Response, abandoned) is None
    assert all(db.session.get(Response, r) for r in (recent, flagged, sent))
    assert not db.session.scalar(select(func.count()).select_from(Answer).where(Answer.response_id == abandoned))


def test_words_of_a_question_since_removed_from_the_survey_are_erased_too(consultation):
    first = consultation.current_version
    old = respond(consultation, {"say": "Old words"}, version=first)
    definition = dumps(loads(SURVEY.replace('  - {id: say, type: free_text, text: "Anything else?", required: false}\n', "")))
    with writing():
        version = SurveyVersion(consultation_id=consultation.id, number=2, definition=definition,
                                digest=hashlib.sha256(definition.encode()).hexdigest())
        db.session.add(version)
        db.session.flush()
        consultation.current_version = version
    newer = respond(consultation, {"more": "Also old"}, version=version)
    run()
    assert stored(old)["say"] == MARKER and stored(newer)["more"] == MARKER


def test_it_works_through_many_batches(consultation):
    ids = [respond(consultation, {"say": f"words {n}", "more": f"more {n}"}) for n in range(7)]
    ids += [respond(consultation, {}, status=IN_PROGRESS, started_on=OLD) for _ in range(5)]
    report = run(batch=3)
    assert report.erased_answers == 14 and report.deleted_unfinished == 5
    assert all(stored(i)["say"] == MARKER for i in ids[:7])


def test_each_run_is_in_the_audit_log_with_counts_and_no_words(consultation):
    respond(consultation, {"say": "Private words here"})
    run()
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "ran retention"))
    assert event.actor == "command line"
    assert event.detail["erased_answers"] == 1 and event.detail["months"] == 12
    assert "Private words" not in str(event.detail) + event.target


def test_the_marker_names_the_period_and_is_recognised():
    assert erased_marker(12) == MARKER and erased_marker(1) == "[removed after 1 month]"
    assert is_erased(erased_marker(6)) and is_erased(MARKER)
    assert not is_erased("I was removed after 12 months of waiting") and not is_erased(None)


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2026, 6, 15), 12, date(2025, 6, 15)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2026, 1, 10), 1, date(2025, 12, 10)),
        (date(2026, 1, 10), 25, date(2023, 12, 10)),
    ],
)
def test_months_before_counts_calendar_months(day, months, expected):
    assert months_before(day, months) == expected


def test_a_period_of_nothing_is_refused(ctx):
    with pytest.raises(ValueError):
        run(months=0)


# Erasing a consultation's answers


def test_erasing_removes_every_response_and_answer_to_that_consultation_only(consultation):
    other = create_consultation(loads(SURVEY), title="Another", status=OPEN)
    for _ in range(3):
        respond(consultation, {"say": "words"})
    respond(consultation, {}, status=IN_PROGRESS, sent_on=RECENT)
    kept = respond(other, {"say": "other words"})
    counts = erase_answers(consultation.join_code)
    assert (counts.responses, counts.answers) == (4, 4 * 4 + 3)
    assert db.session.scalar(select(func.count()).select_from(Response).where(Response.consultation_id == consultation.id)) == 0
    assert db.session.scalar(select(func.count()).select_from(Answer)) == len(stored(kept))
    assert count_answers(consultation.join_code).responses == 0


def test_after_erasing_the_consultation_and_its_survey_stay_and_can_take_answers_again(consultation):
    respond(consultation, {"say": "test run"})
    erase_answers(consultation.join_code)
    found = find_consultation(consultation.join_code)
    assert found.status == OPEN and found.current_version is not None
    token = responding.start_response(found.join_code, "web")
    responding.answer_screen(found.join_code, token, "age", "next", ["14-15"])
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1


def test_erasing_is_in_the_audit_log_with_counts(consultation):
    respond(consultation, {"say": "my stepdad hits me"}, flagged={"say"})
    erase_answers(consultation.join_code)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "erased answers"))
    assert (event.target_type, event.target) == ("consultation", consultation.join_code)
    assert event.detail == {"responses": 1, "answers": 5, "flagged": 1}


def test_erasing_an_unknown_consultation_is_refused(ctx):
    with pytest.raises(ConsultationNotFound):
        erase_answers("ZZZZZZ")
    assert db.session.scalar(select(func.count()).select_from(Consultation)) == 0
