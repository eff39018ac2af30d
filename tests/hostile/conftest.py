"""One migrated database per hostile module: the corpus is hundreds of small cases.

Each case is a new young person (their own browser, their own response) on
consultations made once per module, so they cannot see each other's answers.
"""
from __future__ import annotations

import http.client
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import OPEN, Response
from engage.services.consultations import create_consultation
from engage.services.responding import resume_key
from surveys.textformat import loads
from tests.conftest import Respondent, fresh_database, migrated_app

# One consultation per question type, the question first, then a screen to go back from.
_SURVEY = """
id: hostile-{type}
kind: service_feedback
title: Hostile {type}
intro: One question.
thank_you: Thanks.
questions:
  - {question}
  - {{id: after, type: info, text: "Nearly done."}}
"""
QUESTIONS = {
    "free_text": '{id: q, type: free_text, text: "Tell us."}',
    "number": '{id: q, type: number, text: "How many?", minimum: 0, maximum: 24}',
    "single_choice": '{id: q, type: single_choice, text: "Which?", choices: [{value: red, label: Red}, {value: blue, label: Blue}]}',
    "multiple_choice": '{id: q, type: multiple_choice, text: "Which?", max_choices: 2, choices: [{value: a, label: A}, {value: b, label: B}, {value: c, label: C}]}',
    "faces_scale": '{id: q, type: faces_scale, points: 5, text: "How do you feel?"}',
    "scale_0_10": '{id: q, type: scale_0_10, text: "How safe?"}',
    "yes_no": '{id: q, type: yes_no, text: "An adult you trust?"}',
    "age_band": '{id: q, type: age_band, text: "How old are you?"}',
    "ranked_ballot": '{id: q, type: ranked_ballot, text: "Top two.", pick: 2, choices: [{value: knives, label: Knife crime}, {value: buses, label: Buses}, {value: jobs, label: Jobs}]}',
    "workshop_choice": '{id: q, type: workshop_choice, text: "A workshop.", pick: 1, choices: [{value: first_aid, label: First aid, capacity: 1}, {value: online, label: Online safety}]}',
    "info": '{id: q, type: info, text: "Here is how this works."}',
}


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    with fresh_database(folder) as database, migrated_app(database, folder) as app:
        yield app


@pytest.fixture(scope="module")
def codes(shared_app) -> dict[str, str]:
    """Join code of an open consultation for each question type."""
    with shared_app.app_context():
        made = {
            kind: create_consultation(loads(_SURVEY.format(type=kind, question=question)), status=OPEN).join_code
            for kind, question in QUESTIONS.items()
        }
        db.session.remove()
    return made


@pytest.fixture
def person(shared_app):
    """``person(code)``: a new young person with their own browser."""
    return lambda code: Respondent(shared_app.test_client(), code)


def stored(app, person: Respondent) -> dict | None:
    """This person's own stored response, found by their browser's token: status and answers."""
    with person.client.session_transaction() as session:
        token = session.get("responses", {}).get(person.code)
    if token is None:
        return None
    with app.app_context():
        try:
            response = db.session.scalar(select(Response).where(Response.resume_key == resume_key(token)))
            if response is None:
                return None
            return {
                "status": response.status,
                "current": response.current_question,
                "answers": {a.question_id: a.value for a in response.answers},
            }
        finally:
            db.session.remove()


class Served:
    """The shared app behind a real threaded HTTP server on loopback, for requests at the same moment."""

    def __init__(self, app):
        from werkzeug.serving import make_server

        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def at_once(self, times: int, path: str, body: bytes, headers: dict) -> list[int]:
        """POST the same request ``times`` times, released together; their statuses."""
        ready = threading.Barrier(times)

        def one(_):
            ready.wait()
            return self.request("POST", path, body, headers)[0]

        with ThreadPoolExecutor(max_workers=times) as pool:
            return list(pool.map(one, range(times)))

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def served(shared_app):
    server = Served(shared_app)
    yield server
    server.stop()
