"""A young person's whole journey through the pages, for every template."""
import random

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import OPEN, SUBMITTED, Answer, Response
from engage.services.consultations import create_from_template, survey_of
from surveys import AnswerContext, runner
from surveys.templates import template_names


@pytest.fixture
def open_consultation(app):
    def make(template: str = "youth-ballot"):
        with app.app_context():
            return create_from_template(template, status=OPEN).join_code

    return make


@pytest.mark.parametrize("template", template_names())
def test_a_young_person_can_answer_every_screen_and_send(app, open_consultation, respondent, template):
    code = open_consultation(template)
    with app.app_context():
        from engage.services.consultations import find_consultation

        survey = survey_of(find_consultation(code))
    person = respondent(code)
    page = person.start()
    rng = random.Random(template)
    state = runner.start(survey)
    while not state.finished:
        question = survey.question(state.current)
        assert person.question_id() == question.id
        assert str(escape(question.text_in())) in page.get_data(as_text=True)
        typed = question.kind.example(question, rng, AnswerContext())
        state = runner.answer(survey, state, typed)
        page = person.answer(*typed)
        assert page.status_code == 200
    assert "Ready to send?" in person.text
    thanks = person.send()
    assert "your answers have been sent" in thanks.get_data(as_text=True)
    with app.app_context():
        stored = db.session.scalar(select(Response))
        assert stored.status == SUBMITTED
        assert {a.question_id: a.value for a in stored.answers} == runner.final_answers(survey, state)


def test_sending_twice_stores_one_response(app, open_consultation, respondent):
    code = open_consultation("youth-ballot")
    person = respondent(code)
    person.start()
    person.answer("14-15")
    person.answer("knife_crime", "school")
    person.answer("", button="next")
    person.answer("3")
    send_page = person.page
    person.send()
    person.page = send_page  # the back button, then Send again
    again = person.post("/send")
    assert again.status_code == 302 and again.location.endswith("/thanks")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 3
