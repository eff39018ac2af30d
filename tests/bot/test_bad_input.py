"""Everything a chat can send that is not a neat answer: each gets a clear reply and loses nothing."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Answer, Response
from engage.models_chat import ChatConversation
from engage.services.chat_gate import FLOOD_MESSAGES
from engage.services.consultations import set_status
from tests.bot.conftest import open_consultation
from tests.bot.harness import Phone

NOT_READABLE = {
    "sticker": {"sticker": {"file_id": "s1", "file_unique_id": "u1", "width": 512, "height": 512,
                            "is_animated": False, "is_video": False, "type": "regular"}},
    "photo": {"photo": [{"file_id": "p1", "file_unique_id": "u2", "width": 90, "height": 90}]},
    "voice": {"voice": {"file_id": "v1", "file_unique_id": "u3", "duration": 3}},
    "location": {"location": {"latitude": 53.58, "longitude": -0.65}},
    "document": {"document": {"file_id": "d1", "file_unique_id": "u4", "file_name": "me.pdf"}},
}


def answers(app) -> dict:
    with app.app_context():
        return {a.question_id: a.value for a in db.session.scalars(select(Answer))}


@pytest.fixture
def at_colour(phone, code):
    """A young person who has answered two screens and is on "Which colour?"."""
    phone.say(f"/start {code}")
    phone.press("Next")
    phone.press("16–17")
    return phone


@pytest.mark.parametrize("kind", sorted(NOT_READABLE))
def test_stickers_photos_voice_locations_and_files_get_a_kind_reply_and_the_question_again(
    at_colour, kind, bot_app
):
    said = at_colour.texts(at_colour.send({"message": at_colour.message(**NOT_READABLE[kind])}))
    assert "I can only read text and buttons" in said
    assert "Which colour?" in said
    assert answers(bot_app) == {"age": "16-17"}


def test_a_worrying_photo_caption_still_gets_help_at_once(at_colour):
    message = at_colour.message(caption="my dad hits me", **NOT_READABLE["photo"])
    said = at_colour.texts(at_colour.send({"message": message}))
    assert said.index("Childline") < said.index("I can only read text and buttons")


def test_an_edited_message_is_not_applied_again(at_colour, bot_app):
    at_colour.say("blue")
    edit = at_colour.message(text="red", edit_date=1)
    said = at_colour.texts(at_colour.send({"edited_message": edit}))
    assert "I keep answers as they were first sent" in said and "/back" in said
    assert answers(bot_app)["colour"] == "blue"


def test_an_edit_that_tells_of_harm_gets_help(at_colour):
    said = at_colour.texts(at_colour.send({"edited_message": at_colour.message(text="he hits me", edit_date=1)}))
    assert "0800 1111" in said and "85258" in said and "999" in said


@pytest.mark.parametrize("chat_type", ["group", "supergroup"])
def test_group_chats_are_asked_to_message_privately_and_the_bot_leaves(webhook, code, bot_app, chat_type):
    group = Phone(webhook, chat_id=-100123, chat_type=chat_type)
    calls = group.say(f"/start {code}")
    assert "Please message me privately" in group.texts(calls)
    assert [c.method for c in calls][-1] == "leaveChat"
    with bot_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ChatConversation)) == 0


def test_a_channel_post_is_not_answered_and_the_bot_leaves(webhook, fake):
    channel = Phone(webhook, chat_id=-100999, chat_type="channel")
    post = channel.message(text="hello")
    post.pop("from")
    calls = channel.send({"channel_post": post})
    assert [c.method for c in calls] == ["leaveChat"]


def test_a_message_of_4096_characters_gets_the_length_error_and_nothing_is_lost(phone, code, bot_app):
    phone.say(f"/start {code}")
    for label in ("Next", "16–17", "Red", "Sport", "Done", "🙂", "7", "Yes"):
        phone.press(label)
    before = answers(bot_app)
    said = phone.texts(phone.say("a" * 4096))
    assert "Please use up to 200 characters (you wrote 4096)" in said
    assert "still in the chat above" in said and "Tell us more about that." in said
    assert answers(bot_app) == before
    assert "How many hours" in phone.texts(phone.say("Shorter now."))
    assert answers(bot_app)["story"] == "Shorter now."


def test_a_flood_gets_one_friendly_reply_and_nothing_past_the_limit_is_applied(at_colour, bot_app):
    for _ in range(FLOOD_MESSAGES - 3):  # three updates were used to get here
        at_colour.say("/privacy")
    said = [at_colour.texts(at_colour.say("blue")) for _ in range(4)]
    assert "lot of messages at once" in said[0]
    assert said[1:] == ["", "", ""]  # one warning, then quiet
    assert "colour" not in answers(bot_app)


def test_a_button_from_an_old_keyboard_is_recognised_and_not_applied(at_colour, bot_app, fake):
    old = dict(at_colour.keyboard_message())  # "Which colour?"
    at_colour.press("Red")
    said = at_colour.texts(at_colour.press("Blue", on=old))
    assert "That question has moved on" in said and "What do you do after school?" in said
    assert answers(bot_app)["colour"] == "red"


def test_callback_data_that_is_not_ours_is_treated_as_an_old_keyboard(at_colour):
    message = dict(at_colour.keyboard_message())
    message["reply_markup"] = {"inline_keyboard": [[{"text": "odd", "callback_data": "zz:9"}]]}
    said = at_colour.texts(at_colour.press("odd", on=message))
    assert "That question has moved on" in said and "Which colour?" in said


def test_a_mistyped_code_an_unknown_code_and_a_closed_one_each_get_a_clear_reply(phone, bot_app):
    assert "does not look like a join code" in phone.texts(phone.say("/start !!"))
    assert "can't find a survey with the code ZZZZ22" in phone.texts(phone.say("/start zzzz22"))
    closed = open_consultation(bot_app)
    with bot_app.app_context():
        set_status(closed, "closed")
    assert "not taking answers at the moment" in phone.texts(phone.say(f"/start {closed}"))
    said = phone.texts(phone.say("/start"))
    assert "What is your join code?" in said
    assert "can't find" in phone.texts(phone.say("QQQQ22"))


def test_a_survey_that_closes_mid_way_says_so_and_starts_over_cleanly(at_colour, code, bot_app):
    with bot_app.app_context():
        set_status(code, "closed")
    said = at_colour.texts(at_colour.press("Red"))
    assert "not taking answers at the moment" in said and "What is your join code?" in said


@pytest.mark.parametrize("audience", ["{min_age: 11, max_age: 18}", "{}"])
def test_an_audience_that_may_be_under_16_gets_the_web_link_instead(phone, bot_app, audience):
    from tests.bot.conftest import EVERY_TYPE

    code = open_consultation(bot_app, EVERY_TYPE.replace("{min_age: 16, max_age: 25}", audience))
    said = phone.texts(phone.say(f"/start {code}"))
    assert f"https://engage.example.org/s/{code}" in said and "16 and over" in said
    assert "Question 1" not in said
    with bot_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 0


def test_typing_when_buttons_are_needed_asks_for_the_buttons(at_colour):
    said = at_colour.texts(at_colour.say("purple"))
    assert "Please use the buttons" in said and "Which colour?" in said
