"""What every chat update passes before it does anything: once only, not too fast.

``turn`` opens the unit of work for one update: it records the update id (a
retried delivery finds it and does nothing), finds or makes the chat's
conversation row under a lock, and counts the chat's recent messages. The
use case then runs in the same transaction, so an update is either applied
and marked as seen together, or neither (and Telegram's retry applies it).

Every update reads and writes the chat's row, so it is handled as a plain
row (``Conversation``) and written back in one UPDATE of what changed: a
fraction of the work of loading, tracking and flushing an ORM object.
"""
from __future__ import annotations

import copy
import hashlib
import hmac
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from engage.database import row_update, writing
from engage.extensions import db
from engage.prepared import Prepared
from engage.models import utcnow
from engage.models_chat import ChatConversation, ChatSeenUpdate
from surveys.i18n import DEFAULT_LANGUAGE

# A flood: more than this many messages from one chat inside the window.
FLOOD_MESSAGES = 20
FLOOD_WINDOW = timedelta(seconds=30)
# Telegram retries a webhook delivery for well under a day; ids older than this are dropped.
SEEN_KEPT = timedelta(days=2)
_PRUNE_EVERY = 500


class Ignored(Exception):
    """This update was handled before: do nothing, say nothing."""


class Flooded(Exception):
    """Too many messages from this chat just now; ``first`` is True once per window."""

    def __init__(self, first: bool):
        super().__init__("flooded")
        self.first = first


@dataclass(frozen=True)
class Incoming:
    """One update from one chat, as a handler hands it to a use case."""

    chat_id: int
    update_id: int
    # The message whose buttons this process last sent to the chat, if it knows:
    # saved with the update's own unit of work rather than in a commit of its own.
    keyboard: int | None = None


class Conversation:
    """One chat's row as read at the start of an update; what the use case changes is written back.

    Values are replaced, never changed in place (``screen`` included), but the
    row as read is kept as a copy all the same, so that a change is never missed.
    """

    COLUMNS = ("id", "chat_key", "join_code", "token", "language", "screen",
               "keyboard_message_id", "flood_since", "flood_count")
    __slots__ = (*COLUMNS, "forgotten", "_read")

    def __init__(self, row: Any):
        for name in self.COLUMNS:
            setattr(self, name, getattr(row, name))
        self.screen = self.screen or {}
        self.forgotten = False
        self._read = {name: copy.deepcopy(getattr(self, name)) for name in self.COLUMNS}

    def forget(self) -> None:
        """Delete the row when the update's unit of work ends (/stop)."""
        self.forgotten = True

    def changes(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.COLUMNS if getattr(self, name) != self._read[name]}


@dataclass(frozen=True)
class Turn:
    conversation: Conversation


def chat_key(chat_id: int, config: Mapping[str, Any] | None = None) -> str:
    """An HMAC of the chat id: finds a chat's row without saying whose it is.

    ``config`` is the app's, for callers outside an app context (the bot's
    conversation router keys its in-memory state by this same hash).
    """
    config = current_app.config if config is None else config
    secret = config.get("TELEGRAM_CHAT_KEY")
    if secret:
        key = secret.encode()
    else:  # derived, so that a different purpose never shares the raw SECRET_KEY
        key = hmac.new(config["SECRET_KEY"].encode(), b"engage telegram chat key", hashlib.sha256).digest()
    return hmac.new(key, str(int(chat_id)).encode(), hashlib.sha256).hexdigest()


def mark_seen(update_id: int) -> bool:
    """Record the update id in the current unit of work; False if it was there already."""
    fresh = _insert_once(ChatSeenUpdate, update_id=update_id, seen_at=utcnow())
    if fresh and update_id % _PRUNE_EVERY == 0:
        db.session.execute(delete(ChatSeenUpdate).where(ChatSeenUpdate.seen_at < utcnow() - SEEN_KEPT))
    return fresh


@contextmanager
def turn(incoming: Incoming, counts: bool = True) -> Iterator[Turn]:
    """One update's unit of work; raise Ignored (seen before) or Flooded instead of running.

    The row's own bookkeeping (the message with buttons, the flood count) is
    written with the use case's changes to the row, in one UPDATE.
    """
    flooded: Flooded | None = None
    with writing():
        if not mark_seen(incoming.update_id):
            raise Ignored()
        conversation = conversation_for(incoming.chat_id, create=True)
        if incoming.keyboard is not None:  # written below, unless the use case takes it away
            conversation.keyboard_message_id = incoming.keyboard
        window = _count(conversation) if counts else None
        flooded = window.flooded if window else None
        if flooded is None:
            yield Turn(conversation)
        if window is not None:
            conversation.flood_since, conversation.flood_count = window.since, window.count
        _write(conversation)
    # Raised after the commit: the seen id and the count stay, the message does nothing.
    if flooded is not None:
        raise flooded


def conversation_for(chat_id: int, create: bool = False, lock: bool = True) -> Conversation | None:
    """This chat's row, locked for the rest of the unit of work (unless only read)."""
    key = chat_key(chat_id)
    found = (_FIND if lock else _READ).first({"key": key})
    if found is None and create:
        # Two first messages at once from one chat must not both insert.
        _insert_once(ChatConversation, chat_key=key, screen={}, flood_count=0, updated_at=utcnow())
        found = _FIND.first({"key": key})
    return None if found is None else Conversation(found)


def _write(conversation: Conversation) -> None:
    if conversation.forgotten:
        _DELETE.rows({"row": conversation.id})
        return
    changes = conversation.changes()
    if changes:
        changes["updated_at"] = utcnow()
        row_update(_TABLE, tuple(sorted(changes))).rows({"row": conversation.id, **changes})


def speaks(conversation: Conversation) -> str:
    """The chat's language: as chosen, else as Telegram's app reported at /start, else English."""
    return conversation.language or DEFAULT_LANGUAGE


@dataclass(frozen=True)
class _Window:
    since: datetime
    count: int
    flooded: Flooded | None


def _count(conversation: Conversation) -> _Window:
    """This message counted in the chat's window; ``flooded`` past the limit."""
    now = utcnow()
    since = conversation.flood_since
    if since is None or now - since > FLOOD_WINDOW:
        return _Window(now, 1, None)
    count = conversation.flood_count + 1
    flooded = Flooded(first=count == FLOOD_MESSAGES + 1) if count > FLOOD_MESSAGES else None
    return _Window(since, count, flooded)


# Built once: making a statement costs more than running it, on every update.
_TABLE = ChatConversation.__table__
_SELECT = select(*(_TABLE.c[name] for name in Conversation.COLUMNS)).where(_TABLE.c.chat_key == bindparam("key"))
_READ, _FIND = Prepared(_SELECT), Prepared(_SELECT.with_for_update())
_DELETE = Prepared(delete(_TABLE).where(_TABLE.c.id == bindparam("row")))

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}  # the two databases Engage runs on


@lru_cache(maxsize=8)
def _insert_once_statement(dialect: str, model: type, columns: tuple[str, ...]):
    table = model.__table__
    key = table.primary_key.columns[0] if model is ChatSeenUpdate else table.c.chat_key
    return Prepared(
        _INSERTS[dialect](table)
        .values({name: bindparam(name, type_=table.c[name].type) for name in columns})
        .on_conflict_do_nothing(index_elements=[key])
        .returning(key)
    )


def _insert_once(model: type, **values) -> bool:
    """INSERT that does nothing when the row's key exists; True if a row went in.

    A row comes back only if one went in (rowcount is not kept for INSERT on
    every driver).
    """
    dialect = db.session.get_bind().dialect.name
    statement = _insert_once_statement(dialect, model, tuple(sorted(values)))
    return statement.first(values) is not None
