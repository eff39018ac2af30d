"""Answering a consultation through the service layer, as every channel does."""
import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import CHAT, OPEN, SUBMITTED, WEB, Answer, Response
from engage.services import responding
from engage.services.consultations import create_consultation, create_from_template, set_status
from engage.services.errors import ConsultationClosed, ConsultationNotFound, ResponseNotFound
from surveys import PREFER_NOT_TO_SAY
from surveys.textformat import loads

WORKSHOPS = """
id: workshops
kind: staying_safe_conference
title: Workshops
questions:
  - id: pick
    type: workshop_choice
    text: Pick a workshop
    pick: 1
    choices:
      - {value: first_aid, label: First aid, capacity: 1}
      - {value: online, label: Online safety}
"""


@pytest.fixture
def ballot(ctx):
    return create_from_template("youth-ballot", status=OPEN).join_code


def stored_answers(token):
    response = db.session.scalar(
        select(Response).where(Response.resume_key == responding.resume_key(token))
    )
    return {a.question_id: a.value for a in response.answers}


def test_each_screen_is_saved_when_the_young_person_moves_on(ballot):
    token = responding.start_response(ballot, WEB)
    responding.answer_screen(ballot, token, "age_band", "next", ["14-15"])
    db.session.remove()  # a dropped connection: nothing held in memory
    assert stored_answers(token) == {"age_band": "14-15"}
    assert responding.progress(ballot, token).screen.question.id == "top_issues"


def test_a_replayed_screen_answers_that_screen_again_and_stores_one_answer(ballot):
    token = responding.start_response(ballot, WEB)
    for _ in range(3):
        responding.answer_screen(ballot, token, "age_band", "next", ["14-15"])
    assert responding.progress(ballot, token).state.history == ("age_band",)
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 1


def test_answering_an_earlier_screen_again_changes_that_answer_and_keeps_the_rest(ballot):
    token = responding.start_response(ballot, WEB)
    responding.answer_screen(ballot, token, "age_band", "next", ["14-15"])
    responding.answer_screen(ballot, token, "top_issues", "next", ["school"])
    responding.answer_screen(ballot, token, "age_band", "next", ["16-17"])
    progress = responding.progress(ballot, token)
    assert progress.state.answers == {"age_band": "16-17", "top_issues": ["school"]}
    assert progress.screen.question.id == "top_issues"


def test_a_rejected_answer_moves_nothing_and_gives_back_what_was_typed(ballot):
    token = responding.start_response(ballot, WEB)
    responding.answer_screen(ballot, token, "age_band", "next", ["14-15"])
    responding.answer_screen(ballot, token, "top_issues", "next", ["school"])
    too_long = "x" * 1001
    with pytest.raises(responding.ScreenRejected) as rejected:
        responding.answer_screen(ballot, token, "why_first", "next", [too_long])
    assert rejected.value.typed == [too_long]
    assert "1001" in str(rejected.value.error)
    assert responding.progress(ballot, token).screen.question.id == "why_first"


def test_prefer_not_to_say_is_stored_as_such(ballot):
    token = responding.start_response(ballot, CHAT)
    responding.answer_screen(ballot, token, "age_band", "skip", [])
    assert stored_answers(token) == {"age_band": PREFER_NOT_TO_SAY}


def test_going_back_keeps_a_valid_answer_typed_on_the_screen_being_left(ballot):
    token = responding.start_response(ballot, WEB)
    responding.answer_screen(ballot, token, "age_band", "next", ["14-15"])
    responding.answer_screen(ballot, token, "top_issues", "back", ["transport", "jobs"])
    progress = responding.progress(ballot, token)
    assert progress.screen.question.id == "age_band"
    assert progress.state.answers["top_issues"] == ["transport", "jobs"]


def test_sending_keeps_only_answers_on_the_path_taken_and_records_the_age_band(ballot):
    token = responding.start_response(ballot, WEB)
    responding.answer_screen(ballot, token, "age_band", "next", ["11-13"])
    responding.answer_screen(ballot, token, "top_issues", "next", ["knife_crime"])
    responding.answer_screen(ballot, token, "why_first", "next", [""])
    responding.answer_screen(ballot, token, "knife_crime_safe", "next", ["2"])
    # back to the ballot, and knife crime is no longer picked: its follow-up is hidden
    responding.answer_screen(ballot, token, "top_issues", "next", ["jobs"])
    responding.answer_screen(ballot, token, "why_first", "next", ["money"])
    first = responding.submit_response(ballot, token)
    again = responding.submit_response(ballot, token)
    assert first.submitted and again.submitted
    response = db.session.scalar(select(Response))
    assert response.status == SUBMITTED and response.age_band == "11-13"
    assert stored_answers(token) == {
        "age_band": "11-13",
        "top_issues": ["jobs"],
        "why_first": "money",
    }


def test_an_unfinished_response_cannot_be_sent(ballot):
    token = responding.start_response(ballot, WEB)
    assert not responding.submit_response(ballot, token).submitted


def test_an_unknown_token_finds_no_response(ballot):
    with pytest.raises(ResponseNotFound):
        responding.progress(ballot, "not-a-real-token")
    with pytest.raises(ResponseNotFound):
        responding.answer_screen(ballot, None, "age_band", "next", ["14-15"])


def test_a_closed_consultation_takes_no_answers_but_keeps_what_it_has(ballot):
    token = responding.start_response(ballot, WEB)
    responding.answer_screen(ballot, token, "age_band", "next", ["14-15"])
    set_status(ballot, "closed")
    with pytest.raises(ConsultationClosed):
        responding.answer_screen(ballot, token, "top_issues", "next", ["jobs"])
    with pytest.raises(ConsultationClosed):
        responding.start_response(ballot, WEB)
    assert stored_answers(token) == {"age_band": "14-15"}


def test_an_unknown_join_code_is_not_found(ctx):
    with pytest.raises(ConsultationNotFound):
        responding.welcome("ZZZZZZ", None)


def test_a_full_workshop_cannot_be_picked_by_the_next_delegate(ctx):
    code = create_consultation(loads(WORKSHOPS), status=OPEN).join_code
    first = responding.start_response(code, WEB)
    responding.answer_screen(code, first, "pick", "next", ["first_aid"])
    second = responding.start_response(code, WEB)
    assert responding.progress(code, second).context.places_taken == {"first_aid": 1}
    with pytest.raises(responding.ScreenRejected, match="full"):
        responding.answer_screen(code, second, "pick", "next", ["first_aid"])
    responding.answer_screen(code, second, "pick", "next", ["online"])
    assert stored_answers(second) == {"pick": ["online"]}


def test_the_token_itself_is_never_stored(ballot):
    token = responding.start_response(ballot, WEB)
    keys = db.session.scalars(select(Response.resume_key)).all()
    assert token not in keys and responding.resume_key(token) in keys


def test_an_age_band_withheld_with_prefer_not_to_say_is_not_recorded_as_a_band(ballot):
    token = responding.start_response(ballot, WEB)
    responding.answer_screen(ballot, token, "age_band", "skip", [])
    responding.answer_screen(ballot, token, "top_issues", "next", ["jobs"])
    responding.answer_screen(ballot, token, "why_first", "next", [""])
    assert responding.submit_response(ballot, token).submitted
    assert db.session.scalar(select(Response.age_band)) is None


def test_a_response_keeps_the_survey_version_it_started_on(ballot):
    from engage.models import Consultation, SurveyVersion
    from engage.services.consultations import find_consultation
    from surveys.templates import load_template
    from surveys.textformat import dumps

    token = responding.start_response(ballot, WEB)
    responding.answer_screen(ballot, token, "age_band", "next", ["14-15"])
    consultation: Consultation = find_consultation(ballot)
    edited = dumps(load_template("square-table"))  # a wholly different survey
    version = SurveyVersion(consultation_id=consultation.id, number=2, definition=edited,
                            digest="edited-version")
    db.session.add(version)
    db.session.flush()
    consultation.current_version = version
    db.session.commit()
    progress = responding.progress(ballot, token)
    assert progress.survey.id == "youth-ballot"
    assert progress.screen.question.id == "top_issues"
