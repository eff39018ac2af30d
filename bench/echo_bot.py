"""A plain echo bot on the same stack as Engage's webhook: the floor bench/bot.py compares with.

Flask under gunicorn, the same secret-header check and JSON parsing, the same
long-lived python-telegram-bot Application on its own event loop
(``bots.telegram.webhook.BotLoop``), one handler that sends the text back.
No database: everything Engage does beyond this is what the comparison shows.
"""
from __future__ import annotations

import hmac
import os
import threading

from flask import Flask, abort, request
from telegram import Update
from telegram.ext import ApplicationBuilder, MessageHandler, filters

from bots.telegram.webhook import SECRET_HEADER, BotLoop

app = Flask(__name__)
_BOT: dict[str, BotLoop] = {}
_MAKING = threading.Lock()


async def echo(update: Update, context) -> None:
    await context.bot.send_message(update.effective_chat.id, update.effective_message.text)


def bot() -> BotLoop:
    with _MAKING:
        if "bot" not in _BOT:
            root = os.environ["TELEGRAM_API_URL"].rstrip("/")
            application = (
                ApplicationBuilder().token(os.environ["TELEGRAM_BOT_TOKEN"])
                .base_url(f"{root}/bot").base_file_url(f"{root}/file/bot").updater(None).build()
            )
            application.add_handler(MessageHandler(filters.TEXT, echo))
            _BOT["bot"] = BotLoop(application)
        return _BOT["bot"]


@app.get("/healthz")
def healthz():
    return "ok"


@app.post("/telegram/webhook")
def webhook():
    secret = os.environ["TELEGRAM_WEBHOOK_SECRET"]
    if not hmac.compare_digest(request.headers.get(SECRET_HEADER, "").encode(), secret.encode()):
        abort(403)
    data = request.get_json(force=True, silent=True)
    if not isinstance(data, dict) or type(data.get("update_id")) is not int:
        abort(400)
    running = bot()
    return ("", 200) if running.handle(Update.de_json(data, running.application.bot)).ok else ("", 500)
