"""A ConversationHandler that routes by where a chat is, without ever holding its chat id.

python-telegram-bot's ``ConversationHandler`` keeps each chat's state in a dict
in this process, keyed by the raw chat id. Here the key is the keyed hash the
chat services already use (``engage.services.chat_gate.chat_key``), and the
state is only a routing note: the chat's row in the database is the
conversation. When the note is missing (a restart, or another worker had the
chat's last update) the catch-all entry point asks the database where the chat
is and hands the update to that state's handler, so nothing is lost. When the
note is stale, the use case still reads the row under its lock and does what
the row says, and the stage it hands back puts the note right.
"""
from __future__ import annotations

import warnings
from collections.abc import Awaitable, Callable, Sequence

from telegram import Update
from telegram.ext import BaseHandler, ContextTypes, ConversationHandler, TypeHandler
from telegram.warnings import PTBUserWarning

Context = ContextTypes.DEFAULT_TYPE
Where = Callable[[Update, Context], Awaitable[object]]


class KeyedConversation(ConversationHandler):
    """One conversation per private chat, keyed by ``keyed(chat_id)``; ``where`` reads a chat's state."""

    def __init__(self, *, keyed: Callable[[int], str], where: Where, entry_points: Sequence[BaseHandler],
                 states: dict[object, list[BaseHandler]], fallbacks: Sequence[BaseHandler]):
        self._keyed, self._where = keyed, where
        with warnings.catch_warnings():
            # PTB warns that a CallbackQueryHandler is not tracked per message unless
            # per_message=True. That is meant: a press names its screen in its callback
            # data, and the chat's row says whether that screen is still on show.
            warnings.filterwarnings("ignore", "If 'per_message=False'", PTBUserWarning)
            super().__init__(
                entry_points=[*entry_points, TypeHandler(Update, self._resume)],
                states=states,
                fallbacks=list(fallbacks),
                per_chat=True,
                per_user=False,  # private chats only (groups are refused first): the chat is the person
                name="survey",
                persistent=False,  # PTB's persistence would store the keys: the database is the state
            )

    def key_for(self, chat_id: int) -> tuple[str]:
        return (self._keyed(chat_id),)

    def state_of(self, chat_id: int) -> object | None:
        """The routing note for a chat, if this process has one (for tests and debugging)."""
        # PTB keeps the notes in _conversations and offers no reader of its own; read only.
        return self._conversations.get(self.key_for(chat_id))

    def _get_key(self, update: Update) -> tuple[str]:
        # Overrides a private hook: PTB v20-v22 build every conversation key here and
        # nowhere else, from the raw chat (and user) id. The hash keeps chat ids out
        # of the dict, and so out of anything that might ever persist or log it.
        return self.key_for(update.effective_chat.id)

    async def _resume(self, update: Update, context: Context) -> object | None:
        """No note of this chat: ask the database where it is, then handle the update as there."""
        stage = await self._where(update, context)
        for handler in (*self.states.get(stage, ()), *self.fallbacks):
            check = handler.check_update(update)
            if check is not None and check is not False:
                after = await handler.handle_update(update, context.application, check, context)
                return stage if after is None else after
        return None  # nothing here takes this kind of update (e.g. the bot was blocked)
