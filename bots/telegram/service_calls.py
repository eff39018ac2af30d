"""Running Engage's services (synchronous, and on the database) from the bot's asyncio loop.

On SQLite a service runs right on the loop: the database is a file in this
process that takes one writer at a time, so another thread would only add two
thread switches to every update (a sixth of an update's CPU in bench/bot.py).
On PostgreSQL it runs on the process's one database thread, so that the loop
goes on sending while the database answers over the network; one thread rather
than a pool, because threads contending for the interpreter cost more CPU than
the waits they overlap (bench/bot.py: 8.2 ms of CPU an update with one, 10.6
with asyncio's default pool of six).
"""
from __future__ import annotations

import asyncio
import contextvars
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from flask import Flask
from telegram.ext import Application

from engage.database import database_name

# bot_data keys: the Flask app the services run in, and whether they run on the loop.
FLASK_APP, ON_LOOP = "flask_app", "services_on_loop"

_DATABASE_THREADS: dict[int, ThreadPoolExecutor] = {}
_MAKING_THREAD = threading.Lock()


def attach(application: Application, flask_app: Flask) -> None:
    """Give the bot its Flask app, and choose where services run for that app's database."""
    application.bot_data[FLASK_APP] = flask_app
    with flask_app.app_context():
        application.bot_data[ON_LOOP] = database_name() == "sqlite"


async def run(application: Application, service: Callable[..., Any], *args: Any) -> Any:
    """``service(*args)`` inside the bot's Flask app, where its database wants it run."""
    flask_app = application.bot_data[FLASK_APP]

    def work() -> Any:
        with flask_app.app_context():
            return service(*args)

    if application.bot_data.get(ON_LOOP):
        return work()
    running = contextvars.copy_context()
    return await asyncio.get_running_loop().run_in_executor(database_thread(), running.run, work)


def database_thread() -> ThreadPoolExecutor:
    """This process's database thread, made on first use (so after gunicorn forks)."""
    pid = os.getpid()
    found = _DATABASE_THREADS.get(pid)
    if found is None:
        with _MAKING_THREAD:
            if pid not in _DATABASE_THREADS:
                _DATABASE_THREADS.clear()  # a parent's executor: its thread did not come with the fork
                _DATABASE_THREADS[pid] = ThreadPoolExecutor(1, thread_name_prefix="telegram-database")
            found = _DATABASE_THREADS[pid]
    return found
