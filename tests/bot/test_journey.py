"""A whole survey of every question type, by chat, through the real Application."""
from __future__ import annotations

from sqlalchemy import select

from engage.extensions import db
from engage.models import CHAT, SUBMITTED, Response


def test_a_young_person_completes_every_question_type_in_a_chat(driver, code, bot_app):
    from tests.bot.harness import Phone

    phone = Phone(driver)
    said = phone.texts(phone.say(f"/start {code}"))
    assert "Every question type" in said and "Question 1 of" in said
    assert "Here is how this works." in said

    said = phone.texts(phone.press("Next"))
    assert "How old are you?" in said and "Question 2 of" in said
    said = phone.texts(phone.press("16–17"))
    assert "Which colour?" in said
    said = phone.texts(phone.say("blue"))  # a choice may be typed as well as pressed
    assert "What do you do after school?" in said
    phone.press("Sport")
    calls = phone.press("Music")
    assert [c.method for c in calls] == ["editMessageReplyMarkup"]  # ticks redrawn in place
    assert "✅ Sport" in [text for text, _ in calls[0].buttons]
    said = phone.texts(phone.press("Done"))
    assert "How do you feel today?" in said and "😄 Really good" in said
    said = phone.texts(phone.press("🙂"))
    assert "How safe do you feel" in said
    said = phone.texts(phone.press("7"))
    assert "Is there an adult you trust?" in said
    said = phone.texts(phone.press("Yes"))
    assert "Tell us more" in said and "Type your answer" in said
    said = phone.texts(phone.say("My nan, she listens."))
    assert "How many hours" in said
    said = phone.texts(phone.say("25"))
    assert "Please write a number from 0 to 24." in said
    said = phone.texts(phone.say("3"))
    assert "Pick your top two issues." in said
    phone.press("Jobs")
    calls = phone.press("Knife crime")
    assert "✅ 2. Knife crime" in [text for text, _ in calls[0].buttons]
    said = phone.texts(phone.press("Done"))
    assert "Pick a workshop." in said
    phone.press("First aid")
    said = phone.texts(phone.press("Done"))
    assert "Ready to send?" in said
    said = phone.texts(phone.press("Send my answers"))
    assert "your answers have been sent" in said and "Thanks for trying every kind" in said

    with bot_app.app_context():
        response = db.session.scalar(select(Response))
        answers = {a.question_id: a.value for a in response.answers}
    assert response.channel == CHAT and response.status == SUBMITTED
    assert answers == {
        "age": "16-17", "colour": "blue", "activities": ["sport", "music"], "mood": 4, "safe": 7,
        "trust": "yes", "story": "My nan, she listens.", "hours": 3, "issues": ["jobs", "knives"],
        "workshops": ["first_aid"],
    }
    assert response.age_band == "16-17"


def test_a_pressed_answer_is_named_as_the_button_stops_spinning(driver, code):
    from tests.bot.harness import Phone

    phone = Phone(driver)
    phone.say(f"/start {code}")
    phone.press("Next")
    phone.press("16–17")
    phone.press("Red")
    notes = [c.params.get("text") for c in driver.fake.sent(method="answerCallbackQuery")]
    # "Next" saves no answer: the spinner just stops; a choice is named, as the question moves on.
    assert notes == [None, "✓ 16–17", "✓ Red"]
