"""Nothing that could identify a young person's device is stored with their answers."""
from __future__ import annotations

import json
import re
import pytest
from flask import request
from sqlalchemy import Date, DateTime, MetaData, inspect, select, text

from engage.extensions import db
from engage.models import OPEN
from engage.services.consultations import create_from_template
from tests.conftest import Respondent

IP_ADDRESS = "203.0.113.77"
USER_AGENT = "Mozilla/5.0 (Linux; Android 14; EngageTestPhone-7Q3Z) EngageProbe/9.9"
IDENTIFYING_WORDS = ("ip", "addr", "address", "agent", "useragent", "ua", "name", "remote", "device", "fingerprint")


@pytest.fixture
def seen_by_app(app) -> list[tuple[str | None, str | None]]:
    """What each request told the app about the device, to prove the journey carried it."""
    seen = []
    app.before_request(lambda: seen.append((request.remote_addr, request.user_agent.string)))
    return seen


@pytest.fixture
def sent_journey(app, client, seen_by_app):
    """A whole journey from one phone, to the thank-you page."""
    with app.app_context():
        code = create_from_template("youth-ballot", status=OPEN).join_code
    client.environ_base.update({"REMOTE_ADDR": IP_ADDRESS, "HTTP_USER_AGENT": USER_AGENT})
    person = Respondent(client, code)
    person.start()
    person.answer("16-17")
    person.answer("knife_crime", "exploitation")
    person.answer("Older kids carry knives at the park after dark.")
    person.answer("1")
    thanks = person.send()
    assert "your answers have been sent" in thanks.get_data(as_text=True)
    assert set(seen_by_app) == {(IP_ADDRESS, USER_AGENT)}
    return code


def everything_stored(app) -> str:
    """Every value of every row of every table in the database, as one text.

    The tables are read from the database itself, so one a migration added
    without a model is searched too.
    """
    dumped = []
    with app.app_context():
        tables = MetaData()
        tables.reflect(db.engine)
        assert {t.name for t in db.metadata.sorted_tables} <= set(tables.tables)
        for table in tables.tables.values():
            for row in db.session.execute(select(table)).mappings():
                dumped.append(json.dumps({table.name: dict(row)}, default=str, ensure_ascii=False))
    return "\n".join(dumped)


def test_neither_the_ip_address_nor_the_user_agent_is_stored_anywhere(app, sent_journey):
    stored = everything_stored(app)
    assert "Older kids carry knives" in stored  # the dump does hold the answers
    for clue in (IP_ADDRESS, USER_AGENT, "EngageTestPhone-7Q3Z", "EngageProbe"):
        assert clue not in stored


def test_the_responses_table_has_no_column_that_could_hold_who_answered(app, sent_journey):
    with app.app_context():
        columns = [c["name"] for c in inspect(db.engine).get_columns("responses")]
    assert "started_on" in columns
    for column in columns:
        words = set(re.split(r"_", column.lower()))
        assert not words & set(IDENTIFYING_WORDS), column
        assert not any(w in column.lower() for w in ("address", "agent", "name", "remote")), column


def test_a_response_records_only_the_day_not_the_time_it_was_started_and_sent(app, sent_journey):
    with app.app_context():
        columns = {c["name"]: c["type"] for c in inspect(db.engine).get_columns("responses")}
        stored = db.session.execute(
            text("SELECT CAST(started_on AS VARCHAR(40)), CAST(submitted_on AS VARCHAR(40)) FROM responses")
        ).one()
    for name in ("started_on", "submitted_on"):
        assert isinstance(columns[name], Date) and not isinstance(columns[name], DateTime), name
    for value in stored:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
