"""Tagging new answers a moment after they are saved, many at a time, on a thread of the process.

Tagging one answer on its own costs about four times what it costs in a batch
of ten (two transactions, the tagger's set-up, the sentiment model's), and in
the request it made a young person wait for it. So a web or chat request only
hands the ids of its committed answers to this process's tagging thread and
answers at once; the thread gathers what arrives within ``GATHER_SECONDS`` and
tags it in one go. At exit the thread tags what is still waiting; an answer a
crash leaves untagged is caught up when its response is sent, or by
``engage themes retag``.
"""
from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable

from flask import Flask

logger = logging.getLogger(__name__)

# Long enough for a busy event's answers to share a batch, short enough to feel instant.
GATHER_SECONDS = 0.5
EXIT_WAIT_SECONDS = 10.0
_EXTENSION = "engage_background_tagging"
_MAKING = threading.Lock()

Ready = tuple[int, bool]  # an answer id, and whether to tag it only if never tagged


class BackgroundTagger:
    """One process's tagging thread for one app."""

    def __init__(self, app: Flask, tag: Callable[[set[Ready]], int]):
        self.app, self.tag = app, tag
        self.pid = os.getpid()
        self.waiting: set[Ready] = set()
        self.busy = False
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self._run, name="engage-tagging", daemon=True)
        self.thread.start()
        atexit.register(self.drain, EXIT_WAIT_SECONDS)

    def add(self, ready: Iterable[Ready]) -> None:
        with self.changed:
            self.waiting.update(ready)
            self.changed.notify_all()

    def drain(self, timeout: float = EXIT_WAIT_SECONDS) -> bool:
        """Wait until everything handed over so far is tagged; False if that took too long."""
        with self.changed:
            return self.changed.wait_for(lambda: not self.waiting and not self.busy, timeout)

    def _run(self) -> None:
        while True:
            with self.changed:
                self.changed.wait_for(lambda: self.waiting)
                self.busy = True
            time.sleep(GATHER_SECONDS)  # the answers of the next moment join this batch
            with self.changed:
                batch, self.waiting = self.waiting, set()
            try:
                with self.app.app_context():
                    self.tag(batch)
            except Exception as error:  # noqa: BLE001 - the thread must outlive one bad batch
                logger.warning("Could not tag %d new answers (%s); `engage themes retag` will",
                               len(batch), type(error).__name__)
            finally:
                with self.changed:
                    self.busy = False
                    self.changed.notify_all()


def hand_over(app: Flask, ready: Iterable[Ready], tag: Callable[[set[Ready]], int]) -> None:
    """Give committed answers to this process's tagging thread (made on first use, after a fork)."""
    tagger(app, tag).add(ready)


def tagger(app: Flask, tag: Callable[[set[Ready]], int]) -> BackgroundTagger:
    found = app.extensions.get(_EXTENSION)
    if found is None or found.pid != os.getpid():  # a forked worker needs its own thread
        with _MAKING:
            found = app.extensions.get(_EXTENSION)
            if found is None or found.pid != os.getpid():
                found = app.extensions[_EXTENSION] = BackgroundTagger(app, tag)
    return found


def drain(app: Flask, timeout: float = EXIT_WAIT_SECONDS) -> bool:
    """Wait for this process's tagging thread, if it has one, to tag what it holds."""
    found = app.extensions.get(_EXTENSION)
    return True if found is None or found.pid != os.getpid() else found.drain(timeout)
