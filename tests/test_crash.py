"""Pull the plug: ``kill -9`` the server while young people are sending answers.

Every response whose sending was acknowledged (the thank-you redirect came
back) must be stored, submitted, exactly once after a restart. Runs the real
gunicorn on loopback against its own SQLite file, whatever database the rest
of the suite uses, because it is SQLite's durability settings under test.
"""
from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

from engage import create_app
from engage.database import writing
from engage.extensions import db
from engage.models import OPEN
from engage.services.consultations import create_from_template

from tests.net import free_port

_reader = Flask(__name__)
_reader.secret_key = "crash-test-secret"
_COOKIES = _reader.session_interface.get_signing_serializer(_reader)

ROOT = Path(__file__).resolve().parent.parent
SECRET = _reader.secret_key
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
QUESTION = re.compile(r'name="question" type="hidden" value="([^"]*)"')


class Server:
    def __init__(self, instance: Path):
        self.instance, self.port = instance, free_port()
        self.env = {
            **os.environ,
            "ENGAGE_INSTANCE_PATH": str(instance),
            "SECRET_KEY": SECRET,
            "SESSION_COOKIE_SECURE": "0",
        }
        self.env.pop("DATABASE_URL", None)
        self.process = None

    def prepare(self) -> str:
        """Migrate a fresh database and open a youth ballot; its join code.

        In this process, which has the app imported already: a second Python
        importing it costs seconds.
        """
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{self.instance / 'engage.db'}",
                          "SECRET_KEY": SECRET})
        with app.app_context():
            upgrade()
            with writing():
                code = create_from_template("youth-ballot", status=OPEN).join_code
            db.session.remove()
            db.engine.dispose()
        return code

    def start(self) -> None:
        self.boot()
        self.wait_until_ready()

    def boot(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "2", "-k", "gthread", "--threads", "4",
             "--preload", "-b", f"127.0.0.1:{self.port}", "wsgi:app"],
            env=self.env, cwd=ROOT, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            try:
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.1)
            finally:
                connection.close()
        raise RuntimeError("gunicorn did not start")

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


ANSWERS = {"age_band": ["14-15"], "top_issues": ["knife_crime", "school"],
           "why_first": ["It matters"], "knife_crime_safe": ["2"]}


class Person:
    """One young person's phone, speaking plain HTTP with one cookie.

    It remembers what the server acknowledged: that the response was started (a
    token came back), each screen it saved (a redirect to the next one), and that
    it was sent (the redirect to the thank-you page).
    """

    def __init__(self, port: int, code: str):
        self.port, self.code, self.cookie = port, code, ""
        self.location = ""
        self.saved: dict[str, list[str]] = {}  # screens acknowledged
        self.posted: set[str] = set()  # screens sent, acknowledged or not
        self.sending = False  # a request that changes something is on the wire
        self.sent = False

    def request(self, method: str, path: str, form: list[tuple[str, str]] | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, f"/s/{self.code}{path}", body=body, headers=headers)
            response = connection.getresponse()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie" and value.startswith("engage="):
                    self.cookie = value.split(";", 1)[0]
            self.location = response.getheader("Location", "")
            return response.status, response.read().decode()
        finally:
            connection.close()

    def take_part(self) -> None:
        """Answer the youth ballot from the intro, or from where this phone left off."""
        if not self.cookie:
            _, page = self.request("GET", "")
            self.request("POST", "/start", [("csrf_token", CSRF.search(page).group(1))])
        while True:
            status, page = self.request("GET", "/q")
            if status == 302 and self.location.endswith("/thanks"):
                self.sent = True  # sent before a crash cut off the answer; shown now
                return
            question = QUESTION.search(page)
            if question is None:
                break
            qid = question.group(1)
            form = [("csrf_token", CSRF.search(page).group(1)), ("question", qid),
                    ("next", "1")] + [("answer", a) for a in ANSWERS[qid]]
            self.posted.add(qid)
            self.sending = True
            status, _ = self.request("POST", "/q", form)
            self.sending = False
            if status == 302 and self.location.endswith("/q"):
                self.saved[qid] = ANSWERS[qid]
        self.sending = True
        status, _ = self.request("POST", "/send", [("csrf_token", CSRF.search(page).group(1))])
        self.sending = False
        self.sent = status == 302 and self.location.endswith("/thanks")

    def token(self) -> str | None:
        """The resume token inside this phone's signed session cookie, once started."""
        if not self.cookie:
            return None
        data = _COOKIES.loads(self.cookie.split("=", 1)[1])
        return data.get("responses", {}).get(self.code)


def stored_responses(database: Path) -> dict[str, dict]:
    """Every response in the database by resume key: status, path and answers."""
    engine = sa.create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        responses = connection.execute(
            sa.text("SELECT id, resume_key, status, CAST(path AS TEXT) AS path FROM responses")
        ).all()
        answers = connection.execute(
            sa.text("SELECT response_id, question_id, CAST(value AS TEXT) FROM answers")
        ).all()
    engine.dispose()
    by_id = {row.id: {"status": row.status, "path": json.loads(row.path), "answers": {}}
             for row in responses}
    for response_id, question_id, value in answers:
        value = json.loads(value)
        by_id[response_id]["answers"][question_id] = [str(v) for v in value] if isinstance(
            value, list) else [str(value)]
    keys = [row.resume_key for row in responses]
    assert len(keys) == len(set(keys)), "a response is stored twice"
    return {row.resume_key: by_id[row.id] for row in responses}


def test_every_acknowledged_answer_survives_a_kill_9_exactly_once(tmp_path, monkeypatch):
    monkeypatch.setenv("ENGAGE_INSTANCE_PATH", str(tmp_path / "instance"))
    server = Server(tmp_path / "instance")
    server.boot()  # gunicorn imports the app while this process migrates the database
    code = server.prepare()
    server.wait_until_ready()
    everyone: list[Person] = []
    surprises: list[str] = []
    stop = threading.Event()

    def keep_answering():
        while not stop.is_set():
            person = Person(server.port, code)
            everyone.append(person)
            try:
                person.take_part()
            except (OSError, http.client.HTTPException):
                return  # the server died under us, mid-survey
            except Exception as error:  # noqa: BLE001 - a page we did not expect
                surprises.append(repr(error))
                return

    threads = [threading.Thread(target=keep_answering) for _ in range(8)]
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while sum(p.sent for p in everyone) < 12 and time.monotonic() < deadline:
            time.sleep(0.05)
        # Only kill while some answers are on the wire, not between requests.
        while not any(p.sending for p in everyone) and time.monotonic() < deadline:
            time.sleep(0.001)
        server.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        stop.set()
        if server.process.poll() is None:
            server.kill()
    sent = [p for p in everyone if p.sent]
    midway = [p for p in everyone if not p.sent and p.saved]
    assert not surprises
    assert len(sent) >= 12, "too few responses were sent before the crash"
    assert midway, "nobody was part way through when the server died"

    server.start()  # a restart recovers the WAL
    try:
        for person in midway[:3]:  # their phones carry on where they were
            person.take_part()
            assert person.sent
    finally:
        server.kill()

    stored = stored_responses(tmp_path / "instance" / "engage.db")
    for person in everyone:
        token = person.token()
        if token is None:
            continue  # never got as far as a started response
        response = stored[hashlib.sha256(token.encode()).hexdigest()]
        # Every acknowledged screen is there as it was sent; at most the screen on
        # the wire at the kill is there unacknowledged (committed, answer lost).
        assert {q: response["answers"].get(q) for q in person.saved} == person.saved
        assert set(response["answers"]) - set(person.saved) <= person.posted
        assert len(person.posted - set(person.saved)) <= 1
        # Never half-stored: the place in the survey moved with the answer.
        assert set(response["path"]) == set(response["answers"])
        if person.sent:
            assert response["status"] == "submitted"
            assert response["answers"] == {q: ANSWERS[q] for q in ANSWERS}
    started = {hashlib.sha256(t.encode()).hexdigest() for p in everyone if (t := p.token())}
    # Nothing stored that no phone holds, bar responses whose start was cut off.
    assert len(set(stored) - started) <= len(threads)
