"""Saving survey edits: in place before answers, as a new version after; settings and history."""
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import OPEN, AuditEvent, Response, SurveyVersion
from engage.services import builder, responding
from engage.services.builder import SettingsRejected, SurveyChanged
from engage.services.consultations import create_from_template, survey_of
from surveys import SurveyDefinitionError
from surveys.editing import Branching, ChoiceRow, QuestionDraft
from surveys.model import Question

WHY = QuestionDraft(type="free_text", text="Why does that matter to you?", required=False)


@pytest.fixture
def ballot(ctx):
    return create_from_template("youth-ballot", status=OPEN)


def version_count(consultation):
    return db.session.scalar(
        select(func.count()).select_from(SurveyVersion).where(SurveyVersion.consultation_id == consultation.id)
    )


def edits(consultation):
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == "edited survey")).all()


def answer_all(code, token, *screens):
    for question_id, typed in screens:
        responding.answer_screen(code, token, question_id, "next", typed)


def test_before_anyone_answers_an_edit_changes_the_current_version_in_place(ballot):
    version_id, digest = ballot.current_version_id, ballot.current_version.digest
    saved = builder.add_question(ballot, WHY, after=None, by=None)
    assert (saved.number, saved.new_version) == (1, False)
    assert ballot.current_version_id == version_id and version_count(ballot) == 1
    assert ballot.current_version.digest != digest
    assert survey_of(ballot).questions[-1].id == "why_does_that_matter_to_you"
    assert [e.detail for e in edits(ballot)] == [{"version": 1}]


def test_saving_the_survey_unchanged_stores_and_records_nothing(ballot):
    saved = builder.save_survey(ballot, survey_of(ballot), by=None)
    assert (saved.number, saved.new_version) == (1, False)
    assert edits(ballot) == []


def test_once_a_response_is_started_an_edit_makes_a_new_version(ballot):
    token = responding.start_response(ballot.join_code, "web")
    saved = builder.remove_question(ballot, "why_first", by=None)
    assert (saved.number, saved.new_version) == (2, True)
    assert ballot.current_version.number == 2 and version_count(ballot) == 2
    started = db.session.scalar(select(Response).where(Response.resume_key == responding.resume_key(token)))
    assert started.survey_version_id != ballot.current_version_id
    assert [e.detail for e in edits(ballot)] == [{"version": 2}]


def test_edits_to_a_new_version_nobody_has_answered_yet_stay_in_that_version(ballot):
    responding.start_response(ballot.join_code, "web")
    builder.remove_question(ballot, "why_first", by=None)
    builder.add_question(ballot, WHY, after=None, by=None)
    assert ballot.current_version.number == 2 and version_count(ballot) == 2


def test_old_answers_keep_the_questions_they_answered(ballot):
    code = ballot.join_code
    token = responding.start_response(code, "web")
    answer_all(code, token, ("age_band", ["14-15"]), ("top_issues", ["school"]), ("why_first", ["Exams are hard"]))
    responding.submit_response(code, token)
    builder.remove_question(ballot, "why_first", by=None)
    builder.edit_question(ballot, "age_band", QuestionDraft(type="age_band", text="Your age?"), by=None)

    response = db.session.scalar(select(Response))
    old = survey_of(ballot, response.survey_version_id)
    read_back = {a.question_id: (old.question(a.question_id).text_in(), a.value) for a in response.answers}
    assert read_back["why_first"] == ("Why did you pick your first choice? You can skip this.", "Exams are hard")
    assert read_back["age_band"] == ("How old are you?", "14-15")
    assert not survey_of(ballot).has_question("why_first")


def test_a_young_person_part_way_through_finishes_the_version_they_began(ballot):
    code = ballot.join_code
    token = responding.start_response(code, "web")
    answer_all(code, token, ("age_band", ["16-17"]))
    builder.remove_question(ballot, "why_first", by=None)  # the screen they will come to next but one
    answer_all(code, token, ("top_issues", ["knife_crime"]))
    assert responding.progress(code, token).screen.question.id == "why_first"
    answer_all(code, token, ("why_first", ["It scares me"]), ("knife_crime_safe", ["2"]))
    sent = responding.submit_response(code, token)
    assert sent.submitted and sent.state.history == ("age_band", "top_issues", "why_first", "knife_crime_safe")
    # Someone starting now gets the new version.
    newcomer = responding.start_response(code, "web")
    answer_all(code, newcomer, ("age_band", ["16-17"]), ("top_issues", ["school"]))
    assert responding.progress(code, newcomer).ready_to_send


def test_an_edit_that_would_break_the_survey_stores_nothing(ballot):
    digest = ballot.current_version.digest
    with pytest.raises(SurveyDefinitionError, match="cannot be removed"):
        builder.remove_question(ballot, "top_issues", by=None)  # knife_crime_safe branches on it
    broken = replace(survey_of(ballot), questions=(Question(id="pick", type="single_choice", text={"en": "Pick"}),))
    with pytest.raises(SurveyDefinitionError, match="needs choices"):
        builder.save_survey(ballot, broken, by=None)
    db.session.expire_all()
    assert ballot.current_version.digest == digest and edits(ballot) == []


def test_an_edit_begun_before_someone_else_saved_is_refused(ballot):
    seen = ballot.current_version.digest
    builder.add_question(ballot, WHY, after=None, by=None)
    draft = QuestionDraft(type="age_band", text="How old are you now?")
    with pytest.raises(SurveyChanged, match="Someone else saved"):
        builder.edit_question(ballot, "age_band", draft, by=None, based_on=seen)
    builder.edit_question(ballot, "age_band", draft, by=None, based_on=ballot.current_version.digest)
    assert survey_of(ballot).question("age_band").text_in() == "How old are you now?"


def test_branching_and_choices_from_the_builder_are_saved(ballot):
    draft = QuestionDraft(
        type="single_choice",
        text="Where do you feel unsafe?",
        choices=(ChoiceRow("Park"), ChoiceRow("Bus stop")),
        branching=Branching("top_issues", "includes", ("knife_crime",)),
    )
    builder.add_question(ballot, draft, after="top_issues", by=None)
    added = survey_of(ballot).questions[2]
    assert [c.value for c in added.choices] == ["park", "bus_stop"]
    assert added.show_if.question == "top_issues" and added.show_if.value == "knife_crime"


def test_the_version_history_counts_responses_per_version(ballot):
    code = ballot.join_code
    first = responding.start_response(code, "web")
    answer_all(code, first, ("age_band", ["18"]), ("top_issues", ["jobs"]), ("why_first", []))
    responding.submit_response(code, first)
    responding.start_response(code, "web")
    builder.remove_question(ballot, "why_first", by=None)
    responding.start_response(code, "web")
    history = builder.versions(ballot)
    assert [(v.number, v.responses, v.submitted, v.current) for v in history] == [
        (2, 1, 0, True),
        (1, 2, 1, False),
    ]


def test_settings_are_saved_and_recorded(ballot):
    builder.update_settings(
        ballot, title="Make your mark 2025", min_age=12, max_age=17,
        opens_on=date(2025, 3, 1), closes_on=date(2025, 3, 31), by=None,
    )
    db.session.expire_all()
    assert (ballot.title, ballot.min_age, ballot.max_age) == ("Make your mark 2025", 12, 17)
    assert (ballot.opens_on, ballot.closes_on) == (date(2025, 3, 1), date(2025, 3, 31))
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "changed settings"))
    assert event.detail == {"fields": ["closes_on", "max_age", "min_age", "opens_on", "title"]}


def test_the_setting_is_saved_recorded_and_kept_when_not_given(ballot):
    given = {"title": ballot.title, "min_age": ballot.min_age, "max_age": ballot.max_age,
             "opens_on": ballot.opens_on, "closes_on": ballot.closes_on}
    builder.update_settings(ballot, **given, setting="youth_club", by=None)
    db.session.expire_all()
    assert ballot.setting == "youth_club"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "changed settings"))
    assert event.detail == {"fields": ["setting"]}
    builder.update_settings(ballot, **given, by=None)  # not given: left as it is
    db.session.expire_all()
    assert ballot.setting == "youth_club"
    builder.update_settings(ballot, **given, setting="", by=None)  # "Not set"
    db.session.expire_all()
    assert ballot.setting is None


@pytest.mark.parametrize(
    "settings, field, message",
    [
        ({"setting": "pub"}, "setting", "Choose a setting from the list"),
        ({"opens_on": date(2025, 3, 10), "closes_on": date(2025, 3, 9)}, "closes_on",
         "The closing date cannot be before the opening date (10 March 2025)"),
        ({"min_age": 16, "max_age": 11}, "max_age", "cannot be below the youngest (16)"),
        ({"title": "   "}, "title", "Give the consultation a title"),
        ({"min_age": 130}, "min_age", "from 0 to 120"),
    ],
)
def test_settings_that_do_not_fit_are_refused_with_a_message_for_each(ballot, settings, field, message):
    title = ballot.title
    given = {"title": "A title", "min_age": None, "max_age": None, "opens_on": None, "closes_on": None}
    with pytest.raises(SettingsRejected) as rejected:
        builder.update_settings(ballot, **{**given, **settings}, by=None)
    assert message in rejected.value.problems[field]
    db.session.expire_all()
    assert ballot.title == title


@pytest.mark.parametrize("asked, shown", [(1, 1), (4, 4), (0, 1), (99, 4)])
def test_the_preview_shows_each_question_in_turn_and_stores_nothing(ballot, asked, shown):
    preview = builder.preview_screen(ballot, asked)
    assert (preview.screen.number, preview.screen.total) == (shown, 4)
    assert preview.screen.question == survey_of(ballot).questions[shown - 1]
    assert db.session.scalar(select(func.count()).select_from(Response)) == 0
