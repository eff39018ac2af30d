"""The bot's Bot API calls: the buttons reach the chat; the copy Telegram hands back is not read."""
from __future__ import annotations

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bots.telegram.app import build_application
from tests.bot.fake_telegram import TOKEN


def test_a_question_sent_with_buttons_shows_them_and_the_bot_keeps_what_it_reads(app, fake):
    application = build_application(app, TOKEN, fake.url, polling=False)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Good", callback_data="a:b:c:0"),
                                      InlineKeyboardButton("Bad", callback_data="a:b:c:1")]])

    async def send_then_edit():
        async with application:
            sent = await application.bot.send_message(4242, "How is your area?", reply_markup=keyboard)
            edited = await application.bot.edit_message_text("And your school?", 4242, sent.message_id,
                                                             reply_markup=keyboard)
            return sent, edited

    sent, edited = asyncio.run(send_then_edit())
    # What the young person sees has its buttons...
    shown = fake.messages[(4242, sent.message_id)]
    assert [b["text"] for row in shown["reply_markup"]["inline_keyboard"] for b in row] == ["Good", "Bad"]
    assert shown["text"] == "And your school?"
    # ...and what the bot reads back is the message it needs to edit or tidy later.
    assert (sent.message_id, sent.text, sent.chat.id) == (shown["message_id"], "How is your area?", 4242)
    assert (edited.message_id, edited.text) == (sent.message_id, "And your school?")
    assert sent.reply_markup is None and edited.reply_markup is None
