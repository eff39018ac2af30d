"""Words that may tell of harm get the help lines at once, wherever in the chat they are typed."""
from __future__ import annotations

from sqlalchemy import select

from engage.extensions import db
from engage.models import Answer
from tests.bot.harness import Phone

HELP = ("Childline: call 0800 1111", "text SHOUT to 85258", "call 999",
        "nobody from this survey can contact you")


def to_story(phone: Phone, code: str) -> None:
    phone.say(f"/start {code}")
    for label in ("Next", "16–17", "Red", "Sport", "Done", "🙂", "7", "Yes"):
        phone.press(label)


def test_a_disclosure_in_a_free_text_answer_gets_help_first_and_is_flagged(phone, code, bot_app):
    to_story(phone, code)
    calls = phone.say("my stepdad hits me when mum is out")
    sent = [c.text for c in calls if c.method == "sendMessage"]
    assert all(line in sent[0] for line in HELP)  # the very next message is the help
    assert "How many hours" in sent[-1]  # and the survey carries on
    with bot_app.app_context():
        story = db.session.scalar(select(Answer).where(Answer.question_id == "story"))
    assert story.flagged


def test_a_disclosure_typed_where_a_button_was_expected_still_gets_help(phone, code):
    phone.say(f"/start {code}")
    said = phone.texts(phone.say("i want to kill myself"))
    assert all(line in said for line in HELP)


def test_a_disclosure_before_any_join_code_still_gets_help(phone):
    said = phone.texts(phone.say("I dont feel safe at home"))
    assert all(line in said for line in HELP) and "join code" in said


def test_a_disclosure_too_long_to_save_still_gets_help(phone, code, bot_app):
    to_story(phone, code)
    said = phone.texts(phone.say("he hits me " + "." * 300))
    assert all(line in said for line in HELP) and "Please use up to 200 characters" in said


def test_a_disclosure_in_the_young_persons_own_language_gets_help_and_is_flagged(phone, code, bot_app):
    to_story(phone, code)
    calls = phone.say("tata mnie bije jak się napije")
    sent = [c.text for c in calls if c.method == "sendMessage"]
    assert all(line in sent[0] for line in HELP)
    with bot_app.app_context():
        story = db.session.scalar(select(Answer).where(Answer.question_id == "story"))
    assert story.flagged


def test_help_also_comes_in_the_language_the_young_person_wrote_in(phone, code, bot_app):
    to_story(phone, code)
    calls = phone.say("میں خودکشی کرنا چاہتی ہوں")
    sent = [c.text for c in calls if c.method == "sendMessage"]
    assert all(line in sent[0] for line in HELP)  # the chat's own language first
    from bots.telegram.texts import HELP_NOW, Words

    urdu = Words("ur", tuple(bot_app.extensions["babel"].translation_directories))
    assert urdu(HELP_NOW) != Words("en", ())(HELP_NOW)
    assert any(urdu(HELP_NOW) in text and "0800 1111" in text for text in sent[1:])


def test_help_in_the_chats_own_language_is_not_sent_twice(phone, code):
    to_story(phone, code)
    sent = [c.text for c in phone.say("my stepdad hits me") if c.method == "sendMessage"]
    assert sum("0800 1111" in text for text in sent) == 1
