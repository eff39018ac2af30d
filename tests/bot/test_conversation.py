"""The ConversationHandler routes by where a chat is; the database row has the last word.

Its note of each chat is keyed by the keyed hash of the chat id, lives in one
process only, and may be missing (a restart) or stale (another worker had the
chat's last update): either way the young person carries on and nothing they
sent is lost or misread.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bots.telegram import handlers as h
from bots.telegram.conversation import KeyedConversation
from bots.telegram.webhook import bot_loop
from engage.extensions import db
from engage.models import Answer
from engage.services.chat_gate import chat_key
from tests.bot.harness import Phone, Worker


def router(application) -> KeyedConversation:
    (found,) = [x for x in application.handlers[0] if isinstance(x, KeyedConversation)]
    return found


def answers(app) -> dict:
    with app.app_context():
        return {a.question_id: a.value for a in db.session.scalars(select(Answer))}


@pytest.fixture
def two_workers(bot_app, fake):
    first, second = Worker(bot_app, fake), Worker(bot_app, fake)
    yield first, second
    first.stop()
    second.stop()


def to_free_text(phone: Phone) -> None:
    for label in ("Next", "16–17", "Red", "Sport", "Done", "🙂", "7", "Yes"):
        phone.press(label)


def test_a_code_typed_while_waiting_for_one_joins_and_the_same_text_on_a_question_is_an_answer(
    phone, code, bot_app
):
    routes = router(bot_loop(bot_app).application)
    phone.say("/start")
    assert routes.state_of(phone.chat_id) == h.AWAITING_CODE
    said = phone.texts(phone.say(code))
    assert "Every question type" in said and "Here is how this works." in said
    assert routes.state_of(phone.chat_id) == h.ANSWERING

    to_free_text(phone)
    said = phone.texts(phone.say(code))
    assert "How many hours" in said and "Every question type" not in said
    assert answers(bot_app)["story"] == code


def test_the_router_knows_chats_by_their_keyed_hash_never_their_id(phone, code, bot_app):
    routes = router(bot_loop(bot_app).application)
    phone.say(f"/start {code}")
    notes = dict(routes._conversations)  # what the process holds about chats
    with bot_app.app_context():
        assert list(notes) == [(chat_key(phone.chat_id),)]
    assert str(phone.chat_id) not in repr(notes)


def test_stop_ends_the_conversation_and_the_next_message_starts_afresh(phone, code, bot_app):
    routes = router(bot_loop(bot_app).application)
    phone.say(f"/start {code}")
    phone.press("Next")
    assert "forgotten this chat" in phone.texts(phone.say("/stop"))
    assert routes.state_of(phone.chat_id) is None  # ConversationHandler.END: no note kept
    said = phone.texts(phone.say(code))  # read from the database: no survey, so a join code
    assert "Every question type" in said and "Question 1 of" in said
    assert routes.state_of(phone.chat_id) == h.ANSWERING


def test_a_worker_with_no_note_of_the_chat_resumes_from_the_database(two_workers, fake, code, bot_app):
    first, second = two_workers
    phone = Phone(first)
    phone.say(f"/start {code}")
    phone.press("Next")
    phone.driver = second  # the next update reaches the other worker
    assert router(second.bot.application).state_of(phone.chat_id) is None
    said = phone.texts(phone.press("18–21"))
    assert "Which colour?" in said
    assert router(second.bot.application).state_of(phone.chat_id) == h.ANSWERING
    assert answers(bot_app) == {"age": "18-21"}


def test_a_stale_note_is_put_right_by_the_database_and_the_answer_kept(two_workers, fake, code, bot_app):
    first, second = two_workers
    phone = Phone(first)
    phone.say("/start")  # the first worker notes: waiting for a join code
    phone.driver = second
    phone.say(f"/start {code}")  # the survey begins on the other worker
    phone.press("Next")
    phone.press("16–17")
    phone.driver = first
    assert router(first.bot.application).state_of(phone.chat_id) == h.AWAITING_CODE  # stale
    said = phone.texts(phone.say("blue"))  # an answer, though the note said "a join code"
    assert "What do you do after school?" in said and "does not look like a join code" not in said
    assert answers(bot_app) == {"age": "16-17", "colour": "blue"}
    assert router(first.bot.application).state_of(phone.chat_id) == h.ANSWERING


def test_a_code_sent_after_stop_on_another_worker_joins_whatever_the_old_note_says(
    two_workers, fake, code, bot_app
):
    first, second = two_workers
    phone = Phone(first)
    phone.say(f"/start {code}")
    phone.press("Next")
    phone.driver = second
    phone.say("/stop")
    phone.driver = first  # still notes the chat as answering
    said = phone.texts(phone.say(code))
    assert "Every question type" in said and "Question 1 of" in said
    assert answers(bot_app) == {}


def test_a_chat_that_has_sent_its_answers_keeps_no_note_and_is_still_read_right(phone, code, bot_app):
    routes = router(bot_loop(bot_app).application)
    phone.say(f"/start {code}")
    to_free_text(phone)
    for typed in ("My nan, she listens.", "3"):
        phone.say(typed)
    for label in ("Jobs", "Knife crime", "Done", "First aid", "Done"):
        phone.press(label)
    assert "your answers have been sent" in phone.texts(phone.press("Send my answers"))
    assert routes.state_of(phone.chat_id) is None  # only chats under way are held in memory
    # The row says the survey was sent: the code is read as a join code, and it was used.
    said = phone.texts(phone.say(code))
    assert "You have already sent your answers" in said and "Question 1 of" not in said
    assert routes.state_of(phone.chat_id) == h.AWAITING_CODE  # ready for another code
