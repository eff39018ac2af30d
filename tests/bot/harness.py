"""Driving the real bot as a young person would: messages in, the bot's calls out.

Two drivers hand updates to the same handlers: ``Polling`` runs the real
long-polling loop against the fake server; ``Webhook`` posts each update to
the Flask webhook route. Both return once the update has been fully handled.
"""
from __future__ import annotations

import asyncio
import threading
import time

from bots.telegram.app import build_application
from bots.telegram.polling import serve
from bots.telegram.webhook import SECRET_HEADER
from tests.bot.fake_telegram import TOKEN, Call, FakeTelegram

SECRET = "webhook-secret-for-tests"


class Polling:
    """``engage bot run``'s loop, in a thread, against the fake server."""

    name = "polling"

    def __init__(self, app, fake: FakeTelegram):
        self.app, self.fake = app, fake
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> Polling:
        self.application = build_application(self.app, TOKEN, self.fake.url)
        ready = threading.Event()

        async def main() -> None:
            self.loop, self.stop_event = asyncio.get_running_loop(), asyncio.Event()
            ready.set()
            await serve(self.application, self.stop_event, deliver_every=0.2)

        self.thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
        self.thread.start()
        assert ready.wait(10)
        return self

    def deliver(self, update: dict) -> None:
        self.fake.push(update)
        self.fake.wait_taken(update["update_id"])
        done = asyncio.run_coroutine_threadsafe(self.application.update_queue.join(), self.loop)
        done.result(10)

    def stop(self) -> None:
        if self.thread is not None:
            self.loop.call_soon_threadsafe(self.stop_event.set)
            self.thread.join(15)
            assert not self.thread.is_alive(), "the bot did not stop"
            self.thread = None


class Webhook:
    """Telegram calling POST /telegram/webhook with the secret header."""

    name = "webhook"

    def __init__(self, app, fake: FakeTelegram):
        self.app, self.fake = app, fake
        self.client = app.test_client()
        self.statuses: list[int] = []

    def start(self) -> Webhook:
        return self

    def deliver(self, update: dict) -> None:
        response = self.client.post("/telegram/webhook", json=update, headers={SECRET_HEADER: SECRET})
        self.statuses.append(response.status_code)
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        if response.is_json:  # a Bot API call in the answer: Telegram makes it, so the fake does
            call = dict(response.get_json())
            self.fake.answer(call.pop("method"), call)

    def stop(self) -> None:
        from bots.telegram.webhook import close_bot_loop

        close_bot_loop(self.app)


class Worker:
    """One web worker's bot: its own Application and routing notes, the shared database.

    Two of these stand for two gunicorn workers (or a worker before and after a
    restart) taking turns with one chat's updates.
    """

    name = "worker"

    def __init__(self, app, fake: FakeTelegram):
        from bots.telegram.webhook import BotLoop

        self.app, self.fake = app, fake
        self.bot = BotLoop(build_application(app, TOKEN, fake.url, polling=False))

    def deliver(self, update: dict) -> None:
        from telegram import Update

        handled = self.bot.handle(Update.de_json(update, self.bot.application.bot))
        assert handled.ok
        if handled.reply:
            call = dict(handled.reply)
            self.fake.answer(call.pop("method"), call)

    def stop(self) -> None:
        self.bot.close()


class Phone:
    """One young person's Telegram: sends messages and presses the bot's buttons."""

    def __init__(self, driver, chat_id: int = 5550001, first_name: str = "Alexandra",
                 username: str = "alexandra_h2009", language: str = "en", chat_type: str = "private"):
        self.driver, self.fake = driver, driver.fake
        self.chat_id, self.chat_type = chat_id, chat_type
        self.user = {"id": chat_id if chat_type == "private" else 7770001, "is_bot": False,
                     "first_name": first_name, "username": username, "language_code": language}

    # sending
    def say(self, text: str) -> list[Call]:
        return self.send({"message": self.message(text=text)})

    def send(self, content: dict, update_id: int | None = None) -> list[Call]:
        update = {"update_id": update_id or self.fake.next_update_id(), **content}
        before = len(self.fake.calls)
        self.driver.deliver(update)
        self.last_update = update
        return [c for c in self.fake.calls[before:] if c.params.get("chat_id") == self.chat_id]

    def message(self, **fields) -> dict:
        chat = {"id": self.chat_id, "type": self.chat_type}
        if self.chat_type == "private":
            chat.update(first_name=self.user["first_name"], username=self.user["username"])
        else:
            chat["title"] = "Year 12 group"
        message = {"message_id": self.fake.next_message_id(), "date": int(time.time()), "chat": chat,
                   "from": self.user, **fields}
        text = fields.get("text", "")
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return message

    def press(self, label: str, on: dict | None = None) -> list[Call]:
        """Press the button whose text is (or, failing that, contains) ``label``."""
        message = on or self.keyboard_message()
        buttons = [b for row in message["reply_markup"]["inline_keyboard"] for b in row]
        found = [b for b in buttons if b["text"] == label] or [b for b in buttons if label in b["text"]]
        assert found, f"no button {label!r} in {[b['text'] for b in buttons]}"
        return self.send({"callback_query": {
            "id": str(self.fake.next_update_id()), "from": self.user, "chat_instance": "42",
            "data": found[0]["callback_data"], "message": dict(message),
        }})

    # reading
    def keyboard_message(self) -> dict:
        """The newest bot message in this chat that still has buttons."""
        mine = [m for (chat, _), m in sorted(self.fake.messages.items()) if chat == self.chat_id]
        live = [m for m in mine if m.get("reply_markup", {}).get("inline_keyboard")]
        assert live, "no message with buttons"
        return live[-1]

    def texts(self, calls: list[Call]) -> str:
        return "\n---\n".join(c.text for c in calls if c.method in ("sendMessage", "editMessageText"))
