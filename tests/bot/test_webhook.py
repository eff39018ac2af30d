"""POST /telegram/webhook: Telegram's secret header, bad bodies, repeats and failures."""
from __future__ import annotations

import logging

import pytest
from sqlalchemy import event, func, select

from bots.telegram.webhook import SECRET_HEADER
from engage.extensions import db
from engage.models import Answer
from engage.models_chat import ChatConversation, ChatSeenUpdate
from engage.prepared import Prepared
from engage.services import chat
from engage.services.chat_gate import Incoming
from tests.bot.harness import SECRET, Phone

URL = "/telegram/webhook"


def stored_answer(app, question_id: str):
    with app.app_context():
        return db.session.scalar(select(Answer.value).where(Answer.question_id == question_id))


def test_the_webhook_is_off_until_a_secret_is_set(app, client):
    app.config.update(TELEGRAM_BOT_TOKEN="123:abc", TELEGRAM_WEBHOOK_SECRET=None)
    assert client.post(URL, json={"update_id": 1}, headers={SECRET_HEADER: "anything"}).status_code == 404


@pytest.mark.parametrize("given", [None, "", "wrong", SECRET + "x", SECRET[:-1]])
def test_a_call_without_the_right_secret_is_refused(bot_app, fake, given):
    headers = {} if given is None else {SECRET_HEADER: given}
    response = bot_app.test_client().post(URL, json={"update_id": 1}, headers=headers)
    assert response.status_code == 403
    assert fake.calls == []  # refused before the bot was even made


@pytest.mark.parametrize("body", [
    b"{not json", b"[]", b'"text"', b"{}", b'{"update_id": "7"}', b'{"update_id": true}',
    b'{"update_id": 7, "message": {"message_id": 1}}', b'{"update_id": 7, "message": "x"}',
    b'{"update_id": 7, "callback_query": {"id": "1"}}',
])
def test_a_malformed_update_is_answered_400_without_a_crash(bot_app, body):
    response = bot_app.test_client().post(
        URL, data=body, headers={SECRET_HEADER: SECRET, "Content-Type": "application/json"}
    )
    assert response.status_code == 400


def test_a_repeated_update_is_answered_200_and_ignored(webhook, code, bot_app):
    phone = Phone(webhook)
    phone.say(f"/start {code}")
    phone.press("Next")
    phone.press("16–17")
    first = phone.say("blue")
    assert "What do you do after school?" in phone.texts(first)
    again = phone.send({k: v for k, v in phone.last_update.items() if k != "update_id"},
                       update_id=phone.last_update["update_id"])
    assert again == []  # no second reply, nothing applied twice
    with bot_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 2


def test_an_update_is_marked_seen_in_the_same_commit_as_its_answer(code, bot_app):
    """The service ignores a repeat even when the webhook's own check is bypassed (polling)."""
    with bot_app.app_context():
        chat.begin(Incoming(42, 1), code)
        chat.pressed(Incoming(42, 2), "wrong-tag", "n", 0)
        assert chat.typed(Incoming(42, 2), "anything").stage == "nothing"
        assert db.session.get(ChatSeenUpdate, 2) is not None


def test_the_message_with_buttons_is_kept_with_the_update_in_the_rows_one_write(code, bot_app, monkeypatch):
    """The bookkeeping and the use case change the chat's row in a single UPDATE."""
    with bot_app.app_context():
        chat.begin(Incoming(42, 1), code)
        chat.look(Incoming(42, 2, keyboard=777))  # /help: the buttons stay where they are
        assert db.session.scalar(select(ChatConversation.keyboard_message_id)) == 777
        statements: list[str] = []
        listen = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listen)
        run = Prepared.rows  # the hot statements go to the driver directly, past that event

        def noted(prepared, params=None):
            statements.append(str(prepared.statement.compile(dialect=db.engine.dialect)))
            return run(prepared, params)

        monkeypatch.setattr(Prepared, "rows", noted)
        try:
            view = chat.pressed(Incoming(42, 3, keyboard=778), "stale-tag", "n", 0)
        finally:
            event.remove(db.engine, "before_cursor_execute", listen)
        assert view.previous_keyboard == 778  # the question again, so those buttons are to go
        assert db.session.scalar(select(ChatConversation.keyboard_message_id)) is None
    updates = [s for s in statements if s.startswith("UPDATE chat_conversations")]
    assert len(updates) == 1, updates


def test_a_failing_handler_answers_500_so_telegram_retries_and_the_retry_applies_once(
    webhook, code, bot_app, monkeypatch, caplog
):
    phone = Phone(webhook)
    phone.say(f"/start {code}")
    real = chat.typed

    def broken(*args):
        raise RuntimeError("database went away")

    monkeypatch.setattr(chat, "typed", broken)
    update = {"update_id": 77_001, "message": phone.message(text="hello there")}
    with caplog.at_level(logging.ERROR):
        response = webhook.client.post(URL, json=update, headers={SECRET_HEADER: SECRET})
    assert response.status_code == 500
    assert "RuntimeError" in caplog.text and "hello there" not in caplog.text
    monkeypatch.setattr(chat, "typed", real)
    response = webhook.client.post(URL, json=update, headers={SECRET_HEADER: SECRET})
    assert response.status_code == 200
    with bot_app.app_context():
        assert db.session.get(ChatSeenUpdate, 77_001) is not None


def test_a_button_press_is_acknowledged_in_the_webhook_answer_itself(webhook, code):
    phone = Phone(webhook)
    phone.say(f"/start {code}")
    shown = phone.keyboard_message()
    press = {"update_id": 88_001, "callback_query": {
        "id": "cbq-1", "from": phone.user, "chat_instance": "42", "message": shown,
        "data": shown["reply_markup"]["inline_keyboard"][0][0]["callback_data"]}}
    response = webhook.client.post(URL, json=press, headers={SECRET_HEADER: SECRET})
    assert response.status_code == 200
    assert response.get_json() == {"method": "answerCallbackQuery", "callback_query_id": "cbq-1"}


def test_a_press_turns_the_question_into_the_next_one_with_one_call(webhook, code):
    phone = Phone(webhook)
    phone.say(f"/start {code}")
    phone.press("Next")
    shown = phone.keyboard_message()
    calls = phone.press("16–17")
    # The spinner is stopped in the webhook's answer; the one request is the edit.
    assert [c.method for c in calls] == ["editMessageText"]
    card = phone.fake.messages[(phone.chat_id, shown["message_id"])]
    assert "Which colour?" in card["text"] and "How old are you?" not in card["text"]
    assert [b["text"] for row in card["reply_markup"]["inline_keyboard"] for b in row][:2] == ["Red", "Blue"]
    # Nothing left in the chat says what was chosen, for whoever picks up the phone next.
    mine = [m["text"] for (chat, _), m in phone.fake.messages.items() if chat == phone.chat_id]
    assert not any("16–17" in text for text in mine)
    phone.press("Red")
    assert stored_answer(webhook.app, "colour") == "red"


def test_a_question_that_cannot_be_edited_is_sent_anew(webhook, code, fake):
    phone = Phone(webhook)
    phone.say(f"/start {code}")
    phone.press("Next")
    fake.fail_next("editMessageText", 400)  # e.g. the message is too old to edit
    old = phone.keyboard_message()
    calls = phone.press("16–17")
    assert calls[-1].method == "sendMessage" and "Which colour?" in calls[-1].text
    new = phone.keyboard_message()
    assert new["message_id"] != old["message_id"] and "Which colour?" in new["text"]
    assert "reply_markup" not in phone.fake.messages[(phone.chat_id, old["message_id"])]  # tidied
    phone.press("Blue")
    assert stored_answer(webhook.app, "colour") == "blue"


def test_a_typed_message_takes_the_old_buttons_off_in_the_webhook_answer_itself(webhook, code):
    phone = Phone(webhook)
    phone.say(f"/start {code}")
    shown = phone.keyboard_message()
    update = {"update_id": 88_002, "message": phone.message(text="hello")}
    response = webhook.client.post(URL, json=update, headers={SECRET_HEADER: SECRET})
    assert response.status_code == 200
    assert response.get_json() == {"method": "editMessageReplyMarkup", "chat_id": phone.chat_id,
                                   "message_id": shown["message_id"]}
    asked_again = phone.fake.sent(phone.chat_id, "sendMessage")[-1]
    assert "Please use the buttons" in phone.fake.sent(phone.chat_id, "sendMessage")[-2].text
    assert asked_again.buttons  # the question again, with its buttons on the new message
