"""How the bot talks to the Bot API: python-telegram-bot's own HTTPX request, less one cost."""
from __future__ import annotations

from typing import Any

from telegram.request import HTTPXRequest

# What python-telegram-bot's ApplicationBuilder gives the bot's own calls.
CONNECTION_POOL_SIZE = 256


class ButtonsNotReadBack(HTTPXRequest):
    """Telegram answers a sent or edited message with the whole message, its buttons too.

    python-telegram-bot turns each button into an object, and a question's
    dozen buttons cost more than the rest of the call (about 0.15 ms of CPU
    each time). The bot made those buttons and never reads them back, so they
    are dropped from the answer before it is turned into objects.
    """

    def __init__(self, **settings: Any) -> None:
        super().__init__(connection_pool_size=CONNECTION_POOL_SIZE, **settings)

    @staticmethod
    def parse_json_payload(payload: bytes) -> dict:
        answer = HTTPXRequest.parse_json_payload(payload)
        result = answer.get("result") if isinstance(answer, dict) else None
        if isinstance(result, dict):
            result.pop("reply_markup", None)
        return answer
