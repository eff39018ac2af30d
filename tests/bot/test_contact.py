"""The opt-in "I'd like someone to contact me" step in the chat: the web's rules, in buttons and messages."""
from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import SAFEGUARDING_LEAD, Answer, ContactRequest, SafeguardingAlert
from engage.models_chat import ChatConversation
from engage.services import notify, safeguarding, users
from engage.services.safeguarding import MAX_CONTACT
from tests.bot.harness import Phone, Polling
from tests.bot.test_bad_input import NOT_READABLE
from tests.bot.test_privacy import every_stored_value
from tests.bot.test_safeguarding import HELP, to_story

WORRYING = "my stepdad hits me when mum is out"
CONTACT = "my aunt Jo 07700 900123, she works at Brigg school"
OFFER, NO_THANKS = "I'd like someone to contact me", "No thanks"
NEXT_QUESTION = "How many hours a day are you online?"
CHAT_ID, USERNAME = 5550001, "alexandra_h2009"


@pytest.fixture
def notified(monkeypatch) -> list[int]:
    """Alert ids the leads were told about (after each commit), instead of an email."""
    told: list[int] = []
    monkeypatch.setattr(notify, "notify_leads", told.append)
    return told


@pytest.fixture
def offering(bot_app, code) -> str:
    """The consultation, with its contact offer turned on."""
    with bot_app.app_context():
        safeguarding.set_contact_offer(code, True, by=None)
    return code


def buttons(calls) -> list[str]:
    return [text for call in calls for text, _ in call.buttons]


def contact_requests(app) -> list[ContactRequest]:
    with app.app_context():
        return list(db.session.scalars(select(ContactRequest)))


def the_alert(app) -> SafeguardingAlert:
    with app.app_context():
        alert = db.session.scalar(select(SafeguardingAlert))
        alert.notes  # noqa: B018 - loaded while the session is open
        return alert


def offer_message(phone: Phone) -> dict:
    """A copy of the newest message in the chat that carries the offer's buttons."""
    mine = [m for (chat, _), m in sorted(phone.fake.messages.items()) if chat == phone.chat_id]
    return dict([m for m in mine if OFFER in str(m.get("reply_markup"))][-1])


def disclose(phone: Phone, code: str) -> list:
    to_story(phone, code)
    return phone.say(WORRYING)


def test_the_offer_comes_after_the_help_lines_only_when_the_consultation_offers_it(phone, offering):
    calls = disclose(phone, offering)
    sent = [c for c in calls if c.method == "sendMessage"]
    assert all(line in sent[0].text for line in HELP[:3]) and "unless you ask us to" in sent[0].text
    assert "Would you like someone to contact you?" in sent[1].text
    assert [text for text, _ in sent[1].buttons] == [OFFER, NO_THANKS]
    assert NEXT_QUESTION in sent[-1].text  # the survey carries on below


def test_no_offer_when_the_consultation_does_not_offer_contact(phone, code):
    said = phone.texts(calls := disclose(phone, code))
    assert "nobody from this survey can contact you" in said and "unless you ask" not in said
    assert OFFER not in buttons(calls)


def test_no_offer_before_any_disclosure_nor_for_ordinary_words(phone, offering):
    phone.say(f"/start {offering}")
    assert OFFER not in buttons(phone.say("hello"))  # typed where a button was expected
    for label in ("Next", "16–17", "Red", "Sport", "Done", "🙂", "7", "Yes"):
        assert OFFER not in buttons(phone.press(label))
    assert OFFER not in buttons(phone.say("More things to do after school"))


def test_no_offer_when_the_disclosure_was_too_long_to_pass_on(phone, offering, bot_app):
    to_story(phone, offering)
    calls = phone.say("he hits me " + "." * 300)
    assert "Childline" in phone.texts(calls) and OFFER not in buttons(calls)
    with bot_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SafeguardingAlert)) == 0


def test_choosing_contact_passes_what_they_typed_to_the_lead_and_the_survey_carries_on(
    phone, offering, bot_app, notified
):
    disclose(phone, offering)
    with bot_app.app_context():  # the lead had dealt with it already: asking brings it back
        alert_id = db.session.scalar(select(SafeguardingAlert.id))
        lead, _ = users.create_user("lead@example.org", "Lead", SAFEGUARDING_LEAD)
        safeguarding.set_status(alert_id, "reviewed", by=lead)
    notified.clear()

    said = phone.texts(phone.press(OFFER, on=offer_message(phone)))
    assert "goes only to the safeguarding lead" in said
    assert "phone number" in said and "email" in said and "an adult you trust and their school" in said
    assert "/skip" in said and NEXT_QUESTION not in said
    assert buttons([c for c in phone.fake.calls if c.method == "sendMessage"][-1:]) == [NO_THANKS]

    said = phone.texts(phone.say(CONTACT))
    assert "We have passed it on" in said and "This chat is not linked" in said
    assert NEXT_QUESTION in said  # the same question again, where they were

    [asked] = contact_requests(bot_app)
    assert asked.how_to_reach == CONTACT  # what they typed, and only that
    alert = the_alert(bot_app)
    assert asked.alert_id == alert.id and alert.status == "new"
    assert "asked to be contacted" in alert.notes[-1].text
    assert notified == [alert.id]
    with bot_app.app_context():
        assert safeguarding.list_alerts(lead)[0].contact_requested


def test_the_details_are_not_an_answer_not_in_the_chat_row_and_not_in_the_logs(
    phone, offering, bot_app, caplog
):
    caplog.set_level(logging.DEBUG)
    disclose(phone, offering)
    phone.press(OFFER, on=offer_message(phone))
    phone.say(CONTACT)
    phone.say("3")  # the next answer goes where it should
    with bot_app.app_context():
        stored = {a.question_id: a.value for a in db.session.scalars(select(Answer))}
    assert stored["hours"] == 3 and CONTACT not in map(str, stored.values())
    dump = every_stored_value(bot_app)
    assert [table for table, rows in dump.items() if "07700" in rows] == ["contact_requests"]
    assert str(CHAT_ID) not in dump["contact_requests"] and USERNAME not in dump["contact_requests"]
    assert "07700" not in caplog.text and "Brigg" not in caplog.text


@pytest.mark.parametrize("how", ["button", "/skip"])
def test_no_thanks_stores_nothing_and_the_survey_carries_on(phone, offering, bot_app, how):
    disclose(phone, offering)
    if how == "button":
        said = phone.texts(phone.press(NO_THANKS, on=offer_message(phone)))
    else:
        phone.press(OFFER, on=offer_message(phone))
        said = phone.texts(phone.say("/skip"))
    assert "nothing has been passed on" in said and NEXT_QUESTION in said
    assert contact_requests(bot_app) == []
    phone.say("3")  # typed now, it is an answer again
    with bot_app.app_context():
        assert db.session.scalar(select(Answer.value).where(Answer.question_id == "hours")) == 3
    assert contact_requests(bot_app) == []


def test_worrying_words_in_the_details_get_help_without_saying_nobody_can_contact_them(phone, offering, bot_app):
    disclose(phone, offering)
    phone.press(OFFER, on=offer_message(phone))
    said = phone.texts(phone.say("my teacher Mr Khan, please hurry he hits me"))
    assert said.index("Childline") < said.index("We have passed it on")
    assert "unless you ask us to" in said and OFFER not in said
    assert [c.how_to_reach for c in contact_requests(bot_app)] == ["my teacher Mr Khan, please hurry he hits me"]


def test_a_restart_between_the_offer_and_the_reply_still_works(bot_app, fake, offering):
    first = Polling(bot_app, fake).start()
    phone = Phone(first)
    disclose(phone, offering)
    offer = offer_message(phone)
    first.stop()

    again = Polling(bot_app, fake).start()
    phone.driver = again
    try:
        assert "goes only to the safeguarding lead" in phone.texts(phone.press(OFFER, on=offer))
        again.stop()
        again = Polling(bot_app, fake).start()  # and again, between the choice and the details
        phone.driver = again
        assert "We have passed it on" in phone.texts(phone.say(CONTACT))
    finally:
        again.stop()
    assert [c.how_to_reach for c in contact_requests(bot_app)] == [CONTACT]


@pytest.mark.parametrize("kind", ["sticker", "photo"])
def test_a_sticker_or_photo_instead_of_the_details_gets_a_clear_reply(phone, offering, bot_app, kind):
    disclose(phone, offering)
    phone.press(OFFER, on=offer_message(phone))
    said = phone.texts(phone.send({"message": phone.message(**NOT_READABLE[kind])}))
    assert "I can only read text" in said and "Type how someone can reach you" in said
    assert NEXT_QUESTION not in said
    assert "We have passed it on" in phone.texts(phone.say(CONTACT))  # still waiting for the words


def test_details_over_the_limit_get_the_services_message_and_are_still_awaited(phone, offering, bot_app):
    disclose(phone, offering)
    phone.press(OFFER, on=offer_message(phone))
    said = phone.texts(phone.say("0" * (MAX_CONTACT + 1)))
    assert f"Please use up to {MAX_CONTACT} characters" in said and "still in the chat above" in said
    assert contact_requests(bot_app) == []
    assert "We have passed it on" in phone.texts(phone.say(CONTACT))


def test_a_stale_contact_button_passes_nothing_on(phone, offering, bot_app):
    disclose(phone, offering)
    offer = offer_message(phone)
    phone.say("/stop")  # the chat is forgotten: the old offer must not come back to life
    said = phone.texts(phone.press(OFFER, on=offer))
    assert "no longer open" in said and "Childline" in said
    assert "goes only to the safeguarding lead" not in said
    phone.say("call me on 07700 900123")
    assert contact_requests(bot_app) == []


def test_a_contact_button_after_the_offer_is_turned_off_passes_nothing_on(phone, offering, bot_app):
    disclose(phone, offering)
    phone.press(OFFER, on=offer_message(phone))
    with bot_app.app_context():
        safeguarding.set_contact_offer(offering, False, by=None)
    said = phone.texts(phone.say(CONTACT))
    assert "no longer open" in said and NEXT_QUESTION in said
    assert contact_requests(bot_app) == []
    with bot_app.app_context():
        assert db.session.scalar(select(Answer).where(Answer.question_id == "hours")) is None
        conversation = db.session.scalar(select(ChatConversation))
        assert "contact" not in conversation.screen
