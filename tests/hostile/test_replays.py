"""The same form sent again and again, one after another and all at once: stored once.

The "at once" cases go through a real threaded HTTP server on loopback, so the
requests really overlap in the app and the database (each its own connection).
"""
from __future__ import annotations

from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import SUBMITTED, Answer, Response
from engage.services.responding import resume_key
from tests.hostile.conftest import stored


def counts(app, person) -> tuple[int, int]:
    """How many responses share this person's token, and how many answers they hold."""
    with person.client.session_transaction() as session:
        token = session["responses"][person.code]
    with app.app_context():
        try:
            ids = db.session.scalars(select(Response.id).where(Response.resume_key == resume_key(token))).all()
            answers = db.session.scalar(select(func.count()).select_from(Answer).where(Answer.response_id.in_(ids)))
            return len(ids), answers
        finally:
            db.session.remove()


def plain_http(person, data: dict) -> tuple[bytes, dict]:
    """The form this person's browser would send, as a body and headers for a raw request."""
    cookie = person.client.get_cookie("engage")
    body = urlencode({"csrf_token": person.csrf(), **data}, doseq=True).encode()
    return body, {"Cookie": f"engage={cookie.value}", "Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def at_send(codes, person):
    young = person(codes["free_text"])
    young.start()
    young.answer("the only answer")
    young.answer()  # past the info screen
    assert "Ready to send?" in young.text
    return young


def test_the_final_submission_replayed_100_times_stores_one_response(shared_app, at_send):
    send_page = at_send.page
    for _ in range(100):
        at_send.page = send_page
        assert at_send.post("/send").status_code == 302
    assert stored(shared_app, at_send)["status"] == SUBMITTED
    assert counts(shared_app, at_send) == (1, 1)


def test_the_final_submission_sent_50_times_at_once_stores_one_response(shared_app, at_send, served):
    body, headers = plain_http(at_send, {})
    statuses = served.at_once(50, f"/s/{at_send.code}/send", body, headers)
    assert set(statuses) == {302}, statuses
    assert stored(shared_app, at_send)["status"] == SUBMITTED
    assert counts(shared_app, at_send) == (1, 1)


def test_one_answer_screen_sent_100_times_in_a_row_stores_one_answer(shared_app, codes, person):
    young = person(codes["free_text"])
    screen = young.start()
    for _ in range(100):
        young.page = screen
        assert young.answer("sent a hundred times").status_code == 200
    assert stored(shared_app, young) == {"status": "in_progress", "current": "after",
                                         "answers": {"q": "sent a hundred times"}}
    assert counts(shared_app, young) == (1, 1)


@pytest.mark.parametrize("kind, values, kept", [
    ("free_text", ["sent fifty times at once"], "sent fifty times at once"),
    ("ranked_ballot", ["jobs", "knives"], ["jobs", "knives"]),
])
def test_one_answer_screen_sent_50_times_at_once_stores_one_answer(
    shared_app, codes, person, served, kind, values, kept
):
    young = person(codes[kind])
    young.start()
    body, headers = plain_http(young, {"question": "q", "answer": values, "next": "1"})
    statuses = served.at_once(50, f"/s/{young.code}/q", body, headers)
    assert set(statuses) == {302}, statuses
    assert stored(shared_app, young) == {"status": "in_progress", "current": "after", "answers": {"q": kept}}
    assert counts(shared_app, young) == (1, 1)


def test_the_last_workshop_place_sent_for_by_50_people_at_once_goes_to_one(shared_app, person, served):
    from engage.models import OPEN
    from engage.services.consultations import create_consultation
    from surveys.textformat import loads
    from tests.hostile.conftest import QUESTIONS, _SURVEY

    with shared_app.app_context():
        code = create_consultation(loads(_SURVEY.format(type="last-place", question=QUESTIONS["workshop_choice"])),
                                   status=OPEN).join_code
        db.session.remove()
    people = [person(code) for _ in range(50)]
    forms = []
    for young in people:
        young.start()
        forms.append(plain_http(young, {"question": "q", "answer": "first_aid", "next": "1"}))
    import threading
    from concurrent.futures import ThreadPoolExecutor

    ready = threading.Barrier(len(forms))

    def send(form):
        ready.wait()
        return served.request("POST", f"/s/{code}/q", *form)[0]

    with ThreadPoolExecutor(max_workers=len(forms)) as pool:
        statuses = list(pool.map(send, forms))
    assert statuses.count(302) >= 1 and set(statuses) <= {302, 422}, statuses
    taken = [stored(shared_app, young)["answers"].get("q") for young in people]
    assert taken.count(["first_aid"]) == 1, "a place with capacity 1 was given more than once"
