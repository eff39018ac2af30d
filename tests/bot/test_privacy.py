"""Nothing identifying is kept: chats by keyed hash, the raw chat id only in the news list."""
from __future__ import annotations

import hashlib
import logging

import sqlalchemy as sa
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Response
from engage.models_chat import ChatConversation, ChatSubscription
from engage.services.chat_gate import chat_key
from tests.bot.fake_telegram import TOKEN
from tests.bot.harness import Phone

CHAT_ID, NAME, USERNAME = 5550001, "Alexandra", "alexandra_h2009"


def every_stored_value(app) -> dict[str, str]:
    """Each table's rows, as one string: what a database dump would show."""
    with app.app_context():
        dump = {}
        for table in db.metadata.sorted_tables:
            rows = db.session.execute(select(table)).all()
            dump[table.name] = " ".join(repr(tuple(row)) for row in rows)
        return dump


def finish_survey(phone: Phone, code: str) -> str:
    phone.say(f"/start {code}")
    for label in ("Next", "16–17", "Red", "Sport", "Done", "🙂", "7", "Yes"):
        phone.press(label)
    phone.say("I talk to my nan.")
    phone.say("2")
    for label in ("Jobs", "Done", "First aid", "Done"):
        phone.press(label)
    return phone.texts(phone.press("Send my answers"))


def test_a_chat_is_keyed_by_a_keyed_hash_not_by_its_id(bot_app):
    with bot_app.app_context():
        key = chat_key(CHAT_ID)
        assert str(CHAT_ID) not in key and key != hashlib.sha256(str(CHAT_ID).encode()).hexdigest()
        bot_app.config["TELEGRAM_CHAT_KEY"] = "another server key"
        assert chat_key(CHAT_ID) != key  # without the server's key, nobody can match a chat id


def test_after_a_whole_survey_the_chat_id_is_only_in_the_news_list_and_no_name_anywhere(phone, code, bot_app):
    assert "your answers have been sent" in finish_survey(phone, code)
    assert "send you news" in phone.texts(phone.say("/updates on"))
    dump = every_stored_value(bot_app)
    holding_id = {name for name, text in dump.items() if str(CHAT_ID) in text}
    assert holding_id == {"chat_subscriptions"}
    for secret in (NAME, USERNAME, TOKEN):
        assert not [name for name, text in dump.items() if secret in text], secret
    with bot_app.app_context():
        response = db.session.scalar(select(Response))
        assert response.status == "submitted"
        conversation = db.session.scalar(select(ChatConversation))
        assert conversation.token is None  # a sent response no longer links to the chat


def test_updates_off_deletes_the_chat_id(phone, code, bot_app):
    phone.say(f"/start {code}")
    assert "news about what changed" in phone.texts(phone.say("/updates"))
    phone.press("Yes, send me news")
    with bot_app.app_context():
        assert db.session.scalar(select(ChatSubscription.chat_id)) == CHAT_ID
    assert "deleted this chat's number" in phone.texts(phone.say("/updates off"))
    assert not [n for n, text in every_stored_value(bot_app).items() if str(CHAT_ID) in text]


def test_stop_forgets_the_chat_and_the_answers_stay_anonymous(phone, code, bot_app):
    phone.say(f"/start {code}")
    phone.press("Next")
    phone.press("16–17")
    phone.say("/updates on")
    said = phone.texts(phone.say("/stop"))
    assert "forgotten this chat" in said
    with bot_app.app_context():
        for model in (ChatConversation, ChatSubscription):
            assert db.session.scalar(select(func.count()).select_from(model)) == 0
        response = db.session.scalar(select(Response))
        assert {a.question_id for a in response.answers} == {"age"}
    assert not [n for n, text in every_stored_value(bot_app).items() if str(CHAT_ID) in text]
    assert "What is your join code?" in phone.texts(phone.say("/start"))  # a fresh start


def test_privacy_says_in_plain_words_what_is_kept_and_how_to_delete_it(phone):
    said = phone.texts(phone.say("/privacy"))
    assert "Nobody sees who you are" in said and "/stop" in said and "/updates off" in said


def test_the_logs_never_hold_names_usernames_chat_ids_or_words(phone, code, caplog):
    caplog.set_level(logging.INFO)
    for name in ("bots", "engage"):
        caplog.set_level(logging.DEBUG, logger=name)
    finish_survey(phone, code)
    phone.say("my stepdad hits me")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (str(CHAT_ID), NAME, USERNAME, TOKEN, "stepdad", "nan"):
        assert secret not in logged


def test_the_raw_chat_id_column_exists_only_in_the_news_list():
    """A guard for later changes: a new chat table must not grow a chat_id column."""
    holders = {
        table.name
        for table in db.metadata.sorted_tables
        for column in table.columns
        if column.name in ("chat_id", "user_id") and isinstance(column.type, sa.BigInteger)
    }
    assert holders == {"chat_subscriptions"}
