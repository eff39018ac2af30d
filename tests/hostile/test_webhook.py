"""The Telegram webhook under hostile input: no 500 (Telegram would retry it for
hours), nothing lost, nothing applied twice.

A 500 is kept for a real failure, so Telegram delivers the update again; an
update that can never be applied is answered 200 (or 4xx when malformed) so it
is not retried. Free text from the chat is stored exactly as the web stores it.
"""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bots.telegram.webhook import SECRET_HEADER, close_bot_loop
from engage.extensions import db
from engage.models_chat import ChatSeenUpdate
from tests.bot.conftest import no_network  # noqa: F401  (every test here: no network)
from tests.bot.fake_telegram import TOKEN, FakeTelegram
from tests.bot.harness import SECRET, Phone, Webhook
from tests.hostile.corpus import LONE_SURROGATES, NOT_UTF8, TEN_MB, TEXT, ids, stored_as, ten_mb_json

URL = "/telegram/webhook"
_SURVEY = """
id: hostile-chat
kind: service_feedback
title: Hostile chat
intro: One question.
thank_you: Thanks.
audience: {min_age: 16, max_age: 25}
questions:
  - {id: story, type: free_text, text: "Tell us more about that."}
  - {id: after, type: info, text: "Nearly done."}
"""


@pytest.fixture(scope="module")
def fake():
    server = FakeTelegram().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def bot(shared_app, fake):
    from engage.models import OPEN
    from engage.services.consultations import create_consultation
    from surveys.textformat import loads

    with shared_app.app_context():
        db.engine.dispose()  # see tests/bot/conftest.py: fresh connections, foreign keys on
        code = create_consultation(loads(_SURVEY), status=OPEN).join_code
        db.session.remove()
    shared_app.config.update(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_WEBHOOK_SECRET=SECRET, TELEGRAM_API_URL=fake.url,
        PUBLIC_URL="https://engage.example.org",
    )
    yield shared_app, code
    close_bot_loop(shared_app)


_chats = iter(range(6_100_000, 7_000_000))


@pytest.fixture
def phone(bot, fake):
    """A new young person in a private chat, on the free-text question."""
    app, code = bot
    young = Phone(Webhook(app, fake), chat_id=next(_chats))
    young.say(f"/start {code}")
    return young


def post(app, body, secret: str | None = SECRET, content_type: str = "application/json"):
    headers = {} if secret is None else {SECRET_HEADER: secret}
    data = body if isinstance(body, bytes) else json.dumps(body)
    return app.test_client().post(URL, data=data, headers=headers, content_type=content_type)


def story_of(app, chat_id: int) -> object:
    """The free-text answer of the chat's response, read from storage."""
    stored = dict(answers_of(app, chat_id))
    assert len(stored) == len(answers_of(app, chat_id)), "an answer is stored twice"
    return stored.get("story")


def answers_of(app, chat_key_of: int) -> list[tuple[str, object]]:
    """Every stored answer of the chat's response, as (question, value) rows."""
    from engage.models import Response
    from engage.models_chat import ChatConversation
    from engage.services.chat_gate import chat_key
    from engage.services.responding import resume_key

    with app.app_context():
        try:
            conversation = db.session.scalar(
                select(ChatConversation).where(ChatConversation.chat_key == chat_key(chat_key_of))
            )
            response = db.session.scalar(select(Response).where(Response.resume_key == resume_key(conversation.token)))
            return [(a.question_id, a.value) for a in response.answers]
        finally:
            db.session.remove()


# --- the secret header -----------------------------------------------------------


@pytest.mark.parametrize("given", [None, "", SECRET.upper(), SECRET + " ", "é" + SECRET, "x" * 10_000],
                         ids=["none", "empty", "other case", "trailing space", "not ascii", "huge"])
def test_a_call_without_the_exact_secret_is_refused_403(bot, given):
    app, _ = bot
    given = given.encode().decode("latin-1") if given else given
    assert post(app, {"update_id": 1}, secret=given).status_code == 403


# --- bodies that are not a Telegram update -----------------------------------------------


MALFORMED = [
    *NOT_UTF8,
    b"{\"update_id\": 1, \"message\": {\"text\": \"\xff\xfe\"}}",
    b"\x00" * 100,
    b"{\"update_id\": 1\x00}",
    b"[" * 50_000,  # deeper than the JSON reader can recurse
    b"{\"a\":" * 10_000 + b"1" + b"}" * 10_000,  # as deep, inside the 64 KB limit
    b"{\"update_id\": 1e999}",
    b"{\"update_id\": NaN}",
    b"{\"update_id\": -1, \"message\": null}",
]


@pytest.mark.parametrize("body", MALFORMED, ids=ids(MALFORMED))
def test_a_body_that_is_not_an_update_is_answered_400_without_a_crash(bot, body):
    app, _ = bot
    response = post(app, body)
    assert response.status_code in (200, 400), response.status_code


@pytest.mark.parametrize("update_id", [2**63, 2**70, -(2**63) - 1, 10**100])
def test_an_update_id_too_big_to_store_is_refused_400(bot, update_id):
    app, _ = bot
    assert post(app, {"update_id": update_id, "message": {"text": "hi"}}).status_code == 400


@pytest.mark.parametrize("chunked", [False, True], ids=["with a length", "chunked"])
def test_a_10_mb_update_gets_413(bot, chunked):
    import io

    app, _ = bot
    body = ten_mb_json()
    assert len(body) > TEN_MB
    client = app.test_client()
    if chunked:
        response = client.post(URL, input_stream=io.BytesIO(body), content_type="application/json",
                               headers={SECRET_HEADER: SECRET, "Transfer-Encoding": "chunked"},
                               environ_overrides={"wsgi.input_terminated": True})
    else:
        response = client.post(URL, data=body, content_type="application/json", headers={SECRET_HEADER: SECRET})
    assert response.status_code == 413


# --- hostile text in a chat -------------------------------------------------------------


@pytest.mark.parametrize("typed", TEXT + LONE_SURROGATES, ids=ids(TEXT + LONE_SURROGATES))
def test_free_text_from_the_chat_is_stored_as_the_web_stores_it(bot, phone, typed):
    app, _ = bot
    said = phone.texts(phone.say(typed))
    assert phone.driver.statuses[-1] == 200
    kept = stored_as(typed.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd").replace("\ud83d", "\ufffd"))
    if kept is None:
        assert story_of(app, phone.chat_id) is None
        assert "Tell us more about that." in said
    elif len(kept) > 2000:
        assert f"you wrote {len(kept)}" in said
        assert story_of(app, phone.chat_id) is None
    else:
        assert story_of(app, phone.chat_id) == kept
        assert "Nearly done." in said


@pytest.mark.parametrize("typed", TEXT + LONE_SURROGATES, ids=ids(TEXT + LONE_SURROGATES))
@pytest.mark.parametrize("where", ["join code", "callback data", "language", "name", "command"])
def test_hostile_text_anywhere_else_in_an_update_never_fails(bot, fake, where, typed):
    app, code = bot
    young = Phone(Webhook(app, fake), chat_id=next(_chats))
    if where == "join code":
        calls = young.say(f"/start {typed}")
    elif where == "command":
        calls = young.say(f"/{typed}")
    elif where == "callback data":
        young.say(f"/start {code}")
        shown = young.keyboard_message()
        calls = young.send({"callback_query": {"id": "cbq", "from": young.user, "chat_instance": "1",
                                               "message": shown, "data": typed[:64] or "x"}})
    else:
        young.user["language_code" if where == "language" else "first_name"] = typed
        calls = young.say(f"/start {code}")
    assert young.driver.statuses == [200] * len(young.driver.statuses)
    assert calls, "the young person got no reply"


# --- replays -----------------------------------------------------------------------------


def test_the_same_update_50_times_at_once_is_applied_once(bot, fake, served):
    app, code = bot
    young = Phone(Webhook(app, fake), chat_id=next(_chats))
    young.say(f"/start {code}")
    update = {"update_id": fake.next_update_id(), "message": young.message(text="told fifty times")}
    before = len(fake.calls)
    statuses = served.at_once(50, URL, json.dumps(update).encode(), {SECRET_HEADER: SECRET,
                                                                      "Content-Type": "application/json"})
    assert set(statuses) == {200}
    assert story_of(app, young.chat_id) == "told fifty times"
    replies = [c for c in fake.calls[before:] if c.params.get("chat_id") == young.chat_id]
    assert len([c for c in replies if "Nearly done." in str(c.params.get("text", ""))]) == 1
    with app.app_context():
        assert db.session.get(ChatSeenUpdate, update["update_id"]) is not None
        db.session.remove()


def test_the_same_update_100_times_in_a_row_is_applied_once(bot, phone, fake):
    app, _ = bot
    update = {"update_id": fake.next_update_id(), "message": phone.message(text="told a hundred times")}
    before = len(fake.calls)
    for _ in range(100):
        assert post(app, update).status_code == 200
    assert story_of(app, phone.chat_id) == "told a hundred times"
    replies = [c for c in fake.calls[before:] if c.params.get("chat_id") == phone.chat_id]
    assert len([c for c in replies if "Nearly done." in str(c.params.get("text", ""))]) == 1
    assert answers_of(app, phone.chat_id) == [("story", "told a hundred times")]
