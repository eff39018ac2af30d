"""Fixtures: each test gets its own app and its own, freshly migrated database.

By default that is an SQLite file in the test's temporary folder. With
``ENGAGE_TEST_DATABASE_URL`` set to a PostgreSQL URL, each test gets its own
schema on that server instead; if the server cannot be reached the tests are
skipped with the reason, or fail when ``ENGAGE_REQUIRE_POSTGRES=1`` (CI).
"""
from __future__ import annotations

import os
import re
import uuid
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from engage import create_app
from engage.config import TestConfig
from engage.extensions import db

SERVER_URL = os.environ.get("ENGAGE_TEST_DATABASE_URL", "").strip()
REQUIRE_SERVER = os.environ.get("ENGAGE_REQUIRE_POSTGRES") == "1"


def _server_problem() -> str | None:
    if not SERVER_URL:
        return None
    try:
        engine = sa.create_engine(SERVER_URL)
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        engine.dispose()
    except sa.exc.OperationalError as error:
        return f"PostgreSQL at {SERVER_URL} is not reachable: {error.orig}"
    return None


_PROBLEM = _server_problem()


@contextmanager
def fresh_database(folder):
    """A fresh database for one test (or one module of them): ``(url, engine options)``.

    An SQLite file in ``folder``; with ``ENGAGE_TEST_DATABASE_URL``, a schema of
    its own on that server, dropped afterwards.
    """
    if not SERVER_URL:
        yield f"sqlite:///{folder / 'engage.db'}", {}
        return
    if _PROBLEM:
        if REQUIRE_SERVER:
            pytest.fail(_PROBLEM)
        pytest.skip(_PROBLEM)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield SERVER_URL, {"connect_args": {"options": f"-csearch_path={schema}"}}
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def make_app(database, folder, monkeypatch, **settings):
    """The test app on its own migrated database; ``settings`` override TestConfig's."""
    url, engine_options = database
    monkeypatch.setenv("ENGAGE_INSTANCE_PATH", str(folder / "instance"))
    app = create_app(
        {
            **{k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()},
            "SQLALCHEMY_DATABASE_URI": url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, **engine_options},
            **settings,
        }
    )
    with app.app_context():
        upgrade()
    return app


@contextmanager
def migrated_app(database, folder, overrides: dict | None = None):
    """An app on ``database`` (from ``fresh_database``), migrated, with its instance in ``folder``."""
    with pytest.MonkeyPatch.context() as patch:
        app = make_app(database, folder, patch, **(overrides or {}))
        yield app
    dispose(app)


def dispose(app) -> None:
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def database_url(tmp_path):
    with fresh_database(tmp_path) as database:
        yield database


@pytest.fixture
def config_overrides() -> dict:
    """Settings a test module puts on top of TestConfig (override this fixture there)."""
    return {}


@pytest.fixture
def app(database_url, tmp_path, config_overrides):
    with migrated_app(database_url, tmp_path, config_overrides) as made:
        yield made


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def ctx(app):
    """An application context, for calling services directly.

    Not for tests that also send requests: they would share its ``g`` (and
    so one CSRF token) across clients. Use ``with app.app_context():`` there.
    """
    with app.app_context():
        yield


_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


class Respondent:
    """A young person's browser: follows the pages and sends forms as they are."""

    def __init__(self, client, code: str):
        self.client, self.code = client, code
        self.page = None

    def open(self, path: str = ""):
        self.page = self.client.get(f"/s/{self.code}{path}")
        return self.page

    def csrf(self) -> str:
        match = _CSRF.search(self.page.get_data(as_text=True))
        assert match, "the page has no form"
        return match.group(1)

    def post(self, path: str, data: dict | None = None, **kwargs):
        data = {"csrf_token": self.csrf(), **(data or {})}
        self.page = self.client.post(f"/s/{self.code}{path}", data=data, **kwargs)
        return self.page

    def start(self):
        self.open()
        self.post("/start")
        return self.open("/q")

    def question_id(self) -> str:
        match = re.search(r'name="question" type="hidden" value="([^"]*)"', self.text)
        return match.group(1) if match else ""

    def answer(self, *values: str, button: str = "next"):
        data = {"question": self.question_id(), "answer": list(values), button: "1"}
        response = self.post("/q", data)
        if response.status_code == 302:
            return self.open("/q")
        return response

    def send(self):
        response = self.post("/send")
        if response.status_code == 302:
            self.page = self.client.get(response.location)
        return self.page

    @property
    def text(self) -> str:
        return self.page.get_data(as_text=True)


@pytest.fixture
def respondent(client):
    return lambda code: Respondent(client, code)


PASSWORD = "correct horse battery staple"


class Staff:
    """A signed-in member of staff (or co-facilitator, board member, lead) in their own browser."""

    def __init__(self, app, role: str, email: str):
        from engage.services.users import create_user

        with app.app_context():
            self.user, _ = create_user(email, email.split("@")[0].title(), role, password=PASSWORD)
        self.role, self.email = role, email
        self.client = app.test_client()
        self.page = None

    def sign_in(self, password: str = PASSWORD):
        page = self.client.get("/console/login")
        token = _CSRF.search(page.get_data(as_text=True)).group(1)
        return self.client.post(
            "/console/login", data={"csrf_token": token, "email": self.email, "password": password}
        )

    def get(self, path: str, **kwargs):
        self.page = self.client.get(path, **kwargs)
        return self.page

    def csrf(self) -> str:
        page = self.client.get("/console/account")
        match = _CSRF.search(page.get_data(as_text=True))
        assert match, f"no form on the account page ({page.status_code})"
        return match.group(1)

    def post(self, path: str, data: dict | None = None, **kwargs):
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf())
        self.page = self.client.post(path, data=data, **kwargs)
        return self.page

    @property
    def text(self) -> str:
        return self.page.get_data(as_text=True)


@pytest.fixture
def staff(app):
    """``staff("facilitator")``: a new account of that role, signed in with its own client."""
    made = []

    def make(role: str = "facilitator", email: str | None = None, sign_in: bool = True) -> Staff:
        person = Staff(app, role, email or f"{role.replace('_', '-')}{len(made) + 1}@example.org")
        if sign_in:
            response = person.sign_in()
            assert response.status_code == 302, response.get_data(as_text=True)
        made.append(person)
        return person

    return make


@pytest.fixture
def english_only_templates(monkeypatch, tmp_path):
    """Built-in templates loading as if no translation shipped beside them."""
    import surveys.templates

    monkeypatch.setattr(surveys.templates, "TRANSLATIONS", tmp_path / "no-translations")
