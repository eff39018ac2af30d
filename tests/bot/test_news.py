""""You said, we did": queued for each chat that asked, sent at Telegram's pace, 429s retried."""
from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import func, select

from bots.telegram.sender import Pacer, deliver_due
from engage.extensions import db
from engage.models_chat import ChatOutbox, ChatSubscription
from engage.services.chat_updates import send_update
from tests.bot.harness import Phone

NEWS = "You said the buses stop too early. From June the 18 runs until 11pm."


def opt_in(driver, code, chat_id):
    phone = Phone(driver, chat_id=chat_id)
    phone.say(f"/start {code}")
    phone.say("/updates on")
    return phone


def deliver(bot_app, pacer=None):
    from bots.telegram.webhook import bot_loop

    loop = bot_loop(bot_app)
    return loop.run(deliver_due(loop.application, pacer or Pacer()), timeout=30)


def test_news_goes_to_each_chat_that_asked_and_to_no_other(webhook, code, bot_app, fake):
    opt_in(webhook, code, 101)
    opt_in(webhook, code, 102)
    Phone(webhook, chat_id=103).say(f"/start {code}")  # did not ask
    with bot_app.app_context():
        assert send_update(code, NEWS) == 2
    assert deliver(bot_app) == 2
    assert sorted(c.params["chat_id"] for c in fake.sent(method="sendMessage") if c.text == NEWS) == [101, 102]
    with bot_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ChatOutbox)) == 0


def test_a_429_is_waited_out_and_the_message_sent_once(webhook, code, bot_app, fake):
    opt_in(webhook, code, 101)
    with bot_app.app_context():
        send_update(code, NEWS)
    fake.fail_next("sendMessage", 429, retry_after=1)
    started = time.monotonic()
    deliver(bot_app)
    tries = [c for c in fake.sent(101, "sendMessage") if c.text == NEWS]
    assert len(tries) == 2 and tries[1].at - tries[0].at >= 0.95
    assert time.monotonic() - started >= 1


def test_one_chat_gets_at_most_one_message_a_second(webhook, code, bot_app, fake):
    opt_in(webhook, code, 101)
    with bot_app.app_context():
        send_update(code, "first news")
        send_update(code, "second news")
    deliver(bot_app)
    first, second = [c for c in fake.sent(101, "sendMessage") if c.text.endswith("news")]
    assert second.at - first.at >= 0.95


def test_a_chat_that_blocked_the_bot_leaves_the_news_list(webhook, code, bot_app, fake):
    opt_in(webhook, code, 101)
    with bot_app.app_context():
        send_update(code, NEWS)
    fake.fail_next("sendMessage", 403)
    deliver(bot_app)
    with bot_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ChatSubscription)) == 0
        assert db.session.scalar(select(func.count()).select_from(ChatOutbox)) == 0


def test_the_polling_bot_sends_queued_news_by_itself(bot_app, fake, code):
    from tests.bot.harness import Polling

    driver = Polling(bot_app, fake).start()
    try:
        opt_in(driver, code, 101)
        with bot_app.app_context():
            send_update(code, NEWS)
        deadline = time.monotonic() + 10
        while not [c for c in fake.sent(101, "sendMessage") if c.text == NEWS]:
            assert time.monotonic() < deadline, "the news was never sent"
            time.sleep(0.05)
    finally:
        driver.stop()


def test_the_pacer_keeps_under_thirty_a_second_overall():
    now = [0.0]

    async def sleep(seconds):
        now[0] += seconds

    pacer = Pacer(clock=lambda: now[0], sleep=sleep)

    async def send_many():
        for chat in range(90):
            await pacer.wait(chat)

    asyncio.run(send_many())
    assert now[0] == pytest.approx(89 / 30)


def test_news_needs_words(bot_app, code):
    with bot_app.app_context(), pytest.raises(ValueError):
        send_update(code, "   ")
