"""Telegram handlers: parse the update, call one chat service, say what it hands back.

Each ``async def step(update, context)`` returns where the chat now is
(``AWAITING_CODE``, ``ANSWERING``, ...), as the service read it from the
database, or None when nothing changed (a repeat, a flood). A
``ConversationHandler`` (``bots.telegram.conversation``, wired in ``app``)
routes each update by that stage, keyed by the keyed hash of the chat id, never
the chat id. Its note of the stage is a cache kept in this process only: the
conversation row in the database is the state, so a restart or another web
worker resumes from the row (``where``), and a use case always does what the
row says, whichever handler the note routed the update to.
"""
from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from telegram import Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes, ConversationHandler

from bots.telegram import render, service_calls
from bots.telegram import texts as t
from bots.telegram.keyboards import ContactChoice, Press, decode, markup, question_keyboard
from bots.telegram.texts import Words
from engage.services import chat, chat_updates
from engage.services import chat_view as v
from engage.services.chat_gate import Incoming
from engage.services.chat_view import ChatView
from surveys.i18n import DEFAULT_LANGUAGE

logger = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE

AWAITING_CODE, ANSWERING, READY_TO_SEND, AWAITING_CONTACT = range(4)
UNCHANGED = None  # the ConversationHandler keeps its note as it was
# A chat that has sent its answers keeps no note (END), so the notes a process holds are
# as many as the chats under way; if it writes again, its row says it awaits a code.
_STAGES = {v.ASK_CODE: AWAITING_CODE, v.ANSWERING: ANSWERING, v.READY: READY_TO_SEND,
           v.THANKS: ConversationHandler.END, v.CONTACT: AWAITING_CONTACT, v.NOTHING: UNCHANGED}
# chat_data key: the message this process last sent with buttons. It reaches the
# database with the chat's next update, which saves a commit per message.
KEYBOARD = "keyboard"
CALLBACK_TEXT_LIMIT = 200  # Telegram's, for the note a button's answer shows
# Set by the webhook for the update it is handling: errors are noted here so it can answer 500.
FAILURES: ContextVar[list[str] | None] = ContextVar("telegram_failures", default=None)
# Set by the webhook too: one Bot API call whose result is not needed can ride in
# the HTTP answer to Telegram (a documented webhook feature) instead of a request.
WEBHOOK_REPLY: ContextVar[dict | None] = ContextVar("telegram_webhook_reply", default=None)


async def call(context: Context, service: Callable[..., Any], *args: Any) -> Any:
    """Run a (synchronous, database) service inside the Flask app (``bots.telegram.service_calls``)."""
    return await service_calls.run(context.application, service, *args)


def words_for(context: Context, language: str = DEFAULT_LANGUAGE) -> Words:
    """The bot's words in ``language``, from the web pages' own catalogues (the app's setting)."""
    flask_app = context.application.bot_data[service_calls.FLASK_APP]
    return Words(language, tuple(flask_app.extensions["babel"].translation_directories))


def _incoming(update: Update, context: Context) -> Incoming:
    return Incoming(update.effective_chat.id, update.update_id, context.chat_data.get(KEYBOARD))


async def private_only(update: Update, context: Context) -> None:
    """Groups and channels are refused before anything else runs: answers are one to one."""
    where = update.effective_chat
    if where is None or where.type == where.PRIVATE:
        return
    try:
        if where.type != where.CHANNEL and update.effective_message is not None:
            await context.bot.send_message(where.id, words_for(context)(t.PRIVATE_ONLY))
        await context.bot.leave_chat(where.id)
    except TelegramError:
        pass  # already removed, or not allowed to speak: nothing more to do
    raise ApplicationHandlerStop


async def where(update: Update, context: Context) -> int | None:
    """Where the chat is, read from the database: for the router when it has no note of the chat."""
    return _STAGES[await call(context, chat.where, update.effective_chat.id)]


async def start(update: Update, context: Context) -> int | None:
    code = context.args[0] if context.args else None
    user = update.effective_user
    language = user.language_code if user and user.language_code else None
    view = await call(context, chat.begin, _incoming(update, context), code, language)
    return await say(update, context, view)


async def typed(update: Update, context: Context) -> int | None:
    text = str(update.effective_message.text)
    return await say(update, context, await call(context, chat.typed, _incoming(update, context), text))


async def pressed(update: Update, context: Context) -> int | None:
    query = update.callback_query
    # Stops the button's spinner, saying which answer was saved: in the webhook's answer
    # (kept free for it from the start), or sent once the work is done.
    in_answer, view = in_webhook_answer("answerCallbackQuery", callback_query_id=query.id), None
    try:
        choice = decode(query.data)
        incoming = _incoming(update, context)
        if isinstance(choice, Press):
            view = await call(context, chat.pressed, incoming, choice.tag, choice.action, choice.index)
        elif isinstance(choice, ContactChoice):
            view = await call(context, chat.contact_choice, incoming, choice.tag, choice.wants)
        elif choice is not None and choice.startswith("L:"):
            view = await call(context, chat.choose_language, incoming, choice[2:])
        elif choice is not None and choice.startswith("U:"):
            view = await call(context, chat_updates.set_updates, incoming, choice == "U:on")
        else:  # not ours, or from an older version of the bot
            view = await call(context, chat.pressed, incoming, "", "", 0)
        message = query.message if isinstance(query.message, Message) else None
        return await say(update, context, view, pressed=message)
    finally:
        # The question moves on in place, so this is what tells them their answer was taken.
        saved = f"✓ {view.chosen_label}"[:CALLBACK_TEXT_LIMIT] if view and view.chosen_label else None
        if in_answer:
            if saved:
                WEBHOOK_REPLY.get()["text"] = saved
        else:
            await _stop_spinner(query, saved)


def in_webhook_answer(method: str, **params: Any) -> bool:
    """Put a Bot API call whose result is not needed in the webhook's HTTP answer, if still free.

    Telegram makes that call itself once it has the 200 (one per answer), so
    the bot saves a request; a call that fails there is dropped, as a failed
    tidy-up would be anyway.
    """
    reply = WEBHOOK_REPLY.get()
    if reply is None or reply:
        return False
    reply.update(method=method, **params)
    return True


async def _stop_spinner(query, text: str | None = None) -> None:
    try:
        await query.answer(text)
    except BadRequest:
        pass  # the press is too old to answer: the reply below still goes


async def skip(update: Update, context: Context) -> int | None:
    return await say(update, context, await call(context, chat.command, _incoming(update, context), "skip"))


async def back(update: Update, context: Context) -> int | None:
    return await say(update, context, await call(context, chat.command, _incoming(update, context), "b"))


async def stop(update: Update, context: Context) -> int | None:
    view = await call(context, chat.stop, _incoming(update, context))
    await say(update, context, view)
    # The chat is forgotten, so is the router's note of it; a repeated /stop changed nothing.
    return ConversationHandler.END if view.notice == v.STOPPED else UNCHANGED


async def language(update: Update, context: Context) -> int | None:
    wanted = context.args[0].lower() if context.args else None
    view = await call(context, chat.choose_language, _incoming(update, context), wanted)
    return await say(update, context, view)


async def updates(update: Update, context: Context) -> int | None:
    said = context.args[0].lower() if context.args else ""
    on = {"on": True, "yes": True, "off": False, "no": False}.get(said)
    view = await call(context, chat_updates.set_updates, _incoming(update, context), on)
    return await say(update, context, view)


async def help_(update: Update, context: Context) -> int | None:
    view = await call(context, chat.look, _incoming(update, context))
    words = words_for(context, view.language)
    return await say(update, context, view, lead=f"{words(t.HELP)}\n\n{words.help_lines()}")


async def privacy(update: Update, context: Context) -> int | None:
    view = await call(context, chat.look, _incoming(update, context))
    return await say(update, context, view, lead=words_for(context, view.language)(t.PRIVACY))


async def edited(update: Update, context: Context) -> int | None:
    """An edit is not applied (the answer stands as sent), but its words are still checked."""
    message = update.effective_message
    view = await call(context, chat.look, _incoming(update, context), message.text or message.caption)
    return await say(update, context, view, lead=words_for(context, view.language)(t.EDITED))


async def unsupported(update: Update, context: Context) -> int | None:
    """A sticker, photo, voice note, file, location...: a kind word, then the question again."""
    view = await call(context, chat.look, _incoming(update, context), update.effective_message.caption, True)
    return await say(update, context, view, lead=words_for(context, view.language)(t.UNSUPPORTED))


async def failed(update: object, context: Context) -> None:
    """Log what broke, never the update itself (it holds names and chat ids)."""
    error = context.error
    logger.error("a Telegram update could not be handled: %s\n%s", type(error).__name__,
                 "".join(traceback.format_tb(error.__traceback__)) if error else "")
    noted = FAILURES.get()
    if noted is not None:
        noted.append(type(error).__name__)


async def say(update: Update, context: Context, view: ChatView, *,
              pressed: Message | None = None, lead: str | None = None) -> int | None:
    """Send the view: help first if the words were worrying, then notice, then the screen."""
    stage = _STAGES.get(view.stage, UNCHANGED)
    if view.quiet:
        return stage
    bot, chat_id, words = context.bot, update.effective_chat.id, words_for(context, view.language)
    if view.notice == v.SLOW_DOWN:
        await render.send(bot, chat_id, words(t.SLOW_DOWN))
        return stage
    if view.concern:
        for text, keyboard in render.help_now(view, words):
            await render.send(bot, chat_id, text, keyboard)
        if view.concern_language:  # they wrote in another language: the help lines in it as well
            await render.send(bot, chat_id, words_for(context, view.concern_language).help_lines_alone())
    if pressed is not None and view.refresh_keyboard:
        try:
            await bot.edit_message_reply_markup(chat_id, pressed.message_id,
                                                api_kwargs=markup(question_keyboard(view, words)))
        except BadRequest:
            pass  # "message is not modified" after a double tap
        return stage
    tidy = []  # old buttons to take away: done alongside the new messages, whose order matters
    if pressed is not None or view.previous_keyboard is not None:
        context.chat_data.pop(KEYBOARD, None)
    stale = view.previous_keyboard
    if stale not in (None, pressed.message_id if pressed else None) and not in_webhook_answer(
        "editMessageReplyMarkup", chat_id=chat_id, message_id=stale  # no markup: the buttons go
    ):
        tidy.append(render.take_buttons(bot, chat_id, stale))
    if pressed is not None and lead is None and _moves_on(view):
        text, keyboard = render.screen(view, words)
        if await render.replace(bot, chat_id, pressed.message_id, text, keyboard):
            if keyboard is not None:
                context.chat_data[KEYBOARD] = pressed.message_id
            await asyncio.gather(*tidy)
            return stage
    if pressed is not None:
        tidy.append(render.take_buttons(bot, chat_id, pressed.message_id, view.chosen_label, pressed.text))

    async def talk() -> None:
        if lead:
            await render.send(bot, chat_id, lead)
        screen = render.screen(view, words) if view.show_screen else (None, None)
        for text, keyboard in (render.notice(view, words), screen):
            if text:
                sent_id = await render.send(bot, chat_id, text, keyboard)
                if keyboard is not None:
                    context.chat_data[KEYBOARD] = sent_id

    await asyncio.gather(*tidy, talk())
    return stage


def _moves_on(view: ChatView) -> bool:
    """Whether a press only took the chat to another question (or to Send): nothing to say first."""
    return (view.show_screen and view.notice is None and not view.concern and not view.offer_contact
            and view.stage in (v.ANSWERING, v.READY))
