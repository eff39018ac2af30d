"""A fake Telegram Bot API on 127.0.0.1 that records what the bot sent.

It speaks the Bot API as python-telegram-bot's real HTTP stack sends it (form
fields, JSON-encoded where they are objects) for the methods the bot uses,
hands out queued updates to getUpdates, keeps the bot's messages so that a
test can press their buttons, and can be told to answer the next call of a
method with an error (a 429 with retry_after, a 403 for a blocked bot).
"""
from __future__ import annotations

import itertools
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "123456789:TEST-not-a-real-token"
BOT = {"id": 123456789, "is_bot": True, "first_name": "Engage", "username": "engage_test_bot",
       "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False}
_JSON_FIELDS = {"reply_markup", "allowed_updates", "entities"}
_INT_FIELDS = {"chat_id", "message_id", "offset", "timeout", "limit"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)

    @property
    def text(self) -> str:
        return self.params.get("text", "")

    @property
    def buttons(self) -> list[tuple[str, str]]:
        markup = self.params.get("reply_markup") or {}
        return [(b["text"], b.get("callback_data", "")) for row in markup.get("inline_keyboard", []) for b in row]


class FakeTelegram:
    """The Bot API's state and answers, served over HTTP by a thread (``start``)."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.messages: dict[tuple[int, int], dict] = {}  # the bot's messages, by (chat, id)
        self.failures: dict[str, list[tuple[int, dict]]] = {}
        self._pending: list[dict] = []
        self._confirmed = 0  # getUpdates offset: every update below it has been taken
        self._ids = itertools.count(1)
        self._updates = itertools.count(1000)
        self._cond = threading.Condition()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeTelegram:
        self.server = _Server(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._pending.clear()
            self._cond.notify_all()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    # what a test does
    def next_update_id(self) -> int:
        return next(self._updates)

    def next_message_id(self) -> int:
        return next(self._ids)

    def push(self, update: dict) -> None:
        with self._cond:
            self._pending.append(update)
            self._cond.notify_all()

    def wait_taken(self, update_id: int, timeout: float = 10) -> None:
        """Until the bot has confirmed it holds this update (a later getUpdates offset)."""
        with self._cond:
            if not self._cond.wait_for(lambda: self._confirmed > update_id, timeout):
                raise AssertionError(f"the bot never fetched update {update_id}")

    def fail_next(self, method: str, code: int = 429, retry_after: int = 1, times: int = 1) -> None:
        descriptions = {429: f"Too Many Requests: retry after {retry_after}",
                        403: "Forbidden: bot was blocked by the user"}
        body = {"ok": False, "error_code": code, "description": descriptions.get(code, "Bad Request")}
        if code == 429:
            body["parameters"] = {"retry_after": retry_after}
        self.failures.setdefault(method, []).extend([(code, body)] * times)

    def sent(self, chat_id: int | None = None, method: str | None = None) -> list[Call]:
        return [c for c in list(self.calls) if (method is None or c.method == method)
                and (chat_id is None or c.params.get("chat_id") == chat_id)]

    # the Bot API
    def answer(self, method: str, params: dict) -> tuple[int, dict]:
        if method != "getUpdates":
            self.calls.append(Call(method, params))
        queued = self.failures.get(method)
        if queued:
            return queued.pop(0)
        action = getattr(self, f"_{method}", None)
        if action is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
        return 200, {"ok": True, "result": action(params)}

    def _getMe(self, params):
        return BOT

    def _getUpdates(self, params):
        offset, wait = params.get("offset", 0), min(float(params.get("timeout", 0)), 1.0)
        with self._cond:
            self._confirmed = max(self._confirmed, offset)
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
            self._cond.notify_all()
            self._cond.wait_for(lambda: self._pending, wait)
            return list(self._pending)

    def _sendMessage(self, params):
        chat_id = params["chat_id"]
        message = {"message_id": self.next_message_id(), "date": int(time.time()),
                   "chat": {"id": chat_id, "type": "private"}, "from": BOT, "text": params["text"]}
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[(chat_id, message["message_id"])] = message
        return message

    def _editMessageText(self, params):
        message = self.messages[(params["chat_id"], params["message_id"])]
        message["text"] = params["text"]
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _editMessageReplyMarkup(self, params):
        message = self.messages[(params["chat_id"], params["message_id"])]
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _getWebhookInfo(self, params):
        return {"url": "", "has_custom_certificate": False, "pending_update_count": len(self._pending)}

    def _true(self, params):
        return True

    _answerCallbackQuery = _leaveChat = _setWebhook = _deleteWebhook = _close = _logOut = _true


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A long poll cut short by the bot stopping is normal here, not worth a traceback."""


def _handler(fake: FakeTelegram) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else a delayed ACK adds 40 ms to every call

        def do_POST(self) -> None:
            _, _, method = self.path.rpartition("/")
            if not self.path.startswith(f"/bot{TOKEN}/"):
                return self._reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode()
            status, data = fake.answer(method, _params(body, self.headers.get("Content-Type", "")))
            self._reply(status, data)

        do_GET = do_POST

        def _reply(self, status: int, data: dict) -> None:
            payload = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args) -> None:  # quiet
            pass

    return Handler


def _params(body: str, content_type: str) -> dict[str, Any]:
    if "json" in content_type:
        return json.loads(body or "{}")
    params: dict[str, Any] = {}
    for key, value in urllib.parse.parse_qsl(body, keep_blank_values=True):
        if key in _JSON_FIELDS:
            params[key] = json.loads(value)
        elif key in _INT_FIELDS:
            params[key] = int(float(value))
        else:
            params[key] = value
    return params
