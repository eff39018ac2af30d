"""Long polling: ``engage bot run`` (and the tests) run the bot until told to stop."""
from __future__ import annotations

import asyncio
import contextlib
import signal
from datetime import timedelta

from telegram.ext import Application

from bots.telegram.app import ALLOWED_UPDATES
from bots.telegram.sender import keep_delivering


async def serve(application: Application, stop: asyncio.Event,
                poll_timeout: timedelta = timedelta(seconds=10), deliver_every: float = 5.0) -> None:
    """Fetch updates and send queued news until ``stop`` is set, then close cleanly."""
    async with application:  # initialize() before, shutdown() after
        await application.start()
        await application.updater.start_polling(
            timeout=poll_timeout, allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False
        )
        news = asyncio.create_task(keep_delivering(application, stop, deliver_every))
        try:
            await stop.wait()
        finally:
            news.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await news
            await application.updater.stop()
            await application.stop()


async def serve_until_signalled(application: Application) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await serve(application, stop)
