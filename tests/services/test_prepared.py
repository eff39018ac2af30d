"""Prepared statements write and read values exactly as SQLAlchemy does, inside the same unit of work."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError

from engage.database import writing
from engage.extensions import db
from engage.models_chat import ChatConversation
from engage.prepared import Prepared

TABLE = ChatConversation.__table__
ADD = Prepared(insert(TABLE).values(
    chat_key=bindparam("key"), screen=bindparam("screen", type_=TABLE.c.screen.type),
    flood_since=bindparam("since", type_=TABLE.c.flood_since.type), flood_count=0,
    updated_at=bindparam("at", type_=TABLE.c.updated_at.type),
).returning(TABLE.c.id))
READ = Prepared(select(TABLE.c.chat_key, TABLE.c.screen, TABLE.c.flood_since, TABLE.c.flood_count)
                .where(TABLE.c.chat_key == bindparam("key")))
SCREEN = {"question": "age", "picked": ["a", "b"], "words": "naïve “quotes” 😀"}
SINCE = datetime(2026, 11, 27, 10, 30, 15, 123456)


def test_what_a_prepared_statement_writes_sqlalchemy_reads_back_the_same_and_the_other_way(app):
    with app.app_context():
        with writing():
            made = ADD.first({"key": "k1", "screen": SCREEN, "since": SINCE, "at": SINCE})
        row = db.session.get(ChatConversation, made.id)
        assert (row.screen, row.flood_since, row.flood_count) == (SCREEN, SINCE, 0)
        with writing():
            db.session.add(ChatConversation(chat_key="k2", screen={"x": [1, 2]}, flood_since=None, flood_count=3,
                                            updated_at=SINCE))
        found = READ.first({"key": "k2"})
        assert (found.chat_key, found.screen, found.flood_since, found.flood_count) == ("k2", {"x": [1, 2]}, None, 3)
        assert READ.first({"key": "nobody"}) is None


def test_objects_added_in_the_unit_of_work_are_written_before_a_prepared_statement_reads(app):
    with app.app_context(), writing():
        db.session.add(ChatConversation(chat_key="k3", screen={}, flood_count=0, updated_at=SINCE))
        assert READ.first({"key": "k3"}) is not None


def test_a_driver_error_comes_as_sqlalchemys_without_the_values(app):
    with app.app_context():
        with writing():
            ADD.rows({"key": "twice", "screen": {}, "since": None, "at": SINCE})
        with pytest.raises(IntegrityError) as raised, writing():
            ADD.rows({"key": "twice", "screen": {"secret": "my words"}, "since": None, "at": SINCE})
        assert "my words" not in str(raised.value)
        assert db.session.scalar(select(ChatConversation.chat_key).where(ChatConversation.chat_key == "twice"))
