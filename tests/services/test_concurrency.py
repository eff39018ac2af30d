"""Many copies of one request at the same moment (a double tap, a flaky
connection retrying) still store one answer and one response."""
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import OPEN, SUBMITTED, WEB, Answer, Response
from engage.services import responding
from engage.services.consultations import create_from_template


@pytest.fixture
def ballot(ctx):
    code = create_from_template("youth-ballot", status=OPEN).join_code
    db.session.remove()
    return code


def at_once(app, times, call):
    """Run ``call`` ``times`` times on as many threads, each with its own session."""

    def run(_):
        with app.app_context():
            try:
                return call()
            finally:
                db.session.remove()

    with ThreadPoolExecutor(max_workers=times) as pool:
        return list(pool.map(run, range(times)))


def test_the_same_screen_sent_twenty_times_at_once_stores_one_answer(app, ballot):
    with app.app_context():
        token = responding.start_response(ballot, WEB)
    at_once(app, 20, lambda: responding.answer_screen(ballot, token, "age_band", "next", ["14-15"]))
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 1
        state = responding.progress(ballot, token).state
        assert state.history == ("age_band",) and state.current == "top_issues"


def test_sending_twenty_times_at_once_stores_one_submitted_response(app, ballot):
    with app.app_context():
        token = responding.start_response(ballot, WEB)
        responding.answer_screen(ballot, token, "age_band", "next", ["14-15"])
        responding.answer_screen(ballot, token, "top_issues", "next", ["school"])
        responding.answer_screen(ballot, token, "why_first", "next", ["exams"])
    results = at_once(app, 20, lambda: responding.submit_response(ballot, token).submitted)
    assert all(results)
    with app.app_context():
        assert db.session.scalars(select(Response.status)).all() == [SUBMITTED]
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 3


def test_many_young_people_answering_at_once_each_keep_their_own_answers(app, ballot):
    def one_person():
        token = responding.start_response(ballot, WEB)
        responding.answer_screen(ballot, token, "age_band", "next", ["16-17"])
        responding.answer_screen(ballot, token, "top_issues", "next", ["jobs", "transport"])
        responding.answer_screen(ballot, token, "why_first", "next", [""])
        return responding.submit_response(ballot, token).submitted

    assert all(at_once(app, 16, one_person))
    with app.app_context():
        assert db.session.scalar(
            select(func.count()).select_from(Response).where(Response.status == SUBMITTED)
        ) == 16
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 32
