"""Sends queued "you said, we did" news at the pace Telegram allows.

Telegram allows a bot about 30 messages a second in all and one a second to
any one chat; past that it answers 429 with a time to wait. The pacer keeps
under both, and a 429 pauses every send for the time Telegram asked.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import partial

from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import Application

from bots.telegram import service_calls
from engage.services import chat_updates

logger = logging.getLogger(__name__)
TRIES = 3


class Pacer:
    """Spaces sends: at most ``per_second`` in all, one per ``per_chat`` seconds to a chat."""

    def __init__(self, per_second: float = 30.0, per_chat: float = 1.0,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        self.gap, self.per_chat = 1.0 / per_second, per_chat
        self.clock, self.sleep = clock, sleep
        self._next_any = 0.0
        self._next_chat: dict[int, float] = {}  # in memory only, for this run

    async def wait(self, chat_id: int) -> None:
        now = self.clock()
        ready = max(self._next_any, self._next_chat.get(chat_id, 0.0))
        if ready > now:
            await self.sleep(ready - now)
            now = max(ready, self.clock())
        self._next_any = now + self.gap
        self._next_chat[chat_id] = now + self.per_chat
        if len(self._next_chat) > 10_000:  # forget chats whose wait is over
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}

    def pause(self, seconds: float) -> None:
        self._next_any = max(self._next_any, self.clock() + seconds)


async def deliver_due(application: Application, pacer: Pacer, limit: int = 100) -> int:
    """Send up to ``limit`` waiting messages; returns how many were taken from the queue."""
    service = partial(service_calls.run, application)
    batch = await service(chat_updates.claim_due, limit)
    for item in batch:
        outcome = await _send(application, pacer, item.chat_id, item.text)
        if outcome == "sent":
            await service(chat_updates.delivered, item.outbox_id)
        elif outcome == "gone":
            await service(chat_updates.unreachable, item.outbox_id)
        else:
            await service(chat_updates.try_later, item.outbox_id, timedelta(minutes=5))
    return len(batch)


async def _send(application: Application, pacer: Pacer, chat_id: int, text: str) -> str:
    for _ in range(TRIES):
        await pacer.wait(chat_id)
        try:
            await application.bot.send_message(chat_id, text)
            return "sent"
        except RetryAfter as slow_down:
            pacer.pause(_seconds(slow_down))
        except Forbidden:  # blocked the bot, or the account is gone
            return "gone"
        except TelegramError as error:
            logger.warning("news message not sent: %s", type(error).__name__)
            return "later"
    return "later"


async def keep_delivering(application: Application, stop: asyncio.Event, every: float = 5.0) -> None:
    """Drain the outbox now and then until ``stop`` is set (runs beside long polling)."""
    pacer = Pacer()
    while not stop.is_set():
        try:
            if await deliver_due(application, pacer):
                continue  # more may be waiting: go again straight away
        except Exception as error:  # a database hiccup must not end the bot
            logger.error("news delivery failed: %s", type(error).__name__)
        try:
            await asyncio.wait_for(stop.wait(), timeout=every)
        except asyncio.TimeoutError:
            pass


def _seconds(slow_down: RetryAfter) -> float:
    wait = slow_down.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
