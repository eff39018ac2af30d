"""/skip, /back, /language, /updates and /help behave as the web page's buttons do."""
from __future__ import annotations

from sqlalchemy import select

from engage.extensions import db
from engage.models import Answer
from engage.models_chat import ChatConversation
from surveys import PREFER_NOT_TO_SAY
from tests.bot.conftest import EVERY_TYPE, open_consultation


def stored(app) -> dict:
    with app.app_context():
        return {a.question_id: a.value for a in db.session.scalars(select(Answer))}


def test_skip_is_prefer_not_to_say_and_back_returns_with_the_answer_kept(phone, code, bot_app):
    phone.say(f"/start {code}")
    phone.press("Next")
    assert "Which colour?" in phone.texts(phone.say("/skip"))
    assert stored(bot_app)["age"] == PREFER_NOT_TO_SAY
    said = phone.texts(phone.say("/back"))
    assert "How old are you?" in said and "Question 2 of" in said
    assert "Which colour?" in phone.texts(phone.press("14–15"))


def test_back_on_a_ticked_question_keeps_the_ticks(phone, code):
    phone.say(f"/start {code}")
    for label in ("Next", "16–17", "Red", "Games", "Done"):
        phone.press(label)
    phone.press("Back")
    buttons = [b["text"] for row in phone.keyboard_message()["reply_markup"]["inline_keyboard"] for b in row]
    assert "✅ Games" in buttons


def test_the_start_screen_offers_help_privacy_and_says_who_the_bot_is_for(phone):
    said = phone.texts(phone.say("/help"))
    assert "16 and over" in said and "/privacy" in said and "0800 1111" in said
    assert "/start CODE" in phone.texts(phone.say("/nonsense"))


def test_language_is_chosen_from_the_apps_languages_and_kept(phone, bot_app):
    welsh = EVERY_TYPE.replace('text: "Here is how this works."', 'text: {en: "Here is how this works.", cy: "Dyma sut mae hyn yn gweithio."}')
    code = open_consultation(bot_app, welsh)
    calls = phone.say("/language")
    names = [text for text, _ in calls[-1].buttons]
    assert names == ["English", "Cymraeg", "Polski", "Română", "العربية", "اردو"]
    phone.press("Cymraeg")
    with bot_app.app_context():
        assert db.session.scalar(select(ChatConversation.language)) == "cy"
    assert "Dyma sut mae hyn yn gweithio." in phone.texts(phone.say(f"/start {code}"))


def test_a_deep_link_language_follows_telegrams_app_language(webhook, bot_app, code):
    from tests.bot.harness import Phone

    polish = Phone(webhook, chat_id=321, language="pl")
    polish.say(f"/start {code}")
    with bot_app.app_context():
        assert db.session.scalar(select(ChatConversation.language)) == "pl"


def test_updates_needs_a_survey_first(phone):
    assert "Send your join code first" in phone.texts(phone.say("/updates on"))


def test_starting_the_same_code_again_carries_on(phone, code):
    phone.say(f"/start {code}")
    phone.press("Next")
    said = phone.texts(phone.say(f"/start {code}"))
    assert "Welcome back" in said and "How old are you?" in said


def test_a_sent_survey_is_not_started_again_by_its_code(phone, bot_app):
    code = open_consultation(bot_app, EVERY_TYPE.split("  - {id: age")[0])  # just the info screen
    phone.say(f"/start {code}")
    phone.press("Next")
    assert "your answers have been sent" in phone.texts(phone.press("Send my answers"))
    assert "already sent your answers" in phone.texts(phone.say(f"/start {code}"))
