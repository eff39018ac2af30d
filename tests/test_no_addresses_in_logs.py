"""No client address or user agent in the logs or the database, on any server Engage runs on.

Each test sends a whole survey, wrong turns included (an unknown page, a
forged form, a failed sign-in), from a phone with a distinctive address,
forwarded-for header and user agent, then reads every line logged.
"""
from __future__ import annotations

import http.client
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from engage.models import OPEN
from engage.services.consultations import create_from_template
from tests.conftest import Respondent
from tests.net import free_port
from tests.web.test_privacy import everything_stored

ROOT = Path(__file__).resolve().parent.parent
PEER = "203.0.113.41"
FORWARDED_FOR = "198.51.100.97"
REAL_IP = "192.0.2.15"
USER_AGENT = "Mozilla/5.0 (Linux; Android 14; LogProbe-X7QZ) EngageLogProbe/3.1"
CLUES = (PEER, FORWARDED_FOR, REAL_IP, USER_AGENT, "LogProbe-X7QZ", "EngageLogProbe")
HEADERS = {"X-Forwarded-For": f"{FORWARDED_FOR}, {PEER}", "X-Real-IP": REAL_IP, "User-Agent": USER_AGENT}
BALLOT = {"age_band": ["16-17"], "top_issues": ["knife_crime", "school"],
          "why_first": ["Older kids carry knives at the park after dark."], "knife_crime_safe": ["2"]}
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
QUESTION = re.compile(r'name="question" type="hidden" value="([^"]*)"')


def assert_no_clue(text: str, where: str) -> None:
    for clue in CLUES:
        assert clue not in text, f"{clue!r} in the {where}"


def test_the_app_logs_nothing_about_the_device_however_the_journey_goes(app, client, caplog):
    """The Flask app itself (what any server runs), with every logger at DEBUG."""
    caplog.set_level(logging.DEBUG)
    with app.app_context():
        code = create_from_template("youth-ballot", status=OPEN).join_code
    client.environ_base.update({
        "REMOTE_ADDR": PEER,
        "HTTP_USER_AGENT": USER_AGENT,
        "HTTP_X_FORWARDED_FOR": HEADERS["X-Forwarded-For"],
        "HTTP_X_REAL_IP": REAL_IP,
    })
    person = Respondent(client, code)
    person.start()
    for question in ("age_band", "top_issues", "why_first", "knife_crime_safe"):
        assert person.question_id() == question
        person.answer(*BALLOT[question])
    assert "your answers have been sent" in person.send().get_data(as_text=True)
    assert client.get("/no-such-page").status_code == 404
    assert client.post(f"/s/{code}/q", data={"next": "1"}).status_code == 400  # no CSRF token
    assert client.get("/s/ZZZZZZ").status_code == 404
    client.get("/console/login")
    for _ in range(12):  # into the sign-in rate limit
        login = client.get("/console/login").get_data(as_text=True)
        client.post("/console/login", data={"csrf_token": CSRF.search(login).group(1),
                                            "email": "nobody@example.org", "password": "wrong"})
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    assert_no_clue(logged, "log")
    stored = everything_stored(app)
    assert "Older kids carry knives" in stored
    assert_no_clue(stored, "database")


def test_the_development_server_logs_requests_without_the_client_address(app, caplog):
    """``engage run`` serves with werkzeug, which starts each request line with the address."""
    caplog.set_level(logging.INFO)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
        connection.request("GET", "/privacy", headers=HEADERS)
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
    lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert any('"GET /privacy HTTP/1.1" 200' in line for line in lines), lines
    for line in lines:
        assert "127.0.0.1 -" not in line, line
        assert_no_clue(line, "development server's log")


# gunicorn, as deployed: the project's gunicorn.conf.py with its access log switched on.


class Phone:
    """Plain HTTP with one cookie and the distinctive headers on every request."""

    def __init__(self, port: int):
        self.port, self.cookie = port, ""

    def request(self, method: str, path: str, form: list[tuple[str, str]] | None = None) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = dict(HEADERS)
        if self.cookie:
            headers["Cookie"] = self.cookie
        body = urlencode(form) if form is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie" and value.startswith("engage="):
                    self.cookie = value.split(";", 1)[0]
            return response.status, response.read().decode()
        finally:
            connection.close()

    def take_part(self, code: str) -> int:
        status, page = self.request("GET", f"/s/{code}")
        assert CSRF.search(page), (status, page)
        self.request("POST", f"/s/{code}/start", [("csrf_token", CSRF.search(page).group(1))])
        while True:
            _, page = self.request("GET", f"/s/{code}/q")
            question = QUESTION.search(page)
            if question is None:
                break
            form = [("csrf_token", CSRF.search(page).group(1)), ("question", question.group(1)), ("next", "1")]
            self.request("POST", f"/s/{code}/q", form + [("answer", a) for a in BALLOT[question.group(1)]])
        status, _ = self.request("POST", f"/s/{code}/send", [("csrf_token", CSRF.search(page).group(1))])
        return status


@pytest.fixture
def gunicorn(tmp_path):
    """The real server on loopback with the project's config, its log in a file."""
    port, log = free_port(), tmp_path / "gunicorn.log"
    env = {
        **os.environ,
        "ENGAGE_INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": "log-test-secret",
        "SESSION_COOKIE_SECURE": "0",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "THREADS": "2",
        "ACCESS_LOG": "-",
    }
    env.pop("DATABASE_URL", None)
    engage = [sys.executable, "-c", "from engage.cli import main; main()"]
    subprocess.run([*engage, "db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)
    code = subprocess.run(
        [*engage, "consultations", "create", "--template", "youth-ballot", "--open"],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout.split()[0]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--log-level", "debug", "wsgi:app"],
            env=env, cwd=ROOT, start_new_session=True, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if Phone(port).request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"gunicorn did not start:\n{log.read_text()}") from None
                time.sleep(0.1)
        yield port, code, log, tmp_path / "instance" / "engage.db"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def test_gunicorn_with_the_project_config_logs_no_address_or_user_agent(gunicorn):
    port, code, log, database = gunicorn
    phone = Phone(port)
    assert phone.take_part(code) == 302  # sent: the thank-you redirect
    assert phone.request("GET", "/privacy")[0] == 200
    assert phone.request("GET", "/no-such-page")[0] == 404
    assert phone.request("POST", f"/s/{code}/q", [("next", "1")])[0] == 400
    assert phone.request("POST", "/console/login", [("email", "a@example.org"), ("password", "x")])[0] == 400
    time.sleep(0.5)  # let the access log reach the file
    logged = log.read_text()
    access = [line for line in logged.splitlines() if '" 200 ' in line or '" 302 ' in line or '" 40' in line]
    assert any(f'"GET /s/{code} HTTP/1.1" 200' in line for line in access), logged
    assert any(f'"POST /s/{code}/send HTTP/1.1" 302' in line for line in access), logged
    assert_no_clue(logged, "gunicorn log")
    for line in access:
        assert "127.0.0.1" not in line, line  # the real peer's address is not logged either

    engine = sa.create_engine(f"sqlite:///{database}")
    try:
        tables = sa.MetaData()
        tables.reflect(engine)
        with engine.connect() as connection:
            dumped = "\n".join(
                repr(tuple(row)) for table in tables.tables.values() for row in connection.execute(sa.select(table))
            )
    finally:
        engine.dispose()
    assert "Older kids carry knives" in dumped
    assert_no_clue(dumped, "database")
