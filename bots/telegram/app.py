"""One place that builds the bot: the same Application for long polling and for the webhook."""
from __future__ import annotations

import logging

from flask import Flask
from telegram import Update
from telegram.ext import (
    Application, ApplicationBuilder, CallbackQueryHandler, CommandHandler, MessageHandler,
    TypeHandler, filters,
)

from bots.telegram import handlers as h

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
    builder = ApplicationBuilder().token(token)
    if base_url:
        root = base_url.rstrip("/")
        builder = builder.base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
    if not polling:
        builder = builder.updater(None)  # the webhook hands updates in; nothing to fetch
    application = builder.build()
    application.bot_data["flask_app"] = flask_app
    add_handlers(application)
    quiet_loggers()
    return application


def add_handlers(application: Application) -> None:
    # Group -1 runs first for every update: groups and channels go no further.
    application.add_handler(TypeHandler(Update, h.private_only), group=-1)
    commands = {
        "start": h.start, "help": h.help_, "privacy": h.privacy, "language": h.language,
        "skip": h.skip, "back": h.back, "stop": h.stop, "updates": h.updates,
    }
    # Edits first: the other message handlers would match an edited message too.
    application.add_handler(MessageHandler(filters.UpdateType.EDITED, h.edited))
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, callback))
    application.add_handler(CallbackQueryHandler(h.pressed))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, h.typed))
    application.add_handler(MessageHandler(filters.COMMAND, h.help_))  # an unknown command
    application.add_handler(MessageHandler(filters.ALL, h.unsupported))
    application.add_error_handler(h.failed)
