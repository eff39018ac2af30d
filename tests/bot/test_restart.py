"""The conversation lives in the database: a restart mid-survey carries on where the young person was."""
from __future__ import annotations

from sqlalchemy import select

from engage.extensions import db
from engage.models import Answer
from tests.bot.harness import Phone, Polling, Webhook


def test_a_bot_restarted_mid_survey_resumes_by_polling(bot_app, fake, code):
    first = Polling(bot_app, fake).start()
    phone = Phone(first)
    phone.say(f"/start {code}")
    phone.press("Next")
    phone.press("16–17")
    phone.press("Red")
    phone.press("Sport")  # a tick, not yet Done
    first.stop()

    again = Polling(bot_app, fake).start()
    phone.driver = again
    try:
        said = phone.texts(phone.press("Music"))  # the keyboard from before the restart still works
        said += phone.texts(phone.press("Done"))
        assert "How do you feel today?" in said
        said = phone.texts(phone.say("/start"))
        assert "Welcome back" in said and "How do you feel today?" in said
    finally:
        again.stop()
    with bot_app.app_context():
        stored = {a.question_id: a.value for a in db.session.scalars(select(Answer))}
    assert stored["activities"] == ["sport", "music"]


def test_a_web_worker_restarted_mid_survey_resumes_by_webhook(bot_app, fake, code):
    first = Webhook(bot_app, fake)
    phone = Phone(first)
    phone.say(f"/start {code}")
    phone.press("Next")
    first.stop()  # the process's bot loop goes; a new one is made on the next call
    said = phone.texts(phone.press("18–21"))
    assert "Which colour?" in said
    first.stop()
