"""Telegram's webhook, served by the Flask app: POST /telegram/webhook.

Flask is synchronous and python-telegram-bot is asyncio, so each web process
keeps one long-lived Application on an event loop in its own thread (made on
the first webhook call, so it is made after gunicorn forks). The view hands the
update to that loop and waits: it answers 200 only once the handlers have run,
which is after the answer was committed, and 500 if a handler failed, so that
Telegram delivers the update again (a repeat of an applied update is ignored).
"""
from __future__ import annotations

import asyncio
import atexit
import hmac
import threading
from concurrent.futures import TimeoutError as WaitedTooLong

from flask import Blueprint, Flask, abort, current_app, request
from telegram import Update
from telegram.ext import Application

from bots.telegram.app import build_application
from bots.telegram.handlers import FAILURES
from engage.services.chat_gate import already_handled

bp = Blueprint("telegram", __name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Well inside Telegram's own wait, so a slow update is retried rather than dropped.
HANDLE_TIMEOUT = 25.0
_EXTENSION = "engage_telegram"
_MAKING = threading.Lock()


@bp.post("/telegram/webhook")
def webhook():
    config = current_app.config
    secret, token = config.get("TELEGRAM_WEBHOOK_SECRET"), config.get("TELEGRAM_BOT_TOKEN")
    if not secret or not token:
        abort(404)  # no secret set: the webhook is off, rather than open to anyone
    given = request.headers.get(SECRET_HEADER, "")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        abort(403)
    data = request.get_json(force=True, silent=True)
    update_id = data.get("update_id") if isinstance(data, dict) else None
    if type(update_id) is not int:
        abort(400)
    if already_handled(update_id):
        return "", 200
    bot = bot_loop(current_app._get_current_object())
    try:
        update = Update.de_json(data, bot.application.bot)
    except (KeyError, TypeError, ValueError, AttributeError):
        abort(400)
    try:
        handled = bot.handle(update)
    except WaitedTooLong:
        handled = False
    return ("", 200) if handled else ("", 500)


class BotLoop:
    """An Application running on its own event loop thread, fed from other threads."""

    def __init__(self, application: Application):
        self.application = application
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="telegram-bot", daemon=True)
        self.thread.start()
        try:
            self._wait(application.initialize())  # asks Telegram who the bot is (getMe)
        except BaseException:
            self._stop_loop()
            raise

    def handle(self, update: Update, timeout: float = HANDLE_TIMEOUT) -> bool:
        """Process one update; True when every handler finished without an error."""
        return self._wait(self._process(update), timeout)

    async def _process(self, update: Update) -> bool:
        failures: list[str] = []
        noted = FAILURES.set(failures)
        try:
            await self.application.process_update(update)
        finally:
            FAILURES.reset(noted)
        return not failures

    def run(self, coroutine, timeout: float = HANDLE_TIMEOUT):
        """Run any coroutine on the bot's loop (the sender uses this) and wait for it."""
        return self._wait(coroutine, timeout)

    def close(self) -> None:
        if self.loop.is_closed():
            return
        try:
            self._wait(self.application.shutdown())
        finally:
            self._stop_loop()

    def _stop_loop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()

    def _wait(self, coroutine, timeout: float = HANDLE_TIMEOUT):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)


def bot_loop(flask_app: Flask) -> BotLoop:
    """This process's bot for ``flask_app``, made on first use."""
    found = flask_app.extensions.get(_EXTENSION)
    if found is not None:
        return found
    with _MAKING:
        found = flask_app.extensions.get(_EXTENSION)
        if found is None:
            config = flask_app.config
            application = build_application(
                flask_app, config["TELEGRAM_BOT_TOKEN"], config.get("TELEGRAM_API_URL"), polling=False
            )
            found = flask_app.extensions[_EXTENSION] = BotLoop(application)
            atexit.register(found.close)
    return found


def close_bot_loop(flask_app: Flask) -> None:
    """Stop this app's bot loop, if it has one (tests, and a clean shutdown)."""
    found = flask_app.extensions.pop(_EXTENSION, None)
    if found is not None:
        found.close()
        atexit.unregister(found.close)
