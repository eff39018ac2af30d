"""One place that builds the bot: the same Application for long polling and for the webhook."""
from __future__ import annotations

import logging

from functools import partial

from flask import Flask
from telegram import Update
from telegram.ext import (
    Application, ApplicationBuilder, CallbackQueryHandler, CommandHandler, MessageHandler,
    TypeHandler, filters,
)

from bots.telegram import handlers as h
from bots.telegram import service_calls
from bots.telegram.conversation import KeyedConversation
from bots.telegram.requests import ButtonsNotReadBack
from engage.services.chat_gate import chat_key

# What the bot asks Telegram for: messages, edits, button presses, and being added to a group.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "channel_post", "my_chat_member"]


def quiet_loggers() -> None:
    """httpx logs each request's URL at INFO, and a Bot API URL contains the bot's token."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


def build_application(
    flask_app: Flask, token: str, base_url: str | None = None, *, polling: bool = True
) -> Application:
    """The bot with every handler; ``base_url`` is another Bot API server's root, e.g. a fake one."""
    builder = ApplicationBuilder().token(token).request(ButtonsNotReadBack())
    if base_url:
        root = base_url.rstrip("/")
        builder = builder.base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
    if not polling:
        builder = builder.updater(None)  # the webhook hands updates in; nothing to fetch
    application = builder.build()
    service_calls.attach(application, flask_app)
    add_handlers(application)
    quiet_loggers()
    return application


def add_handlers(application: Application) -> None:
    # Group -1 runs first for every update: groups and channels go no further.
    application.add_handler(TypeHandler(Update, h.private_only), group=-1)
    application.add_handler(survey_conversation(application.bot_data[service_calls.FLASK_APP]))
    application.add_error_handler(h.failed)


def survey_conversation(flask_app: Flask) -> KeyedConversation:
    """Which handler takes an update, by where the chat is (see ``bots.telegram.conversation``)."""
    # Commands and text as sent: an edited message goes to ``edited`` (not applied again).
    sent = filters.UpdateType.MESSAGE
    text = sent & filters.TEXT & ~filters.COMMAND
    commands = {"start": h.start, "help": h.help_, "privacy": h.privacy, "language": h.language,
                "skip": h.skip, "back": h.back, "stop": h.stop, "updates": h.updates}
    on_question = [CallbackQueryHandler(h.pressed), MessageHandler(text, h.typed)]
    return KeyedConversation(
        keyed=partial(chat_key, config=flask_app.config),
        where=h.where,
        entry_points=[CommandHandler("start", h.start, filters=sent)],
        # Text goes to ``typed`` in every state: the use case reads what it means from the
        # chat's row, so a stale note in this process can never misread an answer.
        states={
            # Text is a join code until a survey is under way, and again once it is sent...
            h.AWAITING_CODE: [MessageHandler(text, h.typed)],
            # ...an answer (typed, or a button) while it is...
            h.ANSWERING: on_question,
            h.READY_TO_SEND: on_question,
            # ...and a way to reach them, for the safeguarding lead, once they asked for that.
            h.AWAITING_CONTACT: [MessageHandler(text, h.typed), CallbackQueryHandler(h.pressed)],
        },
        fallbacks=[
            MessageHandler(filters.UpdateType.EDITED, h.edited),
            *(CommandHandler(name, callback, filters=sent) for name, callback in commands.items()),
            # Buttons from an older message: a language or news choice, or a stale question.
            CallbackQueryHandler(h.pressed),
            MessageHandler(filters.COMMAND, h.help_),  # an unknown command
            MessageHandler(filters.ALL, h.unsupported),
        ],
    )
