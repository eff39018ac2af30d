"""Pull the plug: ``kill -9`` the server while young people are sending answers.

Every response whose sending was acknowledged (the thank-you redirect came
back) must be stored, submitted, exactly once after a restart. Runs the real
gunicorn on loopback against its own SQLite file, whatever database the rest
of the suite uses, because it is SQLite's durability settings under test.
"""
from __future__ import annotations

import hashlib
import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import sqlalchemy as sa

from flask import Flask

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

    def cli(self, *args: str) -> str:
        engage = [sys.executable, "-c", "from engage.cli import main; main()"]
        return subprocess.run(
            [*engage, *args], env=self.env, cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "2", "-k", "gthread", "--threads", "4",
             "-b", f"127.0.0.1:{self.port}", "wsgi:app"],
            env=self.env, cwd=ROOT, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
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


class Person:
    """One young person's phone, speaking plain HTTP with one cookie."""

    def __init__(self, port: int, code: str):
        self.port, self.code, self.cookie = port, code, ""

    def request(self, method: str, path: str, form: list[tuple[str, str]] | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            from urllib.parse import urlencode

            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, f"/s/{self.code}{path}", body=body, headers=headers)
            response = connection.getresponse()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie" and value.startswith("engage="):
                    self.cookie = value.split(";", 1)[0]
            return response.status, response.read().decode()
        finally:
            connection.close()

    def take_part(self) -> str | None:
        """Answer the youth ballot; the token of an acknowledged response, else None."""
        _, page = self.request("GET", "")
        self.request("POST", "/start", [("csrf_token", CSRF.search(page).group(1))])
        answers = {"age_band": ["14-15"], "top_issues": ["knife_crime", "school"],
                   "why_first": ["It matters"], "knife_crime_safe": ["2"]}
        while True:
            status, page = self.request("GET", "/q")
            question = QUESTION.search(page)
            if question is None:
                break
            form = [("csrf_token", CSRF.search(page).group(1)), ("question", question.group(1)),
                    ("next", "1")] + [("answer", a) for a in answers[question.group(1)]]
            self.request("POST", "/q", form)
        status, _ = self.request("POST", "/send", [("csrf_token", CSRF.search(page).group(1))])
        return self.token() if status == 302 else None

    def token(self) -> str:
        """The resume token inside this phone's signed session cookie."""
        data = _COOKIES.loads(self.cookie.split("=", 1)[1])
        return data["responses"][self.code]


def test_every_acknowledged_response_survives_a_kill_9_exactly_once(tmp_path):
    server = Server(tmp_path / "instance")
    server.cli("db", "upgrade")
    code = server.cli("consultations", "create", "--template", "youth-ballot", "--open").split()[0]
    server.start()
    acknowledged: list[str] = []
    stop = threading.Event()

    def keep_answering():
        while not stop.is_set():
            try:
                token = Person(server.port, code).take_part()
            except (OSError, http.client.HTTPException, AttributeError):
                continue  # the server died under us: nothing was acknowledged
            if token:
                acknowledged.append(token)

    people = [threading.Thread(target=keep_answering) for _ in range(8)]
    try:
        for person in people:
            person.start()
        deadline = time.monotonic() + 20
        while len(acknowledged) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)
        server.kill()  # mid-flight: others are part way through their answers
        stop.set()
        for person in people:
            person.join(timeout=30)
    finally:
        stop.set()
        if server.process.poll() is None:
            server.kill()
    assert len(acknowledged) >= 20, "too few responses were sent before the crash"

    server.start()  # a restart recovers the WAL
    try:
        status, _ = Person(server.port, code).request("GET", "")
        assert status == 200
    finally:
        server.kill()
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'instance' / 'engage.db'}")
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT resume_key, status FROM responses")
        ).all()
        answers = dict(connection.execute(
            sa.text("SELECT response_id, count(*) FROM answers GROUP BY response_id")
        ).all())
        ids = dict(connection.execute(sa.text("SELECT resume_key, id FROM responses")).all())
    engine.dispose()
    stored = {key: status for key, status in rows}
    for token in acknowledged:
        key = hashlib.sha256(token.encode()).hexdigest()
        assert stored.get(key) == "submitted"
        assert answers[ids[key]] == 4
    assert len(rows) == len(stored)  # one row per response, never a duplicate
